package org.jiandu.ledger.internal.follow;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;

/**
 * The ledger's reading side in memory, with {@link CaseLedger#recordedSince}'s order, read as the ledger bundle's own
 * ledger is ({@link LedgerReader}, counting reads of whole entries); appends through {@link #record}.
 */
final class TestLedger implements CaseLedger, LedgerReader {
    private static final Comparator<LedgerEntry> ORDER = Comparator
            .comparing((LedgerEntry e) -> e.event().recordedAt().toString())
            .thenComparing(e -> e.event().caseNumber().canonical()).thenComparingLong(LedgerEntry::seq);
    private final Clock clock;
    private final Map<String, List<LedgerEntry>> cases = new TreeMap<>();
    private final List<LedgerEntry> all = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger timelineReads = new AtomicInteger();
    /** Whole entries read by {@link #entriesSince} and {@link #entries}. */
    final AtomicInteger entriesRead = new AtomicInteger();

    TestLedger(Clock clock) {
        this.clock = clock;
    }

    synchronized LedgerEntry record(String caseNumber) {
        CaseNumber cn = CaseNumber.parse(caseNumber);
        List<LedgerEntry> list = cases.computeIfAbsent(cn.canonical(), k -> new ArrayList<>());
        CaseEvent event = new CaseEvent("H-" + ids.incrementAndGet(), cn, "CASE_FILED",
                OffsetDateTime.ofInstant(clock.instant(), CaseEvent.ZONE), clock.instant(), null, null, null);
        LedgerEntry e = new LedgerEntry(list.size() + 1, event, LedgerEntry.GENESIS, LedgerEntry.GENESIS);
        list.add(e);
        all.add(e);
        return e;
    }

    @Override
    public synchronized List<LedgerEntry> timeline(CaseNumber caseNumber) {
        timelineReads.incrementAndGet();
        return List.copyOf(cases.getOrDefault(caseNumber.canonical(), List.of()));
    }

    @Override
    public synchronized List<LedgerEntry> recordedSince(Instant since, LedgerEntry after, int limit) {
        Instant from = since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return all.stream().filter(e -> !e.event().recordedAt().isBefore(from))
                .filter(e -> after == null || ORDER.compare(e, after) > 0).sorted(ORDER).limit(limit).toList();
    }

    @Override
    public synchronized List<Position> positionsSince(Instant since, Position after, int limit) {
        return page(since, after, limit).stream().map(Position::of).toList();
    }

    @Override
    public synchronized List<LedgerEntry> entriesSince(Instant since, Position after, int limit) {
        List<LedgerEntry> page = page(since, after, limit);
        entriesRead.addAndGet(page.size());
        return page;
    }

    @Override
    public synchronized List<LedgerEntry> entries(String caseNumber, long from, long to) {
        List<LedgerEntry> out = cases.getOrDefault(caseNumber, List.of()).stream()
                .filter(e -> e.seq() >= from && e.seq() <= to).toList();
        entriesRead.addAndGet(out.size());
        return out;
    }

    private List<LedgerEntry> page(Instant since, Position after, int limit) {
        Instant from = since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return all.stream().filter(e -> !e.event().recordedAt().isBefore(from))
                .filter(e -> after == null || Position.ORDER.compare(Position.of(e), after) > 0)
                .sorted(Comparator.comparing(Position::of, Position.ORDER)).limit(limit).toList();
    }

    /** The same entries as a ledger that is only a {@link CaseLedger} (what another bundle could register). */
    CaseLedger plain() {
        TestLedger self = this;
        return new CaseLedger() {
            @Override
            public List<LedgerEntry> timeline(CaseNumber caseNumber) {
                return self.timeline(caseNumber);
            }

            @Override
            public List<LedgerEntry> recordedSince(Instant since, LedgerEntry after, int limit) {
                return self.recordedSince(since, after, limit);
            }

            @Override
            public AppendResult append(CaseEvent event) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<AppendResult> appendAll(List<CaseEvent> events) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<LedgerEntry> findByHostEventId(String hostEventId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public VerificationReport verify(CaseNumber caseNumber) {
                throw new UnsupportedOperationException();
            }

            @Override
            public VerificationReport verifyAll() {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Override
    public AppendResult append(CaseEvent event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AppendResult> appendAll(List<CaseEvent> events) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<LedgerEntry> findByHostEventId(String hostEventId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VerificationReport verify(CaseNumber caseNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VerificationReport verifyAll() {
        throw new UnsupportedOperationException();
    }
}
