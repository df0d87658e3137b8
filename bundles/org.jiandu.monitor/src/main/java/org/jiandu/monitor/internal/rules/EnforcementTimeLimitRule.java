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
 * The enforcement time limit (最高人民法院关于严格执行案件审理期限制度的若干规定 法释〔2000〕29号 Art. 5):
 * a case is concluded within 6 months of filing ({@code CASE_FILED}); the periods of announcement, appraisal, audit,
 * valuation, suspension, deferral, auction and sale are not counted (Art. 9), so the case's deducted periods
 * ({@code DEDUCTED_PERIOD_STARTED/ENDED}, {@code SUSPENDED/RESUMED}) stop the clock. Closed by
 * {@code CASE_CLOSED} or {@code TERMINATION_RULED} (终本 is a way of concluding). The 3-month extension with the
 * president's approval has no event in the vocabulary yet: configure a longer period where it is routine.
 *
 * <p>Rule id {@code b7.time-limit}; configuration PID {@code org.jiandu.monitor.rule.b7.time_limit} (file {@code etc/org.jiandu.monitor.rule.b7.time_limit.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = EnforcementTimeLimitRule.PID)
@Designate(ocd = EnforcementTimeLimitRule.Config.class)
public class EnforcementTimeLimitRule extends RuleSupport {
    public static final String ID = "b7.time-limit";
    static final String PID = "org.jiandu.monitor.rule.b7.time_limit";

    @ObjectClassDefinition(name = "Jiandu rule b7.time-limit", description = "执行案件应当在立案之日起6个月内执结（扣除公告、鉴定、审计、评估、中止、暂缓及拍卖、变卖期间）（法释〔2000〕29号 第5条、第9条）")
    public @interface Config {
        @AttributeDefinition(description = "months from filing (法释〔2000〕29号 Art. 5: 6)", min = "1", max = "100000")
        int period_amount() default 6;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "M";
    }

    private volatile Period period;

    @Activate
    public EnforcementTimeLimitRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static EnforcementTimeLimitRule of(Config config) {
        return new EnforcementTimeLimitRule(ConfigReader.propertiesOf(config));
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
        return "法释〔2000〕29号 第5条、第9条";
    }

    @Override
    public String title() {
        return "执行案件应当在立案之日起6个月内执结（扣除公告、鉴定、审计、评估、中止、暂缓及拍卖、变卖期间）";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, CASE_FILED)) {
            return List.of(open("main", entry, period, true));
        }
        if (is(entry, CASE_CLOSED, TERMINATION_RULED)) {
            return List.of(close("main"));
        }
        return List.of();
    }
}
