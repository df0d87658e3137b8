package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
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
 * Art. 27 of 法〔2021〕322号: when negotiation with another authority fails
 * ({@code DISPUTE_NEGOTIATION_FAILED}, {@code counterparty = AUTHORITY}) and the superior court's help is needed, the
 * court reports within 5 working days ({@code DISPUTE_REPORTED}; key {@code report:<disputeId>}); the superior
 * court starts coordination with the other authority within 10 working days of the report
 * ({@code DISPUTE_COORDINATION_STARTED} or {@code DISPUTE_RESOLVED}; key {@code coordinate:<disputeId>}).
 *
 * <p>Rule id {@code art27.authority-dispute}; configuration PID {@code org.jiandu.monitor.rule.art27.authority_dispute} (file {@code etc/org.jiandu.monitor.rule.art27.authority_dispute.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = AuthorityDisputeRule.PID)
@Designate(ocd = AuthorityDisputeRule.Config.class)
public class AuthorityDisputeRule extends RuleSupport {
    public static final String ID = "art27.authority-dispute";
    static final String PID = "org.jiandu.monitor.rule.art27.authority_dispute";

    @ObjectClassDefinition(name = "Jiandu rule art27.authority-dispute", description = "与其他机关的执行争议：协商不成5个工作日内报请上级法院，上级法院10个工作日内启动协调程序（法〔2021〕322号 第27条）")
    public @interface Config {
        @AttributeDefinition(description = "working days to report to the superior court (Art. 27: 5)", min = "1", max = "100000")
        int report_workingDays() default 5;
        @AttributeDefinition(description = "working days for the superior court to start coordination (Art. 27: 10)", min = "1", max = "100000")
        int coordinate_workingDays() default 10;
    }

    private volatile Period report;
    private volatile Period coordinate;

    @Activate
    public AuthorityDisputeRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static AuthorityDisputeRule of(Config config) {
        return new AuthorityDisputeRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        report = period(r, "report.workingDays", PeriodUnit.WD);
        coordinate = period(r, "coordinate.workingDays", PeriodUnit.WD);
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
        return "与其他机关的执行争议：协商不成5个工作日内报请上级法院，上级法院10个工作日内启动协调程序";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String dispute = text(entry, "disputeId");
        if (dispute == null) {
            return List.of();
        }
        boolean authority = "AUTHORITY".equals(text(entry, "counterparty"));
        if (is(entry, DISPUTE_NEGOTIATION_FAILED)) {
            return authority ? List.of(open("report:" + dispute, entry, report, false)) : List.of();
        }
        if (is(entry, DISPUTE_REPORTED)) {
            return authority ? List.of(close("report:" + dispute), open("coordinate:" + dispute, entry, coordinate, false))
                    : List.of(close("report:" + dispute));
        }
        if (is(entry, DISPUTE_COORDINATION_STARTED, DISPUTE_RESOLVED)) {
            return List.of(close("coordinate:" + dispute));
        }
        return List.of();
    }
}
