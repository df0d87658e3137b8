package org.jiandu.seizure.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration PID {@code org.jiandu.seizure} ({@code etc/org.jiandu.seizure.cfg}). Per-court overrides are keys of
 * the same PID suffixed with a court code: {@code clearlyExceedsRatio.京0105 = 1.3}, or with a high court's province
 * abbreviation for every court of the province: {@code impactOrder.沪 = …}. The most specific key wins: the court's
 * own, then its province's, then the default.
 */
@ObjectClassDefinition(name = "Jiandu anti-over-seizure validation",
        description = "Local choices where the law sets no number (Art. 15 of 法〔2021〕322号).")
public @interface SeizureConfiguration {

    /** {@code clearlyExceedsRatio}. */
    @AttributeDefinition(name = "Clearly exceeds (明显超标的) ratio",
            description = "Controlled value clearly exceeds the claim when above claim × ratio. The law sets no"
                    + " number (查封规定 Art. 19): a local choice, a decimal from 1 to 10. Per court:"
                    + " clearlyExceedsRatio.<court code or province>.")
    String clearlyExceedsRatio() default "1.2";

    /** {@code impactOrder}. */
    @AttributeDefinition(name = "Impact order",
            description = "Impact classes, least impact on the debtor first (Art. 15: 影响较小且方便执行). Classes"
                    + " left out follow in the default order. Per court: impactOrder.<court code or province>.")
    String[] impactOrder() default {"DEPOSIT", "SECURITIES", "VEHICLE", "MOVABLE", "EQUITY", "OTHER",
        "REAL_ESTATE_NON_RESIDENTIAL", "REAL_ESTATE_RESIDENTIAL", "BUSINESS_EQUIPMENT"};

    /** {@code renewal.leadDays}. */
    @AttributeDefinition(name = "Renewal lead days",
            description = "The renewal deadline falls this many days before a control expires, so that the"
                    + " working-day calendar's roll-forward past a holiday (up to 9 days) never carries it past"
                    + " the expiry. 10–180.", min = "10", max = "180")
    int renewal_leadDays() default 15;

    /** {@code cache.maxCases}. */
    @AttributeDefinition(name = "Registers kept in memory",
            description = "How many cases' registers are kept in memory; others are rebuilt from the ledger on use.",
            min = "10", max = "10000000")
    int cache_maxCases() default 10_000;
}
