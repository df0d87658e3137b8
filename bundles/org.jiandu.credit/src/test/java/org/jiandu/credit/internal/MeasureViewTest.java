package org.jiandu.credit.internal;

import static org.jiandu.credit.internal.CreditCase.ADULT;
import static org.jiandu.credit.internal.CreditCase.CALENDAR;
import static org.jiandu.credit.internal.CreditCase.POLICY;
import static org.jiandu.credit.internal.CreditCase.newCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.credit.MeasureStatus;
import org.junit.jupiter.api.Test;

/** A measure's status, due dates and lift as of a day, on the real calendar. */
class MeasureViewTest {

    private static CreditMeasure view(CreditCase c, String id, String day) {
        return MeasureView.of(c.measure(id), LocalDate.parse(day), CALENDAR, POLICY);
    }

    private static CreditMeasure.Due due(CreditMeasure m, String rule) {
        return m.deadlines().stream().filter(d -> d.rule().equals(rule)).findFirst().orElse(null);
    }

    /** C-50, C-51, C-53, C-40: grace → activation → performance → lift within 3 WD across the National Day block. */
    @Test
    void graceEndsByItselfThenPerformanceIsLiftedWithinThreeWorkingDaysAcrossNationalDay() {
        CreditCase c = newCase().restricted("2025-06-20", "XF-1", ADULT)
                .on("2025-06-20", "credit.GRACE_PERIOD_SET", "measureId", "XF-1", "months", 3L)
                .on("2025-06-23", "credit.DECISION_SERVED", "measureId", "XF-1");
        assertEquals(MeasureStatus.IN_GRACE, view(c, "XF-1", "2025-09-20").status());
        CreditMeasure after = view(c, "XF-1", "2025-09-21");
        assertEquals(MeasureStatus.ACTIVE, after.status(), "the grace period ended without an event");
        assertEquals(LocalDate.parse("2025-09-20"), after.grace().until());
        assertEquals(LocalDate.parse("2025-09-21"), after.effectiveFrom());
        CreditMeasure.Due activation = due(after, MeasureView.RULE_GRACE);
        assertEquals(LocalDate.parse("2025-09-22"), activation.due(), "first working day after the grace");
        c.on("2025-09-22", "credit.PUSHED_TO_ASSISTING_UNITS", "measureId", "XF-1", "recipients", List.of("民航", "铁路"))
                .on("2025-09-30", "PERFORMANCE_COMPLETED");
        CreditMeasure waiting = view(c, "XF-1", "2025-10-10");
        assertEquals(LocalDate.parse("2025-09-22"), due(waiting, MeasureView.RULE_GRACE).metOn());
        assertNotNull(waiting.liftDue());
        assertEquals("FULL_PERFORMANCE", waiting.liftDue().ground());
        // 10-01 … 10-08 are holidays, 10-11 (a Saturday) a make-up working day: 10-09, 10-10, 10-11
        assertEquals(LocalDate.parse("2025-10-11"), waiting.liftDue().due());
        assertFalse(waiting.liftDue().overdue());
        assertTrue(due(waiting, MeasureView.RULE_LIFT).explanation().stream().anyMatch(s -> s.contains("国庆")),
                "the calendar explains the holiday block: " + due(waiting, MeasureView.RULE_LIFT).explanation());
        assertTrue(view(c, "XF-1", "2025-10-12").liftDue().overdue(), "not lifted by 10-11");
        c.on("2025-10-11", "CONSUMPTION_RESTRICTION_LIFTED", "measureId", "XF-1", "reason", "FULL_PERFORMANCE",
                "recipients", List.of("民航", "铁路"));
        CreditMeasure lifted = view(c, "XF-1", "2025-10-12");
        assertEquals(MeasureStatus.LIFTED, lifted.status());
        assertNull(lifted.liftDue());
        assertFalse(due(lifted, MeasureView.RULE_LIFT).overdue());
        assertEquals(LocalDate.parse("2025-10-11"), lifted.endedOn());
    }

    /** C-52: performed in full during grace, the measure is not taken. */
    @Test
    void performanceDuringGraceWithdrawsTheMeasure() {
        CreditCase c = newCase().restricted("2025-03-03", "XF-1", ADULT)
                .on("2025-03-03", "credit.GRACE_PERIOD_SET", "measureId", "XF-1", "months", 1L)
                .on("2025-03-20", "PERFORMANCE_COMPLETED");
        CreditMeasure m = view(c, "XF-1", "2025-05-01");
        assertEquals(MeasureStatus.WITHDRAWN, m.status());
        assertEquals("PERFORMED_IN_GRACE", m.endedBy());
        assertNull(m.liftDue(), "nothing was taken, so nothing is to lift");
        assertEquals(MeasureStatus.IN_GRACE, view(c, "XF-1", "2025-03-19").status());
    }

    /** C-10, C-12: a fixed-period listing expires and must be deleted within 3 WD; the period starts after grace. */
    @Test
    void fixedPeriodListingExpiresAfterItsPeriodCountedFromTheEndOfGrace() {
        CreditCase c = newCase().restricted("2024-01-10", "XF-1", ADULT)
                .listed("2024-01-10", "SX-1", ADULT, "grounds", List.of("BREACHES_ASSET_REPORTING"), "periodMonths",
                        24L)
                .on("2024-01-10", "credit.GRACE_PERIOD_SET", "measureId", "SX-1", "months", 2L);
        CreditMeasure m = view(c, "SX-1", "2026-03-11");
        assertEquals(LocalDate.parse("2026-03-10"), m.expiresOn(), "24 months from the grace's last day 2024-03-10");
        assertEquals(MeasureStatus.EXPIRED, m.status());
        assertEquals("LISTING_EXPIRED", m.liftDue().ground());
        assertEquals(CALENDAR.plusWorkingDays(LocalDate.parse("2026-03-10"), 3), m.liftDue().due());
        assertEquals(MeasureStatus.DECIDED, view(c, "SX-1", "2026-03-10").status(), "not served yet");
    }

    /** C-15 (configurable reading): a fixed-period listing is not ended by an Art. 10 ¶1 event other than full execution. */
    @Test
    void fixedPeriodListingIgnoresArt10EventsButNotFullExecution() {
        CreditCase c = newCase().listed("2025-02-10", "SX-1", ADULT, "grounds", List.of("REFUSES_SETTLEMENT"),
                "periodMonths", 24L)
                .on("2025-03-03", "credit.LIFT_GROUND_RECORDED", "measureId", "SX-1", "ground", "TERMINATION_RULING");
        assertNull(view(c, "SX-1", "2025-04-01").liftDue(), "有纳入期限的，不适用前款规定");
        CreditSettings.Policy other = CreditSettings.read(java.util.Map.of("listing.fixedPeriodExcludesArt10", "false"))
                .policy();
        assertNotNull(MeasureView.of(c.measure("SX-1"), LocalDate.parse("2025-04-01"), CALENDAR, other).liftDue(),
                "the other reading: Art. 10 ¶1 ends it too");
        c.on("2025-03-04", "PERFORMANCE_COMPLETED");
        assertEquals("FULL_PERFORMANCE", view(c, "SX-1", "2025-04-01").liftDue().ground(), "Art. 23 及时屏蔽");
    }

    /** C-14: a ground-(1) listing is deleted within 3 WD of each Art. 10 ¶1 event; the urgent lift is due at once. */
    @Test
    void groundOneListingEndsOnArt10EventsAndUrgentRestrictionLiftIsImmediate() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT).listed("2025-02-10", "SX-1", ADULT)
                .on("2025-03-05", "credit.LIFT_GROUND_RECORDED", "ground", "SUSPENDED_RETRIAL_OR_BANKRUPTCY");
        CreditMeasure listing = view(c, "SX-1", "2025-03-05");
        assertEquals("SUSPENDED_RETRIAL_OR_BANKRUPTCY", listing.liftDue().ground());
        assertEquals(LocalDate.parse("2025-03-10"), listing.liftDue().due());
        assertNull(view(c, "XF-1", "2025-03-05").liftDue(), "a suspension does not lift a restriction");
        c.on("2025-03-07", "credit.LIFT_GROUND_RECORDED", "measureId", "XF-1", "ground", "GUARANTEE", "urgent", true);
        CreditMeasure r = view(c, "XF-1", "2025-03-07");
        assertTrue(r.liftDue().urgent());
        assertEquals(LocalDate.parse("2025-03-07"), r.liftDue().due());
        assertTrue(view(c, "XF-1", "2025-03-08").liftDue().overdue());
    }

    /** C-38: a temporary lift ends by itself. */
    @Test
    void temporaryLiftEndsByItself() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT)
                .on("2025-02-11", "credit.DECISION_SERVED", "measureId", "XF-1")
                .on("2025-04-01", "credit.TEMPORARY_LIFT_GRANTED", CreditCase.signed("批-1", "PRESIDENT",
                        "measureId", "XF-1", "from", "2025-04-02", "until", "2025-04-20", "reason", "SERIOUS_ILLNESS",
                        "transport", List.of("FLIGHT")));
        assertEquals(MeasureStatus.TEMPORARILY_LIFTED, view(c, "XF-1", "2025-04-10").status());
        assertEquals(MeasureStatus.ACTIVE, view(c, "XF-1", "2025-04-21").status());
        assertEquals(LocalDate.parse("2025-04-21"), due(view(c, "XF-1", "2025-04-21"), MeasureView.RULE_TEMPORARY)
                .due());
    }

    /** C-18, C-19: correction review in 15 days, the fix in 3 WD; 复议 decided in 15 days, the listing in force. */
    @Test
    void correctionAndReconsiderationHaveTheirDeadlines() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT).listed("2025-02-10", "SX-1", ADULT)
                .on("2025-03-03", "credit.CORRECTION_APPLIED", "measureId", "SX-1", "ground", "WRONGLY_LISTED")
                .on("2025-03-10", "credit.CORRECTION_DECIDED", "measureId", "SX-1", "outcome", "REJECTED")
                .on("2025-03-14", "credit.RECONSIDERATION_APPLIED", "measureId", "SX-1");
        CreditMeasure m = view(c, "SX-1", "2025-04-01");
        assertEquals(LocalDate.parse("2025-03-18"), due(m, MeasureView.RULE_CORRECTION_REVIEW).due());
        assertEquals(LocalDate.parse("2025-03-10"), due(m, MeasureView.RULE_CORRECTION_REVIEW).metOn());
        assertEquals(LocalDate.parse("2025-03-31"), due(m, MeasureView.RULE_RECONSIDERATION).due());
        assertTrue(due(m, MeasureView.RULE_RECONSIDERATION).overdue());
        assertEquals(MeasureStatus.DECIDED, m.status(), "复议期间不停止执行");
        c.on("2025-04-02", "credit.RECONSIDERATION_DECIDED", "measureId", "SX-1", "outcome", "REVERSED")
                .on("2025-04-02", "credit.CORRECTION_DECIDED", "measureId", "SX-1", "outcome", "WELL_FOUNDED")
                .on("2025-04-03", "credit.MEASURE_CORRECTED", "measureId", "SX-1", "action", "REVOKED");
        CreditMeasure revoked = view(c, "SX-1", "2025-04-10");
        assertEquals(MeasureStatus.REVOKED, revoked.status());
        assertEquals(LocalDate.parse("2025-04-03"), due(revoked, MeasureView.RULE_CORRECTION_FIX).metOn());
    }

    /** Status as of a day in the past leaves out what came later. */
    @Test
    void asOfInThePastShowsTheCaseAsItWas() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT)
                .on("2025-02-11", "credit.DECISION_SERVED", "measureId", "XF-1")
                .on("2025-03-03", "CONSUMPTION_RESTRICTION_LIFTED", "measureId", "XF-1", "reason", "APPLICANT_CONSENT");
        assertEquals(MeasureStatus.ACTIVE, MeasureView.of(MeasureFacts.fold(c.entries(), LocalDate.parse("2025-02-20"))
                .get("XF-1"), LocalDate.parse("2025-02-20"), CALENDAR, POLICY).status());
        assertEquals(MeasureStatus.LIFTED, view(c, "XF-1", "2025-03-03").status());
    }
}
