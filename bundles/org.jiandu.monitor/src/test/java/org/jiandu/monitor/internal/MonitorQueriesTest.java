package org.jiandu.monitor.internal;

import static org.jiandu.api.event.CoreEventTypes.PROPERTY_QUERY_STARTED;
import static org.jiandu.api.event.CoreEventTypes.TRANSFERRED_TO_ENFORCEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.alert.AlertStatus;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.deadline.Deadline;
import org.jiandu.api.deadline.DeadlineStatus;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.AlertFilter;
import org.jiandu.api.query.Batch;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.FindingFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MonitorQueriesTest {
    private static final String CASE = "（2024）京0105执1001号";
    private static final String OTHER_COURT_CASE = "（2024）京0108执7号";
    private static final String THIRD_CASE = "（2024）京0105执1002号";
    private Harness h;
    private MonitorQueries q;

    @AfterEach
    void close() throws Exception {
        h.close();
    }

    /** Three cases transferred on 2024-09-27: each network-query deadline (5 WD) is overdue on 2024-10-11. */
    private void threeOverdueCases() throws Exception {
        h = new Harness("2024-10-11T10:00:00+08:00");
        q = new MonitorQueries(h.store, h.rules);
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.event(OTHER_COURT_CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.event(THIRD_CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
    }

    @Test
    void theAlertFeedReadsOnFromACursorOldestFirstAndEndsWhereItStood() throws Exception {
        threeOverdueCases();
        Batch<Alert> first = q.alertsSince(null, CourtScope.all(), 1);
        assertEquals(1, first.items().size());
        assertTrue(first.more());
        Batch<Alert> rest = q.alertsSince(first.next(null), CourtScope.all(), 100);
        List<Alert> all = new ArrayList<>(first.items());
        all.addAll(rest.items());
        assertEquals(3, all.stream().map(Alert::caseNumber).distinct().count(), "every case's alert, once");
        assertEquals(all.size(), all.stream().map(Alert::id).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).raisedAt().isBefore(all.get(i - 1).raisedAt()), "oldest first");
        }
        Batch<Alert> none = q.alertsSince(rest.next(null), CourtScope.all(), 100);
        assertTrue(none.items().isEmpty());
        assertEquals(rest.next(null), none.next(rest.next(null)), "an empty read keeps the position");
    }

    @Test
    void aCourtScopeKeepsOtherCourtsOutOfPagesAndFeeds() throws Exception {
        threeOverdueCases();
        List<Alert> page = q.alerts(AlertFilter.of(CourtScope.court("京0105"), 50)).items();
        assertEquals(2, page.size());
        assertTrue(page.stream().allMatch(a -> a.court().equals("京0105")));
        List<Alert> other = q.alertsSince(null, CourtScope.court("京0108"), 10).items();
        assertEquals(List.of(CaseNumber.parse(OTHER_COURT_CASE).canonical()),
                other.stream().map(Alert::caseNumber).toList());
        assertEquals(3, q.alerts(AlertFilter.of(CourtScope.province("京"), 50)).items().size());
        assertTrue(q.alerts(AlertFilter.of(CourtScope.province("沪"), 50)).items().isEmpty());
    }

    @Test
    void alertPagesAreNewestFirstAndFilterByLevelAndStatus() throws Exception {
        threeOverdueCases();
        Batch<Alert> p1 = q.alerts(AlertFilter.of(CourtScope.all(), 2).withLevel(AlertLevel.OVERDUE));
        assertEquals(2, p1.items().size());
        assertTrue(p1.more());
        Batch<Alert> p2 = q.alerts(AlertFilter.of(CourtScope.all(), 2).withLevel(AlertLevel.OVERDUE)
                .withCursor(p1.next(null)));
        assertEquals(1, p2.items().size());
        assertFalse(p2.more());
        assertTrue(q.alerts(AlertFilter.of(CourtScope.all(), 10).withStatus(AlertStatus.ACKNOWLEDGED)).items()
                .isEmpty());
        assertEquals(3, q.alerts(AlertFilter.of(CourtScope.all(), 10).withStatus(AlertStatus.OPEN)).items().size());
        assertThrows(IllegalArgumentException.class,
                () -> q.alerts(AlertFilter.of(CourtScope.all(), 10).withCursor("yesterday")));
    }

    @Test
    void aCasesDeadlinesCarryStatusExplanationAndAlerts() throws Exception {
        threeOverdueCases();
        List<Deadline> ds = q.deadlines(CaseNumber.parse(CASE));
        Deadline d = ds.stream().filter(x -> x.ruleId().equals("art13.network-query")).findFirst().orElseThrow();
        assertEquals(DeadlineStatus.OPEN, d.status());
        // 5 working days after Friday 2024-09-27, the National Day holiday skipped: 2024-10-10
        assertEquals(LocalDate.parse("2024-10-10"), d.due());
        assertEquals(ExplanationStep.Kind.TRIGGER, d.explanation().steps().get(0).kind());
        assertTrue(d.explanation().steps().stream().anyMatch(s -> s.kind() == ExplanationStep.Kind.HOLIDAY_SKIPPED));
        assertEquals(List.of(AlertLevel.OVERDUE), d.alerts().stream().map(Alert::level).toList());
        assertTrue(d.breachAt(h.clock.instant()));
    }

    @Test
    void findingsAreReadByKindAndAsAFeed() throws Exception {
        h = new Harness("2024-09-30T12:00:00+08:00");
        q = new MonitorQueries(h.store, h.rules);
        h.event(CASE, PROPERTY_QUERY_STARTED, "2024-09-30T10:00:00+08:00", "propertyTypes", List.of("DEPOSIT"));
        List<Finding> byKind = q.findings(FindingFilter.of(CourtScope.all(), 10).withKind("ART13_QUERY_COVERAGE"))
                .items();
        assertEquals(1, byKind.size());
        assertTrue(byKind.get(0).key().startsWith("art13.query-coverage#query:"), byKind.get(0).key());
        assertTrue(q.findings(FindingFilter.of(CourtScope.all(), 10).withKind("OVER_SEIZURE")).items().isEmpty());
        assertTrue(q.findings(FindingFilter.of(CourtScope.court("京0108"), 10)).items().isEmpty());
        Batch<Finding> feed = q.findingsSince(null, CourtScope.all(), 10);
        assertEquals(byKind, feed.items());
        assertTrue(q.findingsSince(feed.next(null), CourtScope.all(), 10).items().isEmpty());
    }
}
