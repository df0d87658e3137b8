package org.jiandu.seizure.internal;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The read model behind the guard and the register: each case's {@link CaseFacts} in memory, built from
 * {@link CaseLedger#timeline} the first time a case is asked about and then kept up to date entry by entry by the
 * ledger follower: a {@link LedgerConsumer} of scope {@link LedgerConsumer.Scope#PER_NODE} (each node keeps its own
 * model), starting at the moment it starts (cases held later are read whole from their timeline).
 *
 * <p>Why a read model and not the timeline on every check: the guard's budget is 1 ms (p99) in-process, and reading a
 * timeline of ~100 entries from the database alone takes longer. The model is a cache of the ledger, never a source
 * of truth: nothing is stored, so a restart simply rebuilds cases as they are used.
 *
 * <p>Consistency: an entry applies only in sequence ({@code seq == lastSeq + 1}); an entry already included is
 * ignored; a gap (a missed publication) or a correction drops the case, which is rebuilt from the timeline on next
 * use. The follower delivers after commit, on its own thread, so a check made within milliseconds of an append may
 * not see it yet; a host that needs the check to include its last event reads the register first (it shows
 * {@code lastSeq}). When more than {@code cache.maxCases} cases are held, arbitrary ones are dropped.
 */
@Component(service = {RegisterCache.class, LedgerConsumer.class})
public final class RegisterCache implements LedgerConsumer {
    /** The follower's consumer id (health component {@code jiandu.follower.jiandu.seizure.register}). */
    static final String CONSUMER_ID = "jiandu.seizure.register";
    private final CaseLedger ledger;
    private final SeizureSettings settings;
    private final ConcurrentHashMap<CaseNumber, CaseFacts> cases = new ConcurrentHashMap<>();

    @Activate
    public RegisterCache(@Reference CaseLedger ledger, @Reference SeizureSettings settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public String id() {
        return CONSUMER_ID;
    }

    @Override
    public Scope scope() {
        return Scope.PER_NODE;
    }

    /** Nothing is held at start: cases are read whole when first asked about, so only what comes next matters. */
    @Override
    public Instant startAt(Instant now) {
        return now;
    }

    @Override
    public void accept(List<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            apply(e);
        }
    }

    /**
     * The case's facts just after entry {@code seq}: the held ones when they are exactly there, otherwise folded
     * from the timeline up to it (a finding raised while catching up describes the case as it was then).
     */
    CaseFacts factsAt(CaseNumber caseNumber, long seq) {
        CaseFacts held = cases.get(caseNumber);
        if (held != null && held.lastSeq() == seq) {
            return held;
        }
        List<LedgerEntry> timeline = ledger.timeline(caseNumber);
        return CaseFacts.fold(timeline.subList(0, (int) Math.min(seq, timeline.size())));
    }

    /** The case's facts, read from the ledger if not held. */
    CaseFacts facts(CaseNumber caseNumber) {
        CaseFacts f = cases.get(caseNumber);
        if (f != null) {
            return f;
        }
        CaseFacts loaded = CaseFacts.fold(ledger.timeline(caseNumber));
        trim();
        // keep whichever is further along: an entry may have been applied while the timeline was read
        return cases.merge(caseNumber, loaded, (held, fresh) -> held.lastSeq() >= fresh.lastSeq() ? held : fresh);
    }

    /** Applies a newly published entry to a held case; see the class comment for gaps and corrections. */
    void apply(LedgerEntry entry) {
        cases.computeIfPresent(entry.event().caseNumber(), (cn, held) -> {
            if (entry.seq() <= held.lastSeq()) {
                return held;
            }
            if (entry.seq() != held.lastSeq() + 1) {
                return null;
            }
            return held.with(entry);
        });
    }

    /** Forgets a case (it is rebuilt from the ledger on next use). */
    void forget(CaseNumber caseNumber) {
        cases.remove(caseNumber);
    }

    int size() {
        return cases.size();
    }

    private void trim() {
        int max = settings.snapshot().maxCases();
        if (cases.size() < max) {
            return;
        }
        Iterator<CaseNumber> it = cases.keySet().iterator();
        while (cases.size() >= max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
