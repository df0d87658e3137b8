package org.jiandu.ledger.internal.follow;

/**
 * Where a {@link org.jiandu.api.ledger.LedgerConsumer.Scope#SHARED} consumer's cursor and lease are kept: one row per
 * consumer in the shared database. Every method is one short transaction.
 */
public interface CursorStore {

    /**
     * The outcome of trying to take or renew a lease.
     *
     * @param held      whether {@code node} holds it now
     * @param holder    the node that holds it (this one, another, or null when nobody)
     * @param nextIndex the stored cursor: the global index of the first entry not accepted yet; null when the row
     *                  was stored before the cursor moved to the global index (then only {@code position} is known)
     * @param position  the recording time (epoch milliseconds) of the last entry accepted, or, when
     *                  {@code nextIndex} is null, the former recording-time cursor
     */
    record Lease(boolean held, String holder, Long nextIndex, long position) {
    }

    /**
     * Takes the consumer's lease for {@code node} until {@code now + leaseMillis} if it is free, expired or already
     * this node's; creates the row at {@code initialIndex} if there is none.
     */
    Lease acquire(String consumerId, String node, long now, long leaseMillis, long initialIndex);

    /**
     * Moves the cursor forward to {@code nextIndex} (with the recording time {@code position} of the last entry
     * accepted) and renews the lease, if {@code node} still holds it.
     *
     * @return whether it did (false: the lease was lost to another node)
     */
    boolean move(String consumerId, String node, long nextIndex, long position, long now, long leaseMillis);

    /** Gives the lease up, if {@code node} holds it, so another node takes over at once. */
    void release(String consumerId, String node, long now);
}
