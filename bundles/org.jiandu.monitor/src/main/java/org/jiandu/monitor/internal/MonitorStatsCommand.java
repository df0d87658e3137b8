package org.jiandu.monitor.internal;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code jiandu:monitor-stats [--reset] [--catch-up]}: evaluation figures, rules in use, readiness. */
@Command(scope = "jiandu", name = "monitor-stats", description = "Node monitor: rules, readiness, evaluation cost")
@Service
public class MonitorStatsCommand implements Action {
    @Reference
    private NodeMonitor monitor;

    @Option(name = "--reset", description = "clear the figures after printing them")
    private boolean reset;

    @Option(name = "--catch-up", description = "run a catch-up pass over the ledger first")
    private boolean catchUp;

    @Override
    public Object execute() throws Exception {
        if (catchUp) {
            System.out.printf("catch-up: %d entries evaluated%n", monitor.catchUpNow());
        }
        System.out.printf("ready: %s; rules in use: %d; queued: %d; deliveries left to catch-up: %d%n",
                monitor.isReady(), monitor.rules().size(), monitor.queued(), monitor.lostDeliveries());
        MonitorStats s = monitor.stats();
        for (Map.Entry<String, Object> e : s.snapshot().entrySet()) {
            System.out.printf("  %-28s %s%n", e.getKey(), e.getValue());
        }
        System.out.printf("  per-entry evaluation µs: p50 %.1f  p90 %.1f  p99 %.1f%n", s.perEntryMicros(0.5),
                s.perEntryMicros(0.9), s.perEntryMicros(0.99));
        System.out.printf("  rules alone per entry µs:   p50 %.1f  p90 %.1f  p99 %.1f%n", s.rulesMicros(0.5),
                s.rulesMicros(0.9), s.rulesMicros(0.99));
        if (reset) {
            s.reset();
        }
        return null;
    }
}
