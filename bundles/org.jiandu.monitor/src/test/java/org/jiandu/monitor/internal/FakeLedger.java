package org.jiandu.monitor.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;

/** An in-memory ledger: entries are recorded by the test, at the test clock's time, without hashing. */
final class FakeLedger implements CaseLedger {
    private final Map<String, List<LedgerEntry>> cases = new TreeMap<>();
    private final List<LedgerEntry> all = new ArrayList<>();
    private final Clock clock;
    private final AtomicInteger ids = new AtomicInteger();
    final AtomicInteger timelineReads = new AtomicInteger();

    FakeLedger(Clock clock) {
        this.clock = clock;
    }

    /** Records an event: payload as alternating name, value. */
    synchronized LedgerEntry record(String caseNumber, String type, String occurredAt, Object... payload) {
        return record(caseNumber, type, occurredAt, null, payload);
    }

    synchronized LedgerEntry record(String caseNumber, String type, String occurredAt, Correction correction,
            Object... payload) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < payload.length; i += 2) {
            p.put((String) payload[i], payload[i + 1]);
        }
        CaseNumber cn = CaseNumber.parse(caseNumber);
        List<LedgerEntry> list = cases.computeIfAbsent(cn.canonical(), k -> new ArrayList<>());
        CaseEvent event = new CaseEvent("H-" + ids.incrementAndGet(), cn, type, OffsetDateTime.parse(occurredAt),
                clock.instant(), new Actor("京0105-ZXY12", "执行员", cn.courtCode()), Payload.of(p), correction);
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
        Comparator<LedgerEntry> order = Comparator.comparing((LedgerEntry e) -> e.event().recordedAt())
                .thenComparing(e -> e.event().caseNumber().canonical()).thenComparingLong(LedgerEntry::seq);
        Instant from = since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return all.stream().filter(e -> !e.event().recordedAt().isBefore(from))
                .filter(e -> after == null || order.compare(e, after) > 0).sorted(order).limit(limit).toList();
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
