package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enforcement application fee (申请执行费), 诉讼费用交纳办法 (国务院令第481号) Art. 14(一): up to ¥10,000 of the
 * amount enforced, ¥50; the part above ¥10,000 up to ¥500,000 at 1.5%; above ¥500,000 up to ¥5,000,000 at 1%;
 * above ¥5,000,000 up to ¥10,000,000 at 0.5%; above ¥10,000,000 at 0.1%. The parts are summed exactly and the sum
 * is rounded half-up to the fen once. A case with no amount (Art. 14: ¥50–500 per case) is charged the minimum ¥50
 * here; the court may record more as a cost.
 */
final class FeeSchedule {
    static final BigDecimal FLAT = new BigDecimal("50.00");
    static final BigDecimal FLAT_LIMIT = new BigDecimal("10000");
    private static final BigDecimal[][] TIERS = {
        {new BigDecimal("10000"), new BigDecimal("500000"), new BigDecimal("0.015")},
        {new BigDecimal("500000"), new BigDecimal("5000000"), new BigDecimal("0.01")},
        {new BigDecimal("5000000"), new BigDecimal("10000000"), new BigDecimal("0.005")},
        {new BigDecimal("10000000"), null, new BigDecimal("0.001")},
    };

    private FeeSchedule() {
    }

    /** The fee with its computation: base, each tier's part, total. */
    record Fee(BigDecimal base, BigDecimal amount, List<Map<String, Object>> tiers) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("base", base);
            m.put("amount", amount);
            m.put("tiers", tiers);
            m.put("rule", "诉讼费用交纳办法 第14条第1项");
            return m;
        }
    }

    static Fee applicationFee(BigDecimal base) {
        List<Map<String, Object>> parts = new ArrayList<>();
        BigDecimal exact = FLAT;
        parts.add(tier("0", FLAT_LIMIT.toPlainString(), "50元/件", FLAT));
        for (BigDecimal[] t : TIERS) {
            BigDecimal from = t[0];
            BigDecimal to = t[1];
            if (base.compareTo(from) <= 0) {
                break;
            }
            BigDecimal top = to == null || base.compareTo(to) < 0 ? base : to;
            BigDecimal part = top.subtract(from).multiply(t[2]);
            exact = exact.add(part);
            parts.add(tier(from.toPlainString(), to == null ? null : to.toPlainString(),
                    t[2].movePointRight(2).stripTrailingZeros().toPlainString() + "%", part));
        }
        return new Fee(base, exact.setScale(2, RoundingMode.HALF_UP), List.copyOf(parts));
    }

    private static Map<String, Object> tier(String from, String to, String rate, BigDecimal part) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("over", from);
        if (to != null) {
            m.put("upTo", to);
        }
        m.put("rate", rate);
        BigDecimal plain = part.stripTrailingZeros();
        m.put("part", plain.scale() < 2 ? plain.setScale(2, RoundingMode.UNNECESSARY) : plain);
        return m;
    }
}
