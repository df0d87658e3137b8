package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.event.CoreEventTypes.*;

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
 * Art. 28 of 法〔2021〕322号 with Civil Procedure Law (2023) Art. 237: a case not executed
 * 6 months after the application ({@code CASE_FILED}) lets the applicant go to the superior court; the opinion asks
 * superior courts to watch for passive enforcement. A risk flag: no deducted period stops it (Art. 237 counts from
 * the application). Closed by performance ({@code PERFORMANCE_COMPLETED}) or closing the case
 * ({@code CASE_CLOSED}, {@code TERMINATION_RULED}).
 *
 * <p>Rule id {@code art28.unexecuted-six-months}; configuration PID {@code org.jiandu.monitor.rule.art28.unexecuted_six_months} (file {@code etc/org.jiandu.monitor.rule.art28.unexecuted_six_months.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = UnexecutedSixMonthsRule.PID)
@Designate(ocd = UnexecutedSixMonthsRule.Config.class)
public class UnexecutedSixMonthsRule extends RuleSupport {
    public static final String ID = "art28.unexecuted-six-months";
    static final String PID = "org.jiandu.monitor.rule.art28.unexecuted_six_months";

    @ObjectClassDefinition(name = "Jiandu rule art28.unexecuted-six-months", description = "自收到申请执行书之日起超过6个月未执行的，申请执行人可以向上一级人民法院申请执行（消极执行风险）（法〔2021〕322号 第28条；民事诉讼法（2023）第237条）")
    public @interface Config {
        @AttributeDefinition(description = "months after the application (民诉法 Art. 237: 6)", min = "1", max = "100000")
        int period_amount() default 6;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "M";
    }

    private volatile Period period;

    @Activate
    public UnexecutedSixMonthsRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static UnexecutedSixMonthsRule of(Config config) {
        return new UnexecutedSixMonthsRule(ConfigReader.propertiesOf(config));
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
        return "法〔2021〕322号 第28条；民事诉讼法（2023）第237条";
    }

    @Override
    public String title() {
        return "自收到申请执行书之日起超过6个月未执行的，申请执行人可以向上一级人民法院申请执行（消极执行风险）";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, CASE_FILED)) {
            return List.of(open("main", entry, period, false));
        }
        if (is(entry, PERFORMANCE_COMPLETED, CASE_CLOSED, TERMINATION_RULED)) {
            return List.of(close("main"));
        }
        return List.of();
    }
}
