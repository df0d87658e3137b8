package org.jiandu.calendar.bench;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.calendar.internal.CalendarConfiguration;
import org.jiandu.calendar.internal.WorkingCalendarService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code plusWorkingDays} through the real service object (volatile snapshot read included) against a
 * day-by-day walk over the same calendar's {@code isWorkingDay}, on the same seeded inputs: trigger days
 * uniform in 2021-01-01 … 2025-06-30, amounts uniform in 1 … {@code maxAmount} (30 covers every working-day rule
 * of 法〔2021〕322号; 250 is about a year). Each invocation runs the whole input array, so one "op" is one call.
 * Run with the {@code bench} profile (see PERFORMANCE.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PlusWorkingDaysBenchmark {
    private static final int INPUTS = 1024;

    @Param({"30", "250"})
    public int maxAmount;

    private WorkingCalendar calendar;
    private final LocalDate[] from = new LocalDate[INPUTS];
    private final int[] amount = new int[INPUTS];
    private final DeadlineRequest[] requests = new DeadlineRequest[INPUTS];
    private final LocalDate[] to = new LocalDate[INPUTS];

    @Setup
    public void setUp() {
        calendar = WorkingCalendarService.of(new CalendarConfiguration() {
            @Override
            public boolean fallback_weekendsOnly() {
                return false;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CalendarConfiguration.class;
            }
        });
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2021, 1, 1);
        int span = (int) (LocalDate.of(2025, 6, 30).toEpochDay() - first.toEpochDay());
        for (int i = 0; i < INPUTS; i++) {
            from[i] = first.plusDays(random.nextInt(span));
            amount[i] = 1 + random.nextInt(maxAmount);
            requests[i] = DeadlineRequest.ofDate(from[i], amount[i], PeriodUnit.WD);
            to[i] = from[i].plusDays(random.nextInt(2 * maxAmount));
        }
        for (int i = 0; i < INPUTS; i++) {
            if (!indexedPlus(i).equals(naivePlus(i))) {
                throw new IllegalStateException("indexed and naive disagree on " + from[i] + " + " + amount[i]);
            }
        }
    }

    private LocalDate indexedPlus(int i) {
        return calendar.plusWorkingDays(from[i], amount[i]);
    }

    private LocalDate naivePlus(int i) {
        LocalDate d = from[i];
        int counted = 0;
        while (counted < amount[i]) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The precomputed index: two array reads per call. */
    @Benchmark
    @OperationsPerInvocation(INPUTS)
    public void plusWorkingDaysIndexed(Blackhole bh) {
        for (int i = 0; i < INPUTS; i++) {
            bh.consume(indexedPlus(i));
        }
    }

    /** The same question answered by walking day by day (one O(1) isWorkingDay per calendar day). */
    @Benchmark
    @OperationsPerInvocation(INPUTS)
    public void plusWorkingDaysNaiveWalk(Blackhole bh) {
        for (int i = 0; i < INPUTS; i++) {
            bh.consume(naivePlus(i));
        }
    }

    /** Working days between two days: a difference of two prefix counts. */
    @Benchmark
    @OperationsPerInvocation(INPUTS)
    public void workingDaysBetweenIndexed(Blackhole bh) {
        for (int i = 0; i < INPUTS; i++) {
            bh.consume(calendar.workingDaysBetween(from[i], to[i]));
        }
    }

    /** A full WD deadline with its explanation and versions, as node monitoring will call it. */
    @Benchmark
    @OperationsPerInvocation(INPUTS)
    public void deadlineWithExplanation(Blackhole bh) {
        for (int i = 0; i < INPUTS; i++) {
            bh.consume(calendar.deadline(requests[i]));
        }
    }
}
