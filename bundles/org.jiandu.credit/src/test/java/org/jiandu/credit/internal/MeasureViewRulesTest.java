package org.jiandu.credit.internal;

import static org.jiandu.credit.internal.CreditCase.ADULT;
import static org.jiandu.credit.internal.CreditCase.CALENDAR;
import static org.jiandu.credit.internal.CreditCase.POLICY;
import static org.jiandu.credit.internal.CreditCase.UNIT;
import static org.jiandu.credit.internal.CreditCase.newCase;
import static org.jiandu.credit.internal.CreditCase.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.credit.MeasureStatus;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.OperationTypes;
import org.junit.jupiter.api.Test;

/** The rows of the rules that are about due dates and persons rather than a single interception. */
class MeasureViewRulesTest {

    private static CreditMeasure view(CreditCase c, String id, String day) {
        return MeasureView.of(c.measure(id), LocalDate.parse(day), CALENDAR, POLICY);
    }

    private static CreditMeasure.Due due(CreditMeasure m, String rule) {
        return m.deadlines().stream().filter(d -> d.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " in " + m.deadlines()));
    }

    /** C-07 [U]: an applicant's listing application is decided within 15 days (configurable). */
    @Test
    void applicationReviewIsDueIn15Days() {
        CreditCase c = newCase().on("2025-03-03", "credit.MEASURE_PROPOSED", "measureId", "SX-1", "measure", "LISTING",
                "initiatedBy", "APPLICANT", "personIdentifiers", person(ADULT), "grounds", List.of("ABLE_BUT_REFUSES"));
        CreditMeasure m = view(c, "SX-1", "2025-03-20");
        assertEquals(MeasureStatus.PROPOSED, m.status());
        assertEquals(LocalDate.parse("2025-03-18"), due(m, MeasureView.RULE_APPLICATION).due());
        assertTrue(due(m, MeasureView.RULE_APPLICATION).overdue());
        c.on("2025-03-21", "credit.PROPOSAL_REFUSED", "measureId", "SX-1");
        assertEquals(MeasureStatus.REFUSED, view(c, "SX-1", "2025-03-21").status());
        assertEquals(LocalDate.parse("2025-03-21"), due(view(c, "SX-1", "2025-03-21"), MeasureView.RULE_APPLICATION)
                .metOn());
        CreditSettings.Policy ten = CreditSettings.read(Map.of("application.reviewDays", "10")).policy();
        assertEquals(LocalDate.parse("2025-03-13"), CALENDAR.deadline(MeasureView.duties(c.measure("SX-1"), ten)
                .get(0).request()).due());
    }

    /** C-11: the court may delete a fixed-period listing early; its deletion is then due in 3 WD. */
    @Test
    void earlyDeletionEndsAFixedPeriodListing() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT).listed("2025-02-10", "SX-1", ADULT, "grounds",
                List.of("REFUSES_SETTLEMENT"), "periodMonths", 24L)
                .on("2025-04-01", "credit.LIFT_GROUND_RECORDED", "measureId", "SX-1", "ground", "EARLY_DELETION");
        assertEquals("EARLY_DELETION", view(c, "SX-1", "2025-04-01").liftDue().ground());
        assertEquals(LocalDate.parse("2025-04-07"), view(c, "SX-1", "2025-04-01").liftDue().due(),
                "04-02, 04-03, then 清明 04-04 … 04-06, 04-07");
        c.on("2025-04-03", "DEFAULTER_DELISTED", "measureId", "SX-1", "reason", "EARLY_DELETION");
        assertEquals(MeasureStatus.DELETED, view(c, "SX-1", "2025-04-03").status());
    }

    /** C-35: a unit's restriction and its legal representative's are measures of their own, linked by the unit. */
    @Test
    void aUnitsPersonsAreMeasuresOfTheirOwn() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-U", UNIT)
                .on("2025-02-10", "CONSUMPTION_RESTRICTED", CreditCase.signed("号", "PRESIDENT", "measureId", "XF-R",
                        "personIdentifiers", person(ADULT), "personName", "周某", "personRole", "LEGAL_REPRESENTATIVE",
                        "unitIdentifiers", person(UNIT)));
        CreditMeasure unit = view(c, "XF-U", "2025-02-11");
        CreditMeasure rep = view(c, "XF-R", "2025-02-11");
        assertEquals("UNIT", unit.person().personKind(), "a credit code names a unit");
        assertEquals("LEGAL_REPRESENTATIVE", rep.person().role());
        assertEquals(UNIT, rep.person().unit().get(0).value());
        assertEquals(ADULT, rep.person().key());
    }

    /** C-38: after a temporary lift revoked for a breach, no further temporary lift. */
    @Test
    void aRevokedTemporaryLiftBarsTheNext() {
        CreditCase c = newCase().restricted("2025-06-01", "XF-1", ADULT)
                .on("2025-06-02", "credit.TEMPORARY_LIFT_GRANTED", CreditCase.signed("批", "PRESIDENT", "measureId",
                        "XF-1", "from", "2025-06-03", "until", "2025-06-10", "reason", "IMPORTANT_EXAM", "transport",
                        List.of("HIGH_SPEED_RAIL")))
                .on("2025-06-05", "credit.TEMPORARY_LIFT_REVOKED", "measureId", "XF-1", "reason", "提供虚假材料");
        assertEquals(MeasureStatus.DECIDED, view(c, "XF-1", "2025-06-06").status(), "restored at once");
        var v = CreditGuardTest.check(CreditGuardTest.guard(c), OperationTypes.TEMPORARY_LIFT, CreditCase.signed("批-2",
                "PRESIDENT", "measureId", "XF-1", "from", "2025-06-20", "until", "2025-06-25", "reason", "FUNERAL",
                "transport", List.of("FLIGHT"), "commitment", "承诺书"));
        assertEquals(Decision.DENY, v.decision());
        assertTrue(v.reason().contains("不再准许"), v.reason());
    }

    /** C-39: the former legal representative released on application within 3 WD. */
    @Test
    void formerRepresentativeIsReleasedWithinThreeWorkingDays() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-R", ADULT)
                .on("2025-05-06", "credit.LIFT_GROUND_RECORDED", "measureId", "XF-R", "ground", "FORMER_REPRESENTATIVE",
                        "successorMeasureId", "XF-N");
        CreditMeasure m = view(c, "XF-R", "2025-05-06");
        assertEquals("FORMER_REPRESENTATIVE", m.liftDue().ground());
        assertEquals(LocalDate.parse("2025-05-09"), m.liftDue().due());
    }

    /** C-43 [U]: a correction application against a 限消令 follows the listing's procedure (15 days, 3 WD). */
    @Test
    void restrictionCorrectionFollowsTheListingProcedure() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT)
                .on("2025-03-03", "credit.CORRECTION_APPLIED", "measureId", "XF-1", "ground", "SHOULD_BE_DELETED")
                .on("2025-03-10", "credit.CORRECTION_DECIDED", "measureId", "XF-1", "outcome", "WELL_FOUNDED");
        CreditMeasure m = view(c, "XF-1", "2025-03-17");
        assertEquals(LocalDate.parse("2025-03-18"), due(m, MeasureView.RULE_CORRECTION_REVIEW).due());
        assertEquals(LocalDate.parse("2025-03-13"), due(m, MeasureView.RULE_CORRECTION_FIX).due());
        assertTrue(due(m, MeasureView.RULE_CORRECTION_FIX).overdue());
        assertEquals("WRONGLY_LISTED", m.liftDue().ground());
        assertTrue(m.liftDue().overdue());
    }
}
