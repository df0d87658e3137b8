package org.jiandu.monitor.internal;

import java.time.LocalDate;

import org.jiandu.api.calendar.DeadlineResult;

/**
 * What {@link Scheduler} computed for a deadline and stores on it ({@link DeadlineEntity#schedule}): its status, its
 * due date as the calendar counted it, when each alert level falls due, and how it was counted. Made by the three
 * factories, one per outcome, so that no caller lists the fields by position.
 *
 * @param due           the due date; {@code null} unless OPEN
 * @param undeductedDue the due date had no deducted period stopped the clock; {@code null} without a calendar
 * @param deductedDays  the days deducted (扣除期限)
 * @param explanation   the calendar's steps as JSON, or {@code null}
 * @param calendarVersions the holiday notices relied on, comma-separated, or {@code null}
 * @param note          a sentence for the supervisor (provisional result, a paused clock …), or {@code null}
 */
record Schedule(DeadlineStatus status, LocalDate due, LocalDate undeductedDue, int deductedDays, AlertTimes alerts,
        String explanation, String calendarVersions, String note) {

    /**
     * When each alert level falls due, in epoch milliseconds; {@code null} for a level that has no time.
     *
     * @param remindAt   REMINDER
     * @param expiresAt  OVERDUE: the period expires
     * @param escalateAt ESCALATED
     */
    record AlertTimes(Long remindAt, Long expiresAt, Long escalateAt) {
        static final AlertTimes NONE = new AlertTimes(null, null, null);
    }

    /** The calendar does not cover a day the count needs: nothing is due until the year's notice is loaded. */
    static Schedule noCalendar(String note) {
        return new Schedule(DeadlineStatus.NO_CALENDAR, null, null, 0, AlertTimes.NONE, null, null, note);
    }

    /** A deducted period still running stops the clock: no due date, no alert, until it ends. */
    static Schedule paused(DeadlineResult r, String explanation, String calendarVersions, String note) {
        return new Schedule(DeadlineStatus.PAUSED, null, r.undeductedDue(), r.deductedDays(), AlertTimes.NONE,
                explanation, calendarVersions, note);
    }

    /** Counted: due on {@code r.due()}, alerts at {@code alerts}. */
    static Schedule open(DeadlineResult r, AlertTimes alerts, String explanation, String calendarVersions,
            String note) {
        return new Schedule(DeadlineStatus.OPEN, r.due(), r.undeductedDue(), r.deductedDays(), alerts, explanation,
                calendarVersions, note);
    }
}
