package org.jiandu.monitor.internal;

import java.util.List;

import org.jiandu.api.alert.AlertLevel;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code jiandu:alerts [--court 京0105] [--level OVERDUE] [--open] [--limit 50]}: the newest alerts. */
@Command(scope = "jiandu", name = "alerts", description = "List alerts (reminders, overdue, escalations), newest first")
@Service
public class AlertsCommand implements Action {
    @Reference
    private MonitorStore store;

    @Option(name = "--court", description = "court code (京0105), or a province abbreviation (京) for its courts")
    private String court;

    @Option(name = "--level", description = "REMINDER, OVERDUE or ESCALATED")
    private String level;

    @Option(name = "--open", description = "only alerts not yet acknowledged")
    private boolean open;

    @Option(name = "--limit", description = "how many (default 50, at most 1000)")
    private int limit = 50;

    @Override
    public Object execute() {
        AlertLevel lvl = level == null ? null : AlertLevel.valueOf(level.strip().toUpperCase(java.util.Locale.ROOT));
        String exact = court != null && court.length() > 1 ? court : null;
        String prefix = court != null && court.length() == 1 ? court : null;
        List<AlertEntity> rows = store.alerts(new MonitorStore.AlertFilter(exact, prefix, lvl, open ? false : null,
                null, null, null, null, null, null, Math.max(1, Math.min(1000, limit))));
        System.out.printf("%d alert(s)%n", rows.size());
        for (AlertEntity a : rows) {
            System.out.printf("%-12d %-9s %-26s due %-10s raised %s  %s%s%n", a.getId(), a.getLevel(),
                    a.getCaseNumber(), a.getDueDate(), MonitorStore.day(a.getRaisedAt()), a.getRuleId(),
                    a.getAcknowledgedAt() == null ? "" : "  [acknowledged by " + a.getAcknowledgedBy() + "]");
            System.out.printf("             → %s: %s%n", a.getAddressee(), a.getMessage());
        }
        return null;
    }
}
