package org.jiandu.api.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.Payload;
import org.junit.jupiter.api.Test;

class CaseHistoryTest {
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1234号");
    private final List<LedgerEntry> timeline = new ArrayList<>();

    private LedgerEntry add(String id, String type, String corrects) {
        long seq = timeline.size() + 1;
        CaseEvent e = new CaseEvent(id, CASE, type, OffsetDateTime.parse("2024-10-08T09:30:00+08:00").plusDays(seq),
                null, new Actor("P1", null, null), Payload.of(Map.of("n", seq)),
                corrects == null ? null : new Correction(corrects, "approver", "wrong figure"));
        LedgerEntry entry = new LedgerEntry(seq, e, LedgerEntry.GENESIS, "h" + seq);
        timeline.add(entry);
        return entry;
    }

    private List<String> ids(List<LedgerEntry> entries) {
        return entries.stream().map(e -> e.event().hostEventId()).toList();
    }

    @Test
    void withoutCorrectionTheTimelineIsTheEffectiveHistory() {
        add("A", "PROPERTY_CONTROLLED", null);
        add("B", "MONEY_RECEIVED", null);
        assertSame(timeline, CaseHistory.effective(timeline));
    }

    @Test
    void aCorrectionTakesTheCorrectedEntrysPosition() {
        add("A", "PROPERTY_CONTROLLED", null);
        add("B", "MONEY_RECEIVED", null);
        add("C", "CONTROL_RELEASED", null);
        add("B2", "MONEY_RECEIVED", "B");
        // the corrected payment is still received before the release: A, B2, C — not A, C, B2
        assertEquals(List.of("A", "B2", "C"), ids(CaseHistory.effective(timeline)));
    }

    @Test
    void aCorrectionOfACorrectionKeepsTheFirstPosition() {
        add("A", "PROPERTY_CONTROLLED", null);
        add("B", "MONEY_RECEIVED", null);
        add("C", "CONTROL_RELEASED", null);
        add("B2", "MONEY_RECEIVED", "B");
        add("B3", "MONEY_RECEIVED", "B2");
        assertEquals(List.of("A", "B3", "C"), ids(CaseHistory.effective(timeline)));
    }

    @Test
    void aCorrectionMayChangeTheTypeOfTheNode() {
        add("A", "PROPERTY_CONTROLLED", null);
        add("B", "CONTROL_RELEASED", null);
        add("C", "MONEY_RECEIVED", null);
        add("B2", "DISPOSAL_COMPLETED", "B");
        assertEquals(List.of("PROPERTY_CONTROLLED", "DISPOSAL_COMPLETED", "MONEY_RECEIVED"),
                CaseHistory.effectiveEvents(timeline).stream().map(CaseEvent::type).toList());
    }

    @Test
    void aCorrectionOfNothingInTheListKeepsItsOwnPosition() {
        add("A", "PROPERTY_CONTROLLED", null);
        add("X2", "MONEY_RECEIVED", "X");
        add("C", "CONTROL_RELEASED", null);
        assertEquals(List.of("A", "X2", "C"), ids(CaseHistory.effective(timeline)));
    }

    @Test
    void theTimelineItselfIsLeftAlone() {
        add("A", "MONEY_RECEIVED", null);
        add("A2", "MONEY_RECEIVED", "A");
        CaseHistory.effective(timeline);
        assertEquals(List.of("A", "A2"), ids(timeline));
    }
}
