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
 * Art. 13 of 法〔2021〕322号: within 5 working days of receiving the case from the filing
 * division ({@code TRANSFERRED_TO_ENFORCEMENT}) the enforcement division starts the network property query
 * ({@code PROPERTY_QUERY_STARTED}). Whether that query covers every queryable type is {@link QueryCoverageRule}'s
 * business. Closing the case also closes it.
 *
 * <p>Rule id {@code art13.network-query}; configuration PID {@code org.jiandu.monitor.rule.art13.network_query} (file {@code etc/org.jiandu.monitor.rule.art13.network_query.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = NetworkQueryRule.PID)
@Designate(ocd = NetworkQueryRule.Config.class)
public class NetworkQueryRule extends RuleSupport {
    public static final String ID = "art13.network-query";
    static final String PID = "org.jiandu.monitor.rule.art13.network_query";

    @ObjectClassDefinition(name = "Jiandu rule art13.network-query", description = "执行部门收到移送的案件后5个工作日内通过“总对总”“点对点”网络查控系统发起财产查询（法〔2021〕322号 第13条）")
    public @interface Config {
        @AttributeDefinition(description = "working days from transfer to the first network query (Art. 13: 5)", min = "1", max = "100000")
        int period_amount() default 5;
        @AttributeDefinition(description = "unit: WD (工作日), D (日), M (月) or H (小时)", options = {
            @Option(value = "WD", label = "工作日"), @Option(value = "D", label = "日"),
            @Option(value = "M", label = "月"), @Option(value = "H", label = "小时")})
        String period_unit() default "WD";
    }

    private volatile Period period;

    @Activate
    public NetworkQueryRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static NetworkQueryRule of(Config config) {
        return new NetworkQueryRule(ConfigReader.propertiesOf(config));
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
        return "执行部门收到移送的案件后5个工作日内通过“总对总”“点对点”网络查控系统发起财产查询";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (is(entry, TRANSFERRED_TO_ENFORCEMENT)) {
            return List.of(open("main", entry, period, false));
        }
        if (is(entry, PROPERTY_QUERY_STARTED, CASE_CLOSED, TERMINATION_RULED)) {
            return List.of(close("main"));
        }
        return List.of();
    }
}
