package org.jiandu.api.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.CaseEvent;

/**
 * The append-only, hash-chained store of case events (docs/DESIGN.md "The flow"). Every fact about a case enters once,
 * through here. Registered by the ledger bundle; any bundle may use it.
 *
 * <p>Threading: every method is thread-safe and may be called from any thread; appends to one case are
 * serialised by a database lock, so several Karaf nodes may share one database. Methods block on the database:
 * do not call them from an EventAdmin handler that must return quickly, nor from a guard on a hot path more than
 * once per check.
 *
 * <p>After an append commits, the ledger publishes the entry on EventAdmin under
 * {@link org.jiandu.api.Topics#forCaseEvent(String)}, asynchronously, once per new entry (never for duplicates).
 */
@org.osgi.annotation.versioning.ProviderType
public interface CaseLedger {

    /** The largest batch {@link #appendAll(List)} takes. */
    int MAX_BATCH = 1000;

    /**
     * Validates and appends one event. The validation is the one REST ingestion gets too (the REST resources only
     * read the JSON and call this): the type must be known, the payload fields of the type's kinds, and the event is
     * normalised (ids trimmed, times in +08:00, money at scale 2); the entry answered and published is that
     * normalised event. Idempotent on {@code hostEventId}: the same id with the same content returns
     * the stored entry with {@code duplicate = true}; the same id with other content is refused.
     *
     * @throws org.jiandu.api.ValidationException with the field at fault, when the event is invalid (unknown type,
     *         bad payload field, correction that names no entry of this case, time in the future …)
     * @throws HostEventConflictException when the host event id was already used for other content
     */
    AppendResult append(CaseEvent event);

    /**
     * Appends a batch of at most {@link #MAX_BATCH} events all-or-nothing: either every event is validated and
     * stored (or recognised as a duplicate) in one transaction, or none is and the first problem is thrown, its
     * field prefixed with the item's index ({@code events[3].payload.amount}).
     */
    List<AppendResult> appendAll(List<CaseEvent> events);

    /** The case's entries in order; empty when the case has none. */
    List<LedgerEntry> timeline(CaseNumber caseNumber);

    Optional<LedgerEntry> findByHostEventId(String hostEventId);

    /** Recomputes the case's chain and reports exactly what was modified, deleted, reordered or truncated. */
    VerificationReport verify(CaseNumber caseNumber);

    /** Verifies every case, streaming; suitable for millions of entries. */
    VerificationReport verifyAll();

    /** The largest page {@link #recordedSince} answers. */
    int MAX_PAGE = 5000;

    /**
     * A page of the entries recorded (by {@link org.jiandu.api.event.CaseEvent#recordedAt()}) at or after
     * {@code since}, across all cases, for consumers that must not miss an entry although EventAdmin delivery is not
     * durable (a listener that was stopped, or a node that died between the ledger's commit and the delivery).
     * Such a consumer keeps a cursor, reads from a little before it (commits lag behind {@code recordedAt}), and
     * must treat an entry it has already seen as harmless. A {@link LedgerConsumer} needs none of this: the ledger's
     * follower delivers to it from the global index, where a late commit cannot be missed.
     *
     * <p>Entries come in one stable total order (recording time, then case number, then position); to read the next
     * page pass the last entry of this one as {@code after}. {@code since} is honoured to the second: entries of the
     * same second just before it may be included too. Entries recorded while the clock was shifted backwards
     * (configuration {@code org.jiandu.clock}) are found only from their own recording time.
     *
     * @param since inclusive lower bound of the recording time
     * @param after the last entry of the previous page, or {@code null} for the first page
     * @param limit page size, {@code 1 ..} {@link #MAX_PAGE}
     * @return at most {@code limit} entries; fewer (possibly none) when the end is reached
     * @throws IllegalArgumentException if {@code limit} is out of range
     */
    List<LedgerEntry> recordedSince(Instant since, LedgerEntry after, int limit);
}
