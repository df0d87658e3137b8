package org.jiandu.credit.internal;

import static org.jiandu.credit.internal.CreditCase.ADULT;
import static org.jiandu.credit.internal.CreditCase.newCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

/** The deadline rules open exactly the duties the views show, and close them on the satisfying entry. */
class CreditRulesTest {
    static final CreditSettings SETTINGS = new CreditSettings(new HashMap<>());

    /** Every action of every rule on each entry of {@code c}, as "rule:Open key due" / "rule:Close key" / finding. */
    static List<String> replay(CreditCase c) {
        List<DeadlineRule> rules = CreditRules.rules(SETTINGS);
        List<String> out = new ArrayList<>();
        List<LedgerEntry> all = c.entries();
        for (int i = 0; i < all.size(); i++) {
            List<LedgerEntry> history = all.subList(0, i + 1);
            for (DeadlineRule r : rules) {
                for (DeadlineAction a : r.onEntry(all.get(i), history)) {
                    if (a instanceof DeadlineAction.Open o) {
                        out.add(r.id() + ":Open " + o.key() + " " + CreditCase.CALENDAR.deadline(o.request()).due());
                    } else if (a instanceof DeadlineAction.Close cl) {
                        out.add(r.id() + ":Close " + cl.key());
                    } else if (a instanceof DeadlineAction.Finding f) {
                        out.add(r.id() + ":Finding " + f.severity() + " " + f.details().get("row"));
                    }
                }
            }
            for (CreditFindings.Raised f : CreditFindings.on(all.get(i), history, SETTINGS.policy())) {
                out.add("credit.conduct:Finding " + f.severity() + " " + f.details().get("row"));
            }
        }
        return out;
    }

    @Test
    void theLifecycleOpensAndClosesItsDeadlines() {
        CreditCase c = newCase().restricted("2025-06-20", "XF-1", ADULT)
                .on("2025-06-20", "credit.GRACE_PERIOD_SET", "measureId", "XF-1", "months", 3L)
                .on("2025-06-23", "credit.DECISION_SERVED", "measureId", "XF-1")
                .on("2025-09-22", "credit.PUSHED_TO_ASSISTING_UNITS", "measureId", "XF-1", "recipients", List.of("民航"))
                .on("2025-09-30", "PERFORMANCE_COMPLETED")
                .on("2025-10-11", "CONSUMPTION_RESTRICTION_LIFTED", "measureId", "XF-1", "recipients", List.of("民航"));
        assertEquals(List.of("credit.grace-activation:Open XF-1 2025-09-22", "credit.grace-activation:Close XF-1",
                "credit.lift:Open XF-1 2025-10-11", "credit.lift:Close XF-1"), replay(c));
    }

    @Test
    void theRulesAgreeWithTheViewOnEveryDueDay() {
        CreditCase c = newCase().restricted("2024-02-01", "XF-1", ADULT)
                .listed("2024-02-01", "SX-1", ADULT, "grounds", List.of("BREACHES_ASSET_REPORTING"), "periodMonths",
                        24L)
                .on("2024-03-04", "credit.CORRECTION_APPLIED", "measureId", "SX-1", "ground", "INACCURATE_DATA")
                .on("2024-03-06", "credit.LIFT_GROUND_RECORDED", "measureId", "XF-1", "ground", "APPLICANT_CONSENT");
        List<String> actions = replay(c);
        Map<String, MeasureFacts> measures = c.measures();
        for (MeasureFacts m : measures.values()) {
            for (MeasureView.Duty d : MeasureView.duties(m, SETTINGS.policy())) {
                LocalDate due = CreditCase.CALENDAR.deadline(d.request()).due();
                assertTrue(actions.contains(d.rule() + ":Open " + m.measureId + " " + due), d + " not in " + actions);
            }
        }
        // 24 months from the decision: 2026-02-01, deleted within 3 working days of it
        assertTrue(actions.contains("credit.listing-expiry:Open SX-1 "
                + CreditCase.CALENDAR.plusWorkingDays(LocalDate.parse("2026-02-01"), 3)), actions.toString());
        assertEquals(3, actions.stream().filter(a -> a.contains(":Open ")).count(), actions.toString());
    }

    @Test
    void urgentLiftIsDueTheSameDay() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT)
                .on("2025-03-07", "credit.LIFT_GROUND_RECORDED", "measureId", "XF-1", "ground", "GUARANTEE", "urgent",
                        true);
        MeasureView.Duty d = MeasureView.duties(c.measure("XF-1"), SETTINGS.policy()).get(0);
        assertEquals(PeriodUnit.D, d.unit());
        assertEquals(0, d.amount());
        assertEquals(List.of("credit.lift:Open XF-1 2025-03-07"), replay(c));
    }

    /** C-09, C-51, C-31, C-40, C-39: what was recorded against the rules becomes a finding. */
    @Test
    void operationsRecordedAgainstTheRulesRaiseFindings() {
        CreditCase c = newCase().listed("2025-02-10", "SX-1", ADULT)
                .on("2025-02-10", "credit.GRACE_PERIOD_SET", "measureId", "SX-1", "months", 1L)
                .on("2025-02-12", "credit.MEASURE_PUBLISHED", "measureId", "SX-1")
                .restricted("2025-02-12", "XF-1", ADULT)
                .on("2025-02-13", "credit.PUSHED_TO_ASSISTING_UNITS", "measureId", "XF-1", "recipients",
                        List.of("民航", "铁路"))
                .on("2025-03-03", "CONSUMPTION_RESTRICTION_LIFTED", "measureId", "XF-1", "recipients", List.of("民航"))
                .on("2025-03-04", "credit.LIFT_GROUND_RECORDED", "measureId", "XF-1", "ground", "FORMER_REPRESENTATIVE");
        List<String> findings = replay(c).stream().filter(a -> a.startsWith("credit.conduct")).toList();
        assertEquals(List.of("credit.conduct:Finding WARN C-31", "credit.conduct:Finding VIOLATION C-51",
                "credit.conduct:Finding VIOLATION C-09", "credit.conduct:Finding VIOLATION C-09",
                "credit.conduct:Finding WARN C-40", "credit.conduct:Finding WARN C-39"), findings);
    }

    /** C-19: a 复议 applied for more than 10 days after the rejection. */
    @Test
    void lateReconsiderationIsAFinding() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT).listed("2025-02-10", "SX-1", ADULT)
                .on("2025-03-03", "credit.CORRECTION_APPLIED", "measureId", "SX-1", "ground", "WRONGLY_LISTED")
                .on("2025-03-10", "credit.CORRECTION_DECIDED", "measureId", "SX-1", "outcome", "REJECTED")
                .on("2025-03-21", "credit.RECONSIDERATION_APPLIED", "measureId", "SX-1");
        assertTrue(replay(c).contains("credit.conduct:Finding WARN C-19"), replay(c).toString());
    }

    /** C-06: an enforcement notice that says it carries no warning of listing. */
    @Test
    void noticeWithoutListingWarningIsAFinding() {
        CreditCase c = newCase().on("2025-02-10", "ENFORCEMENT_NOTICE_SERVED", "listingRiskWarning", false)
                .on("2025-02-11", "ENFORCEMENT_NOTICE_SERVED", "listingRiskWarning", true)
                .on("2025-02-12", "ENFORCEMENT_NOTICE_SERVED");
        assertEquals(List.of("credit.conduct:Finding VIOLATION C-06"), replay(c));
    }

    /** The rules share one fold per entry; asked with a fresh history list each, they answer the same. */
    @Test
    void sharingTheFoldChangesNoAnswer() {
        CreditCase c = newCase().restricted("2025-02-10", "XF-1", ADULT).listed("2025-02-10", "SX-1", ADULT)
                .on("2025-03-03", "credit.CORRECTION_APPLIED", "measureId", "SX-1", "ground", "WRONGLY_LISTED")
                .on("2025-03-05", "PERFORMANCE_COMPLETED")
                .on("2025-03-06", "DEFAULTER_DELISTED", "measureId", "SX-1");
        List<DeadlineRule> rules = CreditRules.rules(SETTINGS);
        List<LedgerEntry> all = c.entries();
        for (int i = 0; i < all.size(); i++) {
            List<LedgerEntry> shared = all.subList(0, i + 1);
            for (DeadlineRule r : rules) {
                List<DeadlineAction> viaShared = r.onEntry(all.get(i), shared);
                List<DeadlineAction> fresh = r.onEntry(all.get(i), new ArrayList<>(all.subList(0, i + 1)));
                assertEquals(fresh, viaShared, r.id() + " at entry " + (i + 1));
            }
        }
        assertEquals(List.of("credit.correction-review:Open SX-1 2025-03-18", "credit.lift:Open XF-1 2025-03-10",
                "credit.lift:Open SX-1 2025-03-10", "credit.lift:Close SX-1"), replay(c).stream()
                        .filter(a -> !a.contains("Finding")).toList());
    }
}
