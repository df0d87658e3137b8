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
 * @param cursor      the recording time up to which every entry was accepted (what a restart resumes from, less the
 *                    commit lag)
 * @param lagMillis   how far behind the consumer is: 0 when the last pass reached the end of the ledger with
 *                    everything accepted, otherwise the time since it last did (or since it started)
 * @param queued      entries received on EventAdmin and not yet delivered
 * @param delivered   entries accepted since this node started the consumer
 * @param failures    batches the consumer refused (threw) since then
 * @param lastError   the last refusal's message, or null
 */
public record FollowerStatus(String consumerId, LedgerConsumer.Scope scope, String node, boolean active,
        String leaseHolder, boolean ready, Instant cursor, long lagMillis, int queued, long delivered, long failures,
        String lastError) {
}
