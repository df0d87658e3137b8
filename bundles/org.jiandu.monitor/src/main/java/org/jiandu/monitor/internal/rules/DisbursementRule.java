package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.event.CoreEventTypes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.osgi.service.metatype.annotations.Option;

/**
 * Art. 22 of 法〔2021〕322号: finance pays the applicant ({@code MONEY_DISBURSED}) within 5
 * working days of the payment notice ({@code PAYMENT_NOTICE_SENT}). One deadline per notice
 * ({@code notice:<hostEventId>}); a disbursement closes every earlier notice's deadline.
 *
 * <p>Rule id {@code art22.disbursement}; configuration PID {@code org.jiandu.monitor.rule.art22.disbursement} (file {@code etc/org.jiandu.monitor.rule.art22.disbursement.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = DisbursementRule.PID)
@Designate(ocd = DisbursementRule.Config.class)
public class DisbursementRule extends RuleSupport {
    public static final String ID = "art22.disbursement";
    static final String PID = "org.jiandu.monitor.rule.art22.disbursement";

    @ObjectClassDefinition(name = "Jiandu rule art22.disbursement", description = "财务部门接到支付案款通知后5个工作日内向申请执行人发放案款（法〔2021〕322号 第22条）")
    public @interface Config {
        @AttributeDefinition(description = "working days from the payment notice to disbursement (Art. 22: 5)", min = "1", max = "100000")
        int period_amount() default 5;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "WD";
    }

    private volatile Period period;

    @Activate
    public DisbursementRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static DisbursementRule of(Config config) {
        return new DisbursementRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        period = period(r, "period");
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "法〔2021〕322号 第22条";
    }

    @Override
    public String title() {
        return "财务部门接到支付案款通知后5个工作日内向申请执行人发放案款";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, PAYMENT_NOTICE_SENT)) {
            return List.of(open("notice:" + entry.event().hostEventId(), entry, period, false));
        }
        if (is(entry, MONEY_DISBURSED)) {
            List<DeadlineAction> out = new ArrayList<>();
            for (LedgerEntry n : earlier(history, entry, PAYMENT_NOTICE_SENT, null, null)) {
                out.add(close("notice:" + n.event().hostEventId()));
            }
            return out;
        }
        return List.of();
    }
}
