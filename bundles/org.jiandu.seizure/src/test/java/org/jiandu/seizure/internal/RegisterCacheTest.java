package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;
import org.junit.jupiter.api.Test;

/** The read model follows the ledger: in-sequence entries apply, gaps and corrections rebuild from the timeline. */
class RegisterCacheTest {
    private final List<LedgerEntry> stored = new ArrayList<>();
    private int timelineReads;
    private final RegisterCache cache = new RegisterCache(new FakeLedger(), SeizureSettings.of(Map.of()));

    private void store(Cases c) {
        stored.clear();
        stored.addAll(c.entries());
    }

    @Test
    void aCaseIsReadOnceAndThenFollowedEntryByEntry() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        store(c);
        assertEquals(1, cache.facts(Cases.CASE).lastSeq());
        c.on("2025-01-12", "MONEY_RECEIVED", "amount", "1000.00");
        store(c);
        cache.apply(c.last());
        assertEquals(2, cache.facts(Cases.CASE).lastSeq());
        assertEquals(1, cache.facts(Cases.CASE).payments().size());
        assertEquals(1, timelineReads);
    }

    @Test
    void anEntryAlreadyIncludedIsIgnored() {
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-01-12", "MONEY_RECEIVED", "amount", "1000.00");
        store(c);
        cache.facts(Cases.CASE);
        cache.apply(c.last());
        assertEquals(1, cache.facts(Cases.CASE).payments().size());
    }

    @Test
    void aGapRebuildsTheCaseFromTheTimeline() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        store(c);
        cache.facts(Cases.CASE);
        c.on("2025-01-12", "MONEY_RECEIVED", "amount", "1000.00").on("2025-01-13", "MONEY_RECEIVED", "amount",
                "2000.00");
        store(c);
        cache.apply(c.last());
        assertEquals(3, cache.facts(Cases.CASE).lastSeq());
        assertEquals(2, cache.facts(Cases.CASE).payments().size());
        assertEquals(2, timelineReads);
    }

    @Test
    void aCorrectionRebuildsTheCaseWithTheCorrectedFacts() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        store(c);
        cache.facts(Cases.CASE);
        c.correcting("H-1", "2025-01-11", "CASE_FILED", "claimPrincipal", "80000.00");
        store(c);
        cache.apply(c.last());
        assertEquals(yuan("80000.00"), cache.facts(Cases.CASE).claim().principal());
    }

    @Test
    void entriesOfCasesNotHeldAreLeftForTheNextRead() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        store(c);
        cache.apply(c.last());
        assertEquals(0, cache.size());
        assertEquals(1, cache.facts(Cases.CASE).lastSeq());
    }

    private final class FakeLedger implements CaseLedger {
        @Override
        public List<LedgerEntry> timeline(CaseNumber caseNumber) {
            timelineReads++;
            return List.copyOf(stored);
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
}
