package org.jiandu.ledger.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/** {@code jiandu:checkpoint}: sequence what is queued and sign a checkpoint now, if the tree grew. */
@Command(scope = "jiandu", name = "checkpoint", description = "Sequence queued entries and sign a ledger checkpoint now")
@Service
public class CheckpointCommand implements Action {
    @Reference
    private TreeService tree;

    @Override
    public Object execute() throws Exception {
        TreeService.CheckpointRow row = tree.checkpointNow();
        if (row == null) {
            System.out.println("No entry yet: nothing to sign");
        } else {
            System.out.printf("Checkpoint %d: %d entries, root %s, signed %s by %s+%s%n%n%s", row.number(), row.size(),
                    row.rootHash(), row.signedAt(), row.keyName(), row.keyId(), row.note());
        }
        return null;
    }
}
