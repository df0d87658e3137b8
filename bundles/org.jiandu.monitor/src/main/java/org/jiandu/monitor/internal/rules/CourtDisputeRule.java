package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.deadline.DeadlineRules.text;
import static org.jiandu.api.event.CoreEventTypes.*;

import java.util.List;
import java.util.Map;

import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Art. 27 of 法〔2021〕322号: a dispute between courts reported to the common superior court
 * ({@code DISPUTE_REPORTED}, {@code counterparty = COURT} or absent) is resolved within 1 month
 * ({@code DISPUTE_RESOLVED}; key {@code resolve:<disputeId>}); the lower court then implements the coordination
 * opinion within 15 working days ({@code DISPUTE_DECISION_IMPLEMENTED}; key {@code implement:<disputeId>}).
 *
 * <p>Rule id {@code art27.court-dispute}; configuration PID {@code org.jiandu.monitor.rule.art27.court_dispute} (file {@code etc/org.jiandu.monitor.rule.art27.court_dispute.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = CourtDisputeRule.PID)
@Designate(ocd = CourtDisputeRule.Config.class)
public class CourtDisputeRule extends RuleSupport {
    public static final String ID = "art27.court-dispute";
    static final String PID = "org.jiandu.monitor.rule.art27.court_dispute";

    @ObjectClassDefinition(name = "Jiandu rule art27.court-dispute", description = "法院间执行争议：上级法院1个月内解决争议，下级法院15个工作日内落实协调意见（法〔2021〕322号 第27条）")
    public @interface Config {
        @AttributeDefinition(description = "months for the superior court to resolve (Art. 27: 1)", min = "1", max = "100000")
        int resolve_months() default 1;
        @AttributeDefinition(description = "working days for the lower court to implement (Art. 27: 15)", min = "1", max = "100000")
        int implement_workingDays() default 15;
    }

    private volatile Period resolve;
    private volatile Period implement;

    @Activate
    public CourtDisputeRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static CourtDisputeRule of(Config config) {
        return new CourtDisputeRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        resolve = period(r, "resolve.months", PeriodUnit.M);
        implement = period(r, "implement.workingDays", PeriodUnit.WD);
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "法〔2021〕322号 第27条";
    }

    @Override
    public String title() {
        return "法院间执行争议：上级法院1个月内解决争议，下级法院15个工作日内落实协调意见";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String dispute = text(entry, "disputeId");
        if (dispute == null) {
            return List.of();
        }
        if (is(entry, DISPUTE_REPORTED)) {
            return "AUTHORITY".equals(text(entry, "counterparty")) ? List.of()
                    : List.of(open("resolve:" + dispute, entry, resolve, false));
        }
        if (is(entry, DISPUTE_RESOLVED)) {
            boolean withCourt = earlier(history, entry, DISPUTE_REPORTED, "disputeId", dispute).stream()
                    .anyMatch(r -> !"AUTHORITY".equals(text(r, "counterparty")));
            return withCourt ? List.of(close("resolve:" + dispute), open("implement:" + dispute, entry, implement, false))
                    : List.of();
        }
        if (is(entry, DISPUTE_DECISION_IMPLEMENTED)) {
            return List.of(close("implement:" + dispute));
        }
        return List.of();
    }
}
