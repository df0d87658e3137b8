package org.jiandu.monitor.internal.guard;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;

/** Test fixtures: an in-memory case timeline, a ledger that serves it, a fixed clock, settings, operations. */
final class Cases {
    static final CaseNumber CASE = CaseNumber.parse("（2026）京0105执501号");
    static final Actor OFFICER = new Actor("京0105-ZXY01", "执行员", "京0105");

    private Cases() {
    }

    /** A case's ledger, built event by event. */
    static final class Timeline {
        private final List<LedgerEntry> entries = new ArrayList<>();

        Timeline add(String type, String day, Object... keyValues) {
            return add(type, day, null, keyValues);
        }

        /** An event that corrects the event with host id {@code corrects}. */
        Timeline correct(String corrects, String type, String day, Object... keyValues) {
            return add(type, day, new Correction(corrects, "京0105-TZ01", "录入错误"), keyValues);
        }

        private Timeline add(String type, String day, Correction correction, Object... keyValues) {
            long seq = entries.size() + 1;
            OffsetDateTime at = day.length() > 10 ? OffsetDateTime.parse(day)
                    : LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(CaseEvent.ZONE).toOffsetDateTime();
            CaseEvent e = new CaseEvent("H-" + seq, CASE, type, at, at.toInstant(), OFFICER,
                    Payload.of(map(keyValues)), correction);
            entries.add(new LedgerEntry(seq, e, "0".repeat(64), Long.toHexString(seq)));
            return this;
        }

        List<LedgerEntry> entries() {
            return List.copyOf(entries);
        }

        CaseLedger ledger() {
            return ledgerOf(entries);
        }
    }

    static Timeline timeline() {
        return new Timeline();
    }

    /**
     * A CaseLedger that serves one timeline. A proxy rather than a class, so that methods the ledger gains later
     * need nothing here: guards only read timelines, anything else is refused.
     */
    static CaseLedger ledgerOf(List<LedgerEntry> entries) {
        return (CaseLedger) Proxy.newProxyInstance(CaseLedger.class.getClassLoader(), new Class<?>[] {CaseLedger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("timeline")) {
                        return args[0].equals(CASE) ? List.copyOf(entries) : List.of();
                    }
                    if (method.getName().equals("toString")) {
                        return "in-memory ledger of " + CASE;
                    }
                    throw new UnsupportedOperationException("guards only read timelines, not " + method.getName());
                });
    }

    /** The Jiandu clock fixed at 10:00 Beijing time on {@code day}. */
    static Clock clockOn(String day) {
        Instant at = LocalDate.parse(day).atTime(10, 0).atZone(CaseEvent.ZONE).toInstant();
        return Clock.fixed(at, CaseEvent.ZONE);
    }

    static GuardSettings settings(Object... keyValues) {
        return new GuardSettings(GuardSettings.Defaults.with(map(keyValues)));
    }

    static GuardSettings defaults() {
        return settings();
    }

    static Operation op(String type, Object... keyValues) {
        return new Operation(type, CASE, Payload.of(map(keyValues)), null);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The codes of the verdict's findings, in order. */
    @SuppressWarnings("unchecked")
    static List<String> codes(Verdict v) {
        Object findings = v.details().get("findings");
        if (findings == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) findings).stream().map(f -> (String) f.get("code")).toList();
    }

    static boolean allowed(Verdict v) {
        return v.decision() == Decision.ALLOW;
    }
}
