package org.jiandu.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jiandu.api.event.CaseEvent;
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
@Component(service = Clock.class, configurationPid = "org.jiandu.clock", property = "jiandu.clock=true")
@Designate(ocd = LedgerClock.Config.class)
public class LedgerClock extends Clock {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerClock.class);

    @ObjectClassDefinition(name = "Jiandu clock")
    public @interface Config {
        @AttributeDefinition(description = "ISO-8601 duration added to the system clock, e.g. P30D or PT-2H (tests)")
        String offset() default "PT0S";
    }

    private final Clock system = Clock.system(CaseEvent.ZONE);
    private volatile Duration offset = Duration.ZERO;

    @Activate
    @Modified
    void configure(Config config) {
        Duration d = Duration.parse(config.offset());
        if (!d.isZero()) {
            LOG.warn("Jiandu clock is shifted by {} from the system clock (configuration org.jiandu.clock)", d);
        }
        offset = d;
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
