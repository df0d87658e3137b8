package org.jiandu.ledger.internal.follow;

import java.time.Instant;
import java.util.List;

import org.jiandu.api.ledger.LedgerEntry;

/**
 * What the follower reads of the ledger, in the order of the global index: the gapless index the sequencer gives
 * every committed entry, in commit order, shortly after its commit (the Merkle tree's leaf index). An entry that is
 * not indexed yet is found by a later read, with a higher index than every entry read before it, so a cursor on the
 * index never misses a commit that lands late (the reason a cursor on recording time had to reread a commit-lag
 * window).
 *
 * <p>Positions first, then whole entries: every track reads each entry again after EventAdmin handed it over, and
 * reading whole entries there (rows, payload JSON, objects) cost most of the follower's CPU under load, for entries
 * that were all delivered already.
 */
public interface LedgerReader {
    /**
     * An entry's place in the global index.
     *
     * @param index      its global index (0-based)
     * @param caseNumber the canonical case number
     * @param seq        its position in the case
     */
    record Position(long index, String caseNumber, long seq) {
    }

    /** A whole entry with its global index. */
    record Indexed(long index, LedgerEntry entry) {
    }

    /** The positions with a global index of {@code from} or more, at most {@code limit}, ascending. */
    List<Position> positionsFrom(long from, int limit);

    /** The entries with a global index of {@code from} or more, at most {@code limit}, ascending. */
    List<Indexed> entriesFrom(long from, int limit);

    /** The case's entries at positions {@code from..to}, ascending. */
    List<LedgerEntry> entries(String caseNumber, long from, long to);

    /** The highest position in the case among its entries with a global index below {@code index}; 0 when none. */
    long lastSeqBelow(String caseNumber, long index);

    /**
     * Where a cursor starting at a recording time starts: the lowest global index of an entry recorded at or after
     * {@code at} (to the second), or the number of indexed entries when there is none. Entries recorded earlier but
     * not indexed yet get higher indexes and so come too (at least once).
     */
    long indexAt(Instant at);

    /** Whether an entry recorded before {@code at} (to the second) still waits for its global index. */
    boolean waitingBefore(Instant at);
}
