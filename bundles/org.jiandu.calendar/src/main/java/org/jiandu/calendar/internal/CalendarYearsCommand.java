package org.jiandu.calendar.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.calendar.CalendarCoverage;
import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.WorkingCalendar;

/**
 * {@code jiandu:calendar-years}: the covered years with their versions and sources, the fallback setting, and
 * every refused configuration with its reason, to check that a dropped {@code etc/} file was taken.
 */
@Service
@Command(scope = "jiandu", name = "calendar-years",
        description = "Lists the calendar years loaded (bundled or configured), their versions, and refused configurations")
public class CalendarYearsCommand implements Action {

    @Reference
    WorkingCalendar calendar;

    @Override
    public Object execute() {
        lines().forEach(System.out::println);
        return null;
    }

    List<String> lines() {
        CalendarCoverage c = calendar.coverage();
        List<String> out = new ArrayList<>();
        for (CalendarVersion v : c.years()) {
            out.add(v.year() + "  " + v.notice() + "  digest " + v.digest() + "  from " + v.source());
        }
        out.add("Weekends-only fallback for other years: " + (c.fallbackWeekendsOnly() ? "on (results provisional)"
                : "off (CALENDAR_NOT_COVERED)"));
        for (CalendarCoverage.Rejection r : c.rejected()) {
            out.add("REFUSED " + r.source() + (r.year() == null ? "" : " (year " + r.year() + ")") + ": " + r.message());
        }
        return out;
    }
}
