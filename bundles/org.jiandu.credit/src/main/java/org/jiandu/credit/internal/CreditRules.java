package org.jiandu.credit.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
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
 * the monitor and the views agree on every due date. The findings of acts recorded against the rules are raised by
 * the bundle itself ({@link CreditFindings}, through the index's follower), so they exist without the monitor.
 */
@Component(service = {}, immediate = true)
public final class CreditRules {
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
}
