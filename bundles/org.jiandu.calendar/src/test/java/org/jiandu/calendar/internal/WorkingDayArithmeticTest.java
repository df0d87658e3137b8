package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jiandu.api.ValidationException;
import org.junit.jupiter.api.Test;

/** The day primitives: isWorkingDay, plusWorkingDays, workingDaysBetween (spot checks from the State Council's holiday notices included). */
class WorkingDayArithmeticTest {
    private final CalendarSnapshot cal = Calendars.bundled();

    @Test
    void fiveWorkingDaysFromFriday27September2024SkipNationalDayAndEndOn10October() {
        assertEquals(d("2024-10-10"), cal.plusWorkingDays(d("2024-09-27"), 5));
    }

    @Test
    void tenWorkingDaysFromFriday13February2026SkipSpringFestivalAndEndOn5March() {
        assertEquals(d("2026-03-05"), cal.plusWorkingDays(d("2026-02-13"), 10));
    }

    @Test
    void sundayMakeUpDayIsTheFirstWorkingDayAfterAFriday() {
        assertEquals(d("2024-09-29"), cal.plusWorkingDays(d("2024-09-27"), 1));
    }

    @Test
    void saturdayMakeUpDayIsAWorkingDay() {
        assertTrue(cal.isWorkingDay(d("2024-10-12")));
        assertEquals(d("2024-10-12"), cal.plusWorkingDays(d("2024-10-11"), 1));
    }

    @Test
    void weekdayHolidayIsNotAWorkingDay() {
        assertFalse(cal.isWorkingDay(d("2024-10-03")));
    }

    @Test
    void ordinaryWeekendIsNotAWorkingDay() {
        assertFalse(cal.isWorkingDay(d("2024-10-13")));
    }

    @Test
    void zeroWorkingDaysFromAWorkingDayIsThatDay() {
        assertEquals(d("2024-10-10"), cal.plusWorkingDays(d("2024-10-10"), 0));
    }

    @Test
    void zeroWorkingDaysFromAHolidayIsTheNextWorkingDay() {
        assertEquals(d("2024-10-08"), cal.plusWorkingDays(d("2024-10-01"), 0));
    }

    @Test
    void negativeWorkingDaysAreRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> cal.plusWorkingDays(d("2024-10-10"), -1));
        assertEquals("INVALID_AMOUNT", e.code());
    }

    @Test
    void workingDaysBetweenCountsTheEndButNotTheStart() {
        assertEquals(5, cal.workingDaysBetween(d("2024-09-27"), d("2024-10-10")));
        assertEquals(0, cal.workingDaysBetween(d("2024-10-10"), d("2024-10-10")));
        assertEquals(0, cal.workingDaysBetween(d("2024-09-30"), d("2024-10-07")), "all of National Day is off");
    }

    @Test
    void workingDaysBetweenIsNegativeBackwards() {
        assertEquals(-5, cal.workingDaysBetween(d("2024-10-10"), d("2024-09-27")));
    }

    @Test
    void aYearOf2024HasTheWorkingDaysTheNoticeImplies() {
        // 366 days − 104 weekend days − 19 Monday–Friday holidays + 8 make-up days = 251, counted by hand from the
        // 2024 notice (国办发明电〔2023〕7号).
        assertEquals(251, cal.workingDaysBetween(d("2023-12-31"), d("2024-12-31")));
    }

    @Test
    void triggerInAnUncoveredYearIsFineWhenOnlyLaterDaysAreNeeded() {
        // 2020 has no notice, but the first working day after 2020-12-31 depends only on 2021.
        assertEquals(d("2021-01-04"), cal.plusWorkingDays(d("2020-12-31"), 1));
    }
}
