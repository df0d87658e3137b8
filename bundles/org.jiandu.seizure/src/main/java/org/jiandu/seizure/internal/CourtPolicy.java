package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A court's local choices where the law sets no number (查封规定 Art. 19): the ratio above which controlled value
 * "clearly exceeds" the claim (明显超标的) and the order of property by impact on the debtor.
 *
 * @param ratio  control clearly exceeds a claim when its value is above claim × ratio; at least 1
 * @param order  impact classes, least impact first
 * @param source where the choice comes from, e.g. {@code clearlyExceedsRatio.京0105} or {@code default}
 */
record CourtPolicy(BigDecimal ratio, List<ImpactClass> order, String source) {
    static final BigDecimal DEFAULT_RATIO = new BigDecimal("1.20");
    static final CourtPolicy DEFAULT = new CourtPolicy(DEFAULT_RATIO, ImpactClass.DEFAULT_ORDER, "default");

    CourtPolicy {
        order = List.copyOf(order);
    }

    /** Position of {@code c} in the order: lower is less impact. */
    int rank(ImpactClass c) {
        return order.indexOf(c);
    }

    /** The largest value that does not clearly exceed {@code claim}: claim × ratio, rounded down to the fen. */
    BigDecimal threshold(BigDecimal claim) {
        return claim.multiply(ratio).setScale(2, RoundingMode.DOWN);
    }

    /** Whether {@code value} clearly exceeds {@code claim}. */
    boolean clearlyExceeds(BigDecimal value, BigDecimal claim) {
        return value.compareTo(threshold(claim)) > 0;
    }

    Map<String, Object> toMap() {
        return Map.of("clearlyExceedsRatio", ratio.toPlainString(), "impactOrder",
                order.stream().map(Enum::name).toList(), "source", source,
                "note", "“明显超标的”法律未规定具体比例，此为本院配置（查封规定第19条）");
    }
}
