package org.jiandu.api.deadline;

/** Where a deadline stands. OPEN, PAUSED and NO_CALENDAR are open (still monitored); MET and MET_LATE closed. */
public enum DeadlineStatus {
    /** Running: due date known, alerts scheduled. */
    OPEN,
    /** The clock stands still: a deducted period of the case (suspension, appraisal …) is running; no alerts. */
    PAUSED,
    /** The due date cannot be computed: the calendar does not cover a needed year yet; retried periodically. */
    NO_CALENDAR,
    /** Its satisfying event occurred on time. */
    MET,
    /** Its satisfying event occurred after the period ran out: closed, and the breach stays on record. */
    MET_LATE;

    /** Whether the deadline is still monitored. */
    public boolean open() {
        return this == OPEN || this == PAUSED || this == NO_CALENDAR;
    }
}
