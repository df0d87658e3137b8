package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CONTROL_RELEASED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_CONTROLLED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Art. 12 of 法〔2021〕322号: a correction restates a node of the case at that node's position. */
class CaseFactsTest {

    @Test
    void aCorrectedReleaseStaysBeforeTheLaterControl() {
        // H-1 frozen, H-2 released, H-3 frozen again, H-4 corrects the release (H-2)
        Cases.Timeline t = new Cases.Timeline()
                .add(PROPERTY_CONTROLLED, "2025-03-10", "assetId", "ACC-1", "assetKind", "DEPOSIT")
                .add(CONTROL_RELEASED, "2025-03-18", "assetId", "ACC-1")
                .add(PROPERTY_CONTROLLED, "2025-04-01", "assetId", "ACC-1", "assetKind", "DEPOSIT")
                .correct("H-2", CONTROL_RELEASED, "2025-03-17", "assetId", "ACC-1", "amount", "20000.00");
        CaseFacts facts = CaseFacts.of(t.entries());
        assertEquals(List.of("H-1", "H-4", "H-3"), facts.events().stream().map(e -> e.hostEventId()).toList());
        // still controlled, by the second freeze; read with the release at the end it would be free
        assertEquals("H-3", facts.openControls().get("ACC-1").hostEventId());
    }
}
