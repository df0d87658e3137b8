package org.jiandu.ledger.internal.follow;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * What the follower reads of the ledger, in {@link CaseLedger#recordedSince}'s order: first only the positions of a
 * page (the ledger's recording-time index alone holds them), then the whole entries it has not delivered yet.
 *
 * <p>Why positions first: every track reads each entry again after EventAdmin handed it over — once in its head poll
 * and two or three times in the commit-lag window of its catch-up passes — and reading whole entries there (rows,
 * payload JSON, objects) took most of the CPU of the batch benchmark for entries that were all delivered already.
 */
public interface LedgerReader {
    /** A position in the ledger's total order: the stored recording time, the case, the position in the case. */
    public record Position(String recordedAt, String caseNumber, long seq) {
        static final Comparator<Position> ORDER = Comparator.comparing(Position::recordedAt)
                .thenComparing(Position::caseNumber).thenComparingLong(Position::seq);

        public static Position of(LedgerEntry e) {
            return new Position(e.event().recordedAt().toString(), e.event().caseNumber().canonical(), e.seq());
        }

        /** An entry standing for the position, for {@link CaseLedger#recordedSince}, which pages after an entry. */
        LedgerEntry asEntry() {
            Instant at = Instant.parse(recordedAt);
            return new LedgerEntry(seq, new CaseEvent("position", CaseNumber.parse(caseNumber), "POSITION",
                    at.atOffset(java.time.ZoneOffset.UTC), at, null, null, null), LedgerEntry.GENESIS,
                    LedgerEntry.GENESIS);
        }
    }

    /** The positions after {@code after} (or from {@code since}'s second), at most {@code limit}, in order. */
    List<Position> positionsSince(Instant since, Position after, int limit);

    /** The entries after {@code after} (or from {@code since}'s second), at most {@code limit}, in order. */
    List<LedgerEntry> entriesSince(Instant since, Position after, int limit);

    /** The case's entries at positions {@code from..to}, ascending. */
    List<LedgerEntry> entries(String caseNumber, long from, long to);

    /**
     * A reader over any {@link CaseLedger}: positions are read as whole entries (nothing saved, still correct). The
     * ledger bundle's own ledger reads positions from its index.
     */
    static LedgerReader over(CaseLedger ledger) {
        if (ledger instanceof LedgerReader r) {
            return r;
        }
        return new LedgerReader() {
            @Override
            public List<Position> positionsSince(Instant since, Position after, int limit) {
                return entriesSince(since, after, limit).stream().map(Position::of).toList();
            }

            @Override
            public List<LedgerEntry> entriesSince(Instant since, Position after, int limit) {
                return ledger.recordedSince(since, after == null ? null : after.asEntry(), limit);
            }

            @Override
            public List<LedgerEntry> entries(String caseNumber, long from, long to) {
                return ledger.timeline(CaseNumber.parse(caseNumber)).stream()
                        .filter(e -> e.seq() >= from && e.seq() <= to).toList();
            }
        };
    }
}
