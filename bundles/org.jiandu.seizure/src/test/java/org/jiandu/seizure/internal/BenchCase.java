package org.jiandu.seizure.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Operation;

/**
 * The performance target's case (issue 5): 50 controlled assets and a check with 20 candidates. Claim 10,000,000 with
 * judgment interest, 12 payments on 8 days (8 doubled-interest segments), 3 cost items; control: 20 frozen deposits, 10
 * vehicles, 10 securities, 10 real estates each behind a mortgage, one queued. The operation: seize a flat worth
 * 12,000,000 with a 1,000,000 mortgage while a deposit among the candidates would suffice — the longest path through
 * the rules (value, prior claims, ranking of 21 assets, DENY LOWER_IMPACT_SUFFICES). Checked on 2025-09-01.
 */
final class BenchCase {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-01T02:00:00Z"), ZoneOffset.UTC);

    private BenchCase() {
    }

    static Cases ledger() {
        Cases c = Cases.newCase().on("2025-01-02", "CASE_FILED", "claimPrincipal", "10000000.00",
                "judgmentInterest", "250000.00", "performanceDeadline", "2025-01-20");
        for (int i = 0; i < 3; i++) {
            c.on("2025-02-0" + (i + 1), "COSTS_RECORDED", "costId", "C" + i, "amount", "3500.00", "kind", "APPRAISAL");
        }
        for (int i = 0; i < 50; i++) {
            String day = String.format("2025-03-%02d", 1 + i % 28);
            switch (i % 5) {
                case 0, 1 -> c.on(day, "PROPERTY_CONTROLLED", "assetId", "ACC-" + i, "assetKind", "DEPOSIT",
                        "measure", "FREEZE", "amount", "10000.00");
                case 2 -> c.on(day, "PROPERTY_CONTROLLED", "assetId", "CAR-" + i, "assetKind", "VEHICLE", "measure",
                        "DETAIN", "amount", "50000.00", "valueBasis", "ESTIMATE", "valueSource", "执行员估价");
                case 3 -> c.on(day, "PROPERTY_CONTROLLED", "assetId", "SEC-" + i, "assetKind", "SECURITIES",
                        "measure", "FREEZE", "amount", "20000.00", "valueBasis", "MARKET_QUOTE");
                default -> {
                    c.on(day, "ENCUMBRANCE_RECORDED", "assetId", "FLAT-" + i, "encumbranceId", "M" + i, "kind",
                            "MORTGAGE", "amount", "100000.00");
                    c.on(day, "PROPERTY_CONTROLLED", "assetId", "FLAT-" + i, "assetKind", "REAL_ESTATE", "measure",
                            "SEAL", "amount", "300000.00", "residential", i % 2 == 0, "queued", i == 49);
                }
            }
        }
        for (int i = 0; i < 12; i++) {
            c.on(String.format("2025-%02d-15", 1 + i % 8), "MONEY_RECEIVED", "amount", "20000.00");
        }
        return c;
    }

    static Operation operation() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("assetId", "FLAT-X");
        d.put("assetKind", "REAL_ESTATE");
        d.put("amount", "12000000.00");
        d.put("valueBasis", "APPRAISAL");
        d.put("valueDate", "2025-08-01");
        d.put("priorEncumbrances", List.of(Map.of("kind", "MORTGAGE", "amount", "1000000.00")));
        d.put("candidates", candidates());
        return new Operation("SEIZE", Cases.CASE, Payload.of(d), null);
    }

    static List<Map<String, Object>> candidates() {
        String[] kinds = {"DEPOSIT", "SECURITIES", "VEHICLE", "MOVABLE", "EQUITY", "REAL_ESTATE", "OTHER"};
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("assetId", "CAND-" + i);
            m.put("assetKind", kinds[i % kinds.length]);
            m.put("amount", i == 7 ? "9500000.00" : (100000 + i * 25000) + ".00");
            if (i % 4 == 0) {
                m.put("priorEncumbrances", List.of(Map.of("kind", "PLEDGE", "amount", "10000.00")));
            }
            out.add(m);
        }
        return out;
    }

    static OverSeizureGuard guard() {
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.replace(ledger().entries());
        RegisterCache cache = new RegisterCache(ledger, SeizureSettings.of(Map.of()));
        return new OverSeizureGuard(cache, SeizureSettings.of(Map.of()), CLOCK);
    }
}
