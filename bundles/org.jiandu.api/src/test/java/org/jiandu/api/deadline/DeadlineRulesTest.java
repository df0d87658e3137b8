package org.jiandu.api.deadline;

import static org.jiandu.api.deadline.DeadlineRules.anyEarlier;
import static org.jiandu.api.deadline.DeadlineRules.day;
import static org.jiandu.api.deadline.DeadlineRules.earlier;
import static org.jiandu.api.deadline.DeadlineRules.flag;
import static org.jiandu.api.deadline.DeadlineRules.is;
import static org.jiandu.api.deadline.DeadlineRules.open;
import static org.jiandu.api.deadline.DeadlineRules.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

class DeadlineRulesTest {
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1234号");

    private static LedgerEntry entry(long seq, String type, String at, Map<String, ?> payload) {
        return new LedgerEntry(seq, new CaseEvent("H" + seq, CASE, type, OffsetDateTime.parse(at), null, null,
                Payload.of(payload), null), LedgerEntry.GENESIS, "h" + seq);
    }

    @Test
    void theDayIsThatOfBeijingNotOfTheOffsetWritten() {
        // 2024-10-08T20:30Z is 2024-10-09 04:30 in Beijing
        assertEquals(LocalDate.of(2024, 10, 9), day(entry(1, "CASE_FILED", "2024-10-08T20:30:00Z", Map.of())));
    }

    @Test
    void payloadHelpersReadTextAndFlagsWithDefaults() {
        LedgerEntry e = entry(1, "PROPERTY_CONTROLLED", "2024-10-08T09:30:00+08:00",
                Map.of("assetId", "A1", "queued", true));
        assertEquals("A1", text(e, "assetId"));
        assertNull(text(e, "assetKind"));
        assertTrue(flag(e, "queued"));
        assertFalse(flag(e, "priority"));
        assertTrue(is(e, "CASE_FILED", "PROPERTY_CONTROLLED"));
        assertFalse(is(e, "CASE_FILED"));
    }

    @Test
    void aPeriodInDaysCountsFromTheDayAndOneInHoursFromTheInstant() {
        LedgerEntry e = entry(1, "CASE_FILED", "2024-10-08T09:30:00+08:00", Map.of());
        DeadlineAction.Open days = open("main", e, 5, PeriodUnit.WD, true);
        assertEquals(LocalDate.of(2024, 10, 8), days.request().triggerDate());
        assertNull(days.request().triggerInstant());
        assertTrue(days.stopsForCasePeriods());
        DeadlineAction.Open hours = open("main", e, 24, PeriodUnit.H, false);
        assertEquals(e.event().occurredAt().toInstant(), hours.request().triggerInstant());
    }

    @Test
    void earlierSeesOnlyEntriesBeforeTheGivenOne() {
        LedgerEntry a = entry(1, "PROPERTY_LEAD_RECEIVED", "2024-10-08T09:30:00+08:00", Map.of("leadId", "L1"));
        LedgerEntry b = entry(2, "PROPERTY_LEAD_RECEIVED", "2024-10-09T09:30:00+08:00", Map.of("leadId", "L2"));
        LedgerEntry c = entry(3, "PROPERTY_LEAD_VERIFIED", "2024-10-10T09:30:00+08:00", Map.of("leadId", "L2"));
        LedgerEntry d = entry(4, "PROPERTY_LEAD_RECEIVED", "2024-10-11T09:30:00+08:00", Map.of("leadId", "L2"));
        List<LedgerEntry> history = List.of(a, b, c, d);
        assertEquals(List.of(b), earlier(history, c, "PROPERTY_LEAD_RECEIVED", "leadId", "L2"));
        assertEquals(List.of(a, b), earlier(history, c, "PROPERTY_LEAD_RECEIVED", null, null));
        assertTrue(anyEarlier(history, c, "PROPERTY_LEAD_RECEIVED"));
        assertFalse(anyEarlier(history, b, "PROPERTY_LEAD_VERIFIED"));
    }
}
