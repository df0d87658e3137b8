package org.jiandu.calendar.internal;

import java.time.LocalDate;

import org.jiandu.api.calendar.DayKind;

/**
 * One day listed by a State Council notice: a holiday ({@link DayKind#HOLIDAY}) or a make-up workday
 * ({@link DayKind#MAKE_UP_WORKDAY}, 调休上班), with the holiday's name (for a make-up workday, the holiday it
 * makes up for).
 */
record HolidayEntry(LocalDate date, DayKind kind, String name) {

    HolidayEntry {
        if (kind != DayKind.HOLIDAY && kind != DayKind.MAKE_UP_WORKDAY) {
            throw new IllegalArgumentException("A listed day is a holiday or a make-up workday, not " + kind);
        }
    }

    /** The entry as a line of the canonical form the version digest is computed over. */
    String canonical() {
        return date + "," + (kind == DayKind.HOLIDAY ? "holiday" : "workday") + "," + name;
    }
}
