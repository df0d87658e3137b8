package org.jiandu.api.ledger;

import java.time.Instant;

/**
 * How far the follower has delivered the ledger to one consumer on this node.
 *
 * @param consumerId  {@link LedgerConsumer#id()}
 * @param scope       where its cursor is kept
 * @param node        this node's id (configuration {@code node.id} of {@code org.jiandu.ledger.follower})
 * @param active      whether this node delivers to it: always for {@code PER_NODE}; for {@code SHARED} whether this
 *                    node holds the lease
 * @param leaseHolder the node holding a {@code SHARED} consumer's lease (null when none, or {@code PER_NODE})
 * @param ready       {@link LedgerConsumer#ready()} at the last look
 * @param cursor      the recording time of the newest entry the consumer accepted, for people ({@link Instant#EPOCH}
 *                    when none yet, and after a restart until one is); the cursor itself is {@code position}
 * @param lagMillis   how far behind the consumer is: 0 when the last pass reached the end of the ledger with
 *                    everything accepted, otherwise the time since it last did (or since it started)
 * @param queued      entries received on EventAdmin and not yet delivered
 * @param delivered   entries accepted since this node started the consumer
 * @param failures    batches the consumer refused (threw) since then
 * @param lastError   the last refusal's message, or null
 * @param position    the cursor: the global index of the first entry not accepted yet (every entry below it was;
 *                    what a restart resumes from), -1 while not known (a shared consumer's lease not held yet);
 *                    since version 1.4 of this package
 */
public record FollowerStatus(String consumerId, LedgerConsumer.Scope scope, String node, boolean active,
        String leaseHolder, boolean ready, Instant cursor, long lagMillis, int queued, long delivered, long failures,
        String lastError, long position) {

    /** A status without its position (-1): the constructor of version 1.3 of this package. */
    public FollowerStatus(String consumerId, LedgerConsumer.Scope scope, String node, boolean active,
            String leaseHolder, boolean ready, Instant cursor, long lagMillis, int queued, long delivered,
            long failures, String lastError) {
        this(consumerId, scope, node, active, leaseHolder, ready, cursor, lagMillis, queued, delivered, failures,
                lastError, -1);
    }
}
