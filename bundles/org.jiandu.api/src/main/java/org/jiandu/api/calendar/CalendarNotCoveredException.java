package org.jiandu.api.calendar;

import java.time.LocalDate;

import org.jiandu.api.ValidationException;

/**
 * A computation needed a day of a year for which no State Council notice is loaded (and the weekends-only
 * fallback is off), or a day outside the supported range altogether. Code {@code CALENDAR_NOT_COVERED}. The cure
 * is data, not a retry: load the year's notice (see the calendar bundle's CALENDAR.md), or correct the date.
 */
public class CalendarNotCoveredException extends ValidationException {
    private static final long serialVersionUID = 1L;
    /** The stable error code. */
    public static final String CODE = "CALENDAR_NOT_COVERED";
    private final LocalDate date;

    /**
     * @param date    the first day needed that is not covered
     * @param field   the input field at fault, or {@code null} when the whole request is
     * @param message what is missing and how to supply it
     */
    public CalendarNotCoveredException(LocalDate date, String field, String message) {
        super(CODE, field, message);
        this.date = date;
    }

    /** The first day needed that is not covered. */
    public LocalDate date() {
        return date;
    }

    @Override
    public CalendarNotCoveredException under(String prefix) {
        String f = field() == null ? prefix : prefix + "." + field();
        CalendarNotCoveredException e = new CalendarNotCoveredException(date, f, getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
