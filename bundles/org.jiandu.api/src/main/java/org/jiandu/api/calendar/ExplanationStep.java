package org.jiandu.api.calendar;

import java.time.LocalDate;

/**
 * One checkable step of how a due date was reached. Steps come in the order a person would check them.
 *
 * @param kind    what the step is
 * @param text    the step in words, with dates and the rule applied
 * @param date    the day the step is about (first day of a range), or {@code null}
 * @param endDate last day of the range the step is about, or {@code null} for a single day
 * @param count   a number the step states (days skipped, deducted or counted; see {@link Kind}), or {@code null}
 */
public record ExplanationStep(Kind kind, String text, LocalDate date, LocalDate endDate, Integer count) {

    /** Kinds of step. Stored with results: names are stable, new kinds may be added. */
    public enum Kind {
        /** The trigger day or instant; {@code date} = trigger day. */
        TRIGGER,
        /** The rule: amount and unit. {@code count} = amount. */
        PERIOD,
        /** A public holiday block inside the counted range; {@code count} = Monday–Friday days of it not counted. */
        HOLIDAY_SKIPPED,
        /**
         * A make-up workday (调休上班) inside the counted range; {@code count} = its ordinal in the count, or
         * {@code null} when it lies in a deducted period and so was not counted.
         */
        MAKE_UP_DAY_COUNTED,
        /** Tally of the counted range: {@code count} = calendar days in it. */
        COUNT_SUMMARY,
        /** Deducted periods that overlap or touch, merged so that each day is deducted once; {@code count} = how many. */
        DEDUCTED_MERGED,
        /** A deducted period that stopped the clock; {@code count} = days deducted (working days for WD). */
        DEDUCTED,
        /** A deducted period that lies wholly before the trigger or after the due date. */
        DEDUCTED_NO_EFFECT,
        /** The last day of the period before any roll-forward. */
        PERIOD_END,
        /** A month period whose due month lacks the same-numbered day ends on the month's last day. */
        MONTH_END,
        /** The period end was not a working day (or was deducted): moved to the next working day. */
        ROLL_FORWARD,
        /** The due date (and, for hours, the due instant). */
        DUE,
        /** A calendar year's data used; the text carries its version. */
        CALENDAR_VERSION,
        /** A year without a loaded notice was taken as weekends-only: the result is provisional. */
        PROVISIONAL
    }
}
