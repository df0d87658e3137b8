package org.jiandu.monitor.internal;

import java.time.Duration;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.ledger.FollowerStatus;
import org.jiandu.api.ledger.LedgerFollower;

/** {@code jiandu:monitor-stats [--reset] [--catch-up]}: evaluation figures, rules in use, readiness. */
@Command(scope = "jiandu", name = "monitor-stats", description = "Node monitor: rules, readiness, evaluation cost")
@Service
public class MonitorStatsCommand implements Action {
    @Reference
    private NodeMonitor monitor;

    @Reference
    private RuleRegistry rules;

    @Reference
    private LedgerFollower follower;

    @Option(name = "--reset", description = "clear the figures after printing them")
    private boolean reset;

    @Option(name = "--catch-up", description = "run a catch-up pass over the ledger first")
    private boolean catchUp;

    @Override
    public Object execute() throws Exception {
        if (catchUp) {
            System.out.printf("catch-up: %d entries delivered%n",
                    follower.catchUpNow(NodeMonitor.CONSUMER_ID, Duration.ofMinutes(10)));
        }
        System.out.printf("ready: %s; rules in use: %d; missing required rules: %s%n", rules.isReady(),
                rules.rules().size(), rules.missing());
        FollowerStatus f = follower.status(NodeMonitor.CONSUMER_ID).orElse(null);
        if (f == null) {
            System.out.println("ledger follower: the monitor is not registered with it");
        } else {
            System.out.printf("ledger follower: node %s %s (lease holder %s); cursor at global index %d (recorded %s);"
                    + " lag %d s; queued %d; delivered %d; refused batches %d%n", f.node(),
                    f.active() ? "delivers" : "stands by", f.leaseHolder(), f.position(), f.cursor(),
                    f.lagMillis() / 1000, f.queued(), f.delivered(), f.failures());
        }
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
