package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.jiandu.calendar.internal.Calendars.days;
import static org.jiandu.calendar.internal.Calendars.deduct;
import static org.jiandu.calendar.internal.Calendars.months;
import static org.jiandu.calendar.internal.Calendars.wd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.jiandu.api.calendar.PeriodUnit;
import org.junit.jupiter.api.Test;

/** 扣除期限: the clock stops on deducted days (法释〔2000〕29号). */
class DeductedPeriodsTest {
    private final CalendarSnapshot cal = Calendars.bundled();

    @Test
    void deductedWorkingDaysMoveAWorkingDayDeadlineByExactlyThatMany() {
        // Without deduction 2024-10-10; 10-08..10-09 are 2 working days → two working days later: 10-12 (make-up Sat).
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-10-08", "2024-10-09", "鉴定")));
        assertEquals(d("2024-10-12"), r.due());
        assertEquals(2, r.deductedDays());
        assertEquals(d("2024-10-10"), r.undeductedDue());
    }

    @Test
    void overlappingDeductedPeriodsCountOnce() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-10-08", "2024-10-09", "鉴定"),
                deduct("2024-10-09", "2024-10-10", "公告")));
        // 10-08, 10-09, 10-10 deducted once each: 3 working days → 10-11, 10-12 (Sat, make-up), 10-14.
        assertEquals(d("2024-10-14"), r.due());
        assertEquals(3, r.deductedDays());
        assertTrue(r.explanation().stream().anyMatch(s -> s.kind() == Kind.DEDUCTED_MERGED));
    }

    @Test
    void deductedPeriodOverlappingAHolidayDeductsOnlyItsWorkingDays() {
        // 09-30..10-08 holds 09-30 and 10-08 as working days; 10-01..10-07 are off anyway.
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-09-30", "2024-10-08", "评估")));
        assertEquals(2, r.deductedDays());
        assertEquals(d("2024-10-12"), r.due());
    }

    @Test
    void deductedCalendarDaysMoveADayDeadlineByThatManyDays() {
        DeadlineResult r = cal.deadline(days("2024-03-01", 10, deduct("2024-03-05", "2024-03-07", "审计")));
        assertEquals(d("2024-03-14"), r.due());
        assertEquals(3, r.deductedDays());
    }

    @Test
    void overlappingDeductedCalendarDaysCountOnce() {
        DeadlineResult r = cal.deadline(days("2024-03-01", 10, deduct("2024-03-05", "2024-03-07", "审计"),
                deduct("2024-03-06", "2024-03-08", "鉴定")));
        assertEquals(d("2024-03-15"), r.due());
        assertEquals(4, r.deductedDays());
    }

    @Test
    void monthPeriodIsExtendedByItsDeductedCalendarDays() {
        // 2024-01-31 + 1 month = 02-29 (29 days); 8 deducted days → 03-08.
        DeadlineResult r = cal.deadline(months("2024-01-31", 1, deduct("2024-02-10", "2024-02-17", "暂缓")));
        assertEquals(d("2024-03-08"), r.due());
    }

    @Test
    void periodWhollyBeforeTheTriggerChangesNothing() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-09-01", "2024-09-27", "中止")));
        assertEquals(d("2024-10-10"), r.due());
        assertEquals(0, r.deductedDays());
        assertTrue(r.explanation().stream().anyMatch(s -> s.kind() == Kind.DEDUCTED_NO_EFFECT));
    }

    @Test
    void periodStartingAfterTheDueDateChangesNothing() {
        assertEquals(d("2024-10-10"), cal.deadline(wd("2024-09-27", 5, deduct("2024-10-11", "2024-10-20", "拍卖"))).due());
    }

    @Test
    void periodStartingBeforeTheTriggerCountsOnlyItsDaysAfterTheTrigger() {
        // 09-20..09-30 clipped to 09-28..09-30: working days 09-29 (Sun make-up) and 09-30.
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-09-20", "2024-09-30", "中止")));
        assertEquals(2, r.deductedDays());
        assertEquals(d("2024-10-12"), r.due());
    }

    @Test
    void intervalAddedAfterTheFactRecomputesTheDueDate() {
        DeadlineRequest first = wd("2024-11-01", 5);
        assertEquals(d("2024-11-08"), cal.deadline(first).due());
        DeadlineRequest later = first.withDeducted(deduct("2024-11-04", "2024-11-05", "公告"));
        assertEquals(d("2024-11-12"), cal.deadline(later).due());
        assertEquals(d("2024-11-08"), cal.deadline(first).due(), "the original request is unchanged");
    }

    @Test
    void intervalBeyondTheOriginalDueDateCountsOnceAnEarlierOneHasExtendedThePeriod() {
        // 11-04..11-05 moves the due date from 11-08 to 11-12, which brings 11-11 into the running period.
        DeductedInterval early = deduct("2024-11-04", "2024-11-05", "鉴定");
        DeductedInterval late = deduct("2024-11-11", "2024-11-11", "公告");
        assertEquals(d("2024-11-08"), cal.deadline(wd("2024-11-01", 5, late)).due(), "alone it is too late");
        assertEquals(d("2024-11-13"), cal.deadline(wd("2024-11-01", 5, early, late)).due());
    }

    @Test
    void dayPeriodDoesNotEndWhileItsClockIsStopped() {
        // 03-01 + 8 days = 03-09 (Sat) → Monday 03-11, but 03-11..03-12 are deducted → 03-13.
        DeadlineResult r = cal.deadline(days("2024-03-01", 8, deduct("2024-03-11", "2024-03-12", "中止")));
        assertEquals(d("2024-03-13"), r.due());
        assertEquals(2, r.explanation().stream().filter(s -> s.kind() == Kind.ROLL_FORWARD).count());
    }

    @Test
    void triggerInsideADeductedPeriodStartsTheClockWhenThePeriodEnds() {
        // Clock stopped 11-01..11-05; first counted working day 11-06.
        assertEquals(d("2024-11-06"), cal.deadline(wd("2024-11-04", 1, deduct("2024-11-01", "2024-11-05", "暂缓"))).due());
    }

    @Test
    void hourPeriodStopsForWholeDeductedDays() {
        Instant trigger = OffsetDateTime.parse("2024-09-30T16:00+08:00").toInstant();
        DeadlineResult r = cal.deadline(DeadlineRequest.ofInstant(trigger, 24, PeriodUnit.H,
                List.of(deduct("2024-10-01", "2024-10-01", "公告"))));
        assertEquals(OffsetDateTime.parse("2024-10-02T16:00+08:00").toInstant(), r.dueInstant());
        assertEquals(1, r.deductedDays());
    }

    @Test
    void hourPeriodTriggeredInsideADeductedDayRunsFromItsEnd() {
        Instant trigger = OffsetDateTime.parse("2024-10-01T10:00+08:00").toInstant();
        DeadlineResult r = cal.deadline(DeadlineRequest.ofInstant(trigger, 2, PeriodUnit.H,
                List.of(deduct("2024-10-01", "2024-10-01", "公告"))));
        assertEquals(OffsetDateTime.parse("2024-10-02T02:00+08:00").toInstant(), r.dueInstant());
    }

    @Test
    void everyDeductedPeriodIsExplained() {
        DeadlineResult r = cal.deadline(wd("2024-09-27", 5, deduct("2024-01-01", "2024-01-05", null),
                deduct("2024-10-08", "2024-10-08", "鉴定"), deduct("2025-01-01", "2025-01-05", "拍卖")));
        List<ExplanationStep> steps = r.explanation().stream()
                .filter(s -> s.kind() == Kind.DEDUCTED || s.kind() == Kind.DEDUCTED_NO_EFFECT).toList();
        assertEquals(3, steps.size());
        assertEquals(List.of(d("2024-01-01"), d("2024-10-08"), d("2025-01-01")),
                steps.stream().map(ExplanationStep::date).toList());
        assertEquals(List.of(0, 1, 0), steps.stream().map(ExplanationStep::count).toList());
        assertTrue(steps.get(1).text().contains("鉴定"));
    }
}
