package org.jiandu.credit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers what this bundle adds to the shared runtime while it is active: the credit event types
 * ({@link CreditEventTypes#ALL}, so the ledger accepts them) and the deadline rules of the credit lifecycle, picked
 * up by the node monitor when it is installed (its alerts; the bundle's own views show every due date without it).
 * Each rule opens, for every measure, exactly the duty {@link MeasureView#duties} gives (key: the measure id), so
 * the monitor and the views agree on every due date; the rule {@code credit.conduct} opens nothing and raises the
 * findings of operations recorded against the rules (published during grace or before service, a listing without a
 * restriction, a lift that did not reach the original recipients, a late 复议, a former representative released
 * while no one restricts the new one).
 */
@Component(service = {}, immediate = true)
public final class CreditRules {
    static final String CONDUCT = "credit.conduct";

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    @Activate
    public CreditRules(BundleContext context, @Reference CreditSettings settings) {
        for (EventType t : CreditEventTypes.ALL) {
            registrations.add(context.registerService(EventType.class, t, props("jiandu.eventType", t.id())));
        }
        for (DeadlineRule r : rules(settings)) {
            registrations.add(context.registerService(DeadlineRule.class, r, props("jiandu.rule", r.id())));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters a stopping bundle's services itself
            }
        }
        registrations.clear();
    }

    private static Dictionary<String, Object> props(String key, String value) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put(key, value);
        return p;
    }

    /** The rules, reading the settings' policy at each entry. */
    static List<DeadlineRule> rules(CreditSettings settings) {
        List<DeadlineRule> out = new ArrayList<>();
        out.add(new DutyRule(MeasureView.RULE_APPLICATION, MeasureView.APPLICATION_ART,
                "收到纳入失信名单申请后在规定期限内审查决定", settings));
        out.add(new DutyRule(MeasureView.RULE_LIFT, MeasureView.LIFT_ART + "；" + MeasureView.DELETE_ART,
                "解除/删除事由出现后3个工作日内解除限制消费、删除失信信息（情况紧急的立即解除）", settings));
        out.add(new DutyRule(MeasureView.RULE_EXPIRY, MeasureView.EXPIRY_ART, "纳入期限届满后3个工作日内删除失信信息",
                settings));
        out.add(new DutyRule(MeasureView.RULE_GRACE, MeasureView.GRACE_ART, "宽限期届满仍未履行的，发布信息并采取惩戒措施",
                settings));
        out.add(new DutyRule(MeasureView.RULE_TEMPORARY, MeasureView.TEMPORARY_ART, "临时解除期满恢复限制消费", settings));
        out.add(new DutyRule(MeasureView.RULE_CORRECTION_REVIEW, MeasureView.CORRECTION_ART, "纠正申请15日内审查",
                settings));
        out.add(new DutyRule(MeasureView.RULE_CORRECTION_FIX, MeasureView.CORRECTION_ART,
                "纠正申请成立的，3个工作日内撤销、更正", settings));
        out.add(new DutyRule(MeasureView.RULE_RECONSIDERATION, MeasureView.RECONSIDERATION_ART, "复议申请15日内作出决定",
                settings));
        out.add(new ConductRule(settings));
        return out;
    }

    /** One kind of duty of {@link MeasureView#duties}, as a deadline rule. */
    static final class DutyRule implements DeadlineRule {
        private final String id;
        private final String article;
        private final String title;
        private final CreditSettings settings;

        DutyRule(String id, String article, String title, CreditSettings settings) {
            this.id = id;
            this.article = article;
            this.title = title;
            this.settings = settings;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String article() {
            return article;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
            if (!MeasureFacts.concerns(entry.event().type())) {
                return List.of();
            }
            List<DeadlineAction> out = new ArrayList<>();
            for (MeasureFacts m : MeasureFacts.fold(history, null).values()) {
                for (MeasureView.Duty d : MeasureView.duties(m, settings.policy())) {
                    if (!d.rule().equals(id)) {
                        continue;
                    }
                    String key = id.equals(MeasureView.RULE_TEMPORARY) ? m.measureId + "#" + d.triggerSeq()
                            : m.measureId;
                    if (d.triggerSeq() == entry.seq() && !d.met()) {
                        out.add(new DeadlineAction.Open(key, d.request(), false));
                    } else if (d.met() && d.metSeq() == entry.seq()) {
                        out.add(new DeadlineAction.Close(key));
                    }
                }
            }
            return out;
        }
    }

    /** Findings on operations recorded against the rules (no deadlines). */
    static final class ConductRule implements DeadlineRule {
        private static final Set<String> TYPES = Set.of(CreditEventTypes.MEASURE_PUBLISHED,
                CreditEventTypes.PUSHED_TO_ASSISTING_UNITS, CoreEventTypes.DEFAULTER_LISTED,
                CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED, CoreEventTypes.DEFAULTER_DELISTED,
                CreditEventTypes.RECONSIDERATION_APPLIED, CreditEventTypes.LIFT_GROUND_RECORDED,
                CoreEventTypes.ENFORCEMENT_NOTICE_SERVED);
        private final CreditSettings settings;

        ConductRule(CreditSettings settings) {
            this.settings = settings;
        }

        @Override
        public String id() {
            return CONDUCT;
        }

        @Override
        public String article() {
            return "法〔2021〕322号 第23条；公布失信规定 第13条";
        }

        @Override
        public String title() {
            return "失信、限制消费措施依规操作";
        }

        @Override
        public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
            String type = entry.event().type();
            if (!TYPES.contains(type) || entry.event().isCorrection()) {
                return List.of();
            }
            if (CoreEventTypes.ENFORCEMENT_NOTICE_SERVED.equals(type)) {
                // C-06: the notice must warn of the risk of listing; a host that does not say is not judged
                return entry.event().payload().bool("listingRiskWarning").orElse(true) ? List.of()
                        : List.of(new DeadlineAction.Finding("notice@" + entry.seq(), "VIOLATION", "执行通知书未载明"
                                + "“可能被纳入失信被执行人名单”的风险提示（公布失信规定 第5条第1款）",
                                Map.of("row", "C-06", "entrySeq", entry.seq())));
            }
            Map<String, MeasureFacts> all = MeasureFacts.fold(history, null);
            String id = entry.event().payload().string("measureId").orElse(null);
            MeasureFacts m = id == null ? null : all.get(id);
            LocalDate on = MeasureFacts.day(entry);
            String key = (id == null ? "case" : id) + "@" + entry.seq();
            List<DeadlineAction> out = new ArrayList<>();
            CreditSettings.Policy policy = settings.policy();
            switch (type) {
                case CreditEventTypes.MEASURE_PUBLISHED, CreditEventTypes.PUSHED_TO_ASSISTING_UNITS -> {
                    if (m == null || m.decision == null) {
                        return List.of();
                    }
                    String what = type.equals(CreditEventTypes.MEASURE_PUBLISHED) ? "发布失信信息" : "推送协助执行单位";
                    LocalDate until = MeasureView.graceUntil(m);
                    if (until != null && !on.isAfter(until) && !on.isBefore(m.graceFrom)) {
                        out.add(finding(key, "VIOLATION", "措施 " + id + " 在宽限期内（至 " + until + "）" + what
                                + "（法发〔2019〕35号 第15条；法〔2021〕322号 第23条）", m, entry, "C-51"));
                    }
                    if (policy.publishRequiresService() && (m.servedOn == null || m.servedSeq > entry.seq())) {
                        out.add(finding(key, "VIOLATION", "措施 " + id + " 的决定书未送达即" + what
                                + "（法〔2021〕322号 第23条：制作决定书送达当事人；法发〔2019〕35号 第14条）", m, entry, "C-09"));
                    }
                    if (!policy.signerAccepted(m.decision.role())) {
                        out.add(finding(key, "VIOLATION", "措施 " + id + " 的决定未经院长签发即" + what + "（"
                                + CreditGuard.SX5 + "）", m, entry, "C-08"));
                    }
                }
                case CoreEventTypes.DEFAULTER_LISTED -> {
                    if (m == null || m.personKey() == null) {
                        return List.of();
                    }
                    boolean restricted = all.values().stream().anyMatch(r -> !r.listing() && r.decision != null
                            && m.personKey().equals(r.personKey()) && r.endedOn == null);
                    if (!restricted) {
                        out.add(finding(key, "WARN", "纳入失信名单的 " + nvl(m.person.name())
                                + " 尚无限制消费令：纳入失信名单的应当同时限制消费（限制消费规定 第1条第2款；法〔2021〕322号 第23条）",
                                m, entry, "C-31"));
                    }
                }
                case CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED, CoreEventTypes.DEFAULTER_DELISTED -> {
                    if (m == null) {
                        return List.of();
                    }
                    List<String> missing = new ArrayList<>(m.pushedTo());
                    missing.removeAll(m.endRecipients);
                    if (!missing.isEmpty()) {
                        out.add(finding(key, "WARN", "措施 " + id + " 的解除/删除通知未送达原协助执行单位：" + String.join("、",
                                missing) + "（限制消费规定 第9条：在原通知或公告的范围内通知或公告）", m, entry, "C-40"));
                    }
                }
                case CreditEventTypes.RECONSIDERATION_APPLIED -> {
                    if (m != null && "REJECTED".equals(m.correctionOutcome) && m.correctionDecidedOn != null
                            && on.isAfter(m.correctionDecidedOn.plusDays(10))) {
                        out.add(finding(key, "WARN", "复议申请于驳回决定作出 " + m.correctionDecidedOn
                                + " 后逾10日提出（自送达之日起10日内；以决定日计，送达日在后的以送达日为准）（公布失信规定 第12条）",
                                m, entry, "C-19"));
                    }
                }
                case CreditEventTypes.LIFT_GROUND_RECORDED -> {
                    if (m == null || !"FORMER_REPRESENTATIVE".equals(
                            entry.event().payload().string("ground").orElse(""))) {
                        return List.of();
                    }
                    String successor = entry.event().payload().string("successorMeasureId").orElse(null);
                    MeasureFacts s = successor == null ? null : all.get(successor);
                    if (s == null || s.decision == null || s.listing()) {
                        out.add(finding(key, "WARN", "解除原法定代表人 " + nvl(m.person.name())
                                + " 的限制消费，应同时对新的法定代表人限制消费：本案未记录（successorMeasureId）（法发〔2019〕35号 第17条）",
                                m, entry, "C-39"));
                    }
                }
                default -> {
                    // no finding
                }
            }
            return out;
        }

        private static DeadlineAction.Finding finding(String key, String severity, String message, MeasureFacts m,
                LedgerEntry entry, String row) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("row", row);
            d.put("measureId", m.measureId);
            d.put("measure", m.kind);
            d.put("entrySeq", entry.seq());
            return new DeadlineAction.Finding(key, severity, message, d);
        }

        private static String nvl(String s) {
            return s == null ? "（未载明姓名）" : s;
        }
    }
}
