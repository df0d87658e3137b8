package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.deadline.DeadlineAction;
import org.junit.jupiter.api.Test;

/** The renewal deadline: opened at control, re-opened at renewal, closed at release, disposal and closing. */
class RenewalDeadlineRuleTest {
    private final RenewalDeadlineRule rule = new RenewalDeadlineRule(15);

    private List<DeadlineAction> last(Cases c) {
        return rule.onEntry(c.last(), c.entries());
    }

    private static LocalDate due(DeadlineAction.Open open) {
        return open.request().triggerDate().plusDays(open.request().amount());
    }

    @Test
    void aFreezeOpensADeadlineFifteenDaysBeforeItsOneYearExpiry() {
        Cases c = newCase().filed("1000.00", "2025-01-10").on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC",
                "assetKind", "DEPOSIT", "measure", "FREEZE", "amount", "1000.00");
        DeadlineAction.Open open = assertInstanceOf(DeadlineAction.Open.class, last(c).get(0));
        assertEquals("ACC", open.key());
        assertEquals(PeriodUnit.D, open.request().unit());
        assertEquals(LocalDate.parse("2025-03-10"), open.request().triggerDate());
        assertEquals(LocalDate.parse("2026-02-23"), due(open));
        assertEquals(false, open.stopsForCasePeriods());
    }

    @Test
    void realEstateGetsThreeYears() {
        Cases c = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "FLAT", "assetKind", "REAL_ESTATE",
                "measure", "SEAL", "amount", "1.00");
        assertEquals(LocalDate.parse("2028-02-24"), due((DeadlineAction.Open) last(c).get(0)));
    }

    @Test
    void aQueuedSeizureOpensNothingUntilItTakesEffect() {
        Cases c = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "FLAT", "assetKind", "REAL_ESTATE",
                "measure", "SEAL", "queued", true);
        assertTrue(last(c).isEmpty());
        c.on("2025-06-01", "QUEUED_SEIZURE_EFFECTIVE", "assetId", "FLAT");
        DeadlineAction.Open open = (DeadlineAction.Open) last(c).get(0);
        assertEquals(LocalDate.parse("2028-05-17"), due(open));
    }

    @Test
    void aRenewalBeforeExpiryReopensTheDeadlineFromTheNewExpiry() {
        Cases c = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "1.00").on("2026-02-20", "CONTROL_RENEWED", "assetId", "ACC");
        DeadlineAction.Open open = (DeadlineAction.Open) last(c).get(0);
        assertEquals(LocalDate.parse("2026-02-20"), open.request().triggerDate());
        assertEquals(LocalDate.parse("2027-02-23"), due(open));
    }

    @Test
    void aRenewalWithAnEndDateUsesIt() {
        Cases c = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "1.00").on("2026-02-20", "CONTROL_RENEWED", "assetId", "ACC",
                        "until", "2026-09-10");
        assertEquals(LocalDate.parse("2026-08-26"), due((DeadlineAction.Open) last(c).get(0)));
    }

    @Test
    void aRenewalAfterExpiryClosesTheDeadlineAndRaisesAViolation() {
        Cases c = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "1.00").on("2026-03-12", "CONTROL_RENEWED", "assetId", "ACC");
        List<DeadlineAction> actions = last(c);
        assertInstanceOf(DeadlineAction.Close.class, actions.get(0));
        DeadlineAction.Finding f = assertInstanceOf(DeadlineAction.Finding.class, actions.get(1));
        assertEquals("VIOLATION", f.severity());
        assertTrue(f.message().contains("第27条"));
    }

    @Test
    void aWholeReleaseOrDisposalClosesButAPartialReleaseDoesNot() {
        Cases c = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "100.00").on("2025-04-01", "CONTROL_RELEASED", "assetId", "ACC",
                        "amount", "40.00");
        assertTrue(last(c).isEmpty());
        c.on("2025-05-01", "CONTROL_RELEASED", "assetId", "ACC");
        assertEquals(List.of(new DeadlineAction.Close("ACC")), last(c));
        Cases d = newCase().on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE",
                "measure", "DETAIN", "amount", "100.00").on("2025-06-01", "DISPOSAL_COMPLETED", "assetId", "CAR");
        assertEquals(List.of(new DeadlineAction.Close("CAR")), last(d));
    }

    @Test
    void closingTheCaseClosesEveryOpenRenewal() {
        Cases c = newCase()
                .on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT", "measure", "FREEZE",
                        "amount", "1.00")
                .on("2025-03-10", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE", "measure", "DETAIN",
                        "amount", "1.00")
                .on("2025-03-11", "CONTROL_RELEASED", "assetId", "CAR")
                .on("2025-07-01", "CASE_CLOSED", "method", "FULLY_EXECUTED");
        assertEquals(List.of(new DeadlineAction.Close("ACC")), last(c));
    }

    @Test
    void otherEventsDoNothing() {
        Cases c = newCase().on("2025-03-10", "MONEY_RECEIVED", "amount", "1.00");
        assertTrue(last(c).isEmpty());
        assertEquals("seizure.renewal", rule.id());
        assertTrue(rule.article().contains("485"));
    }
}
