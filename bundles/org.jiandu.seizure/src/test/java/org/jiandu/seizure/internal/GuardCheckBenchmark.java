package org.jiandu.seizure.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The guard's check in-process, as the guard registry calls it ({@link OverSeizureGuard#check}): details parsed and
 * validated, the case's facts read from the warm read model, the claim computed as of the day, the register of 50
 * controlled assets built, the rules applied and 21 assets ranked. SampleTime mode, so JMH reports percentiles
 * (p50, p90, p99, p99.9) of single calls. Also the register view that {@code GET …/seizures} serialises.
 * Run with the {@code bench} profile (see PERFORMANCE.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GuardCheckBenchmark {
    private OverSeizureGuard guard;
    private Operation operation;
    private CaseFacts facts;

    @Setup
    public void setUp() {
        guard = BenchCase.guard();
        operation = BenchCase.operation();
        guard.check(operation);
        facts = BenchCase.ledger().facts();
    }

    @Benchmark
    public Verdict check() {
        return guard.check(operation);
    }

    @Benchmark
    public Map<String, Object> registerView() {
        return SeizureRegister.of(Cases.CASE.canonical(), facts, LocalDate.parse("2025-09-01"), CourtPolicy.DEFAULT)
                .toMap();
    }
}
