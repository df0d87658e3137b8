package org.jiandu.seizure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Court-keyed overrides of PID org.jiandu.seizure: the court's own, then its province's, then the default. */
class SeizureSettingsTest {

    private static SeizureSettings.Snapshot parse(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return SeizureSettings.parse(m, 15, 10_000);
    }

    @Test
    void theDefaultRatioIsOnePointTwo() {
        assertEquals(0, new BigDecimal("1.2").compareTo(parse().policy("京0105").ratio()));
    }

    @Test
    void aCourtsOwnRatioBeatsItsProvinceWhichBeatsTheDefault() {
        SeizureSettings.Snapshot s = parse("clearlyExceedsRatio", "1.3", "clearlyExceedsRatio.京", "1.4",
                "clearlyExceedsRatio.京0105", "1.5");
        assertEquals(new BigDecimal("1.5"), s.policy("京0105").ratio());
        assertEquals(new BigDecimal("1.4"), s.policy("京0106").ratio());
        assertEquals(new BigDecimal("1.3"), s.policy("沪0115").ratio());
        assertTrue(s.policy("京0105").source().contains("clearlyExceedsRatio.京0105"));
    }

    @Test
    void anImpactOrderListsClassesFirstAndTheRestFollowInDefaultOrder() {
        SeizureSettings.Snapshot s = parse("impactOrder.沪", "VEHICLE, DEPOSIT");
        assertEquals(ImpactClass.VEHICLE, s.policy("沪0115").order().get(0));
        assertEquals(ImpactClass.DEPOSIT, s.policy("沪0115").order().get(1));
        assertEquals(ImpactClass.SECURITIES, s.policy("沪0115").order().get(2));
        assertEquals(ImpactClass.values().length, s.policy("沪0115").order().size());
        assertEquals(ImpactClass.DEFAULT_ORDER, s.policy("京0105").order());
    }

    @Test
    void aBadValueIsReportedAndTheDefaultKept() {
        SeizureSettings.Snapshot s = parse("clearlyExceedsRatio", "0.9", "clearlyExceedsRatio.京0105", "much",
                "impactOrder", new String[] {"DEPOSIT", "YACHT"});
        assertEquals(CourtPolicy.DEFAULT_RATIO, s.policy("京0105").ratio());
        assertEquals(ImpactClass.DEFAULT_ORDER, s.policy("京0105").order());
        assertEquals(3, s.problems().size());
    }

    @Test
    void theSupremeCourtHasNoProvince() {
        SeizureSettings.Snapshot s = parse("clearlyExceedsRatio.最", "2");
        assertFalse(s.policy("最高法").source().contains(".最"));
    }
}
