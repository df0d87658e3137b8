package org.jiandu.monitor.internal.rules;

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

/**
 * Art. 13 of 法〔2021〕322号 (second half): a network query must cover every property type
 * for which the query system is open. A {@code PROPERTY_QUERY_STARTED} whose {@code propertyTypes} lack a type
 * configured as queryable raises a finding (key {@code query:<hostEventId>}) naming the missing types. The default
 * list is the types the national 总对总 network query system covers (deposits, real estate, vehicles, securities, ships, online funds, wealth
 * products); a court sets what its system has open.
 *
 * <p>Rule id {@code art13.query-coverage}; configuration PID {@code org.jiandu.monitor.rule.art13.query_coverage} (file {@code etc/org.jiandu.monitor.rule.art13.query_coverage.cfg}).
 */
@Component(service = {DeadlineRule.class, HealthIndicator.class}, configurationPid = QueryCoverageRule.PID)
@Designate(ocd = QueryCoverageRule.Config.class)
public class QueryCoverageRule extends RuleSupport {
    public static final String ID = "art13.query-coverage";
    static final String PID = "org.jiandu.monitor.rule.art13.query_coverage";

    @ObjectClassDefinition(name = "Jiandu rule art13.query-coverage", description = "网络查控的查询范围应覆盖系统已开通查询功能的全部财产类型（法〔2021〕322号 第13条）")
    public @interface Config {
        @AttributeDefinition(description = "property types the network query system has open (Art. 13 of 法〔2021〕322号)")
        String[] queryableTypes() default {"DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES", "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS"};
    }

    private volatile List<String> queryable;

    @Activate
    public QueryCoverageRule(Map<String, Object> properties) {
        configure(properties);
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static QueryCoverageRule of(Config config) {
        return new QueryCoverageRule(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = reader(properties, Config.class);
        queryable = r.names("queryableTypes", PROPERTY_TYPES);
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
        return "网络查控的查询范围应覆盖系统已开通查询功能的全部财产类型";
    }

    @Override
    public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
        if (!is(entry, PROPERTY_QUERY_STARTED)) {
            return List.of();
        }
        List<String> covered = entry.event().payload().strings("propertyTypes");
        List<String> missing = queryable.stream().filter(t -> !covered.contains(t)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        String message = "网络查控未覆盖已开通查询功能的全部财产类型，缺少：" + String.join("、", missing)
                + "（" + article() + "）";
        return List.of(new DeadlineAction.Finding("query:" + entry.event().hostEventId(), "VIOLATION", message,
                java.util.Map.of("missingTypes", missing, "coveredTypes", covered, "queryableTypes", queryable)));
    }
}
