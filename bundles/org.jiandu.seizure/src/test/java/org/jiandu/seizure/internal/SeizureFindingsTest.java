package org.jiandu.seizure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingSeverity;
import org.jiandu.api.finding.FindingTopics;
import org.junit.jupiter.api.Test;

class SeizureFindingsTest {

    /** A finding as the store leaves it: the id is the persistence provider's to set. */
    private static FindingEntity stored(String kind) {
        FindingEntity f = new FindingEntity("（2025）京0105执77号", kind, "12", "2025-06-30T02:00:00Z", 12, "MONEY_RECEIVED",
                "控制财产可供清偿价值明显超出债权总额", "{\"claimTotal\":80000.00,\"releasable\":[{\"assetId\":\"ACC-2\"}]}");
        try {
            java.lang.reflect.Field id = FindingEntity.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(f, 51L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return f;
    }

    @Test
    void anOverSeizureIsAViolationOfArticle15And19WithTheCourtOfItsCase() {
        Finding f = SeizureFindings.toFinding(stored(SeizureMonitor.OVER_SEIZURE), null);
        assertEquals("org.jiandu.seizure", f.source());
        assertEquals(51L, f.id());
        assertEquals(FindingSeverity.VIOLATION, f.severity());
        assertEquals(SeizureRules.ART15_19, f.article());
        assertEquals("京0105", f.court());
        assertEquals(Instant.parse("2025-06-30T02:00:00Z"), f.raisedAt());
        assertEquals(new Finding.Trigger(12, "MONEY_RECEIVED", null), f.trigger());
        assertEquals(new BigDecimal("80000.00"), f.details().get("claimTotal"), "stored figures stay exact");
        assertNull(f.ruleId());
    }

    @Test
    void aSplitRegistrationIsATaskAndTravelsAsTheSameFinding() {
        Finding f = SeizureFindings.toFinding(stored(SeizureMonitor.SPLIT_REGISTRATION), Map.of("assetId", "FLAT-1"));
        assertEquals(FindingSeverity.TASK, f.severity());
        assertEquals("jiandu/finding/SPLIT_REGISTRATION", FindingTopics.toEvent(f).getTopic());
        assertEquals(f, FindingTopics.from(FindingTopics.toEvent(f)));
    }
}
