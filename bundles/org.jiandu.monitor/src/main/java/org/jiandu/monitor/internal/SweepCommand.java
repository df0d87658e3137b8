package org.jiandu.monitor.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code jiandu:sweep}: raise due alerts now (the sweeper also runs periodically) and say what it did. */
@Command(scope = "jiandu", name = "sweep", description = "Raise due alerts now and print what was done")
@Service
public class SweepCommand implements Action {
    @Reference
    private Sweeper sweeper;

    @Override
    public Object execute() throws Exception {
        Sweeper.Result r = sweeper.sweep();
        System.out.printf("sweep: %d alert(s) raised on %d deadline(s) in %d batch(es), %d reminder(s) skipped "
                + "(already overdue), %d row(s) taken by another node, %d ms (%s)%n", r.raised(), r.claimed(), r.batches(),
                r.skipped(), r.lostRaces(), r.millis(), r.phases());
        return null;
    }
}
