package org.jiandu.monitor.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.jiandu.api.event.CaseEvent;

/** A clock the test moves, in Asia/Shanghai. */
final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(String isoOffsetDateTime) {
        this.now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    void set(String isoOffsetDateTime) {
        now = OffsetDateTime.parse(isoOffsetDateTime).toInstant();
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return CaseEvent.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
