package org.jiandu.monitor.internal;

/** Where a deadline stands. The first three are open (still monitored), the others closed. */
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

    public boolean isOpen() {
        return this == OPEN || this == PAUSED || this == NO_CALENDAR;
    }
}
