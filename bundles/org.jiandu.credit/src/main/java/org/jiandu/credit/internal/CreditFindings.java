package org.jiandu.credit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.finding.FindingSeverity;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * What was recorded against the rules of Art. 23, as findings in the API's schema (kind, severity, article,
 * message, details with the row of the rules): raised once per triggering entry by the index's follower
 * ({@link MeasureIndex}), stored ({@code JD_CREDIT_FINDING}), published on {@code jiandu/finding/<kind>} and read
 * through the bundle's {@link org.jiandu.api.query.FindingQuery} — with or without the node monitor. Kinds:
 * <ul>
 * <li>{@value #PUBLISHED_IN_GRACE} (C-51): published or pushed during the grace period;</li>
 * <li>{@value #UNSERVED} (C-09): published or pushed before the decision's service (when the court requires it);</li>
 * <li>{@value #UNSIGNED} (C-08): published or pushed on a decision not signed by an accepted signer;</li>
 * <li>{@value #LISTED_UNRESTRICTED} (C-31): listed without a restriction on the same person;</li>
 * <li>{@value #LIFT_NOTICE_INCOMPLETE} (C-40): a lift or deletion whose notice missed an original recipient;</li>
 * <li>{@value #LATE_RECONSIDERATION} (C-19): a 复议 applied for more than 10 days after the rejection;</li>
 * <li>{@value #SUCCESSOR_UNRESTRICTED} (C-39): the former legal representative released, the new one not
 * restricted;</li>
 * <li>{@value #NOTICE_WITHOUT_WARNING} (C-06): an enforcement notice that states it carries no warning of
 * listing.</li>
 * </ul>
 * A pure function of the entry and the case's history up to it, like a deadline rule.
 */
final class CreditFindings {
    static final String PUBLISHED_IN_GRACE = "CREDIT_PUBLISHED_IN_GRACE";
    static final String UNSERVED = "CREDIT_PUBLISHED_UNSERVED";
    static final String UNSIGNED = "CREDIT_DECISION_UNSIGNED";
    static final String LISTED_UNRESTRICTED = "CREDIT_LISTED_UNRESTRICTED";
    static final String LIFT_NOTICE_INCOMPLETE = "CREDIT_LIFT_NOTICE_INCOMPLETE";
    static final String LATE_RECONSIDERATION = "CREDIT_LATE_RECONSIDERATION";
    static final String SUCCESSOR_UNRESTRICTED = "CREDIT_SUCCESSOR_UNRESTRICTED";
    static final String NOTICE_WITHOUT_WARNING = "CREDIT_NOTICE_WITHOUT_WARNING";
    /** The entry types that can raise one. */
    static final Set<String> TYPES = Set.of(CreditEventTypes.MEASURE_PUBLISHED,
            CreditEventTypes.PUSHED_TO_ASSISTING_UNITS, CoreEventTypes.DEFAULTER_LISTED,
            CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED, CoreEventTypes.DEFAULTER_DELISTED,
            CreditEventTypes.RECONSIDERATION_APPLIED, CreditEventTypes.LIFT_GROUND_RECORDED,
            CoreEventTypes.ENFORCEMENT_NOTICE_SERVED);

    /** One finding: unique on its case by kind and key. */
    record Raised(String kind, String key, FindingSeverity severity, String article, String message,
            Map<String, Object> details) {
    }

    private CreditFindings() {
    }

    /** The findings {@code entry} raises, given the case's history up to and including it. */
    static List<Raised> on(LedgerEntry entry, List<LedgerEntry> history, CreditSettings.Policy policy) {
        String type = entry.event().type();
        if (!TYPES.contains(type) || entry.event().isCorrection()) {
            return List.of();
        }
        String key = String.valueOf(entry.seq());
        if (CoreEventTypes.ENFORCEMENT_NOTICE_SERVED.equals(type)) {
            // a host that does not say whether the notice warns is not judged
            return entry.event().payload().bool("listingRiskWarning").orElse(true) ? List.of()
                    : List.of(new Raised(NOTICE_WITHOUT_WARNING, key, FindingSeverity.VIOLATION, "公布失信规定 第5条第1款",
                            "执行通知书未载明“可能被纳入失信被执行人名单”的风险提示（公布失信规定 第5条第1款）",
                            Map.of("row", "C-06", "entrySeq", entry.seq())));
        }
        Map<String, MeasureFacts> all = MeasureFacts.fold(history, null);
        String id = entry.event().payload().string("measureId").orElse(null);
        MeasureFacts m = id == null ? null : all.get(id);
        if (m == null) {
            return List.of();
        }
        LocalDate on = MeasureFacts.day(entry);
        List<Raised> out = new ArrayList<>();
        switch (type) {
            case CreditEventTypes.MEASURE_PUBLISHED, CreditEventTypes.PUSHED_TO_ASSISTING_UNITS -> {
                if (m.decision == null) {
                    return List.of();
                }
                String what = type.equals(CreditEventTypes.MEASURE_PUBLISHED) ? "发布失信信息" : "推送协助执行单位";
                LocalDate until = MeasureView.graceUntil(m);
                if (until != null && !on.isAfter(until) && !on.isBefore(m.graceFrom)) {
                    out.add(raised(PUBLISHED_IN_GRACE, key, FindingSeverity.VIOLATION, CreditGuard.SY15, "措施 " + id
                            + " 在宽限期内（至 " + until + "）" + what + "（法发〔2019〕35号 第15条；法〔2021〕322号 第23条）", m,
                            entry, "C-51"));
                }
                if (policy.publishRequiresService() && (m.servedOn == null || m.servedSeq > entry.seq())) {
                    out.add(raised(UNSERVED, key, FindingSeverity.VIOLATION, CreditGuard.SY14, "措施 " + id
                            + " 的决定书未送达即" + what + "（法〔2021〕322号 第23条：制作决定书送达当事人；法发〔2019〕35号 第14条）",
                            m, entry, "C-09"));
                }
                if (!policy.signerAccepted(m.decision.role())) {
                    out.add(raised(UNSIGNED, key, FindingSeverity.VIOLATION, CreditGuard.SX5, "措施 " + id
                            + " 的决定未经院长签发即" + what + "（" + CreditGuard.SX5 + "）", m, entry, "C-08"));
                }
            }
            case CoreEventTypes.DEFAULTER_LISTED -> {
                if (m.personKey() != null && !CreditGuard.restricted(all, m.personKey(), on)) {
                    out.add(raised(LISTED_UNRESTRICTED, key, FindingSeverity.WARN, "限制消费规定 第1条第2款；法〔2021〕322号 第23条",
                            "纳入失信名单的 " + nvl(m.person.name()) + " 尚无限制消费令：纳入失信名单的应当同时限制消费"
                                    + "（限制消费规定 第1条第2款；法〔2021〕322号 第23条）", m, entry, "C-31"));
                }
            }
            case CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED, CoreEventTypes.DEFAULTER_DELISTED -> {
                List<String> missing = new ArrayList<>(m.pushedTo());
                missing.removeAll(m.endRecipients);
                if (!missing.isEmpty()) {
                    out.add(raised(LIFT_NOTICE_INCOMPLETE, key, FindingSeverity.WARN, "限制消费规定 第9条", "措施 " + id
                            + " 的解除/删除通知未送达原协助执行单位：" + String.join("、", missing)
                            + "（限制消费规定 第9条：在原通知或公告的范围内通知或公告）", m, entry, "C-40"));
                }
            }
            case CreditEventTypes.RECONSIDERATION_APPLIED -> {
                if ("REJECTED".equals(m.correctionOutcome) && m.correctionDecidedOn != null
                        && on.isAfter(m.correctionDecidedOn.plusDays(10))) {
                    out.add(raised(LATE_RECONSIDERATION, key, FindingSeverity.WARN, MeasureView.RECONSIDERATION_ART,
                            "复议申请于驳回决定作出 " + m.correctionDecidedOn + " 后逾10日提出（自送达之日起10日内；以决定日计，"
                                    + "送达日在后的以送达日为准）（公布失信规定 第12条）", m, entry, "C-19"));
                }
            }
            case CreditEventTypes.LIFT_GROUND_RECORDED -> {
                if (!"FORMER_REPRESENTATIVE".equals(entry.event().payload().string("ground").orElse(""))) {
                    return List.of();
                }
                String successor = entry.event().payload().string("successorMeasureId").orElse(null);
                MeasureFacts s = successor == null ? null : all.get(successor);
                if (s == null || s.decision == null || s.listing()) {
                    out.add(raised(SUCCESSOR_UNRESTRICTED, key, FindingSeverity.WARN, CreditGuard.SY17, "解除原法定代表人 "
                            + nvl(m.person.name()) + " 的限制消费，应同时对新的法定代表人限制消费：本案未记录（successorMeasureId）"
                            + "（法发〔2019〕35号 第17条）", m, entry, "C-39"));
                }
            }
            default -> {
                // no finding
            }
        }
        return out;
    }

    private static Raised raised(String kind, String key, FindingSeverity severity, String article, String message,
            MeasureFacts m, LedgerEntry entry, String row) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("row", row);
        d.put("measureId", m.measureId);
        d.put("measure", m.kind);
        d.put("entrySeq", entry.seq());
        return new Raised(kind, m.measureId + "@" + key, severity, article, message, d);
    }

    private static String nvl(String s) {
        return s == null ? "（未载明姓名）" : s;
    }
}
