package org.jiandu.api.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A bundle that derives state from the ledger (deadlines, findings, an in-memory read model) and wants every entry,
 * durably. Whiteboard: register an implementation as an OSGi service and the ledger's follower
 * ({@link LedgerFollower}) delivers every entry to it from then on, including the entries recorded before it was
 * installed or while it was stopped. EventAdmin ({@code jiandu/case/*}) is the follower's fast path, never the only
 * path: a consumer needs no {@code EventHandler} of its own.
 *
 * <p><b>Guarantees.</b>
 * <ul>
 * <li><i>Off the EventAdmin thread:</i> {@link #accept} is called on a thread the follower owns for this consumer
 * (one per consumer; never concurrently with itself, nor with {@link #caughtUp}).</li>
 * <li><i>In order per case:</i> the entries of one case arrive in ascending {@link LedgerEntry#seq()}; a gap (a
 * publication lost or overtaken) is filled from {@link CaseLedger#timeline} before the later entry is delivered.
 * Entries of different cases may interleave in any order.</li>
 * <li><i>At least once:</i> an entry may be delivered again (after a restart, a lease moving to another node, or a
 * refused batch); a consumer must treat an entry it has already applied as harmless. Within one run of the follower
 * an entry that was accepted is not delivered again, unless a batch of its case was refused after it.</li>
 * <li><i>Durable cursor:</i> the follower remembers, per consumer {@link #id()}, a position in the ledger's global
 * index (the gapless, commit-ordered index its signed Merkle tree is built on) below which everything was accepted;
 * see {@link Scope} for where it is kept. An entry whose transaction commits late is indexed late, above the cursor,
 * and so is never missed.</li>
 * </ul>
 *
 * <p><b>Failure.</b> If {@link #accept} throws, none of the batch counts as accepted: the follower logs the error,
 * keeps its cursor before the batch, reports the consumer DEGRADED in health, and delivers the batch again later
 * (with a growing pause). A consumer that prefers to skip an entry it cannot process (logging it) must catch the
 * exception itself; a consumer that throws forever holds its own cursor, never another consumer's.
 *
 * <p><b>Blocking.</b> {@link #accept} may block (database work is expected), but the follower cannot stop a
 * consumer in the middle of a call: keep one call to seconds, not minutes.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface LedgerConsumer {

    /** Where the consumer's cursor is kept, and so which node delivers to it. */
    enum Scope {
        /**
         * The consumer writes what it derives to the shared database (deadlines, findings): one cursor for all nodes,
         * stored in the database under a lease, so only the node holding the lease delivers to it and two nodes do
         * not both process the ledger. The lease passes to another node when its holder stops or stalls.
         */
        SHARED,
        /**
         * The consumer keeps an in-memory model on each node (a cache the node's guards read): a cursor per node, in
         * memory, starting at {@link LedgerConsumer#startAt} when the follower starts it.
         */
        PER_NODE
    }

    /**
     * A stable identifier, such as {@code jiandu.monitor} or {@code acme.wages}: the durable cursor and the health
     * component ({@code jiandu.follower.<id>}) are named by it. Letters, digits, {@code .}, {@code _} and {@code -};
     * at most 100 characters. Two consumers with the same id: the second is refused with an ERROR.
     */
    String id();

    /** Where the cursor is kept; see {@link Scope}. Read once, at registration. */
    Scope scope();

    /**
     * Takes the next entries. Called on the consumer's delivery thread with a non-empty, unmodifiable batch (at most
     * a few thousand entries), in order per case. Returning normally accepts the whole batch.
     *
     * @throws Exception to refuse the batch: it is delivered again later (see the class comment)
     */
    void accept(List<LedgerEntry> entries) throws Exception;

    /**
     * Where a cursor that does not exist yet starts: for {@link Scope#SHARED} the first time the consumer is ever
     * registered (later starts resume from the stored cursor); for {@link Scope#PER_NODE} at every start. The cursor
     * starts at the first entry in global-index order recorded at or after this instant (to the second); entries
     * recorded earlier but indexed later come too. The default, {@link Instant#EPOCH}, delivers the whole ledger:
     * right for a consumer that must see every case (a bundle installed after the cases it supervises were
     * recorded). A model built lazily from {@link CaseLedger#timeline} may start at {@code now}.
     *
     * @param now the ledger's clock at the moment the consumer is started
     */
    default Instant startAt(Instant now) {
        return Instant.EPOCH;
    }

    /**
     * Whether the consumer can take entries now (for example: the rules it evaluates with are all registered). While
     * it answers {@code false} nothing is delivered and its cursor stands still; entries are kept for it. Called on
     * the delivery thread before each batch; must answer at once.
     */
    default boolean ready() {
        return true;
    }

    /**
     * Called on the delivery thread after a pass over the ledger reached its end with every entry accepted: a place
     * for housekeeping that must not run concurrently with {@link #accept}. Exceptions are logged and ignored.
     */
    default void caughtUp() {
    }
}
