package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.jiandu.calendar.internal.Calendars.days;
import static org.jiandu.calendar.internal.Calendars.deduct;
import static org.jiandu.calendar.internal.Calendars.wd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.junit.jupiter.api.Test;

/** The steps a person checks: trigger, period, holiday blocks, make-up days, deductions, roll-forward, version. */
class ExplanationTest {
    private final CalendarSnapshot cal = Calendars.bundled();

    private static List<Kind> kinds(DeadlineResult r) {
        return r.explanation().stream().map(ExplanationStep::kind).toList();
    }

    private static ExplanationStep only(DeadlineResult r, Kind kind) {
        List<ExplanationStep> s = r.explanation().stream().filter(x -> x.kind() == kind).toList();
        assertEquals(1, s.size(), kind + " in " + kinds(r));
        return s.get(0);
    }

    @Test
    void workingDayDeadlineAcrossNationalDayIsExplainedStepByStep() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5));
        assertEquals(List.of(Kind.TRIGGER, Kind.PERIOD, Kind.MAKE_UP_DAY_COUNTED, Kind.HOLIDAY_SKIPPED,
                Kind.COUNT_SUMMARY, Kind.DUE, Kind.CALENDAR_VERSION), kinds(r));
        ExplanationStep makeUp = only(r, Kind.MAKE_UP_DAY_COUNTED);
        assertEquals(d("2024-09-29"), makeUp.date());
        assertEquals(1, makeUp.count(), "the Sunday make-up day is working day 1 of 5");
        ExplanationStep holiday = only(r, Kind.HOLIDAY_SKIPPED);
        assertEquals(d("2024-10-01"), holiday.date());
        assertEquals(d("2024-10-07"), holiday.endDate());
        assertEquals(5, holiday.count(), "five Monday–Friday days of National Day not counted");
        assertTrue(holiday.text().contains("国庆节"), holiday.text());
        assertEquals(13, only(r, Kind.COUNT_SUMMARY).count(), "09-28..10-10 is 13 calendar days");
        assertTrue(only(r, Kind.CALENDAR_VERSION).text().contains("2024:bundled@"));
        assertEquals(d("2024-09-27"), only(r, Kind.TRIGGER).date());
        assertEquals(5, only(r, Kind.PERIOD).count());
    }

    @Test
    void springFestival2026ShowsBothSaturdayMakeUpDaysWithTheirPlaceInTheCount() {
        DeadlineResult r = cal.deadline(wd("2026-02-13", 10));
        List<ExplanationStep> makeUps = r.explanation().stream()
                .filter(s -> s.kind() == Kind.MAKE_UP_DAY_COUNTED).toList();
        assertEquals(List.of(d("2026-02-14"), d("2026-02-28")), makeUps.stream().map(ExplanationStep::date).toList());
        assertEquals(List.of(1, 6), makeUps.stream().map(ExplanationStep::count).toList());
        assertEquals(6, only(r, Kind.HOLIDAY_SKIPPED).count());
    }

    @Test
    void rollForwardNamesTheHolidayAndTheArticle() {
        ExplanationStep roll = only(cal.deadline(days("2024-09-26", 5)), Kind.ROLL_FORWARD);
        assertEquals(d("2024-10-01"), roll.date());
        assertEquals(d("2024-10-08"), roll.endDate());
        assertTrue(roll.text().contains("国庆节"), roll.text());
        assertTrue(roll.text().contains("Art. 85"), roll.text());
    }

    @Test
    void mergedDeductedPeriodsAreShownOnceWithBothReasons() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-10-08", "2024-10-09", "鉴定"),
                deduct("2024-10-09", "2024-10-10", "公告")));
        ExplanationStep merged = only(r, Kind.DEDUCTED_MERGED);
        assertEquals(d("2024-10-08"), merged.date());
        assertEquals(d("2024-10-10"), merged.endDate());
        ExplanationStep deducted = only(r, Kind.DEDUCTED);
        assertEquals(3, deducted.count());
        assertTrue(deducted.text().contains("鉴定; 公告"), deducted.text());
        assertTrue(only(r, Kind.DUE).text().contains("without the deducted periods it would be 2024-10-10"));
    }

    @Test
    void shellAndRestTextNumbersEveryStepAfterTheSummary() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5));
        List<String> lines = DeadlineText.lines(r);
        assertEquals(r.explanation().size() + 1, lines.size());
        assertEquals("Due 2024-10-10 (Thu): 5 WD (工作日) from 2024-09-27", lines.get(0));
        assertTrue(lines.get(1).startsWith("  1. Trigger day: 2024-09-27 (Fri)"), lines.get(1));
    }
}
