package org.jiandu.calendar.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.calendar.WorkingCalendar;
import org.osgi.annotation.bundle.Header;

/**
 * {@code jiandu:deadline 2024-09-27 5 WD [--deduct 2024-10-01/2024-10-05 …]}: prints the due date and its
 * explanation, the same lines as the {@code text} of {@code GET /api/v1/calendar/deadline}.
 *
 * <p>The {@code Karaf-Commands: *} manifest header, declared here, makes Karaf's shell scan this bundle for
 * {@link Service} commands.
 */
@Service
@Header(name = "Karaf-Commands", value = "*")
@Command(scope = "jiandu", name = "deadline",
        description = "Computes a statutory deadline on the working-day calendar and explains it")
public class DeadlineCommand implements Action {

    @Reference
    WorkingCalendar calendar;

    @Argument(index = 0, name = "from", required = true,
            description = "Trigger: a day (2024-09-27) or, for unit H, an instant (2024-09-27T10:00+08:00)")
    String from;

    @Argument(index = 1, name = "amount", required = true, description = "Number of units (0–100000)")
    String amount;

    @Argument(index = 2, name = "unit", required = true,
            description = "WD (工作日, working days), D (日, days), M (月, months) or H (小时, hours)")
    String unit;

    @Option(name = "--deduct", aliases = "-d", multiValued = true,
            description = "A deducted period (扣除期限) START/END, both days inclusive; repeatable")
    List<String> deduct;

    @Override
    public Object execute() {
        lines().forEach(System.out::println);
        return null;
    }

    List<String> lines() {
        return DeadlineText.lines(calendar.deadline(DeadlineArguments.parse(from, amount, unit, deduct)));
    }
}
