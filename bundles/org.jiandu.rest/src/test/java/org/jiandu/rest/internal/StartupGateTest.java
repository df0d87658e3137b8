package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class StartupGateTest {
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-05T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(long millis) {
            now = now.plus(Duration.ofMillis(millis));
        }
    }

    static final class FakeProbe implements StartupGate.Probe {
        boolean booting = true;
        final List<String> waiting = new ArrayList<>(List.of("org.jiandu.monitor.internal.MonitorResource waits for "
                + "[schema]"));

        @Override
        public boolean bootInstalling() {
            return booting;
        }

        @Override
        public List<String> unsatisfiedResources() {
            return waiting;
        }
    }

    @Test
    void staysClosedUntilBootIsDoneAndEveryResourceIsSatisfiedThenStaysOpen() {
        MutableClock clock = new MutableClock();
        FakeProbe probe = new FakeProbe();
        StartupGate gate = new StartupGate(probe, clock, 120_000);
        assertFalse(gate.getAsBoolean());
        probe.booting = false;
        clock.advance(200);
        assertFalse(gate.getAsBoolean(), "a resource still waits: " + gate.missing());
        probe.waiting.clear();
        clock.advance(200);
        assertTrue(gate.getAsBoolean());
        probe.booting = true;
        probe.waiting.add("a later resource");
        clock.advance(200);
        assertTrue(gate.getAsBoolean(), "once open, the gate stays open (later resources are swapped in)");
    }

    @Test
    void opensAtTheBoundEvenIfSomethingNeverComes() {
        MutableClock clock = new MutableClock();
        FakeProbe probe = new FakeProbe();
        StartupGate gate = new StartupGate(probe, clock, 5_000);
        assertFalse(gate.getAsBoolean());
        clock.advance(4_900);
        assertFalse(gate.getAsBoolean());
        clock.advance(50);
        assertFalse(gate.getAsBoolean(), "checked at most every 100 ms");
        clock.advance(50);
        assertTrue(gate.getAsBoolean());
        assertEquals(2, gate.missing().size());
    }
}
