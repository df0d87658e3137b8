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
        Duties duties = new Duties(settings);
        List<DeadlineRule> out = new ArrayList<>();
        out.add(new DutyRule(MeasureView.RULE_APPLICATION, MeasureView.APPLICATION_ART,
                "收到纳入失信名单申请后在规定期限内审查决定", duties));
        out.add(new DutyRule(MeasureView.RULE_LIFT, MeasureView.LIFT_ART + "；" + MeasureView.DELETE_ART,
                "解除/删除事由出现后3个工作日内解除限制消费、删除失信信息（情况紧急的立即解除）", duties));
        out.add(new DutyRule(MeasureView.RULE_EXPIRY, MeasureView.EXPIRY_ART, "纳入期限届满后3个工作日内删除失信信息",
                duties));
        out.add(new DutyRule(MeasureView.RULE_GRACE, MeasureView.GRACE_ART, "宽限期届满仍未履行的，发布信息并采取惩戒措施",
                duties));
        out.add(new DutyRule(MeasureView.RULE_TEMPORARY, MeasureView.TEMPORARY_ART, "临时解除期满恢复限制消费", duties));
        out.add(new DutyRule(MeasureView.RULE_CORRECTION_REVIEW, MeasureView.CORRECTION_ART, "纠正申请15日内审查",
                duties));
        out.add(new DutyRule(MeasureView.RULE_CORRECTION_FIX, MeasureView.CORRECTION_ART,
                "纠正申请成立的，3个工作日内撤销、更正", duties));
        out.add(new DutyRule(MeasureView.RULE_RECONSIDERATION, MeasureView.RECONSIDERATION_ART, "复议申请15日内作出决定",
                duties));
        return out;
    }

    /** A measure's duty. */
    record MeasureDuty(String measureId, MeasureView.Duty duty) {
    }

    /**
     * Every measure's duties after one entry, computed once for all the rules: the monitor asks each rule about the
     * same entry with the same history, one after the other on one thread, and folding the case's history for each
     * of them would do the same work eight times. The last answer is kept per thread, keyed by the identity of the
     * entry and of the history list and its size, so a call with other arguments always computes afresh.
     */
    static final class Duties {
        private record Last(LedgerEntry entry, List<LedgerEntry> history, int size, CreditSettings.Policy policy,
                List<MeasureDuty> duties) {
        }

        private final CreditSettings settings;
        private final ThreadLocal<Last> last = new ThreadLocal<>();

        Duties(CreditSettings settings) {
            this.settings = settings;
        }

        List<MeasureDuty> after(LedgerEntry entry, List<LedgerEntry> history) {
            CreditSettings.Policy policy = settings.policy();
            Last l = last.get();
            if (l != null && l.entry() == entry && l.history() == history && l.size() == history.size()
                    && l.policy() == policy) {
                return l.duties();
            }
            List<MeasureDuty> out = new ArrayList<>();
            for (MeasureFacts m : MeasureFacts.fold(history, null).values()) {
                for (MeasureView.Duty d : MeasureView.duties(m, policy)) {
                    out.add(new MeasureDuty(m.measureId, d));
                }
            }
            last.set(new Last(entry, history, history.size(), policy, out));
            return out;
        }
    }

    /** One kind of duty of {@link MeasureView#duties}, as a deadline rule. */
    static final class DutyRule implements DeadlineRule {
        private final String id;
        private final String article;
        private final String title;
        private final Duties duties;

        DutyRule(String id, String article, String title, Duties duties) {
            this.id = id;
            this.article = article;
            this.title = title;
            this.duties = duties;
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
            for (MeasureDuty md : duties.after(entry, history)) {
                MeasureView.Duty d = md.duty();
                if (!d.rule().equals(id)) {
                    continue;
                }
                String key = id.equals(MeasureView.RULE_TEMPORARY) ? md.measureId() + "#" + d.triggerSeq()
                        : md.measureId();
                if (d.triggerSeq() == entry.seq() && !d.met()) {
                    out.add(new DeadlineAction.Open(key, d.request(), false));
                } else if (d.met() && d.metSeq() == entry.seq()) {
                    out.add(new DeadlineAction.Close(key));
                }
            }
            return out;
        }
    }
}
