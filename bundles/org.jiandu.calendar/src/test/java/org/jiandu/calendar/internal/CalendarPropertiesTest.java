package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/**
 * Laws of the arithmetic over many seeded random inputs, and agreement with the day-by-day {@link NaiveWalk}.
 * A failure message names the inputs, so a failing case can be replayed as a plain unit test.
 */
class CalendarPropertiesTest {
    private static final long SEED = 20211206L; // 法〔2021〕322号 is dated 2021-12-06
    private static final int CASES = 5_000;
    private static final LocalDate FIRST = d("2021-01-01");
    private static final int SPAN = (int) (d("2025-10-31").toEpochDay() - FIRST.toEpochDay());

    private final CalendarSnapshot cal = Calendars.bundled();
    private final Random random = new Random(SEED);

    private LocalDate anyDay() {
        return FIRST.plusDays(random.nextInt(SPAN));
    }

    @Test
    void addingAThenBWorkingDaysEqualsAddingAPlusB() {
        for (int k = 0; k < CASES; k++) {
            LocalDate d = anyDay();
            int a = 1 + random.nextInt(150);
            int b = random.nextInt(150);
            assertEquals(cal.plusWorkingDays(d, a + b), cal.plusWorkingDays(cal.plusWorkingDays(d, a), b),
                    d + " + " + a + " + " + b);
        }
    }

    @Test
    void addingZeroToAWorkingDayIsTheIdentitySoAdditivityHoldsFromThere() {
        for (int k = 0; k < CASES; k++) {
            LocalDate w = cal.plusWorkingDays(anyDay(), 0);
            int b = random.nextInt(150);
            assertEquals(cal.plusWorkingDays(w, b), cal.plusWorkingDays(cal.plusWorkingDays(w, 0), b), w + " + 0 + " + b);
        }
    }

    @Test
    void resultsNeverGoBackwards() {
        for (int k = 0; k < CASES; k++) {
            LocalDate d = anyDay();
            int n = 1 + random.nextInt(200);
            LocalDate r = cal.plusWorkingDays(d, n);
            assertTrue(r.isAfter(d), d + " + " + n);
            assertTrue(cal.plusWorkingDays(d, n + 1).isAfter(r), d + " + " + n + " + 1");
            LocalDate later = d.plusDays(random.nextInt(30));
            assertFalse(cal.plusWorkingDays(later, n).isBefore(r), later + " vs " + d + " + " + n);
            assertFalse(cal.plusWorkingDays(d, 0).isBefore(d), d + " + 0");
        }
    }

    @Test
    void workingDaysBetweenInvertsPlusWorkingDays() {
        for (int k = 0; k < CASES; k++) {
            LocalDate d = anyDay();
            int n = 1 + random.nextInt(200);
            assertEquals(n, cal.workingDaysBetween(d, cal.plusWorkingDays(d, n)), d + " + " + n);
        }
    }

    @Test
    void workingDaysBetweenIsAntisymmetricAndAdditive() {
        for (int k = 0; k < CASES; k++) {
            LocalDate a = anyDay();
            LocalDate b = anyDay();
            LocalDate c = anyDay();
            assertEquals(-cal.workingDaysBetween(a, b), cal.workingDaysBetween(b, a), a + " " + b);
            assertEquals(cal.workingDaysBetween(a, c), cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c),
                    a + " " + b + " " + c);
        }
    }

    @Test
    void indexedPlusWorkingDaysAgreesWithADayByDayWalk() {
        for (int k = 0; k < CASES; k++) {
            LocalDate d = anyDay();
            int n = random.nextInt(250);
            assertEquals(NaiveWalk.plusWorkingDays(cal, d, n), cal.plusWorkingDays(d, n), d + " + " + n);
        }
    }

    @Test
    void workingDayDeadlinesWithRandomDeductedPeriodsAgreeWithADayByDayWalk() {
        for (int k = 0; k < CASES / 5; k++) {
            LocalDate t = anyDay();
            int n = random.nextInt(120);
            List<DeductedInterval> deducted = randomIntervals(t);
            DeadlineResult r = cal.deadline(DeadlineRequest.ofDate(t, n, PeriodUnit.WD, deducted));
            assertEquals(NaiveWalk.workingDays(cal, t, n, deducted), r.due(), t + " + " + n + " WD " + deducted);
            if (n > 0) {
                assertEquals(n, cal.workingDaysBetween(t, r.due()) - r.deductedDays(),
                        "counted days = working days in range − deducted: " + t + " + " + n + " " + deducted);
            }
        }
    }

    @Test
    void dayAndMonthDeadlinesWithRandomDeductedPeriodsAgreeWithADayByDayWalk() {
        for (int k = 0; k < CASES / 5; k++) {
            LocalDate t = anyDay();
            List<DeductedInterval> deducted = randomIntervals(t);
            int n = random.nextInt(200);
            assertEquals(NaiveWalk.calendarDays(cal, t, n, deducted),
                    cal.deadline(DeadlineRequest.ofDate(t, n, PeriodUnit.D, deducted)).due(),
                    t + " + " + n + " D " + deducted);
            int m = random.nextInt(8);
            assertEquals(NaiveWalk.months(cal, t, m, deducted),
                    cal.deadline(DeadlineRequest.ofDate(t, m, PeriodUnit.M, deducted)).due(),
                    t + " + " + m + " M " + deducted);
        }
    }

    @Test
    void hourDeadlinesWithRandomDeductedDaysAgreeWithAMinuteByMinuteWalk() {
        for (int k = 0; k < 300; k++) {
            Instant t = FIRST.atStartOfDay(WorkingCalendar.ZONE).toInstant()
                    .plusSeconds(60L * random.nextInt(SPAN * 24 * 60));
            int n = 1 + random.nextInt(72);
            LocalDate day = LocalDate.ofInstant(t, WorkingCalendar.ZONE);
            List<DeductedInterval> deducted = new ArrayList<>();
            for (int j = random.nextInt(3); j > 0; j--) {
                LocalDate s = day.plusDays(random.nextInt(5) - 1);
                deducted.add(new DeductedInterval(s, s.plusDays(random.nextInt(3)), null));
            }
            assertEquals(NaiveWalk.hours(t, n, deducted),
                    cal.deadline(DeadlineRequest.ofInstant(t, n, PeriodUnit.H, deducted)).dueInstant(),
                    t + " + " + n + " H " + deducted);
        }
    }

    @Test
    void addingADeductedPeriodNeverMovesADeadlineEarlier() {
        for (int k = 0; k < CASES / 5; k++) {
            LocalDate t = anyDay();
            PeriodUnit unit = random.nextBoolean() ? PeriodUnit.WD : PeriodUnit.D;
            int n = random.nextInt(60);
            DeadlineRequest before = DeadlineRequest.ofDate(t, n, unit, randomIntervals(t));
            DeadlineRequest after = before.withDeducted(randomIntervals(t).stream().findFirst()
                    .orElse(new DeductedInterval(t, t.plusDays(3), null)));
            assertFalse(cal.deadline(after).due().isBefore(cal.deadline(before).due()), before + " then " + after);
            assertFalse(cal.deadline(before).due().isBefore(cal.deadline(before).undeductedDue()), before.toString());
        }
    }

    @Test
    void skippedHolidayCountsInTheExplanationMatchARecount() {
        for (int k = 0; k < CASES / 10; k++) {
            LocalDate t = anyDay();
            int n = 1 + random.nextInt(60);
            DeadlineResult r = cal.deadline(DeadlineRequest.ofDate(t, n, PeriodUnit.WD, List.of()));
            int explained = r.explanation().stream().filter(s -> s.kind() == Kind.HOLIDAY_SKIPPED)
                    .mapToInt(ExplanationStep::count).sum();
            int recount = 0;
            for (LocalDate x = t.plusDays(1); !x.isAfter(r.due()); x = x.plusDays(1)) {
                if (x.getDayOfWeek().getValue() <= 5 && !cal.isWorkingDay(x)) {
                    recount++;
                }
            }
            assertEquals(recount, explained, t + " + " + n);
            long makeUps = r.explanation().stream().filter(s -> s.kind() == Kind.MAKE_UP_DAY_COUNTED).count();
            long makeUpRecount = Calendars.daysFrom(t.plusDays(1), r.due()).stream()
                    .filter(x -> x.getDayOfWeek().getValue() >= 6 && cal.isWorkingDay(x)).count();
            assertEquals(makeUpRecount, makeUps, t + " + " + n);
        }
    }

    /** Zero to three periods near the trigger, some overlapping, some before it, some far after. */
    private List<DeductedInterval> randomIntervals(LocalDate t) {
        List<DeductedInterval> out = new ArrayList<>();
        for (int j = random.nextInt(4); j > 0; j--) {
            LocalDate s = t.plusDays(random.nextInt(200) - 30);
            out.add(new DeductedInterval(s, s.plusDays(random.nextInt(40)), "p" + j));
        }
        return out;
    }
}
