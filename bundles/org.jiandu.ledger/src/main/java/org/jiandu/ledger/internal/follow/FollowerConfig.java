package org.jiandu.ledger.internal.follow;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.ledger.follower} ({@code etc/org.jiandu.ledger.follower.cfg}): how the ledger
 * follower reads the ledger for its consumers. See README "Following the ledger". Read with
 * {@link org.jiandu.api.config.ConfigReader}: a value outside the bounds declared here is refused with an ERROR naming
 * PID and key and replaced by its default, and health ({@code jiandu.follower}) shows DEGRADED.
 */
@ObjectClassDefinition(name = "Jiandu ledger follower",
        description = "Delivers every ledger entry, durably and in order per case, to every registered LedgerConsumer")
public @interface FollowerConfig {
    String PID = "org.jiandu.ledger.follower";

    /** What {@code node.id} may be: letters, digits, {@code . _ - @}, at most 100 (empty: the default). */
    String NODE_ID = "[A-Za-z0-9._@-]{0,100}";

    @AttributeDefinition(description = "Seconds between catch-up passes: each reads the global index from the cursor to its end, stores the cursor and calls the consumer's caughtUp()",
            min = "1", max = "86400")
    int catchUp_intervalSeconds() default 60;

    @AttributeDefinition(description = "Seconds between reads of the global index from the cursor (entries appended on other nodes, publications lost); 0 = only EventAdmin and the catch-up passes",
            min = "0", max = "3600")
    int poll_seconds() default 5;

    @AttributeDefinition(description = "Seconds a node's lease on a shared consumer lasts unless renewed (renewed every third of it)",
            min = "3", max = "3600")
    int lease_seconds() default 30;

    @AttributeDefinition(description = "Health shows a consumer DEGRADED when it is this many seconds behind the ledger",
            min = "1", max = "604800")
    int lag_degradedSeconds() default 300;

    @AttributeDefinition(description = "This node's id in leases: letters, digits, '.', '_', '-', '@', at most 100; empty = karaf.name@host name. Set it when two nodes share a host and a karaf.name")
    String node_id() default "";

    @AttributeDefinition(description = "Entries received on EventAdmin waiting for delivery, per consumer; beyond it they are left to the next read of the ledger",
            min = "1000", max = "10000000")
    int queue_capacity() default 100_000;
}
