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
 * Art. 16 of 法〔2021〕322号 (参考价规定 Art. 29): within 10 days of the reference price being
 * determined ({@code REFERENCE_PRICE_DETERMINED}) disposal starts ({@code DISPOSAL_STARTED} of the same asset). One
 * deadline per asset ({@code asset:<assetId>}); releasing the asset or closing the case closes it too; deducted
 * periods of the case stop the clock.
 *
 * <p>Rule id {@code art16.disposal-start}; configuration PID {@code org.jiandu.monitor.rule.art16.disposal_start} (file {@code etc/org.jiandu.monitor.rule.art16.disposal_start.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = DisposalStartRule.PID)
@Designate(ocd = DisposalStartRule.Config.class)
public class DisposalStartRule extends RuleSupport {
    public static final String ID = "art16.disposal-start";
    static final String PID = "org.jiandu.monitor.rule.art16.disposal_start";

    @ObjectClassDefinition(name = "Jiandu rule art16.disposal-start", description = "参考价确定后10日内启动财产变价程序（法〔2021〕322号 第16条）")
    public @interface Config {
        @AttributeDefinition(description = "days from the reference price to starting disposal (Art. 16: 10)", min = "1", max = "100000")
        int period_amount() default 10;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "D";
    }

    private volatile Period period;

    @Activate
    public DisposalStartRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static DisposalStartRule of(Config config) {
        return new DisposalStartRule(ConfigReader.propertiesOf(config));
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
        return "法〔2021〕322号 第16条";
    }

    @Override
    public String title() {
        return "参考价确定后10日内启动财产变价程序";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String asset = text(entry, "assetId");
        if (is(entry, REFERENCE_PRICE_DETERMINED) && asset != null) {
            return List.of(open("asset:" + asset, entry, period, true));
        }
        if (is(entry, DISPOSAL_STARTED, CONTROL_RELEASED) && asset != null) {
            return List.of(close("asset:" + asset));
        }
        if (is(entry, CASE_CLOSED, TERMINATION_RULED)) {
            List<DeadlineAction> out = new ArrayList<>();
            for (LedgerEntry d : earlier(history, entry, REFERENCE_PRICE_DETERMINED, null, null)) {
                out.add(close("asset:" + text(d, "assetId")));
            }
            return out;
        }
        return List.of();
    }
}
