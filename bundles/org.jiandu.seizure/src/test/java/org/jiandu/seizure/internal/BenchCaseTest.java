package org.jiandu.seizure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Verdict;
import org.junit.jupiter.api.Test;

/** The benchmark measures what it says: 50 controlled assets, 20 candidates, the longest path through the rules. */
class BenchCaseTest {

    @Test
    void theBenchmarkCaseHasFiftyControlledAssetsAndTwentyCandidates() {
        SeizureRegister reg = SeizureRegister.of(Cases.CASE.canonical(), BenchCase.ledger().facts(),
                LocalDate.parse("2025-09-01"), CourtPolicy.DEFAULT);
        assertEquals(50, reg.assets().size());
        assertEquals(49, reg.assets().stream().filter(SeizureRegister.AssetView::inForce).count());
        assertEquals(8, reg.claim().segments().size());
        assertEquals(20, BenchCase.candidates().size());
    }

    @Test
    void theBenchmarkCheckTakesTheLongestPath() {
        Verdict v = BenchCase.guard().check(BenchCase.operation());
        assertEquals(Decision.DENY, v.decision(), v.reason());
        assertEquals("LOWER_IMPACT_SUFFICES", v.details().get("rule"));
        assertEquals(21, ((List<?>) v.details().get("ranking")).size());
    }
}
