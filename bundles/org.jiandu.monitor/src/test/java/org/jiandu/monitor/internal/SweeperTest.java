package org.jiandu.monitor.internal;

import static org.jiandu.api.event.CoreEventTypes.HANDLER_ASSIGNED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_QUERY_STARTED;
import static org.jiandu.api.event.CoreEventTypes.TRANSFERRED_TO_ENFORCEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.monitor.internal.rules.NetworkQueryRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** Alerts: each level once per deadline, in time, addressed, published, acknowledged once. */
class SweeperTest {
    private static final String CASE = "（2024）京0105执1001号";
    private Harness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private List<String> levels() {
        return h.alerts(CASE).stream().map(AlertEntity::getLevel).sorted().toList();
    }

    @Test
    void reminderOverdueAndEscalationEachFireOnceInTheirTime() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        h.event(CASE, HANDLER_ASSIGNED, "2024-09-27T09:00:00+08:00", "handler", "京0105-ZXY12", "leader",
                "京0105-TZ01");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        assertEquals(List.of(), levels(), "nothing is due yet");

        h.clock.set("2024-10-09T00:00:00+08:00");
        assertEquals(1, h.sweeper.sweep().raised());
        assertEquals(0, h.sweeper.sweep().raised(), "a second sweep raises nothing again");
        assertEquals(List.of("REMINDER"), levels());

        h.clock.set("2024-10-10T23:59:59+08:00");
        assertEquals(0, h.sweeper.sweep().raised(), "the due day itself is still in time");
        h.clock.set("2024-10-11T00:00:00+08:00");
        h.sweeper.sweep();
        h.sweeper.sweep();
        assertEquals(List.of("OVERDUE", "REMINDER"), levels());

        h.clock.set("2024-10-14T23:00:00+08:00");
        assertEquals(0, h.sweeper.sweep().raised());
        h.clock.set("2024-10-15T00:00:00+08:00");
        h.sweeper.sweep();
        h.sweeper.sweep();
        assertEquals(List.of("ESCALATED", "OVERDUE", "REMINDER"), levels());
        AlertEntity escalated = h.alerts(CASE).stream().filter(a -> a.getLevel().equals("ESCALATED")).findFirst()
                .orElseThrow();
        assertEquals("京0105-TZ01", escalated.getAddressee(), "escalation goes to the case's responsible leader");
        assertTrue(escalated.getMessage().contains("第13条"), escalated.getMessage());
        AlertEntity overdue = h.alerts(CASE).stream().filter(a -> a.getLevel().equals("OVERDUE")).findFirst()
                .orElseThrow();
        assertEquals("京0105-ZXY12", overdue.getAddressee());
        assertNull(h.deadline(CASE, "art13.network-query", "main").getNextAlertAt(), "nothing left to raise");
    }

    @Test
    void aDeadlineFoundAlreadyExpiredSkipsTheReminder() throws Exception {
        h = new Harness("2024-10-12T10:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        Sweeper.Result r = h.sweeper.sweep();
        assertEquals(1, r.raised());
        assertEquals(1, r.skipped());
        assertEquals(List.of("OVERDUE"), levels());
    }

    @Test
    void escalationWithoutALeaderGoesToTheConfiguredCourtLeader() throws Exception {
        h = new Harness("2024-10-16T10:00:00+08:00",
                Map.of("escalation_courtLeaders", new String[] {"京0105=京0105-FY01"}));
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        assertEquals(List.of("ESCALATED", "OVERDUE"), levels());
        assertEquals("京0105-FY01", h.alerts(CASE).stream().filter(a -> a.getLevel().equals("ESCALATED"))
                .findFirst().orElseThrow().getAddressee());
    }

    @Test
    void escalationWithoutAnyLeaderNamesTheCourtFromTheDirectory() throws Exception {
        h = new Harness("2024-10-16T10:00:00+08:00");
        h.sweeper.courts = new org.jiandu.api.court.CourtDirectory() {
            private final org.jiandu.api.court.Court chaoyang = new org.jiandu.api.court.Court("京0105", "北京市朝阳区人民法院",
                    org.jiandu.api.CourtLevel.BASIC, "京03", org.jiandu.api.court.CourtKind.ORDINARY);

            @Override
            public java.util.Optional<org.jiandu.api.court.Court> court(String code) {
                return "京0105".equals(code) ? java.util.Optional.of(chaoyang) : java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<org.jiandu.api.court.Procuratorate> procuratorate(String code) {
                return java.util.Optional.empty();
            }

            @Override
            public List<org.jiandu.api.court.Court> courts() {
                return List.of(chaoyang);
            }

            @Override
            public List<org.jiandu.api.court.Procuratorate> procuratorates() {
                return List.of();
            }

            @Override
            public boolean covers(String organisation, String courtCode) {
                return courtCode.equals(organisation);
            }

            @Override
            public java.util.Set<String> covered(String organisation) {
                return java.util.Set.of();
            }
        };
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        AlertEntity escalated = h.alerts(CASE).stream().filter(a -> a.getLevel().equals("ESCALATED")).findFirst()
                .orElseThrow();
        assertEquals("北京市朝阳区人民法院执行局负责同志", escalated.getAddressee());
        assertTrue(escalated.getMessage().contains("北京市朝阳区人民法院执行局负责同志"), escalated.getMessage());
    }

    @Test
    void escalationWithoutLeaderOrDirectoryNamesTheCourtByItsCode() throws Exception {
        h = new Harness("2024-10-16T10:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        assertEquals("京0105执行局负责同志", h.alerts(CASE).stream().filter(a -> a.getLevel().equals("ESCALATED"))
                .findFirst().orElseThrow().getAddressee());
    }

    @Test
    void aClosedDeadlineRaisesNothingMore() throws Exception {
        h = new Harness("2024-10-09T10:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        h.event(CASE, PROPERTY_QUERY_STARTED, "2024-10-09T11:00:00+08:00", "propertyTypes", List.of("DEPOSIT"));
        h.clock.set("2024-10-20T10:00:00+08:00");
        h.sweeper.sweep();
        assertEquals(List.of("REMINDER"), levels());
    }

    @Test
    void alertsArePublishedWithTheirFacts() throws Exception {
        h = new Harness("2024-10-11T10:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        Event e = h.published.stream().filter(x -> x.getTopic().equals("jiandu/alert/OVERDUE")).findFirst()
                .orElseThrow();
        assertEquals(CASE, e.getProperty("caseNumber"));
        assertEquals("京0105", e.getProperty("court"));
        assertEquals("art13.network-query", e.getProperty("ruleId"));
        assertEquals("2024-10-10", e.getProperty("due"));
        assertEquals("OVERDUE", e.getProperty("level"));
        assertEquals(h.alerts(CASE).get(0).getId(), e.getProperty("alertId"));
        // and read back as the API's record, the same as stored
        org.jiandu.api.alert.Alert a = org.jiandu.api.alert.AlertTopics.from(e);
        assertEquals(org.jiandu.api.alert.AlertLevel.OVERDUE, a.level());
        assertEquals(LocalDate.parse("2024-10-10"), a.due());
        assertEquals(h.alerts(CASE).get(0).getMessage(), a.message());
        assertEquals(h.alerts(CASE).get(0).getRaisedAt(), a.raisedAt().toEpochMilli());
    }

    @Test
    void theDatabaseRefusesASecondAlertOfTheSameLevelOnADeadline() throws Exception {
        h = new Harness("2024-10-11T10:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        AlertEntity a = h.alerts(CASE).get(0);
        SQLException e = assertThrows(SQLException.class, () -> h.sql("INSERT INTO JD_MON_ALERT (ID, DEADLINE_ID, "
                + "ALERT_LEVEL, CASE_NUMBER, COURT_CODE, RULE_ID, RAISED_AT, MESSAGE) VALUES (" + a.getId() + ", "
                + a.getDeadlineId() + ", 'OVERDUE', 'x', 'x', 'x', 0, 'again')"));
        assertTrue(e.getSQLState().startsWith("23"), e.getSQLState());
    }

    @Test
    void twoNodesSweepingTheSameDatabaseRaiseEveryAlertExactlyOnce() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00", Map.of("sweep_batchSize", 50));
        List<LedgerEntry> transfers = new ArrayList<>();
        for (int i = 1; i <= 400; i++) {
            transfers.add(h.ledger.record("（2024）京0105执" + (2000 + i) + "号", TRANSFERRED_TO_ENFORCEMENT,
                    "2024-09-27T10:00:00+08:00"));
        }
        h.monitor.evaluateNow(transfers);
        Sweeper other = h.startSweeper(h.startMonitor());
        h.clock.set("2024-10-12T10:00:00+08:00");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Sweeper.Result>> both = List.of(h.sweeper::sweep, other::sweep);
            int raised = 0;
            for (Future<Sweeper.Result> f : pool.invokeAll(both)) {
                raised += f.get().raised();
            }
            raised += h.sweeper.sweep().raised() + other.sweep().raised();
            assertEquals(400, raised);
        } finally {
            pool.shutdown();
        }
        assertEquals(400, h.count("SELECT COUNT(*) FROM JD_MON_ALERT WHERE ALERT_LEVEL = 'OVERDUE'"));
        assertEquals(400, h.count("SELECT COUNT(DISTINCT DEADLINE_ID) FROM JD_MON_ALERT"));
    }

    @Test
    void deadlinesOfARuleThatWentAwayAreNotAlertedUntilItComesBack() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        DeadlineRule query = h.rules.rules().stream().filter(r -> r.id().equals(NetworkQueryRule.ID)).findFirst()
                .orElseThrow();
        h.rules.removeRule(query, Map.of());
        h.clock.set("2024-10-12T10:00:00+08:00");
        h.sweeper.sweep();
        assertEquals(0, h.alerts(CASE).stream().filter(a -> a.getRuleId().equals(NetworkQueryRule.ID)).count());
        h.rules.addRule(query, Map.of());
        h.sweeper.sweep();
        assertEquals(1, h.alerts(CASE).stream().filter(a -> a.getRuleId().equals(NetworkQueryRule.ID)).count());
    }

    @Test
    void anAlertIsAcknowledgedOnceWithWhoWhenAndWhy() throws Exception {
        h = new Harness("2024-10-11T10:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        long id = h.alerts(CASE).get(0).getId();
        AlertEntity a = h.store.acknowledge(id, "supervisor", "已督促承办人当日查询", h.clock.millis());
        assertEquals("supervisor", a.getAcknowledgedBy());
        assertEquals("已督促承办人当日查询", a.getAcknowledgementComment());
        assertThrows(IllegalStateException.class, () -> h.store.acknowledge(id, "other", "again", h.clock.millis()));
        assertEquals("supervisor", h.store.alert(id).getAcknowledgedBy(), "the first acknowledgement stands");
        assertNull(h.store.acknowledge(123_456_789L, "x", "y", 0));
    }
}
