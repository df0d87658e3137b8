package org.jiandu.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Clock} every Jiandu rule reads (registered as a {@code java.time.Clock} service), in Asia/Shanghai.
 * Normally the system clock; configuration PID {@code org.jiandu.clock} can shift it by an offset, which lets an
 * acceptance test or an "as-of" rehearsal move time without touching the machine's clock. The service object stays
 * the same when the offset changes, so holders never see it go away.
 */
@Component(service = {Clock.class, HealthIndicator.class}, configurationPid = LedgerClock.PID,
        property = "jiandu.clock=true")
@Designate(ocd = LedgerClock.Config.class)
public class LedgerClock extends Clock implements HealthIndicator {
    static final String PID = "org.jiandu.clock";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerClock.class);

    @ObjectClassDefinition(name = "Jiandu clock")
    public @interface Config {
        @AttributeDefinition(description = "ISO-8601 duration added to the system clock, e.g. P30D or PT-2H (tests)")
        String offset() default "PT0S";
    }

    private final Clock system = Clock.system(CaseEvent.ZONE);
    private volatile Duration offset = Duration.ZERO;
    private volatile ConfigReport configReport = ConfigReport.empty(PID);

    @Activate
    @Modified
    void configure(Map<String, Object> properties) {
        ConfigReader r = ConfigReader.of(PID, properties, Config.class);
        Duration d = r.parsed("offset", LedgerClock::duration);
        configReport = r.report();
        for (String problem : configReport.messages()) {
            LOG.error("{}", problem);
        }
        if (!d.isZero()) {
            LOG.warn("Jiandu clock is shifted by {} from the system clock (configuration org.jiandu.clock)", d);
        }
        offset = d;
    }

    /** An ISO-8601 duration such as {@code P30D} or {@code PT-2H}. */
    static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("is not an ISO-8601 duration such as P30D or PT-2H", e);
        }
    }

    /** The clock's health: its configuration, as component {@code jiandu.clock} (details: the offset in use). */
    @Override
    public List<ComponentHealth> health() {
        return List.of(configReport.health("jiandu.clock"));
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }
}
