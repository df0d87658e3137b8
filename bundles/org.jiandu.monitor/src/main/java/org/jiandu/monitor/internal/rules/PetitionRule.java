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
 * Art. 30 of 法〔2021〕322号: an enforcement petition received ({@code PETITION_RECEIVED}) is
 * entered into the petition system within 5 working days ({@code PETITION_RECORDED}; key {@code record:<id>}) and
 * concluded within 30 working days of receipt ({@code PETITION_CLOSED}; key {@code close:<id>}).
 *
 * <p>Rule id {@code art30.petition}; configuration PID {@code org.jiandu.monitor.rule.art30.petition} (file {@code etc/org.jiandu.monitor.rule.art30.petition.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = PetitionRule.PID)
@Designate(ocd = PetitionRule.Config.class)
public class PetitionRule extends RuleSupport {
    public static final String ID = "art30.petition";
    static final String PID = "org.jiandu.monitor.rule.art30.petition";

    @ObjectClassDefinition(name = "Jiandu rule art30.petition", description = "收到执行信访材料后5个工作日内录入，30个工作日内办结（法〔2021〕322号 第30条）")
    public @interface Config {
        @AttributeDefinition(description = "working days to record the petition (Art. 30: 5)", min = "1", max = "100000")
        int record_workingDays() default 5;
        @AttributeDefinition(description = "working days to conclude it (Art. 30: 30)", min = "1", max = "100000")
        int close_workingDays() default 30;
    }

    private volatile Period record;
    private volatile Period conclude;

    @Activate
    public PetitionRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static PetitionRule of(Config config) {
        return new PetitionRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        record = period(r, "record.workingDays", PeriodUnit.WD);
        conclude = period(r, "close.workingDays", PeriodUnit.WD);
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "法〔2021〕322号 第30条";
    }

    @Override
    public String title() {
        return "收到执行信访材料后5个工作日内录入，30个工作日内办结";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String petition = text(entry, "petitionId");
        if (petition == null) {
            return List.of();
        }
        if (is(entry, PETITION_RECEIVED)) {
            return List.of(open("record:" + petition, entry, record, false),
                    open("close:" + petition, entry, conclude, false));
        }
        if (is(entry, PETITION_RECORDED)) {
            return List.of(close("record:" + petition));
        }
        if (is(entry, PETITION_CLOSED)) {
            return List.of(close("record:" + petition), close("close:" + petition));
        }
        return List.of();
    }
}
