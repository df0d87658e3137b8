package org.jiandu.api.calendar;

/** Why a day is or is not a working day. */
public enum DayKind {
    /** Monday to Friday, not a listed public holiday: a working day. */
    WEEKDAY,
    /** Saturday or Sunday, not a listed make-up workday: not a working day. */
    WEEKEND,
    /** A listed public holiday (法定节假日 and the days arranged with it), whatever its weekday: not a working day. */
    HOLIDAY,
    /** 调休上班 — a listed make-up workday, a Saturday or Sunday that is a working day. */
    MAKE_UP_WORKDAY;

    /** Whether a day of this kind is a working day. */
    public boolean working() {
        return this == WEEKDAY || this == MAKE_UP_WORKDAY;
    }
}
