package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.flag;
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
 * Art. 13 of 法〔2021〕322号: a clear, specific and urgent property lead
 * ({@code PROPERTY_LEAD_RECEIVED} with {@code urgent} and {@code clearAndSpecific}) is verified within 24 hours; any
 * other lead within 3 days when urgent and 7 days otherwise (最高人民法院关于民事执行中财产调查若干问题的规定 Art. 2).
 * One deadline per lead (key {@code lead:<leadId>}), closed by {@code PROPERTY_LEAD_VERIFIED} of the same lead.
 *
 * <p>Rule id {@code art13.property-lead}; configuration PID {@code org.jiandu.monitor.rule.art13.property_lead} (file {@code etc/org.jiandu.monitor.rule.art13.property_lead.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = PropertyLeadRule.PID)
@Designate(ocd = PropertyLeadRule.Config.class)
public class PropertyLeadRule extends RuleSupport {
    public static final String ID = "art13.property-lead";
    static final String PID = "org.jiandu.monitor.rule.art13.property_lead";

    @ObjectClassDefinition(name = "Jiandu rule art13.property-lead", description = "财产线索明确、具体且情况紧急的，24小时内启动调查核实；其他线索按期核查（法〔2021〕322号 第13条；财产调查规定 第2条）")
    public @interface Config {
        @AttributeDefinition(description = "hours to start verifying a clear, specific and urgent lead (Art. 13: 24)", min = "1", max = "100000")
        int urgent_hours() default 24;
        @AttributeDefinition(description = "days to verify another urgent lead (财产调查规定 Art. 2: 3)", min = "1", max = "100000")
        int urgentOther_days() default 3;
        @AttributeDefinition(description = "days to verify a lead that is not urgent (财产调查规定 Art. 2: 7)", min = "1", max = "100000")
        int ordinary_days() default 7;
    }

    private volatile Period urgent;
    private volatile Period urgentOther;
    private volatile Period ordinary;

    @Activate
    public PropertyLeadRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static PropertyLeadRule of(Config config) {
        return new PropertyLeadRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        urgent = period(r, "urgent.hours", PeriodUnit.H);
        urgentOther = period(r, "urgentOther.days", PeriodUnit.D);
        ordinary = period(r, "ordinary.days", PeriodUnit.D);
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "法〔2021〕322号 第13条；财产调查规定 第2条";
    }

    @Override
    public String title() {
        return "财产线索明确、具体且情况紧急的，24小时内启动调查核实；其他线索按期核查";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String lead = text(entry, "leadId");
        if (lead == null) {
            return List.of();
        }
        if (is(entry, PROPERTY_LEAD_RECEIVED)) {
            boolean isUrgent = flag(entry, "urgent");
            Period p = isUrgent && flag(entry, "clearAndSpecific") ? urgent : isUrgent ? urgentOther : ordinary;
            return List.of(open("lead:" + lead, entry, p, false));
        }
        if (is(entry, PROPERTY_LEAD_VERIFIED)) {
            return List.of(close("lead:" + lead));
        }
        return List.of();
    }
}
