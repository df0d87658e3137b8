package org.jiandu.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.WorkingCalendar;

/**
 * The counting rules written the obvious way, one day (or minute) at a time, as a reference for the indexed
 * implementation. Classification of single days comes from {@link WorkingCalendar#isWorkingDay}, itself checked
 * against an independent table in {@link HolidayBlocksTest}.
 */
final class NaiveWalk {
    private NaiveWalk() {
    }

    static LocalDate plusWorkingDays(WorkingCalendar cal, LocalDate d, int n) {
        LocalDate x = d;
        if (n == 0) {
            while (!cal.isWorkingDay(x)) {
                x = x.plusDays(1);
            }
            return x;
        }
        int counted = 0;
        while (counted < n) {
            x = x.plusDays(1);
            if (cal.isWorkingDay(x)) {
                counted++;
            }
        }
        return x;
    }

    /** WD with the clock stopped on deducted days. */
    static LocalDate workingDays(WorkingCalendar cal, LocalDate trigger, int n, List<DeductedInterval> deducted) {
        if (n == 0) {
            return roll(cal, trigger, deducted);
        }
        LocalDate x = trigger;
        int counted = 0;
        while (counted < n) {
            x = x.plusDays(1);
            if (cal.isWorkingDay(x) && !deducted(x, deducted)) {
                counted++;
            }
        }
        return x;
    }

    /** D (or M turned into its length in days) with the clock stopped on deducted days, then rolled forward. */
    static LocalDate calendarDays(WorkingCalendar cal, LocalDate trigger, long length, List<DeductedInterval> deducted) {
        LocalDate x = trigger;
        long counted = 0;
        while (counted < length) {
            x = x.plusDays(1);
            if (!deducted(x, deducted)) {
                counted++;
            }
        }
        return roll(cal, x, deducted);
    }

    static LocalDate months(WorkingCalendar cal, LocalDate trigger, int n, List<DeductedInterval> deducted) {
        long length = trigger.plusMonths(n).toEpochDay() - trigger.toEpochDay();
        return calendarDays(cal, trigger, length, deducted);
    }

    /** H: minute by minute, the clock standing still on deducted days (Asia/Shanghai). */
    static Instant hours(Instant trigger, int n, List<DeductedInterval> deducted) {
        Instant x = trigger;
        long remaining = Duration.ofHours(n).toMinutes();
        while (remaining > 0) {
            if (!deducted(LocalDate.ofInstant(x, WorkingCalendar.ZONE), deducted)) {
                remaining--;
            }
            x = x.plusSeconds(60);
        }
        return x;
    }

    private static LocalDate roll(WorkingCalendar cal, LocalDate d, List<DeductedInterval> deducted) {
        LocalDate x = d;
        while (!cal.isWorkingDay(x) || deducted(x, deducted)) {
            x = x.plusDays(1);
        }
        return x;
    }

    static boolean deducted(LocalDate d, List<DeductedInterval> deducted) {
        for (DeductedInterval i : deducted) {
            if (i.contains(d)) {
                return true;
            }
        }
        return false;
    }
}
