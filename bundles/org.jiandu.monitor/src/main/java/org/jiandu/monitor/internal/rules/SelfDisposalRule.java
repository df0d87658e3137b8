package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.deadline.DeadlineRules.text;
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
 * Art. 17 of 法〔2021〕322号: self-disposal by the respondent ({@code DISPOSAL_STARTED} with
 * {@code method = SELF_DISPOSAL}) lasts at most 90 days; the deadline is its completion ({@code DISPOSAL_COMPLETED}
 * of the asset), or the court taking the disposal back ({@code DISPOSAL_STARTED} of the asset by another method),
 * releasing the asset or closing the case. (Refusing a longer period up front is the disposal guard's business.)
 *
 * <p>Rule id {@code art17.self-disposal}; configuration PID {@code org.jiandu.monitor.rule.art17.self_disposal} (file {@code etc/org.jiandu.monitor.rule.art17.self_disposal.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = SelfDisposalRule.PID)
@Designate(ocd = SelfDisposalRule.Config.class)
public class SelfDisposalRule extends RuleSupport {
    public static final String ID = "art17.self-disposal";
    static final String PID = "org.jiandu.monitor.rule.art17.self_disposal";

    @ObjectClassDefinition(name = "Jiandu rule art17.self-disposal", description = "被执行人自行处置财产的期限最长不得超过90日（法〔2021〕322号 第17条）")
    public @interface Config {
        @AttributeDefinition(description = "days a self-disposal may last at most (Art. 17: 90)", min = "1", max = "100000")
        int period_amount() default 90;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "D";
    }

    private volatile Period period;

    @Activate
    public SelfDisposalRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static SelfDisposalRule of(Config config) {
        return new SelfDisposalRule(ConfigReader.propertiesOf(config));
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
        return "法〔2021〕322号 第17条";
    }

    @Override
    public String title() {
        return "被执行人自行处置财产的期限最长不得超过90日";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String asset = text(entry, "assetId");
        if (is(entry, DISPOSAL_STARTED) && asset != null) {
            return List.of("SELF_DISPOSAL".equals(text(entry, "method")) ? open("asset:" + asset, entry, period, false)
                    : close("asset:" + asset));
        }
        if (is(entry, DISPOSAL_COMPLETED, CONTROL_RELEASED) && asset != null) {
            return List.of(close("asset:" + asset));
        }
        if (is(entry, CASE_CLOSED, TERMINATION_RULED)) {
            List<DeadlineAction> out = new ArrayList<>();
            for (LedgerEntry d : earlier(history, entry, DISPOSAL_STARTED, "method", "SELF_DISPOSAL")) {
                out.add(close("asset:" + text(d, "assetId")));
            }
            return out;
        }
        return List.of();
    }
}
