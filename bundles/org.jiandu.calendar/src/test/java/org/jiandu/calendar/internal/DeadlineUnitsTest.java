package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.jiandu.calendar.internal.Calendars.days;
import static org.jiandu.calendar.internal.Calendars.months;
import static org.jiandu.calendar.internal.Calendars.wd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.jiandu.api.calendar.PeriodUnit;
import org.junit.jupiter.api.Test;

/** WD, D, M and H deadlines: month ends, leap years, roll-forward, hours without rolling. */
class DeadlineUnitsTest {
    private final CalendarSnapshot cal = Calendars.bundled();

    /** The due date as ISO text. */
    private String due(DeadlineRequest r) {
        return cal.deadline(r).due().toString();
    }

    @Test
    void workingDayDeadlineMatchesThePrimitive() {
        assertEquals("2024-10-10", due(wd("2024-09-27", 5)));
        assertEquals("2026-03-05", due(wd("2026-02-13", 10)));
    }

    @Test
    void dayPeriodEndingOnAWorkingDayEndsThere() {
        assertEquals("2024-10-17", due(days("2024-10-10", 7)));
    }

    @Test
    void dayPeriodEndingInNationalDayRollsToTheNextWorkingDay() {
        assertEquals("2024-10-08", due(days("2024-09-26", 5)));
    }

    @Test
    void dayPeriodEndingOnASaturdayRollsToMonday() {
        assertEquals("2024-10-21", due(days("2024-10-14", 5)));
    }

    @Test
    void dayPeriodEndingOnAMakeUpSaturdayEndsThatSaturday() {
        assertEquals("2024-10-12", due(days("2024-10-07", 5)));
    }

    @Test
    void januaryThirtyFirstPlusOneMonthInALeapYearIsFebruaryTwentyNinth() {
        DeadlineResult r = cal.deadline(months("2024-01-31", 1));
        assertEquals(d("2024-02-29"), r.due());
        assertTrue(r.explanation().stream().anyMatch(s -> s.kind() == Kind.MONTH_END));
    }

    @Test
    void januaryThirtyFirstPlusOneMonthInACommonYearIsFebruaryTwentyEighth() {
        assertEquals("2023-02-28", due(months("2023-01-31", 1)));
        assertEquals("2025-02-28", due(months("2025-01-31", 1)));
    }

    @Test
    void monthEndThatIsASundayRollsToMonday() {
        DeadlineResult r = cal.deadline(months("2021-01-31", 1));
        assertEquals(d("2021-03-01"), r.due());
        assertTrue(r.explanation().stream().anyMatch(s -> s.kind() == Kind.ROLL_FORWARD));
    }

    @Test
    void leapDayPlusTwelveMonthsEndsOnFebruaryTwentyEighth() {
        assertEquals("2025-02-28", due(months("2024-02-29", 12)));
    }

    @Test
    void februaryTwentyEighthPlusTwelveMonthsIntoALeapYearStaysOnTheTwentyEighth() {
        assertEquals("2024-02-28", due(months("2023-02-28", 12)));
    }

    @Test
    void oneDayAfterFebruaryTwentyEighthIsTheLeapDayOnlyInALeapYear() {
        assertEquals("2024-02-29", due(days("2024-02-28", 1)));
        assertEquals("2023-03-01", due(days("2023-02-28", 1)));
    }

    @Test
    void monthPeriodEndingInSpringFestivalRollsPastIt() {
        // 2026-02-15 is the first day of Spring Festival (to 02-23).
        assertEquals("2026-02-24", due(months("2026-01-15", 1)));
    }

    @Test
    void monthPeriodEndingOnNationalDayRollsPastIt() {
        assertEquals("2024-10-08", due(months("2024-09-01", 1)));
    }

    @Test
    void sixMonthPeriodOfArticle28FromMarchThirtyFirstEndsOnSeptemberThirtieth() {
        assertEquals("2024-09-30", due(months("2024-03-31", 6)));
    }

    @Test
    void hourPeriodIsNotRolledOffAHoliday() {
        Instant trigger = OffsetDateTime.parse("2024-09-30T16:00+08:00").toInstant();
        DeadlineResult r = cal.deadline(DeadlineRequest.ofInstant(trigger, 24, PeriodUnit.H, List.of()));
        assertEquals(OffsetDateTime.parse("2024-10-01T16:00+08:00").toInstant(), r.dueInstant());
        assertEquals(r.dueInstant(), r.expiresAt());
        assertEquals(d("2024-10-01"), r.due());
        assertEquals(List.of(), r.calendarVersions(), "hours do not consult the calendar");
    }

    @Test
    void hourPeriodNeedsNoCalendarCoverage() {
        Instant trigger = OffsetDateTime.parse("2030-05-01T09:30+08:00").toInstant();
        DeadlineResult r = cal.deadline(DeadlineRequest.ofInstant(trigger, 24, PeriodUnit.H, List.of()));
        assertEquals(OffsetDateTime.parse("2030-05-02T09:30+08:00").toInstant(), r.dueInstant());
        assertFalse(r.provisional());
    }

    @Test
    void dayDeadlineExpiresAtMidnightShanghaiAfterTheDueDay() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5));
        assertEquals(OffsetDateTime.parse("2024-10-11T00:00+08:00").toInstant(), r.expiresAt());
        assertNull(r.dueInstant());
    }

    @Test
    void triggerInstantGivesItsShanghaiDayAsTriggerDay() {
        // 2024-09-26T17:00Z is 2024-09-27 01:00 in Shanghai.
        DeadlineRequest r = DeadlineRequest.ofInstant(Instant.parse("2024-09-26T17:00:00Z"), 5, PeriodUnit.WD, List.of());
        assertEquals(d("2024-10-10"), cal.deadline(r).due());
    }

    @Test
    void zeroWorkingDaysFromAHolidayIsDueOnTheNextWorkingDay() {
        assertEquals("2024-10-08", due(wd("2024-10-03", 0)));
    }

    @Test
    void zeroDaysFromAWorkingDayIsDueThatDay() {
        assertEquals("2024-10-10", due(days("2024-10-10", 0)));
    }
}
