package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.jiandu.seizure.internal.ClaimCalculator.ClaimTotal;
import org.junit.jupiter.api.Test;

/** The claim total, part by part: doubled interest day counting, payments, fee, costs. */
class ClaimCalculatorTest {

    private static ClaimTotal claim(Cases c, String asOf) {
        return ClaimCalculator.compute(c.facts(), LocalDate.parse(asOf));
    }

    @Test
    void noDoubledInterestOnTheDeadlineItself() {
        ClaimTotal t = claim(newCase().filed("100000.00", "2025-01-10"), "2025-01-10");
        assertEquals(0, t.lateDays());
        assertEquals(yuan("0.00"), t.part("doubledInterest").amount());
    }

    @Test
    void doubledInterestStartsTheDayAfterTheDeadline() {
        // 100,000 × 0.0175% × 1 day
        ClaimTotal t = claim(newCase().filed("100000.00", "2025-01-10"), "2025-01-11");
        assertEquals(1, t.lateDays());
        assertEquals(yuan("17.50"), t.part("doubledInterest").amount());
        assertEquals(LocalDate.parse("2025-01-11"), t.segments().get(0).from());
    }

    @Test
    void doubledInterestCountsEveryCalendarDayIncludingLeapDays() {
        // 2024-02-28 → 2024-03-01: 29 Feb and 1 Mar = 2 days; 123,456.78 × 0.000175 × 2 = 43.2098…
        ClaimTotal t = claim(newCase().filed("123456.78", "2024-02-28"), "2024-03-01");
        assertEquals(2, t.lateDays());
        assertEquals(yuan("43.21"), t.part("doubledInterest").amount());
    }

    @Test
    void aYearOfLatePerformance() {
        // 2025-01-10 → 2026-01-10 = 365 days; 50,000 × 0.000175 × 365 = 3,193.75
        ClaimTotal t = claim(newCase().filed("50000.00", "2025-01-10"), "2026-01-10");
        assertEquals(365, t.lateDays());
        assertEquals(yuan("3193.75"), t.part("doubledInterest").amount());
    }

    @Test
    void aPartialPaymentReducesThePrincipalFromItsDay() {
        // 10 days on 100,000 (11–20 Jan, the payment day included) = 175.00; 10 days on 60,000 (21–30 Jan) = 105.00
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-01-20", "MONEY_RECEIVED", "amount", "40000.00");
        ClaimTotal t = claim(c, "2025-01-30");
        assertEquals(2, t.segments().size());
        assertEquals(10, t.segments().get(0).days());
        assertEquals(yuan("175.00"), t.segments().get(0).interest());
        assertEquals(yuan("60000.00"), t.segments().get(1).principal());
        assertEquals(yuan("105.00"), t.segments().get(1).interest());
        assertEquals(yuan("280.00"), t.part("doubledInterest").amount());
        assertEquals(yuan("60000.00"), t.part("principal").unpaid());
        assertEquals(yuan("40000.00"), t.paymentsReceived());
    }

    @Test
    void aPaymentBeforeTheDeadlineLeavesLessToEarnInterest() {
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-01-05", "MONEY_RECEIVED", "amount", "100000.00");
        ClaimTotal t = claim(c, "2025-03-01");
        assertEquals(yuan("0.00"), t.part("doubledInterest").amount());
        assertEquals(yuan("0.00"), t.part("principal").unpaid());
        // only the fee is left: 50 + 90,000 × 1.5% = 1,400
        assertEquals(yuan("1400.00"), t.total());
    }

    @Test
    void paymentsGoToPrincipalThenJudgmentInterestThenDoubledInterestThenFeeThenCosts() {
        Cases c = newCase()
                .on("2025-01-02", "CASE_FILED", "claimPrincipal", "10000.00", "judgmentInterest", "500.00",
                        "performanceDeadline", "2025-01-10")
                .on("2025-01-05", "COSTS_RECORDED", "costId", "C1", "amount", "300.00", "kind", "APPRAISAL")
                // 20 days on 10,000 = 35.00 accrued by 30 Jan
                .on("2025-01-30", "MONEY_RECEIVED", "amount", "10600.00");
        ClaimTotal t = claim(c, "2025-01-30");
        assertEquals(yuan("0.00"), t.part("principal").unpaid());
        assertEquals(yuan("0.00"), t.part("judgmentInterest").unpaid());
        assertEquals(yuan("35.00"), t.part("doubledInterest").paid());
        // fee on 10,500 = 50 + 500 × 1.5% = 57.50; 10,600 − 10,000 − 500 − 35 = 65 → fee paid, 7.50 to costs
        assertEquals(yuan("57.50"), t.part("applicationFee").paid());
        assertEquals(yuan("7.50"), t.part("otherCosts").paid());
        assertEquals(yuan("292.50"), t.total());
        assertEquals(yuan("0.00"), t.surplus());
    }

    @Test
    void overpaymentIsShownAsSurplus() {
        Cases c = newCase().filed("1000.00", "2025-01-10").on("2025-01-05", "MONEY_RECEIVED", "amount", "1200.00");
        ClaimTotal t = claim(c, "2025-01-05");
        assertEquals(yuan("0.00"), t.total());
        assertEquals(yuan("150.00"), t.surplus());
    }

    @Test
    void paymentsAfterTheAsOfDayDoNotCount() {
        Cases c = newCase().filed("100000.00", "2025-01-10").on("2025-02-01", "MONEY_RECEIVED", "amount", "1000.00");
        assertEquals(yuan("0.00"), claim(c, "2025-01-31").paymentsReceived());
    }

    @Test
    void theFeeIsOnTheEnforcementAmountWhenReported() {
        Cases c = newCase().on("2025-01-02", "CASE_FILED", "claimPrincipal", "100000.00", "enforcementAmount",
                "510000.00");
        // 50 + 490,000 × 1.5% + 10,000 × 1%
        assertEquals(yuan("7500.00"), claim(c, "2025-01-02").part("applicationFee").amount());
    }

    @Test
    void totalIsEveryUnpaidPart() {
        Cases c = newCase()
                .on("2025-01-02", "CASE_FILED", "claimPrincipal", "100000.00", "judgmentInterest", "2000.00",
                        "performanceDeadline", "2025-01-10")
                .on("2025-01-03", "COSTS_RECORDED", "costId", "C1", "amount", "1500.00", "kind", "APPRAISAL");
        ClaimTotal t = claim(c, "2025-02-09");
        // 30 days × 17.50 = 525.00; fee on 102,000 = 50 + 92,000 × 1.5% = 1,430.00
        assertEquals(yuan("525.00"), t.part("doubledInterest").amount());
        assertEquals(yuan("1430.00"), t.part("applicationFee").amount());
        assertEquals(yuan("105455.00"), t.total());
    }

    @Test
    void withoutAPrincipalTheClaimIsUnknown() {
        ClaimTotal t = claim(newCase().on("2025-01-02", "CASE_FILED"), "2025-01-02");
        assertFalse(t.known());
        assertTrue(t.notes().get(0).contains("claimPrincipal"));
    }

    @Test
    void aCorrectedFilingReplacesTheOriginal() {
        Cases c = newCase().filed("100000.00", "2025-01-10");
        c.correcting("H-1", "2025-01-03", "CASE_FILED", "claimPrincipal", "80000.00", "performanceDeadline",
                "2025-01-10");
        assertEquals(yuan("80000.00"), claim(c, "2025-01-10").part("principal").amount());
    }
}
