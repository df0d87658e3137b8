package org.jiandu.monitor.internal;

import static org.jiandu.api.event.CoreEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.event.Correction;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deadlines opened, closed, recomputed and kept, through the node monitor over a real database and calendar. */
class NodeMonitorTest {
    private static final String CASE = "（2024）京0105执1001号";
    private Harness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private static long at(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    @Test
    void transferOnTheFridayBeforeNationalDayMakesTheQueryDueOnOctober10() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        DeadlineEntity d = h.deadline(CASE, "art13.network-query", "main");
        // 09-29 (Sunday, make-up day) 1, 09-30 2, 10-01..07 National Day, 10-08 3, 10-09 4, 10-10 5
        assertEquals(LocalDate.parse("2024-10-10"), d.getDueDate());
        assertEquals(at("2024-10-11T00:00:00+08:00"), d.getExpiresAt());
        // one working day before the due date
        assertEquals(at("2024-10-09T00:00:00+08:00"), d.getRemindAt());
        // 3 working days after: 10-11 1, 10-12 (Saturday, make-up day) 2, 10-14 3 → from 10-15 00:00
        assertEquals(at("2024-10-15T00:00:00+08:00"), d.getEscalateAt());
        assertEquals("REMINDER", d.getNextLevel());
        assertEquals(DeadlineStatus.OPEN, d.getStatus());
        assertTrue(d.getExplanation().contains("HOLIDAY_SKIPPED"), d.getExplanation());
        assertTrue(d.getCalendarVersions().startsWith("2024:"), d.getCalendarVersions());
    }

    @Test
    void aMissingRequiredRuleMakesTheMonitorDegradedNamingIt() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00", Map.of("rules_required",
                new String[] {"art13.network-query", "acme.not-installed"}));
        org.jiandu.api.health.ComponentHealth health = h.monitor.health().get(0);
        assertEquals(org.jiandu.api.health.HealthState.DEGRADED, health.state());
        assertTrue(health.reasons().get(0).contains("acme.not-installed"), health.reasons().toString());
        assertEquals(List.of("acme.not-installed"), health.details().get("missingRequiredRules"));
    }

    @Test
    void aMalformedCourtLeaderNeitherStopsTheSweeperNorTheMonitor() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00", Map.of("escalation_courtLeaders",
                new String[] {"京0105", "京0101=京0101-FY01"}, "sweep_batchSize", 99_999));
        org.jiandu.api.health.ComponentHealth health = h.monitor.health().get(0);
        assertEquals(org.jiandu.api.health.HealthState.DEGRADED, health.state());
        assertEquals(2, health.reasons().size(), health.reasons().toString());
        assertTrue(health.reasons().get(0).contains("escalation.courtLeaders"), health.reasons().toString());
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        assertEquals(LocalDate.parse("2024-10-10"), h.deadline(CASE, "art13.network-query", "main").getDueDate());
    }

    @Test
    void aQueryInTimeClosesTheDeadlineAsMet() throws Exception {
        h = new Harness("2024-10-09T12:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        LedgerEntry q = h.event(CASE, PROPERTY_QUERY_STARTED, "2024-10-09T10:00:00+08:00", "propertyTypes",
                List.of("DEPOSIT"));
        DeadlineEntity d = h.deadline(CASE, "art13.network-query", "main");
        assertEquals(DeadlineStatus.MET, d.getStatus());
        assertEquals(q.seq(), d.getClosedSeq());
        assertNull(d.getNextAlertAt());
    }

    @Test
    void aLateQueryClosesTheDeadlineAndKeepsTheBreach() throws Exception {
        h = new Harness("2024-10-11T12:00:00+08:00");
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.sweeper.sweep();
        h.event(CASE, PROPERTY_QUERY_STARTED, "2024-10-11T09:00:00+08:00", "propertyTypes", List.of("DEPOSIT"));
        DeadlineEntity d = h.deadline(CASE, "art13.network-query", "main");
        assertEquals(DeadlineStatus.MET_LATE, d.getStatus());
        assertEquals(LocalDate.parse("2024-10-10"), d.getDueDate());
        // the overdue alert raised before the close stays
        assertEquals(List.of("OVERDUE"), h.alerts(CASE).stream()
                .filter(a -> a.getRuleId().equals("art13.network-query")).map(AlertEntity::getLevel).toList());
    }

    @Test
    void evaluatingTheSameEntryTwiceChangesNothing() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        LedgerEntry t = h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.event(CASE, PROPERTY_QUERY_STARTED, "2024-09-30T10:00:00+08:00", "propertyTypes", List.of("DEPOSIT"));
        int again = h.monitor.evaluateNow(List.of(t));
        assertEquals(0, again);
        DeadlineEntity d = h.deadline(CASE, "art13.network-query", "main");
        assertEquals(DeadlineStatus.MET, d.getStatus(), "the repeated trigger does not reopen the met deadline");
        assertEquals(1, h.store.deadlines(d.getCaseNumber()).stream()
                .filter(x -> x.getRuleId().equals("art13.network-query")).count());
    }

    @Test
    void aLedgerDeliveredAgainAfterARestartIsNotEvaluatedTwice() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        for (int i = 1; i <= 120; i++) {
            h.event("（2024）京0105执" + (2000 + i) + "号", TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        }
        h.event("（2024）京0105执2001号", PROPERTY_QUERY_STARTED, "2024-09-30T10:00:00+08:00", "propertyTypes",
                List.of("DEPOSIT"));
        // a new run of the follower delivers the whole ledger again, in pages
        assertEquals(0, h.catchUp(h.monitor));
        assertEquals(0, h.catchUp(h.startMonitor()));
        DeadlineEntity met = h.deadline("（2024）京0105执2001号", "art13.network-query", "main");
        assertEquals(DeadlineStatus.MET, met.getStatus());
        assertEquals(DeadlineStatus.OPEN, h.deadline("（2024）京0105执2120号", "art13.network-query", "main").getStatus());
        assertEquals(1, h.store.deadlines(met.getCaseNumber()).stream()
                .filter(x -> x.getRuleId().equals("art13.network-query")).count());
    }

    @Test
    void anEntryDeliveredAfterAGapBringsTheMissedEntriesFromTheLedger() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        h.ledger.record(CASE, CASE_FILED, "2024-09-20T10:00:00+08:00");
        h.ledger.record(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        LedgerEntry third = h.ledger.record(CASE, PETITION_RECEIVED, "2024-09-27T11:00:00+08:00", "petitionId", "P1");
        assertEquals(3, h.monitor.evaluateNow(List.of(third)));
        assertNotNull(h.deadline(CASE, "b7.time-limit", "main"));
        assertNotNull(h.deadline(CASE, "art13.network-query", "main"));
        assertNotNull(h.deadline(CASE, "art30.petition", "close:P1"));
    }

    @Test
    void aRestartedMonitorCatchesUpOnEntriesWhoseDeliveryWasLost() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        // recorded while no monitor listened: EventAdmin delivered nothing
        h.ledger.record(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        h.ledger.record("（2024）京0105执1002号", PETITION_RECEIVED, "2024-09-27T11:00:00+08:00", "petitionId", "P9");
        // the restarted monitor is ready as soon as its rules are registered, and the follower delivers the ledger
        NodeMonitor restarted = h.startMonitor();
        h.monitor = restarted;
        assertTrue(restarted.ready());
        assertEquals(LocalDate.parse("2024-10-10"), h.deadline(CASE, "art13.network-query", "main").getDueDate());
        assertNotNull(h.deadline("（2024）京0105执1002号", "art30.petition", "record:P9"));
        // delivered again (at least once: a reread of the commit-lag window, a lease change), nothing is evaluated twice
        assertEquals(0, h.catchUp(restarted));
    }

    @Test
    void theTimeLimitStopsForACompletedAppraisal() throws Exception {
        h = new Harness("2024-12-01T12:00:00+08:00");
        h.event(CASE, CASE_FILED, "2024-09-20T10:00:00+08:00");
        // 6 months: 2025-03-20 (Thursday)
        assertEquals(LocalDate.parse("2025-03-20"), h.deadline(CASE, "b7.time-limit", "main").getDueDate());
        h.event(CASE, DEDUCTED_PERIOD_STARTED, "2024-11-04T09:00:00+08:00", "periodId", "A1", "kind", "APPRAISAL");
        DeadlineEntity paused = h.deadline(CASE, "b7.time-limit", "main");
        assertEquals(DeadlineStatus.PAUSED, paused.getStatus());
        assertNull(paused.getNextAlertAt(), "no alert while the clock stands still");
        h.event(CASE, DEDUCTED_PERIOD_ENDED, "2024-11-08T17:00:00+08:00", "periodId", "A1");
        DeadlineEntity d = h.deadline(CASE, "b7.time-limit", "main");
        // 181 days (2024-09-20 → 2025-03-20) + 5 deducted days (11-04..11-08) → 2025-03-25 (Tuesday)
        assertEquals(DeadlineStatus.OPEN, d.getStatus());
        assertEquals(LocalDate.parse("2025-03-25"), d.getDueDate());
        assertEquals(5, d.getDeductedDays());
        // the Art. 28 risk flag counts from the application and does not stop
        assertEquals(LocalDate.parse("2025-03-20"), h.deadline(CASE, "art28.unexecuted-six-months", "main").getDueDate());
    }

    @Test
    void aSuspensionStopsTheClockUntilTheDayBeforeResumption() throws Exception {
        h = new Harness("2024-12-01T12:00:00+08:00");
        h.event(CASE, CASE_FILED, "2024-09-20T10:00:00+08:00");
        h.event(CASE, SUSPENDED, "2024-11-01T09:00:00+08:00", "reason", "破产审查");
        assertEquals(DeadlineStatus.PAUSED, h.deadline(CASE, "b7.time-limit", "main").getStatus());
        h.event(CASE, RESUMED, "2024-11-11T09:00:00+08:00");
        // 11-01..11-10 deducted: 10 days → 2025-03-30 is a Sunday → rolled to Monday 2025-03-31
        DeadlineEntity d = h.deadline(CASE, "b7.time-limit", "main");
        assertEquals(10, d.getDeductedDays());
        assertEquals(LocalDate.parse("2025-03-31"), d.getDueDate());
    }

    @Test
    void aCorrectedTransferMovesTheQueryDeadline() throws Exception {
        h = new Harness("2024-09-30T12:00:00+08:00");
        LedgerEntry wrong = h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-20T10:00:00+08:00");
        assertEquals(LocalDate.parse("2024-09-27"), h.deadline(CASE, "art13.network-query", "main").getDueDate());
        LedgerEntry fix = h.ledger.record(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00",
                new Correction(wrong.event().hostEventId(), "庭长", "收案日期录入错误"));
        h.monitor.evaluateNow(List.of(fix));
        DeadlineEntity d = h.deadline(CASE, "art13.network-query", "main");
        assertEquals(LocalDate.parse("2024-10-10"), d.getDueDate());
        assertEquals(fix.seq(), d.getTriggerSeq());
    }

    @Test
    void aQueryLeavingOutQueryableTypesIsAFindingNamingThem() throws Exception {
        h = new Harness("2024-09-30T12:00:00+08:00");
        LedgerEntry q = h.event(CASE, PROPERTY_QUERY_STARTED, "2024-09-30T10:00:00+08:00", "propertyTypes",
                List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES", "SHIP"));
        h.monitor.evaluateNow(List.of(q));
        List<FindingEntity> findings = h.store.findings(q.event().caseNumber().canonical());
        assertEquals(1, findings.size());
        FindingEntity f = findings.get(0);
        assertEquals("art13.query-coverage", f.getRuleId());
        assertEquals("VIOLATION", f.getSeverity());
        assertTrue(f.getMessage().contains("ONLINE_FUNDS") && f.getMessage().contains("WEALTH_PRODUCTS"), f.getMessage());
        assertTrue(f.getDetails().contains("\"missingTypes\":[\"ONLINE_FUNDS\",\"WEALTH_PRODUCTS\"]"), f.getDetails());
        // published as the API's Finding, on the kind's topic (the rule's id as a kind), not the severity's
        org.osgi.service.event.Event e = h.published.stream()
                .filter(x -> x.getTopic().equals("jiandu/finding/ART13_QUERY_COVERAGE")).findFirst().orElseThrow();
        org.jiandu.api.finding.Finding published = org.jiandu.api.finding.FindingTopics.from(e);
        assertEquals("org.jiandu.monitor", published.source());
        assertEquals(f.getId(), published.id());
        assertEquals(org.jiandu.api.finding.FindingSeverity.VIOLATION, published.severity());
        assertEquals("art13.query-coverage", published.ruleId());
        assertEquals("京0105", published.court());
        assertEquals(q.seq(), published.trigger().seq());
        assertEquals(List.of("ONLINE_FUNDS", "WEALTH_PRODUCTS"), published.details().get("missingTypes"));
        assertTrue(published.article() != null && published.article().contains("13"), published.article());
    }

    @Test
    void anUrgentClearLeadIsDueWithin24Hours() throws Exception {
        h = new Harness("2024-09-30T17:00:00+08:00");
        h.event(CASE, PROPERTY_LEAD_RECEIVED, "2024-09-30T16:00:00+08:00", "leadId", "L1", "urgent", true,
                "clearAndSpecific", true);
        DeadlineEntity d = h.deadline(CASE, "art13.property-lead", "lead:L1");
        // hours run through the holiday: 2024-10-01 16:00
        assertEquals(at("2024-10-01T16:00:00+08:00"), d.getExpiresAt());
        assertEquals(at("2024-10-01T12:00:00+08:00"), d.getRemindAt());
    }

    @Test
    void aRuleThatThrowsIsRecordedAndTheOthersStillRun() throws Exception {
        h = new Harness("2024-09-27T12:00:00+08:00");
        DeadlineRule broken = new DeadlineRule() {
            @Override
            public String id() {
                return "acme.broken";
            }

            @Override
            public String article() {
                return "—";
            }

            @Override
            public String title() {
                return "坏规则";
            }

            @Override
            public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
                throw new IllegalStateException("boom");
            }
        };
        h.rules.addRule(broken, Map.of("service.id", 999L));
        h.event(CASE, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00");
        assertNotNull(h.deadline(CASE, "art13.network-query", "main"));
        FindingEntity f = h.store.findings("（2024）京0105执1001号").get(0);
        assertEquals("acme.broken", f.getRuleId());
        assertEquals("RULE_ERROR", f.getSeverity());
    }

    @Test
    void terminationOpensTenHalfYearlyQueriesAndAQueryClosesItsWindow() throws Exception {
        h = new Harness("2025-01-10T12:00:00+08:00");
        h.event(CASE, TERMINATION_RULED, "2024-12-20T10:00:00+08:00");
        // q1 due 2025-06-20 (Friday); q4 due 2026-12-20 is a Sunday → 2026-12-21
        assertEquals(LocalDate.parse("2025-06-20"), h.deadline(CASE, "b1.post-termination-query", "q1").getDueDate());
        assertEquals(LocalDate.parse("2026-12-21"), h.deadline(CASE, "b1.post-termination-query", "q4").getDueDate());
        // 2027 and later: the bundled calendar stops at 2026
        assertEquals(DeadlineStatus.NO_CALENDAR, h.deadline(CASE, "b1.post-termination-query", "q5").getStatus());
        h.event(CASE, PROPERTY_QUERY_STARTED, "2025-08-01T10:00:00+08:00", "propertyTypes", List.of("DEPOSIT"));
        // in the second window: q2 met, q1 (due 2025-06-20) met late
        assertEquals(DeadlineStatus.MET_LATE, h.deadline(CASE, "b1.post-termination-query", "q1").getStatus());
        assertEquals(DeadlineStatus.MET, h.deadline(CASE, "b1.post-termination-query", "q2").getStatus());
        assertEquals(DeadlineStatus.OPEN, h.deadline(CASE, "b1.post-termination-query", "q3").getStatus());
    }
}
