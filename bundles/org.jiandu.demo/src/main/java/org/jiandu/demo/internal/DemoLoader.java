package org.jiandu.demo.internal;

import java.util.List;
import java.util.Map;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;

import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.CaseLedger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode: on first start, loads {@link DemoCases} through the ledger's ingestion service (the same validation
 * as {@code POST /api/v1/events}), in batches. It runs only when {@code etc/org.jiandu.demo.cfg} says
 * {@code enabled = true}; production sets it false or does not install {@code jiandu-demo}. A second start finds
 * the demo's first event already recorded and loads nothing.
 */
@Component(service = HealthIndicator.class, immediate = true, configurationPid = DemoLoader.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoLoader.Config.class)
public class DemoLoader implements HealthIndicator {
    static final String PID = "org.jiandu.demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    @ObjectClassDefinition(name = "Jiandu demo data")
    public @interface Config {
        @AttributeDefinition(description = "Load the demo cases on first start. Never true in production.")
        boolean enabled() default false;

        @AttributeDefinition(description = "How many demo cases to generate", min = "1", max = "100000")
        int cases() default 40;
    }

    private final ConfigReport configReport;

    @Activate
    public DemoLoader(Map<String, Object> properties, @Reference CaseLedger ledger) {
        ConfigReader reader = ConfigReader.of(PID, properties, Config.class);
        boolean enabled = reader.bool("enabled");
        int cases = reader.integer("cases", 1, 100_000, "");
        configReport = reader.report();
        for (String problem : configReport.messages()) {
            LOG.error("{}", problem);
        }
        if (!enabled) {
            LOG.info("Jiandu demo mode is off (org.jiandu.demo enabled=false)");
            return;
        }
        LOG.warn("*** JIANDU DEMO MODE: demo cases and the demo users of etc/users.properties are for trying Jiandu "
                + "only. Never run a court's production system with them: set enabled=false in "
                + "etc/org.jiandu.demo.cfg and replace etc/users.properties. ***");
        List<CaseEvent> events = DemoCases.generate(cases);
        if (ledger.findByHostEventId(events.get(0).hostEventId()).isPresent()) {
            LOG.info("Demo cases already loaded; nothing to do");
            return;
        }
        int stored = 0;
        for (int from = 0; from < events.size(); from += CaseLedger.MAX_BATCH) {
            stored += (int) ledger.appendAll(events.subList(from, Math.min(events.size(), from + CaseLedger.MAX_BATCH)))
                    .stream().filter(r -> !r.duplicate()).count();
        }
        LOG.warn("Jiandu demo mode: loaded {} events of {} cases", stored, cases);
    }

    /** The demo loader's health: its configuration, as component {@code jiandu.demo}. */
    @Override
    public List<ComponentHealth> health() {
        return List.of(configReport.health("jiandu.demo"));
    }
}
