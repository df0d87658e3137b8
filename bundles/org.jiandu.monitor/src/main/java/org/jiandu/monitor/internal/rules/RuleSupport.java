package org.jiandu.monitor.internal.rules;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.deadline.DeadlineRules;
import org.jiandu.api.ledger.LedgerEntry;

/**
 * The configuration side shared by the built-in rules; their pure helpers ({@code day}, {@code is}, {@code open},
 * {@code close}, {@code earlier} …) are the API's {@link DeadlineRules}, which a third party's rule uses alike.
 * Every built-in rule is a pure function of (entry, history) as the {@link DeadlineRule} contract asks; its
 * parameters come from its own Config Admin configuration (PID {@code org.jiandu.monitor.rule.<rule id>}) and are
 * read once per call from a volatile field.
 */
public abstract class RuleSupport implements DeadlineRule {
    /** The configuration PID prefix of the built-in rules. */
    public static final String PID_PREFIX = "org.jiandu.monitor.rule.";

    /** A period: amount and unit, as configured. */
    public record Period(int amount, PeriodUnit unit) {
        /** @throws org.jiandu.api.ValidationException when the unit is unknown or the amount out of range */
        public static Period of(int amount, String unit) {
            PeriodUnit u = PeriodUnit.parse(unit);
            if (amount < 1 || amount > DeadlineRequest.MAX_AMOUNT) {
                throw new IllegalArgumentException("A rule's period must be 1.." + DeadlineRequest.MAX_AMOUNT
                        + " " + u.english() + ", not " + amount);
            }
            return new Period(amount, u);
        }
    }

    /**
     * Opens {@code key} with a configured period, counted from the entry's event (see
     * {@link DeadlineRules#open(String, LedgerEntry, int, PeriodUnit, boolean)}).
     */
    protected static DeadlineAction.Open open(String key, LedgerEntry trigger, Period period, boolean stops) {
        return DeadlineRules.open(key, trigger, period.amount(), period.unit(), stops);
    }
}
