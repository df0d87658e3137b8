package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.jiandu.calendar.internal.Calendars.wd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jiandu.api.calendar.CalendarCoverage;
import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.junit.jupiter.api.Test;

/** Years without a notice: refused by default, provisional with the fallback; versions recorded. */
class CoverageTest {
    private final CalendarSnapshot strict = Calendars.bundled();
    private final CalendarSnapshot lenient = Calendars.bundledWithFallback();

    @Test
    void dayOf2020IsRefusedWithCalendarNotCovered() {
        CalendarNotCoveredException e = assertThrows(CalendarNotCoveredException.class,
                () -> strict.isWorkingDay(d("2020-06-01")));
        assertEquals("CALENDAR_NOT_COVERED", e.code());
        assertEquals(d("2020-06-01"), e.date());
        assertTrue(e.getMessage().contains("2020"), e.getMessage());
        assertTrue(e.getMessage().contains("2021–2026"), e.getMessage());
    }

    @Test
    void deadlineRunningInto2027IsRefusedWithoutItsNotice() {
        CalendarNotCoveredException e = assertThrows(CalendarNotCoveredException.class,
                () -> strict.deadline(wd("2026-12-25", 10)));
        assertEquals(2027, e.date().getYear());
        assertTrue(e.getMessage().contains("etc/org.jiandu.calendar.year-2027.cfg"), e.getMessage());
    }

    @Test
    void describingA2027DayIsRefusedWithoutTheFallback() {
        assertThrows(CalendarNotCoveredException.class, () -> strict.describe(d("2027-01-04")));
    }

    @Test
    void fallbackDescribesA2027DayAsWeekendsOnlyAndProvisional() {
        DayInfo info = lenient.describe(d("2027-01-04"));
        assertTrue(info.workingDay());
        assertTrue(info.provisional());
        assertNull(info.calendarVersion());
        assertTrue(info.reason().contains("provisionally"), info.reason());
    }

    @Test
    void fallbackMarksADeadlineInto2027Provisional() {
        DeadlineResult r = lenient.deadline(wd("2026-12-25", 10));
        assertTrue(r.provisional());
        assertEquals(d("2027-01-08"), r.due());
        assertTrue(r.explanation().stream().anyMatch(s -> s.kind() == Kind.PROVISIONAL));
        assertEquals(List.of(2026), r.calendarVersions().stream().map(CalendarVersion::year).toList());
    }

    @Test
    void fallbackLeavesCoveredResultsFinal() {
        assertFalse(lenient.deadline(wd("2024-09-27", 5)).provisional());
        assertFalse(lenient.describe(d("2024-10-12")).provisional());
    }

    @Test
    void primitivesRefuseUncoveredDaysEvenWithTheFallbackSinceTheyCannotSayProvisional() {
        assertThrows(CalendarNotCoveredException.class, () -> lenient.isWorkingDay(d("2027-01-04")));
        assertThrows(CalendarNotCoveredException.class, () -> lenient.plusWorkingDays(d("2026-12-25"), 10));
        assertThrows(CalendarNotCoveredException.class, () -> lenient.workingDaysBetween(d("2026-12-25"), d("2027-01-08")));
    }

    @Test
    void daysOutsideTheSupportedRangeAreRefusedEvenWithTheFallback() {
        assertThrows(CalendarNotCoveredException.class, () -> lenient.describe(d("1999-12-31")));
        assertThrows(CalendarNotCoveredException.class, () -> lenient.deadline(wd("2099-12-28", 10)));
    }

    @Test
    void deadlineRecordsTheVersionOfEveryYearItCrosses() {
        DeadlineResult r = strict.deadline(wd("2024-12-20", 20));
        assertEquals(List.of(2024, 2025), r.calendarVersions().stream().map(CalendarVersion::year).toList());
        assertEquals(2, r.explanation().stream().filter(s -> s.kind() == Kind.CALENDAR_VERSION).count());
    }

    @Test
    void deadlineEndingInLateDecemberRecordsTheNextYearsNoticeWhenItListsThatDay() {
        // 2022-12-31 (元旦 of 2023) is decided by the 2023 notice.
        DeadlineResult r = strict.deadline(Calendars.days("2022-12-26", 5));
        assertEquals(d("2023-01-03"), r.due());
        assertEquals(List.of(2022, 2023), r.calendarVersions().stream().map(CalendarVersion::year).toList());
    }

    @Test
    void versionsAreStableDigestsOfTheData() {
        CalendarCoverage c = strict.coverage();
        assertEquals(List.of(2021, 2022, 2023, 2024, 2025, 2026), c.years().stream().map(CalendarVersion::year).toList());
        for (CalendarVersion v : c.years()) {
            assertEquals("bundled", v.notice());
            assertTrue(v.digest().matches("[0-9a-f]{12}"), v.digest());
        }
        assertEquals(c.years(), Calendars.bundled().coverage().years(), "same data, same versions");
        assertEquals(6, c.years().stream().map(CalendarVersion::digest).distinct().count());
        assertFalse(c.fallbackWeekendsOnly());
    }
}
