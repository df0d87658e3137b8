package org.jiandu.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.ValidationException;

/**
 * A statutory period to compute: trigger, amount, unit and the deducted periods (扣除期限) known so far.
 *
 * <p>The trigger is a day ({@link #triggerDate}) or an instant ({@link #triggerInstant}); when only the instant
 * is given, the trigger day is its date in {@link WorkingCalendar#ZONE Asia/Shanghai}. A period in hours
 * ({@link PeriodUnit#H}) needs the instant. Requests are values: to recompute after a deducted period arrives,
 * make a new request with {@link #withDeducted(DeductedInterval)} and call
 * {@link WorkingCalendar#deadline(DeadlineRequest)} again.
 *
 * @param triggerDate    the trigger day, never counted (Civil Procedure Law Art. 85)
 * @param triggerInstant the trigger instant, required for {@link PeriodUnit#H}, otherwise optional
 * @param amount         the number of units, {@code 0 ..} {@link #MAX_AMOUNT}
 * @param unit           the unit
 * @param deducted       deducted periods in any order, possibly overlapping; never {@code null} (empty if none)
 */
public record DeadlineRequest(LocalDate triggerDate, Instant triggerInstant, int amount, PeriodUnit unit,
        List<DeductedInterval> deducted) {

    /** The largest amount accepted, in any unit; no statutory period comes near it. */
    public static final int MAX_AMOUNT = 100_000;

    /**
     * @throws ValidationException {@code MISSING_FIELD}, {@code INVALID_AMOUNT}, {@code INSTANT_REQUIRED} or
     *                             {@code INCONSISTENT_TRIGGER}, naming the component at fault
     */
    public DeadlineRequest {
        if (unit == null) {
            throw new ValidationException("MISSING_FIELD", "unit",
                    "A period unit is required: WD (工作日), D (日), M (月) or H (小时)");
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new ValidationException("INVALID_AMOUNT", "amount",
                    "The amount must be a whole number from 0 to " + MAX_AMOUNT + ", not " + amount);
        }
        if (triggerInstant != null) {
            LocalDate day = LocalDate.ofInstant(triggerInstant, WorkingCalendar.ZONE);
            if (triggerDate == null) {
                triggerDate = day;
            } else if (!triggerDate.equals(day)) {
                throw new ValidationException("INCONSISTENT_TRIGGER", "triggerDate", "The trigger day " + triggerDate
                        + " is not the day of the trigger instant " + triggerInstant + " in Asia/Shanghai (" + day
                        + ")");
            }
        }
        if (triggerDate == null) {
            throw new ValidationException("MISSING_FIELD", "triggerDate", "A trigger day or instant is required");
        }
        if (unit == PeriodUnit.H && triggerInstant == null) {
            throw new ValidationException("INSTANT_REQUIRED", "triggerInstant",
                    "A period in hours (小时) needs the trigger instant, not only its day");
        }
        if (deducted == null) {
            deducted = List.of();
        } else {
            for (int i = 0; i < deducted.size(); i++) {
                if (deducted.get(i) == null) {
                    throw new ValidationException("MISSING_FIELD", "deducted[" + i + "]",
                            "A deducted period is missing");
                }
            }
            deducted = List.copyOf(deducted);
        }
    }

    /** A period counted from a trigger day. */
    public static DeadlineRequest ofDate(LocalDate trigger, int amount, PeriodUnit unit,
            List<DeductedInterval> deducted) {
        return new DeadlineRequest(trigger, null, amount, unit, deducted);
    }

    /** A period counted from a trigger day, with no deducted period. */
    public static DeadlineRequest ofDate(LocalDate trigger, int amount, PeriodUnit unit) {
        return ofDate(trigger, amount, unit, List.of());
    }

    /** A period counted from a trigger instant (its day in Asia/Shanghai for day units). */
    public static DeadlineRequest ofInstant(Instant trigger, int amount, PeriodUnit unit,
            List<DeductedInterval> deducted) {
        return new DeadlineRequest(null, trigger, amount, unit, deducted);
    }

    /** The same request with one more deducted period. */
    public DeadlineRequest withDeducted(DeductedInterval interval) {
        List<DeductedInterval> all = new ArrayList<>(deducted);
        all.add(interval);
        return new DeadlineRequest(triggerDate, triggerInstant, amount, unit, all);
    }
}
