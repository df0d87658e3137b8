package org.jiandu.api.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class AlertTopicsTest {
    private static final Alert OVERDUE = new Alert(AlertLevel.OVERDUE.alertId(12), 12, AlertLevel.OVERDUE,
            "（2024）京0105执1001号", "京0105", "art13.network-query", LocalDate.parse("2024-10-10"),
            Instant.parse("2024-10-10T16:00:00Z"), Instant.parse("2024-10-11T02:00:00Z"), "承办人（京0105）",
            "【逾期】……", null);

    @Test
    void theLevelsKeepTheCodesExistingDatabasesHold() {
        // alert id = deadlineId * 4 + code and FIRED bit = 1 << code, as stored before the codes were explicit
        assertEquals(0, AlertLevel.REMINDER.code());
        assertEquals(1, AlertLevel.OVERDUE.code());
        assertEquals(2, AlertLevel.ESCALATED.code());
        assertEquals(4 * 12 + 2, AlertLevel.ESCALATED.alertId(12));
        assertEquals(0b100, AlertLevel.ESCALATED.bit());
        assertEquals(12, AlertLevel.deadlineOf(50));
        assertEquals(AlertLevel.ESCALATED, AlertLevel.levelOf(50));
        assertThrows(IllegalArgumentException.class, () -> AlertLevel.levelOf(51), "slot 3 is no level");
    }

    @Test
    void anAlertTravelsOnItsLevelsTopicAndComesBackEqual() {
        Event e = AlertTopics.toEvent(OVERDUE);
        assertEquals("jiandu/alert/OVERDUE", e.getTopic());
        assertEquals(49L, e.getProperty(AlertTopics.ALERT_ID));
        assertEquals("2024-10-10", e.getProperty(AlertTopics.DUE));
        assertEquals("2024-10-10T16:00:00Z", e.getProperty(AlertTopics.EXPIRES_AT));
        assertEquals(OVERDUE, AlertTopics.from(e));
    }

    @Test
    void anAcknowledgedAlertKeepsItsAcknowledgement() {
        Alert acked = new Alert(OVERDUE.id(), 12, AlertLevel.OVERDUE, OVERDUE.caseNumber(), "京0105",
                OVERDUE.ruleId(), null, null, OVERDUE.raisedAt(), null, "x",
                new Alert.Acknowledgement("supervisor", Instant.parse("2024-10-12T01:00:00Z"), "已督促"));
        Alert back = AlertTopics.from(AlertTopics.toEvent(acked));
        assertEquals(acked, back);
        assertEquals(AlertStatus.ACKNOWLEDGED, back.status());
    }

    @Test
    void anEventWithoutTheCodeIsReadByTheLevelsNameAndAMissingPropertyIsNamed() {
        Map<String, Object> p = new HashMap<>();
        Event full = AlertTopics.toEvent(OVERDUE);
        for (String name : full.getPropertyNames()) {
            p.put(name, full.getProperty(name));
        }
        p.remove(AlertTopics.LEVEL_CODE);
        p.remove("event.topics");
        assertEquals(OVERDUE, AlertTopics.from(new Event("jiandu/alert/OVERDUE", p)));
        p.remove(AlertTopics.COURT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AlertTopics.from(new Event("jiandu/alert/OVERDUE", p)));
        assertTrue(e.getMessage().contains("court"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlertTopics.from(new Event("jiandu/case/X", p)));
    }
}
