package org.jiandu.seizure.internal;

import java.time.LocalDate;

/**
 * The asset kinds of the event vocabulary ({@code CoreEventTypes.ASSET_KINDS}) and what the law attaches to each:
 * divisibility by default and the term of a control measure.
 */
final class AssetKinds {
    static final String DEPOSIT = "DEPOSIT";
    static final String REAL_ESTATE = "REAL_ESTATE";
    static final String VEHICLE = "VEHICLE";
    static final String EQUITY = "EQUITY";
    static final String SECURITIES = "SECURITIES";
    static final String MOVABLE = "MOVABLE";
    static final String OTHER = "OTHER";

    private AssetKinds() {
    }

    /** Deposits and securities can be controlled in part; anything else is indivisible unless reported otherwise. */
    static boolean divisibleByDefault(String kind) {
        return DEPOSIT.equals(kind) || SECURITIES.equals(kind);
    }

    /**
     * The longest term of a control measure in months, 民诉法解释 (2022) Art. 485: bank deposits 1 year; movables
     * (seized or detained) 2 years; immovables and other property rights 3 years. When the kind is not reported the
     * shortest term the measure can have is taken, so that a renewal reminder never comes too late: a freeze 1 year,
     * a seal or a detention 2 years.
     */
    static int termMonths(String kind, String measure) {
        if (kind == null) {
            return "FREEZE".equals(measure) ? 12 : 24;
        }
        return switch (kind) {
            case DEPOSIT -> 12;
            case VEHICLE, MOVABLE -> 24;
            default -> 36;
        };
    }

    /**
     * The last day of a term of {@code months} starting on {@code start}: the same-numbered day {@code months} later
     * (or that month's last day), the start day not counted (民诉法 Art. 85; 民法典 Arts. 201–202). The term of
     * effect is not rolled forward to a working day: the control lapses at the end of that day (查封规定 Art. 27).
     */
    static LocalDate expiry(LocalDate start, int months) {
        return start.plusMonths(months);
    }
}
