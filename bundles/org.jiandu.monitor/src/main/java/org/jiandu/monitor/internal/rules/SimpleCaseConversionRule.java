package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.deadline.DeadlineRules.text;
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
 * Art. 7 of 法〔2021〕322号: a case classified onto the simple track (繁简分流, {@code
 * CASE_CLASSIFIED} with {@code track = SIMPLE}) that is not concluded within the court's set period (既定期限) must
 * be converted to an ordinary case. The period is a local parameter the opinion leaves to each court: the default
 * of 3 months is a placeholder [U], to be set in configuration. Closed by the conclusion of the case
 * ({@code CASE_CLOSED}, {@code TERMINATION_RULED}) or by the conversion ({@code CASE_CLASSIFIED} with
 * {@code track = ORDINARY}); deducted periods of the case stop the clock.
 *
 * <p>Rule id {@code art7.simple-case}; configuration PID {@code org.jiandu.monitor.rule.art7.simple_case} (file {@code etc/org.jiandu.monitor.rule.art7.simple_case.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = SimpleCaseConversionRule.PID)
@Designate(ocd = SimpleCaseConversionRule.Config.class)
public class SimpleCaseConversionRule extends RuleSupport {
    public static final String ID = "art7.simple-case";
    static final String PID = "org.jiandu.monitor.rule.art7.simple_case";

    @ObjectClassDefinition(name = "Jiandu rule art7.simple-case", description = "简易执行案件应在既定期限内执结，否则转为普通案件办理（法〔2021〕322号 第7条）")
    public @interface Config {
        @AttributeDefinition(description = "the court's period for simple cases (既定期限; local parameter, default a placeholder)", min = "1", max = "100000")
        int period_amount() default 3;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "M";
    }

    private volatile Period period;

    @Activate
    public SimpleCaseConversionRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static SimpleCaseConversionRule of(Config config) {
        return new SimpleCaseConversionRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        // 既定期限 is the court's own (Art. 7 sets none): no statutory bound, no allowLonger needed
        period = localPeriod(r, "period");
        configured(r);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String article() {
        return "法〔2021〕322号 第7条";
    }

    @Override
    public String title() {
        return "简易执行案件应在既定期限内执结，否则转为普通案件办理";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, CASE_CLASSIFIED)) {
            return List.of("SIMPLE".equals(text(entry, "track")) ? open("main", entry, period, true) : close("main"));
        }
        if (is(entry, CASE_CLOSED, TERMINATION_RULED)) {
            return List.of(close("main"));
        }
        return List.of();
    }
}
