package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The read model follows the ledger: in-sequence entries apply, gaps and corrections rebuild from the timeline. */
class RegisterCacheTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RegisterCache cache = new RegisterCache(ledger, SeizureSettings.of(Map.of()));

    private void store(Cases c) {
        ledger.replace(c.entries());
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
        assertEquals(1, ledger.timelineReads);
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
        assertEquals(2, ledger.timelineReads);
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
}
