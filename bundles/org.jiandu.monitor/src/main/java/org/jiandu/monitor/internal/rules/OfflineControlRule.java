package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.flag;
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
 * Art. 13 of 法〔2021〕322号: when the online feedback shows property
 * ({@code PROPERTY_QUERY_FEEDBACK} with {@code propertyFound = true}) control measures follow at once online, or
 * within 3 working days of the feedback offline. One deadline per feedback (key {@code feedback:<hostEventId>});
 * the next {@code PROPERTY_CONTROLLED} closes every earlier one, as does closing the case.
 *
 * <p>Rule id {@code art13.offline-control}; configuration PID {@code org.jiandu.monitor.rule.art13.offline_control} (file {@code etc/org.jiandu.monitor.rule.art13.offline_control.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = OfflineControlRule.PID)
@Designate(ocd = OfflineControlRule.Config.class)
public class OfflineControlRule extends RuleSupport {
    public static final String ID = "art13.offline-control";
    static final String PID = "org.jiandu.monitor.rule.art13.offline_control";

    @ObjectClassDefinition(name = "Jiandu rule art13.offline-control", description = "线上查询反馈有财产、无法线上控制的，收到反馈后3个工作日内采取控制措施（法〔2021〕322号 第13条）")
    public @interface Config {
        @AttributeDefinition(description = "working days from feedback to offline control (Art. 13: 3)", min = "1", max = "100000")
        int period_amount() default 3;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "WD";
    }

    private volatile Period period;

    @Activate
    public OfflineControlRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static OfflineControlRule of(Config config) {
        return new OfflineControlRule(ConfigReader.propertiesOf(config));
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
        return "法〔2021〕322号 第13条";
    }

    @Override
    public String title() {
        return "线上查询反馈有财产、无法线上控制的，收到反馈后3个工作日内采取控制措施";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, PROPERTY_QUERY_FEEDBACK)) {
            return flag(entry, "propertyFound")
                    ? List.of(open("feedback:" + entry.event().hostEventId(), entry, period, false))
                    : List.of();
        }
        if (is(entry, PROPERTY_CONTROLLED, CASE_CLOSED, TERMINATION_RULED)) {
            List<DeadlineAction> out = new ArrayList<>();
            for (LedgerEntry f : earlier(history, entry, PROPERTY_QUERY_FEEDBACK, null, null)) {
                out.add(close("feedback:" + f.event().hostEventId()));
            }
            return out;
        }
        return List.of();
    }
}
