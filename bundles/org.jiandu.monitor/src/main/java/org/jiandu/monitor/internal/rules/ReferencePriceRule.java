package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.deadline.DeadlineRules.close;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.flag;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.deadline.DeadlineRules.text;
import static org.jiandu.api.event.CoreEventTypes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.event.CoreEventTypes;
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
 * Art. 16 of 法〔2021〕322号 (参考价规定 法释〔2018〕15号): property seized that needs auction or
 * sale gets its reference-price procedure started ({@code REFERENCE_PRICE_STARTED}) within 30 days of the control
 * ({@code PROPERTY_CONTROLLED}). Which asset kinds need disposal is configuration (default: everything but
 * deposits, which are deducted, not sold); a control without {@code assetKind}, or queued behind another court's
 * seizure ({@code queued = true}; that court disposes), opens nothing. One deadline per asset
 * ({@code asset:<assetId>}), closed also by starting disposal, releasing the asset or closing the case; deducted
 * periods of the case stop the clock.
 *
 * <p>Rule id {@code art16.reference-price}; configuration PID {@code org.jiandu.monitor.rule.art16.reference_price} (file {@code etc/org.jiandu.monitor.rule.art16.reference_price.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = ReferencePriceRule.PID)
@Designate(ocd = ReferencePriceRule.Config.class)
public class ReferencePriceRule extends RuleSupport {
    public static final String ID = "art16.reference-price";
    static final String PID = "org.jiandu.monitor.rule.art16.reference_price";

    @ObjectClassDefinition(name = "Jiandu rule art16.reference-price", description = "查封、扣押、冻结需要拍卖、变卖的财产后30日内启动确定财产处置参考价程序（法〔2021〕322号 第16条）")
    public @interface Config {
        @AttributeDefinition(description = "days from control to starting the reference-price procedure (Art. 16: 30)", min = "1", max = "100000")
        int period_amount() default 30;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "D";
        @AttributeDefinition(description = "asset kinds that need auction or sale")
        String[] assetKinds() default {"REAL_ESTATE", "VEHICLE", "EQUITY", "SECURITIES", "MOVABLE", "OTHER"};
    }

    private volatile Period period;
    private volatile java.util.Set<String> kinds;

    @Activate
    public ReferencePriceRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static ReferencePriceRule of(Config config) {
        return new ReferencePriceRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        period = period(r, "period");
        kinds = java.util.Set.copyOf(r.names("assetKinds", CoreEventTypes.ASSET_KINDS));
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
        return "查封、扣押、冻结需要拍卖、变卖的财产后30日内启动确定财产处置参考价程序";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        String asset = text(entry, "assetId");
        if (is(entry, PROPERTY_CONTROLLED)) {
            String kind = text(entry, "assetKind");
            return kind != null && kinds.contains(kind) && !flag(entry, "queued")
                    ? List.of(open("asset:" + asset, entry, period, true)) : List.of();
        }
        if (is(entry, REFERENCE_PRICE_STARTED, DISPOSAL_STARTED, CONTROL_RELEASED) && asset != null) {
            return List.of(close("asset:" + asset));
        }
        if (is(entry, CASE_CLOSED, TERMINATION_RULED)) {
            List<DeadlineAction> out = new ArrayList<>();
            for (LedgerEntry c : earlier(history, entry, PROPERTY_CONTROLLED, null, null)) {
                out.add(close("asset:" + text(c, "assetId")));
            }
            return out;
        }
        return List.of();
    }
}
