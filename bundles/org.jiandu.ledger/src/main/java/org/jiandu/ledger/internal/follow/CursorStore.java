package org.jiandu.ledger.internal.follow;

/**
 * Where a {@link org.jiandu.api.ledger.LedgerConsumer.Scope#SHARED} consumer's cursor and lease are kept: one row per
 * consumer in the shared database. Every method is one short transaction.
 */
public interface CursorStore {

    /**
     * The outcome of trying to take or renew a lease.
     *
     * @param held     whether {@code node} holds it now
     * @param holder   the node that holds it (this one, another, or null when nobody)
     * @param position the stored cursor (epoch milliseconds of recording time)
     */
    record Lease(boolean held, String holder, long position) {
    }

    /**
     * Takes the consumer's lease for {@code node} until {@code now + leaseMillis} if it is free, expired or already
     * this node's; creates the row at {@code initialPosition} if there is none.
     */
    Lease acquire(String consumerId, String node, long now, long leaseMillis, long initialPosition);

    /**
     * Moves the cursor forward to {@code position} and renews the lease, if {@code node} still holds it.
     *
     * @return whether it did (false: the lease was lost to another node)
     */
    boolean move(String consumerId, String node, long position, long now, long leaseMillis);

    /** Gives the lease up, if {@code node} holds it, so another node takes over at once. */
    void release(String consumerId, String node, long now);
}
