package org.jiandu.ledger.internal.follow;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * The ledger's reading side in memory, read as the ledger bundle's own ledger is ({@link LedgerReader}, counting reads
 * of whole entries): {@link #record} appends and indexes at once, {@link #recordUnindexed} appends an entry the
 * sequencer has not indexed yet, {@link #index} indexes what waits (in the order given).
 */
final class TestLedger implements LedgerReader {
    private final Clock clock;
    private final Map<String, List<LedgerEntry>> cases = new TreeMap<>();
    /** The global index: position i holds the entry with index i. */
    private final List<LedgerEntry> indexed = new ArrayList<>();
    private final List<LedgerEntry> waiting = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Whole entries read by {@link #entriesFrom} and {@link #entries}. */
    final AtomicInteger entriesRead = new AtomicInteger();

    TestLedger(Clock clock) {
        this.clock = clock;
    }

    /** Appends an entry to the case and gives it the next global index. */
    synchronized LedgerEntry record(String caseNumber) {
        LedgerEntry e = recordUnindexed(caseNumber);
        index(e);
        return e;
    }

    /** Appends an entry that waits for its global index (committed, not sequenced yet). */
    synchronized LedgerEntry recordUnindexed(String caseNumber) {
        CaseNumber cn = CaseNumber.parse(caseNumber);
        List<LedgerEntry> list = cases.computeIfAbsent(cn.canonical(), k -> new ArrayList<>());
        CaseEvent event = new CaseEvent("H-" + ids.incrementAndGet(), cn, "CASE_FILED",
                OffsetDateTime.ofInstant(clock.instant(), CaseEvent.ZONE), clock.instant(), null, null, null);
        LedgerEntry e = new LedgerEntry(list.size() + 1, event, LedgerEntry.GENESIS, LedgerEntry.GENESIS);
        list.add(e);
        waiting.add(e);
        return e;
    }

    /** Gives the waiting entries {@code entries} the next global indexes, in this order. */
    synchronized void index(LedgerEntry... entries) {
        for (LedgerEntry e : entries) {
            if (!waiting.remove(e)) {
                throw new IllegalStateException("not waiting: " + e);
            }
            indexed.add(e);
        }
    }

    @Override
    public synchronized List<Position> positionsFrom(long from, int limit) {
        List<Position> out = new ArrayList<>();
        for (long i = from; i < indexed.size() && out.size() < limit; i++) {
            LedgerEntry e = indexed.get((int) i);
            out.add(new Position(i, e.event().caseNumber().canonical(), e.seq()));
        }
        return out;
    }

    @Override
    public synchronized List<Indexed> entriesFrom(long from, int limit) {
        List<Indexed> out = new ArrayList<>();
        for (long i = from; i < indexed.size() && out.size() < limit; i++) {
            out.add(new Indexed(i, indexed.get((int) i)));
        }
        entriesRead.addAndGet(out.size());
        return out;
    }

    @Override
    public synchronized List<LedgerEntry> entries(String caseNumber, long from, long to) {
        List<LedgerEntry> out = cases.getOrDefault(caseNumber, List.of()).stream()
                .filter(e -> e.seq() >= from && e.seq() <= to).toList();
        entriesRead.addAndGet(out.size());
        return out;
    }

    @Override
    public synchronized long lastSeqBelow(String caseNumber, long index) {
        long max = 0;
        for (int i = 0; i < Math.min(index, indexed.size()); i++) {
            LedgerEntry e = indexed.get(i);
            if (e.event().caseNumber().canonical().equals(caseNumber)) {
                max = Math.max(max, e.seq());
            }
        }
        return max;
    }

    @Override
    public synchronized long indexAt(Instant at) {
        Instant from = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < indexed.size(); i++) {
            if (!indexed.get(i).event().recordedAt().isBefore(from)) {
                return i;
            }
        }
        return indexed.size();
    }

    @Override
    public synchronized boolean waitingBefore(Instant at) {
        Instant before = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return waiting.stream().anyMatch(e -> e.event().recordedAt().isBefore(before));
    }
}
