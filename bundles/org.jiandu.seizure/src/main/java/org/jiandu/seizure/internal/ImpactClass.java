package org.jiandu.seizure.internal;

import java.util.List;

/**
 * How much seizing an asset weighs on the debtor's business and life. Art. 15 ¶1 of 法〔2021〕322号: where the debtor
 * has several kinds of property, choose the one with the least impact on the parties' production and life that is
 * easiest to enforce (有多种财产的，选择对当事人生产生活影响较小且方便执行的财产查封). The order is a local choice,
 * configurable per court ({@code impactOrder}); {@link #DEFAULT_ORDER} is the issue's.
 */
enum ImpactClass {
    DEPOSIT("存款"),
    SECURITIES("证券"),
    VEHICLE("车辆"),
    MOVABLE("动产"),
    EQUITY("股权"),
    OTHER("其他财产权"),
    REAL_ESTATE_NON_RESIDENTIAL("非住宅不动产"),
    REAL_ESTATE_RESIDENTIAL("住宅不动产"),
    BUSINESS_EQUIPMENT("生产经营必需的设备、财产");

    /**
     * Deposits, then securities, then vehicles and movables, then non-residential real estate, then residential real
     * estate, then what the business needs. The issue does not place equity and other rights; they go after movables
     * and before real estate: they are usually quicker to dispose of than real estate and do not house anyone.
     */
    static final List<ImpactClass> DEFAULT_ORDER = List.of(values());

    private final String chinese;

    ImpactClass(String chinese) {
        this.chinese = chinese;
    }

    String chinese() {
        return chinese;
    }

    /**
     * The class of an asset of {@code kind} (one of the event vocabulary's asset kinds). Real estate whose use is not
     * reported is taken as residential (the higher impact); property the business needs is the last resort whatever
     * its kind, except a deposit, whose freeze is limited to an amount and leaves the account usable.
     */
    static ImpactClass of(String kind, Boolean residential, Boolean businessEssential) {
        if (Boolean.TRUE.equals(businessEssential) && !AssetKinds.DEPOSIT.equals(kind)) {
            return BUSINESS_EQUIPMENT;
        }
        if (kind == null) {
            return OTHER;
        }
        return switch (kind) {
            case AssetKinds.DEPOSIT -> DEPOSIT;
            case AssetKinds.SECURITIES -> SECURITIES;
            case AssetKinds.VEHICLE -> VEHICLE;
            case AssetKinds.MOVABLE -> MOVABLE;
            case AssetKinds.EQUITY -> EQUITY;
            case AssetKinds.REAL_ESTATE -> Boolean.FALSE.equals(residential) ? REAL_ESTATE_NON_RESIDENTIAL
                    : REAL_ESTATE_RESIDENTIAL;
            default -> OTHER;
        };
    }
}
