package org.jiandu.credit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The timelines of the cases the guard and the views were asked about, in memory: read from
 * {@link CaseLedger#timeline} the first time, then kept up to date entry by entry by the ledger follower (a
 * {@link LedgerConsumer} of scope {@link LedgerConsumer.Scope#PER_NODE}, starting at the moment it starts). A cache
 * of the ledger, never a source of truth: an entry applies only in sequence; a gap drops the case, which is read
 * again on next use; at most {@value #MAX_CASES} cases are kept.
 *
 * <p>Why: a guard check has a budget of milliseconds, and the fold of a held timeline takes microseconds where a
 * timeline read takes a database round trip.
 */
@Component(service = {CaseTimelines.class, LedgerConsumer.class})
public final class CaseTimelines implements LedgerConsumer {
    static final String CONSUMER_ID = "jiandu.credit.timelines";
    static final int MAX_CASES = 20_000;
    private final CaseLedger ledger;
    private final ConcurrentHashMap<CaseNumber, List<LedgerEntry>> cases = new ConcurrentHashMap<>();

    @Activate
    public CaseTimelines(@Reference CaseLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String id() {
        return CONSUMER_ID;
    }

    @Override
    public Scope scope() {
        return Scope.PER_NODE;
    }

    @Override
    public Instant startAt(Instant now) {
        return now;
    }

    @Override
    public void accept(List<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            cases.computeIfPresent(e.event().caseNumber(), (cn, held) -> {
                if (e.seq() <= held.size()) {
                    return held;
                }
                if (e.seq() != held.size() + 1) {
                    return null;
                }
                List<LedgerEntry> next = new ArrayList<>(held.size() + 1);
                next.addAll(held);
                next.add(e);
                return List.copyOf(next);
            });
        }
    }

    /** The case's timeline (empty when nothing is recorded). */
    List<LedgerEntry> timeline(CaseNumber caseNumber) {
        List<LedgerEntry> held = cases.get(caseNumber);
        if (held != null) {
            return held;
        }
        List<LedgerEntry> read = List.copyOf(ledger.timeline(caseNumber));
        if (read.isEmpty()) {
            return read;
        }
        trim();
        return cases.merge(caseNumber, read, (a, b) -> a.size() >= b.size() ? a : b);
    }

    /** The case's measures on {@code asOf}'s facts (entries of later days left out; {@code null}: all). */
    Map<String, MeasureFacts> measures(CaseNumber caseNumber, LocalDate upTo) {
        return MeasureFacts.fold(timeline(caseNumber), upTo);
    }

    private void trim() {
        Iterator<CaseNumber> it = cases.keySet().iterator();
        while (cases.size() >= MAX_CASES && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
