package org.jiandu.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Whether one day is a working day, and why.
 *
 * @param date            the day
 * @param dayOfWeek       its weekday
 * @param workingDay      whether it is a working day
 * @param kind            why
 * @param holiday         for {@link DayKind#HOLIDAY} the holiday's name (e.g. {@code 国庆节}); for
 *                        {@link DayKind#MAKE_UP_WORKDAY} the holiday it makes up for; otherwise {@code null}
 * @param holidayStart    first day of that holiday block, or {@code null}
 * @param holidayEnd      last day of that holiday block, or {@code null}
 * @param reason          one sentence a person can check
 * @param calendarVersion the notice data that decided the day; {@code null} when {@code provisional}
 * @param provisional     {@code true} when no notice covers the day and the weekends-only fallback decided it
 */
public record DayInfo(LocalDate date, DayOfWeek dayOfWeek, boolean workingDay, DayKind kind, String holiday,
        LocalDate holidayStart, LocalDate holidayEnd, String reason, CalendarVersion calendarVersion,
        boolean provisional) {
}
