package org.jiandu.ledger.internal.follow;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.ledger.follower} ({@code etc/org.jiandu.ledger.follower.cfg}): how the ledger
 * follower reads the ledger for its consumers. See README "Following the ledger".
 */
@ObjectClassDefinition(name = "Jiandu ledger follower",
        description = "Delivers every ledger entry, durably and in order per case, to every registered LedgerConsumer")
public @interface FollowerConfig {
    String PID = "org.jiandu.ledger.follower";

    @AttributeDefinition(description = "Seconds between catch-up passes, which reread the ledger from each cursor less the commit lag")
    int catchUp_intervalSeconds() default 60;

    @AttributeDefinition(description = "Seconds a ledger commit may lag behind its recording time: each catch-up pass rereads this much before the cursor")
    int catchUp_commitLagSeconds() default 120;

    @AttributeDefinition(description = "Seconds between reads of entries newer than the last one seen (entries appended on other nodes); 0 = only EventAdmin and the catch-up passes")
    int poll_seconds() default 5;

    @AttributeDefinition(description = "Seconds a node's lease on a shared consumer lasts unless renewed (renewed every third of it)")
    int lease_seconds() default 30;

    @AttributeDefinition(description = "Health shows a consumer DEGRADED when it is this many seconds behind the ledger")
    int lag_degradedSeconds() default 300;

    @AttributeDefinition(description = "This node's id in leases; empty = karaf.name@host name. Set it when two nodes share a host and a karaf.name")
    String node_id() default "";

    @AttributeDefinition(description = "Entries received on EventAdmin waiting for delivery, per consumer; beyond it they are left to the next read of the ledger")
    int queue_capacity() default 100_000;
}
