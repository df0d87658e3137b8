package org.jiandu.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ValidationException;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.EventType;
import org.jiandu.api.ledger.CaseLedger;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo mode, credit part: once the credit bundle (jiandu-credit) has registered its event types, loads
 * {@link CreditDemoCases} on first start, dated back from the Jiandu clock's today. Without jiandu-credit this
 * component stays inactive (it needs the credit event types), so the demo installs on jiandu-core alone.
 */
@Component(immediate = true, configurationPid = DemoLoader.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class CreditDemoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CreditDemoLoader.class);
    private final Thread loader;

    @Activate
    public CreditDemoLoader(Map<String, Object> properties, @Reference CaseLedger ledger,
            @Reference(target = "(jiandu.eventType=credit.GRACE_PERIOD_SET)") EventType creditTypes,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        boolean enabled = ConfigReader.of(DemoLoader.PID, properties, DemoLoader.Config.class).bool("enabled");
        if (!enabled) {
            loader = null;
            return;
        }
        List<CaseEvent> events = CreditDemoCases.generate(LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE));
        // the ledger's type registry binds the credit types on the same service event that activates this component,
        // in an order nobody promises: load on a thread of our own, and wait for the types while the ledger refuses them
        loader = new Thread(() -> load(ledger, events), "jiandu-demo-credit");
        loader.setDaemon(true);
        loader.start();
    }

    @Deactivate
    void deactivate() {
        if (loader != null) {
            loader.interrupt();
        }
    }

    private static void load(CaseLedger ledger, List<CaseEvent> events) {
        if (ledger.findByHostEventId(events.get(0).hostEventId()).isPresent()) {
            LOG.info("Demo credit cases already loaded; nothing to do");
            return;
        }
        for (int attempt = 1; attempt <= 60; attempt++) {
            try {
                long stored = ledger.appendAll(events).stream().filter(r -> !r.duplicate()).count();
                LOG.warn("Jiandu demo mode: loaded {} events of the credit demo cases", stored);
                return;
            } catch (ValidationException e) {
                if (attempt == 60 || !"UNKNOWN_EVENT_TYPE".equals(e.code())) {
                    LOG.error("Demo credit cases not loaded: {}", e.getMessage(), e);
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
