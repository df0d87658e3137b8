package org.jiandu.credit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.credit.MeasureStatus;

/**
 * A measure as of a day: its status, the day it takes effect, its expiry, every due date (computed with the
 * working-day calendar and explained) and the lift it waits for. The duties themselves ({@link #duties}) need no
 * calendar, so the deadline rules ({@link CreditRules}) open exactly the deadlines this view shows.
 *
 * <p>Readings, each with its source:
 * <ul>
 * <li>Grace (法发〔2019〕35号 Art. 15; Art. 23 of 法〔2021〕322号, strict reading): from its first day, {@code months}
 * later by Civil Code Art. 202 (the same-numbered day, or the month's last day); the measure takes effect the day
 * after. Not rolled to a working day: Art. 203 moves the last day of a period within which someone must act, and
 * in a grace period nobody must — the court publishes and pushes on the first working day after it (the activation
 * task). No listing period runs during grace.</li>
 * <li>A fixed-period listing (grounds 2–6, 公布失信规定 Art. 2) runs {@code periodMonths} from the decision, or from the
 * end of its grace; once over it is EXPIRED and must be deleted within 3 working days (Art. 10 ¶2).</li>
 * <li>Lifts: the first applicable ground (performance, guarantee, consent for a restriction, Art. 23 and 限制消费规定
 * Art. 9; the Art. 10 ¶1 events for a listing, or for a fixed-period listing only early deletion and full
 * execution when {@code listing.fixedPeriodExcludesArt10}) is due {@code lift.workingDays} later, or the same day
 * when the party applied urgently (Art. 23: 情况紧急、当事人申请的，应当立即解除).</li>
 * <li>Full performance during grace withdraws the measure (法发〔2019〕35号 Art. 15: 就不再采取惩戒措施).</li>
 * </ul>
 */
final class MeasureView {
    static final String ART23 = "法〔2021〕322号 第23条";
    static final String GRACE_ART = "法发〔2019〕35号 第15条；法〔2021〕322号 第23条";
    static final String LIFT_ART = "法〔2021〕322号 第23条；限制消费规定 第9条";
    static final String DELETE_ART = "公布失信规定 第10条；法〔2021〕322号 第23条";
    static final String EXPIRY_ART = "公布失信规定 第2条、第10条第2款";
    static final String CORRECTION_ART = "公布失信规定 第9条、第11条、第12条";
    static final String RECONSIDERATION_ART = "公布失信规定 第12条";
    static final String APPLICATION_ART = "公布失信规定 第5条第2款";
    static final String TEMPORARY_ART = "法发〔2019〕35号 第17条";

    static final String RULE_APPLICATION = "credit.application-review";
    static final String RULE_LIFT = "credit.lift";
    static final String RULE_EXPIRY = "credit.listing-expiry";
    static final String RULE_GRACE = "credit.grace-activation";
    static final String RULE_TEMPORARY = "credit.temporary-lift-end";
    static final String RULE_CORRECTION_REVIEW = "credit.correction-review";
    static final String RULE_CORRECTION_FIX = "credit.correction-fix";
    static final String RULE_RECONSIDERATION = "credit.reconsideration";

    /** Grounds that end a restriction (Art. 23; 限制消费规定 Art. 9; 法发〔2019〕35号 Art. 17(2)). */
    static final Set<String> RESTRICTION_LIFTS = Set.of("FULL_PERFORMANCE", "SETTLEMENT_PERFORMED", "GUARANTEE",
            "APPLICANT_CONSENT", "FORMER_REPRESENTATIVE");
    /** Grounds that end a listing (公布失信规定 Art. 10 ¶1, Art. 2 ¶2). */
    static final Set<String> LISTING_DELETIONS = Set.of("FULL_PERFORMANCE", "SETTLEMENT_PERFORMED",
            "APPLICANT_APPLIED_APPROVED", "NO_PROPERTY_AFTER_TERMINATION", "SUSPENDED_RETRIAL_OR_BANKRUPTCY",
            "NOT_ENFORCED_RULING", "TERMINATION_RULING", "EARLY_DELETION");
    /** What still ends a fixed-period listing when Art. 10 ¶1 does not apply to it (Art. 10 ¶2; Art. 23 及时屏蔽). */
    static final Set<String> FIXED_PERIOD_DELETIONS = Set.of("FULL_PERFORMANCE", "SETTLEMENT_PERFORMED",
            "EARLY_DELETION");
    private static final Set<String> PERFORMANCE = Set.of("FULL_PERFORMANCE", "SETTLEMENT_PERFORMED");

    private static final Map<String, String> GROUND_LABELS = Map.ofEntries(Map.entry("FULL_PERFORMANCE", "履行完毕"),
            Map.entry("SETTLEMENT_PERFORMED", "和解协议履行完毕"), Map.entry("GUARANTEE", "提供有效担保"),
            Map.entry("APPLICANT_CONSENT", "申请执行人同意"), Map.entry("APPLICANT_APPLIED_APPROVED", "申请执行人申请删除并经审查同意"),
            Map.entry("NO_PROPERTY_AFTER_TERMINATION", "终本后两次网络查控未发现财产"),
            Map.entry("SUSPENDED_RETRIAL_OR_BANKRUPTCY", "因再审或破产中止执行"), Map.entry("NOT_ENFORCED_RULING", "裁定不予执行"),
            Map.entry("TERMINATION_RULING", "裁定终结执行"), Map.entry("EARLY_DELETION", "积极履行或主动纠正，提前删除"),
            Map.entry("FORMER_REPRESENTATIVE", "原法定代表人申请解除"), Map.entry("LISTING_EXPIRED", "纳入期限届满"),
            Map.entry("WRONGLY_LISTED", "错误纳入/信息不准确"));

    /**
     * A due date of a measure before the calendar places it: counted {@code amount} {@code unit} from
     * {@code trigger}, opened by entry {@code triggerSeq}, met by entry {@code metSeq} on {@code metOn} (0 and
     * {@code null} while not met).
     */
    record Duty(String rule, String title, String article, LocalDate trigger, int amount, PeriodUnit unit,
            long triggerSeq, long metSeq, LocalDate metOn) {
        DeadlineRequest request() {
            return DeadlineRequest.ofDate(trigger, amount, unit);
        }

        boolean met() {
            return metSeq > 0;
        }
    }

    private MeasureView() {
    }

    static String groundLabel(String ground) {
        return GROUND_LABELS.getOrDefault(ground, ground);
    }

    /** The last day of the grace period, or {@code null} without one. */
    static LocalDate graceUntil(MeasureFacts f) {
        return f.graceFrom == null || f.graceMonths <= 0 ? null : f.graceFrom.plusMonths(f.graceMonths);
    }

    /** The day the measure takes effect outward, or {@code null} before its decision. */
    static LocalDate effectiveFrom(MeasureFacts f) {
        if (f.decision == null) {
            return null;
        }
        LocalDate until = graceUntil(f);
        return until == null || until.isBefore(f.decision.on()) ? f.decision.on() : until.plusDays(1);
    }

    /** The last day of a fixed-period listing, or {@code null}. */
    static LocalDate expiresOn(MeasureFacts f) {
        if (!f.listing() || f.periodMonths == null || f.periodMonths <= 0 || f.decision == null) {
            return null;
        }
        LocalDate until = graceUntil(f);
        LocalDate start = until == null || until.isBefore(f.decision.on()) ? f.decision.on() : until;
        return start.plusMonths(f.periodMonths);
    }

    /** Full performance recorded within the grace period (the measure is withdrawn), or {@code null}. */
    static MeasureFacts.Ground performedInGrace(MeasureFacts f) {
        LocalDate until = graceUntil(f);
        if (until == null || f.decision == null) {
            return null;
        }
        return f.liftGrounds.stream().filter(g -> PERFORMANCE.contains(g.ground()) && !g.on().isAfter(until)
                && g.seq() > f.decision.seq()).findFirst().orElse(null);
    }

    /** Whether {@code ground} ends this measure under {@code policy}. */
    static boolean ends(MeasureFacts f, String ground, CreditSettings.Policy policy) {
        if (!f.listing()) {
            return RESTRICTION_LIFTS.contains(ground);
        }
        boolean fixed = f.periodMonths != null && f.periodMonths > 0;
        return fixed && policy.fixedPeriodExcludesArt10() ? FIXED_PERIOD_DELETIONS.contains(ground)
                : LISTING_DELETIONS.contains(ground);
    }

    /** The ground the lift waits for: the first that ends the measure, or an urgent one soon after it. */
    static MeasureFacts.Ground liftGround(MeasureFacts f, CreditSettings.Policy policy) {
        if (f.decision == null) {
            return null;
        }
        MeasureFacts.Ground first = null;
        for (MeasureFacts.Ground g : f.liftGrounds) {
            if (g.seq() < f.decision.seq() || !ends(f, g.ground(), policy)) {
                continue;
            }
            if (first == null) {
                first = g;
            } else if (g.urgent() && !first.urgent() && g.on().isBefore(first.on().plusDays(3))) {
                // an urgent application soon after the first ground is due earlier (3 WD are at least 3 days)
                first = g;
            }
        }
        return first;
    }

    /** Whether a revocation (撤销) ended the measure before any lift or deletion. */
    private static boolean revoked(MeasureFacts f) {
        return "REVOKED".equals(f.correctedAction) && (f.endedOn == null || f.correctedSeq < f.endedSeq);
    }

    /** The entry that ended the measure for good (lift, deletion, revocation), or 0. */
    private static long endSeq(MeasureFacts f) {
        return revoked(f) ? f.correctedSeq : f.endedSeq;
    }

    /** The day it ended for good, or {@code null}. */
    private static LocalDate endDay(MeasureFacts f) {
        return revoked(f) ? f.correctedOn : f.endedOn;
    }

    /** Every due date of the measure, without the calendar (the rules open exactly these). */
    static List<Duty> duties(MeasureFacts f, CreditSettings.Policy policy) {
        List<Duty> out = new ArrayList<>();
        long end = endSeq(f);
        LocalDate endOn = endDay(f);
        if (f.listing() && "APPLICANT".equals(f.initiatedBy) && f.proposedOn != null) {
            long met = f.decision != null ? f.decision.seq() : f.refusedSeq;
            LocalDate metOn = f.decision != null ? f.decision.on() : f.refusedOn;
            out.add(new Duty(RULE_APPLICATION, "收到纳入失信名单申请后" + policy.applicationReviewDays() + "日内审查决定",
                    APPLICATION_ART, f.proposedOn, policy.applicationReviewDays(), PeriodUnit.D, f.proposedSeq, met,
                    metOn));
        }
        if (f.decision == null) {
            return out;
        }
        MeasureFacts.Ground inGrace = performedInGrace(f);
        LocalDate until = graceUntil(f);
        if (until != null) {
            long met = inGrace != null ? inGrace.seq() : 0;
            LocalDate metOn = inGrace != null ? inGrace.on() : null;
            if (met == 0) {
                for (MeasureFacts.Push p : f.pushes) {
                    if (p.on().isAfter(until)) {
                        met = p.seq();
                        metOn = p.on();
                        break;
                    }
                }
            }
            if (met == 0 && end > 0) {
                met = end;
                metOn = endOn;
            }
            out.add(new Duty(RULE_GRACE, "宽限期届满仍未履行的，发布信息并推送协助执行单位，采取惩戒措施", GRACE_ART, until,
                    1, PeriodUnit.WD, f.graceSeq, met, metOn));
        }
        if (inGrace != null) {
            return out;
        }
        MeasureFacts.Ground g = liftGround(f, policy);
        if (g != null) {
            out.add(new Duty(RULE_LIFT, (f.listing() ? "删除失信信息" : "解除限制消费") + "（" + groundLabel(g.ground())
                    + "）" + (g.urgent() ? "：情况紧急，立即解除" : "：" + policy.liftWorkingDays() + "个工作日内"),
                    f.listing() ? DELETE_ART : LIFT_ART, g.on(), g.urgent() ? 0 : policy.liftWorkingDays(),
                    g.urgent() ? PeriodUnit.D : PeriodUnit.WD, g.seq(), end, endOn));
        }
        LocalDate expires = expiresOn(f);
        if (expires != null) {
            out.add(new Duty(RULE_EXPIRY, "纳入期限届满后" + policy.liftWorkingDays() + "个工作日内删除失信信息",
                    EXPIRY_ART, expires, policy.liftWorkingDays(), PeriodUnit.WD,
                    Math.max(f.decision.seq(), f.graceSeq), end, endOn));
        }
        for (MeasureFacts.TempLift t : f.temporaryLifts) {
            if (t.revokedOn() != null) {
                continue;
            }
            long met = end;
            LocalDate metOn = endOn;
            for (MeasureFacts.Push p : f.pushes) {
                if (p.seq() > t.seq() && !p.on().isBefore(t.until())) {
                    met = p.seq();
                    metOn = p.on();
                    break;
                }
            }
            out.add(new Duty(RULE_TEMPORARY, "临时解除期满（" + t.until() + "），通知协助执行单位恢复限制", TEMPORARY_ART,
                    t.until(), 1, PeriodUnit.D, t.seq(), met, metOn));
        }
        if (f.correctionAppliedOn != null) {
            out.add(new Duty(RULE_CORRECTION_REVIEW, "收到书面纠正申请后15日内审查", CORRECTION_ART,
                    f.correctionAppliedOn, 15, PeriodUnit.D, f.correctionAppliedSeq, f.correctionDecidedSeq,
                    f.correctionDecidedOn));
        }
        if ("WELL_FOUNDED".equals(f.correctionOutcome)) {
            long met = f.correctedSeq > f.correctionDecidedSeq ? f.correctedSeq
                    : f.endedSeq > f.correctionDecidedSeq ? f.endedSeq : 0;
            LocalDate metOn = met == 0 ? null : met == f.correctedSeq ? f.correctedOn : f.endedOn;
            out.add(new Duty(RULE_CORRECTION_FIX, "纠正申请成立的，" + policy.liftWorkingDays() + "个工作日内撤销、更正或删除",
                    CORRECTION_ART, f.correctionDecidedOn, policy.liftWorkingDays(), PeriodUnit.WD,
                    f.correctionDecidedSeq, met, metOn));
        }
        if (f.reconsiderationAppliedOn != null) {
            out.add(new Duty(RULE_RECONSIDERATION, "上一级法院收到复议申请后15日内作出决定（复议期间不停止执行）",
                    RECONSIDERATION_ART, f.reconsiderationAppliedOn, 15, PeriodUnit.D, f.reconsiderationAppliedSeq,
                    f.reconsiderationDecidedSeq, f.reconsiderationDecidedOn));
        }
        return out;
    }

    /** The status on {@code asOf}. */
    static MeasureStatus status(MeasureFacts f, LocalDate asOf) {
        if (f.decision == null) {
            return f.refusedOn != null ? MeasureStatus.REFUSED : MeasureStatus.PROPOSED;
        }
        LocalDate endOn = endDay(f);
        if (endOn != null && !endOn.isAfter(asOf)) {
            if (revoked(f)) {
                return MeasureStatus.REVOKED;
            }
            return f.listing() ? MeasureStatus.DELETED : MeasureStatus.LIFTED;
        }
        MeasureFacts.Ground inGrace = performedInGrace(f);
        if (inGrace != null && !inGrace.on().isAfter(asOf)) {
            return MeasureStatus.WITHDRAWN;
        }
        LocalDate until = graceUntil(f);
        if (until != null && !asOf.isAfter(until) && !asOf.isBefore(f.graceFrom)) {
            return MeasureStatus.IN_GRACE;
        }
        LocalDate expires = expiresOn(f);
        if (expires != null && asOf.isAfter(expires)) {
            return MeasureStatus.EXPIRED;
        }
        if (temporaryLiftOn(f, asOf) != null) {
            return MeasureStatus.TEMPORARILY_LIFTED;
        }
        return f.servedOn == null ? MeasureStatus.DECIDED : MeasureStatus.ACTIVE;
    }

    static MeasureFacts.TempLift temporaryLiftOn(MeasureFacts f, LocalDate day) {
        for (MeasureFacts.TempLift t : f.temporaryLifts) {
            boolean revoked = t.revokedOn() != null && !t.revokedOn().isAfter(day);
            if (!revoked && !day.isBefore(t.from()) && !day.isAfter(t.until())) {
                return t;
            }
        }
        return null;
    }

    /** The API view of the measure on {@code asOf}. */
    static CreditMeasure of(MeasureFacts f, LocalDate asOf, WorkingCalendar calendar, CreditSettings.Policy policy) {
        MeasureStatus status = status(f, asOf);
        List<CreditMeasure.Due> dues = new ArrayList<>();
        CreditMeasure.LiftDue liftDue = null;
        for (Duty d : duties(f, policy)) {
            if (d.trigger().isAfter(asOf) && !d.rule().equals(RULE_EXPIRY) && !d.rule().equals(RULE_GRACE)
                    && !d.rule().equals(RULE_TEMPORARY)) {
                continue;
            }
            CreditMeasure.Due due = due(d, asOf, calendar);
            dues.add(due);
            boolean liftLike = d.rule().equals(RULE_LIFT) || d.rule().equals(RULE_CORRECTION_FIX)
                    || d.rule().equals(RULE_EXPIRY) && !d.trigger().isAfter(asOf);
            if (liftLike && !d.met() && due.due() != null && (liftDue == null || due.due().isBefore(liftDue.due()))) {
                String ground = d.rule().equals(RULE_EXPIRY) ? "LISTING_EXPIRED"
                        : d.rule().equals(RULE_CORRECTION_FIX) ? "WRONGLY_LISTED" : liftGround(f, policy).ground();
                liftDue = new CreditMeasure.LiftDue(ground, d.trigger(), due.due(), d.unit() == PeriodUnit.D
                        && d.rule().equals(RULE_LIFT), due.due().isBefore(asOf), d.triggerSeq());
            }
        }
        dues.sort(Comparator.comparing(CreditMeasure.Due::since));
        MeasureFacts.TempLift t = f.temporaryLifts.isEmpty() ? null : f.temporaryLifts.get(f.temporaryLifts.size() - 1);
        LocalDate until = graceUntil(f);
        MeasureFacts.Ground inGrace = performedInGrace(f);
        LocalDate endedOn = endDay(f);
        String endedBy = revoked(f) ? "REVOKED" : f.endedReason;
        if (endedOn == null && inGrace != null) {
            endedOn = inGrace.on();
            endedBy = "PERFORMED_IN_GRACE";
        }
        if (endedOn != null && endedOn.isAfter(asOf)) {
            endedOn = null;
            endedBy = null;
        }
        return new CreditMeasure(f.caseNumber, f.court, f.measureId, f.kind, f.person, status, asOf,
                f.listing() ? f.grounds : f.restrictionGrounds, f.periodMonths, f.decision,
                new CreditMeasure.Particulars(f.conduct, f.obligation, f.performance, f.legalRepresentativeName,
                        f.items, f.period, f.consequences), f.servedOn,
                until == null ? null : new CreditMeasure.Grace(f.graceFrom, until, f.graceMonths), effectiveFrom(f),
                expiresOn(f), f.publishedOn, f.pushedTo(), liftDue,
                t == null ? null : new CreditMeasure.TemporaryLift(t.from(), t.until(), t.reason(), t.transport(),
                        t.revokedOn() != null),
                endedOn, endedBy, dues, f.history, f.lastSeq);
    }

    /** The earliest unmet due day of a lift, deletion or correction, or {@code null} (the index's LIFT_DUE). */
    static LocalDate nextLiftDue(MeasureFacts f, WorkingCalendar calendar, CreditSettings.Policy policy) {
        LocalDate best = null;
        for (Duty d : duties(f, policy)) {
            if (d.met() || !(d.rule().equals(RULE_LIFT) || d.rule().equals(RULE_EXPIRY)
                    || d.rule().equals(RULE_CORRECTION_FIX))) {
                continue;
            }
            LocalDate due = dueDay(d, calendar);
            if (due != null && (best == null || due.isBefore(best))) {
                best = due;
            }
        }
        return best;
    }

    private static LocalDate dueDay(Duty d, WorkingCalendar calendar) {
        try {
            return calendar.deadline(d.request()).due();
        } catch (CalendarNotCoveredException e) {
            return null;
        }
    }

    private static CreditMeasure.Due due(Duty d, LocalDate asOf, WorkingCalendar calendar) {
        try {
            DeadlineResult r = calendar.deadline(d.request());
            boolean overdue = d.metOn() == null ? r.due().isBefore(asOf) : d.metOn().isAfter(r.due());
            return new CreditMeasure.Due(d.rule(), d.title(), d.article(), d.trigger(), r.due(), d.metOn(), overdue,
                    r.explanation().stream().map(ExplanationStep::text).toList());
        } catch (CalendarNotCoveredException e) {
            return new CreditMeasure.Due(d.rule(), d.title(), d.article(), d.trigger(), null, d.metOn(), false,
                    List.of(e.getMessage()));
        }
    }
}
