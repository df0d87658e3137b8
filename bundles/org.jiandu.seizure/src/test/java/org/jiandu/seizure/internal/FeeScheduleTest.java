package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 诉讼费用交纳办法 Art. 14(一): the application fee at each tier's boundary, summed exactly, rounded once. */
class FeeScheduleTest {

    @ParameterizedTest(name = "{0} yuan enforced → fee {1}")
    @CsvSource({
        "0.00, 50.00",
        "9999.99, 50.00",
        "10000.00, 50.00",
        // 50 + 0.01 × 1.5% = 50.00015
        "10000.01, 50.00",
        // 50 + 1 × 1.5% = 50.015, half-up
        "10001.00, 50.02",
        "125000.00, 1775.00",
        // 50 + 490,000 × 1.5%
        "500000.00, 7400.00",
        "500001.00, 7400.01",
        // + 4,500,000 × 1%
        "5000000.00, 52400.00",
        "5000001.00, 52400.01",
        // 50 + 7350 + 45000 + 0.01 × 0.5% = 52400.00005
        "5000000.01, 52400.00",
        // + 5,000,000 × 0.5%
        "10000000.00, 77400.00",
        // + 1 × 0.1% = 0.001
        "10000001.00, 77400.00",
        "10000005.00, 77400.01",
        "20000000.00, 87400.00",
    })
    void feeAtTierBoundaries(String base, String fee) {
        assertEquals(yuan(fee), FeeSchedule.applicationFee(new BigDecimal(base)).amount());
    }

    @Test
    void aTiersExactPartKeepsItsFractionOfAFen() {
        // (2,011,951.01 − 500,000) × 1% = 15,119.5101: the part is shown exactly, only the total is rounded
        FeeSchedule.Fee fee = FeeSchedule.applicationFee(new BigDecimal("2011951.01"));
        assertEquals(new BigDecimal("15119.5101"), fee.tiers().get(2).get("part"));
        assertEquals(yuan("22519.51"), fee.amount());
    }

    @Test
    void theComputationShowsEachTiersPart() {
        FeeSchedule.Fee fee = FeeSchedule.applicationFee(yuan("600000.00"));
        assertEquals(3, fee.tiers().size());
        assertEquals(yuan("50.00"), fee.tiers().get(0).get("part"));
        assertEquals(new BigDecimal("7350.00"), fee.tiers().get(1).get("part"));
        assertEquals("1.5%", fee.tiers().get(1).get("rate"));
        assertEquals(new BigDecimal("1000.00"), fee.tiers().get(2).get("part"));
        assertEquals(yuan("8400.00"), fee.amount());
    }
}
