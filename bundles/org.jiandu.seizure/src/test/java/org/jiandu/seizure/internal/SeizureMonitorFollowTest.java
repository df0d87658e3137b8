package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.util.Map;

import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

/**
 * The findings consumer carries each case's facts forward entry by entry: a case is read from the ledger once, not
 * once per payment (catching up through a long ledger was quadratic in each case's length before).
 */
class SeizureMonitorFollowTest {
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final SeizureSettings settings = SeizureSettings.of(Map.of());
    // advance() uses only the register's read model and the settings
    private final SeizureMonitor monitor = new SeizureMonitor(new RegisterCache(ledger, settings), settings, null,
            null, Clock.systemUTC());

    private static boolean trigger(LedgerEntry e) {
        return SeizureMonitor.TRIGGERS.contains(e.event().type()) && !e.event().isCorrection();
    }

    @Test
    void aFollowedCaseIsReadOnceForAllItsTriggers() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        for (int i = 1; i <= 20; i++) {
            c.on("2025-02-" + (10 + i % 15), "MONEY_RECEIVED", "amount", i + "00.00");
        }
        ledger.replace(c.entries());
        CaseFacts last = null;
        for (LedgerEntry e : c.entries()) {
            last = monitor.advance(e, trigger(e));
        }
        assertEquals(1, ledger.timelineReads);
        assertEquals(21, last.lastSeq());
        assertEquals(20, last.payments().size());
        // the same facts as a fold of the whole timeline
        assertEquals(CaseFacts.fold(c.entries()).payments(), last.payments());
    }

    @Test
    void anEntryThatIsNotATriggerOfACaseNotFollowedReadsNothing() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        ledger.replace(c.entries());
        assertNull(monitor.advance(c.last(), false));
        assertEquals(0, ledger.timelineReads);
    }

    @Test
    void aGapIsReadFromTheTimelineAtTheNextTrigger() {
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-01-12", "MONEY_RECEIVED", "amount", "1000.00");
        ledger.replace(c.entries());
        monitor.advance(c.entries().get(1), true);
        c.on("2025-01-13", "PAYMENT_NOTICE_SENT").on("2025-01-14", "MONEY_RECEIVED", "amount", "2000.00");
        ledger.replace(c.entries());
        // entry 3 never arrives; entry 4 is a trigger
        CaseFacts f = monitor.advance(c.last(), true);
        assertEquals(2, ledger.timelineReads);
        assertEquals(4, f.lastSeq());
        assertEquals(2, f.payments().size());
    }

    @Test
    void aCorrectionIsFoldedFromTheTimeline() {
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-01-12", "MONEY_RECEIVED", "amount", "1000.00");
        ledger.replace(c.entries());
        monitor.advance(c.last(), true);
        c.correcting("H-1", "2025-01-11", "CASE_FILED", "claimPrincipal", "80000.00");
        ledger.replace(c.entries());
        assertNull(monitor.advance(c.last(), false));
        c.on("2025-01-15", "MONEY_RECEIVED", "amount", "500.00");
        ledger.replace(c.entries());
        CaseFacts f = monitor.advance(c.last(), true);
        assertEquals(yuan("80000.00"), f.claim().principal());
        assertEquals(2, f.payments().size());
    }

    @Test
    void aRedeliveredTriggerIsAnsweredAsTheCaseWasThen() {
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-01-12", "MONEY_RECEIVED", "amount", "1000.00")
                .on("2025-01-13", "MONEY_RECEIVED", "amount", "2000.00");
        ledger.replace(c.entries());
        for (LedgerEntry e : c.entries()) {
            monitor.advance(e, trigger(e));
        }
        // a refused batch comes again: entry 2 describes the case after one payment, and the case stays at 3
        CaseFacts again = monitor.advance(c.entries().get(1), true);
        assertEquals(2, again.lastSeq());
        assertEquals(1, again.payments().size());
        c.on("2025-01-14", "MONEY_RECEIVED", "amount", "300.00");
        ledger.replace(c.entries());
        int reads = ledger.timelineReads;
        assertEquals(3, monitor.advance(c.last(), true).payments().size());
        assertEquals(reads, ledger.timelineReads);
    }
}
