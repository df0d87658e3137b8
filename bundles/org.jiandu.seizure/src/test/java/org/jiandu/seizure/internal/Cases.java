package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.LedgerEntry;

/** A case's ledger built in tests, entry by entry, with payloads as the ledger stores them (money scale 2). */
final class Cases {
    static final CaseNumber CASE = CaseNumber.parse("（2025）京0105执77号");
    private final List<LedgerEntry> entries = new ArrayList<>();

    static Cases newCase() {
        return new Cases();
    }

    static BigDecimal yuan(String s) {
        return new BigDecimal(s).setScale(2);
    }

    /** Appends an event on {@code day} with payload pairs name, value, name, value … */
    Cases on(String day, String type, Object... pairs) {
        return add(day, type, null, pairs);
    }

    Cases correcting(String hostEventId, String day, String type, Object... pairs) {
        return add(day, type, new Correction(hostEventId, "庭长", "录入错误"), pairs);
    }

    private Cases add(String day, String type, Correction correction, Object... pairs) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            p.put((String) pairs[i], v instanceof String s && s.matches("\\d+(\\.\\d+)?") && isMoney((String) pairs[i])
                    ? yuan(s) : v);
        }
        long seq = entries.size() + 1;
        CaseEvent e = new CaseEvent("H-" + seq, CASE, type,
                LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8)), null,
                new Actor("京0105-ZXY01", "执行员", "京0105"), Payload.of(p), correction);
        entries.add(new LedgerEntry(seq, e, "0".repeat(64), "h" + seq));
        return this;
    }

    private static boolean isMoney(String field) {
        return List.of("amount", "claimPrincipal", "judgmentInterest", "enforcementAmount").contains(field);
    }

    Cases filed(String principal, String deadline) {
        return on("2025-01-02", "CASE_FILED", "claimPrincipal", principal, "performanceDeadline", deadline);
    }

    List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    LedgerEntry last() {
        return entries.get(entries.size() - 1);
    }

    CaseFacts facts() {
        return CaseFacts.fold(entries);
    }

    SeizureRegister register(String asOf) {
        return SeizureRegister.of(CASE.canonical(), facts(), LocalDate.parse(asOf), CourtPolicy.DEFAULT);
    }
}
