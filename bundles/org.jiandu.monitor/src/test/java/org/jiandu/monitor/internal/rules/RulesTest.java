package org.jiandu.monitor.internal.rules;

import static org.jiandu.api.event.CoreEventTypes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineAction.Close;
import org.jiandu.api.deadline.DeadlineAction.Finding;
import org.jiandu.api.deadline.DeadlineAction.Open;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;

/** The built-in rules as pure functions of (entry, history): what each entry opens, closes or finds. */
class RulesTest {
    private final List<LedgerEntry> history = new ArrayList<>();

    static <A> A config(Class<A> type, Object... values) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i += 2) {
            v.put((String) values[i], values[i + 1]);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> v.containsKey(m.getName()) ? v.get(m.getName()) : m.getDefaultValue()));
    }

    private List<DeadlineAction> on(DeadlineRule rule, String type, String at, Object... payload) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < payload.length; i += 2) {
            p.put((String) payload[i], payload[i + 1]);
        }
        CaseEvent e = new CaseEvent("H" + (history.size() + 1), CaseNumber.parse("（2024）京0105执1号"), type,
                OffsetDateTime.parse(at), null, new Actor("p", null, "京0105"), Payload.of(p), null);
        LedgerEntry entry = new LedgerEntry(history.size() + 1, e, LedgerEntry.GENESIS, LedgerEntry.GENESIS);
        history.add(entry);
        return rule.onEntry(entry, List.copyOf(history));
    }

    private static Open open(List<DeadlineAction> actions, String key) {
        return actions.stream().filter(a -> a instanceof Open && a.key().equals(key)).map(a -> (Open) a).findFirst()
                .orElseThrow(() -> new AssertionError("no Open " + key + " in " + actions));
    }

    private static List<String> closes(List<DeadlineAction> actions) {
        return actions.stream().filter(a -> a instanceof Close).map(DeadlineAction::key).toList();
    }

    @Test
    void networkQueryIsFiveWorkingDaysFromTransferAndClosedByTheQuery() {
        NetworkQueryRule rule = NetworkQueryRule.of(config(NetworkQueryRule.Config.class));
        Open o = open(on(rule, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main");
        assertEquals(LocalDate.parse("2024-09-27"), o.request().triggerDate());
        assertEquals(5, o.request().amount());
        assertEquals(PeriodUnit.WD, o.request().unit());
        assertEquals(List.of("main"), closes(on(rule, PROPERTY_QUERY_STARTED, "2024-10-08T10:00:00+08:00",
                "propertyTypes", List.of("DEPOSIT"))));
    }

    @Test
    void aCourtSetsItsOwnPeriodInConfiguration() {
        NetworkQueryRule rule = NetworkQueryRule.of(config(NetworkQueryRule.Config.class, "period_amount", 3));
        assertEquals(3, open(on(rule, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main").request()
                .amount());
    }

    @Test
    void anUnknownUnitIsRefusedWithPidAndKeyAndTheLawsFiveWorkingDaysAreUsed() {
        NetworkQueryRule rule = new NetworkQueryRule(java.util.Map.of("period.unit", "WX", "period.amount", "3"));
        Open o = open(on(rule, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main");
        assertEquals(3, o.request().amount());
        assertEquals(PeriodUnit.WD, o.request().unit());
        org.jiandu.api.health.ComponentHealth h = rule.health().get(0);
        assertEquals(org.jiandu.api.health.HealthState.DEGRADED, h.state());
        assertEquals("jiandu.monitor.rule.art13.network-query", h.component());
        String reason = h.reasons().get(0);
        assertTrue(reason.contains("org.jiandu.monitor.rule.art13.network_query") && reason.contains("period.unit")
                && reason.contains("WX"), reason);
    }

    @Test
    void aStatutoryPeriodMayBeShortenedButLengthenedOnlyWithAllowLonger() {
        // shorter: 3 working days, or 5 calendar days, instead of the law's 5 working days
        assertEquals(3, open(on(new NetworkQueryRule(java.util.Map.of("period.amount", "3")),
                TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main").request().amount());
        Open days = open(on(new NetworkQueryRule(java.util.Map.of("period.unit", "D")), TRANSFERRED_TO_ENFORCEMENT,
                "2024-09-27T10:00:00+08:00"), "main");
        assertEquals(PeriodUnit.D, days.request().unit());
        // longer: 8 working days, or 5 months, are refused and the law's 5 working days used
        for (java.util.Map<String, Object> longer : java.util.List.<java.util.Map<String, Object>>of(
                java.util.Map.of("period.amount", "8"), java.util.Map.of("period.unit", "M"))) {
            NetworkQueryRule rule = new NetworkQueryRule(longer);
            Open o = open(on(rule, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main");
            assertEquals(5, o.request().amount(), longer.toString());
            assertEquals(PeriodUnit.WD, o.request().unit(), longer.toString());
            org.jiandu.api.health.ComponentHealth h = rule.health().get(0);
            assertEquals(org.jiandu.api.health.HealthState.DEGRADED, h.state());
            assertTrue(h.reasons().get(0).contains("period.amount") && h.reasons().get(0).contains("allowLonger"),
                    h.reasons().toString());
        }
        // with allowLonger = true in the same configuration, the court's longer period holds
        NetworkQueryRule allowed = new NetworkQueryRule(java.util.Map.of("period.amount", "8", "allowLonger",
                "true"));
        assertEquals(8, open(on(allowed, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main").request()
                .amount());
        assertEquals(org.jiandu.api.health.HealthState.UP, allowed.health().get(0).state());
        // a period of fixed unit alike (Art. 13: an urgent lead within 24 hours)
        PropertyLeadRule lead = new PropertyLeadRule(java.util.Map.of("urgent.hours", "48"));
        assertEquals(org.jiandu.api.health.HealthState.DEGRADED, lead.health().get(0).state());
        // the simple-case period is the court's own (Art. 7 sets none): any length holds
        SimpleCaseConversionRule simple = new SimpleCaseConversionRule(java.util.Map.of("period.amount", "6"));
        assertEquals(org.jiandu.api.health.HealthState.UP, simple.health().get(0).state());
    }

    @Test
    void aNumberThatIsNotOneIsRefusedAndTheDefaultUsed() {
        NetworkQueryRule rule = new NetworkQueryRule(java.util.Map.of("period.amount", "fünf"));
        assertEquals(5, open(on(rule, TRANSFERRED_TO_ENFORCEMENT, "2024-09-27T10:00:00+08:00"), "main").request()
                .amount());
        assertEquals(org.jiandu.api.health.HealthState.DEGRADED, rule.health().get(0).state());
    }

    @Test
    void everyBuiltInRulePidIsItsIdWithoutTheFactorySeparator() {
        for (org.jiandu.api.deadline.DeadlineRule r : org.jiandu.monitor.internal.Harness.builtInRules()) {
            RuleSupport rule = (RuleSupport) r;
            String pid = rule.configReport().pid();
            assertEquals(RuleSupport.pidOf(rule.id()), pid);
            assertFalse(pid.contains("-") || pid.contains("~"), pid);
            assertEquals(org.jiandu.api.health.HealthState.UP, rule.health().get(0).state(), rule.id());
        }
    }

    @Test
    void leadsAre24HoursWhenUrgentAndClearThreeDaysWhenUrgentSevenOtherwise() {
        PropertyLeadRule rule = PropertyLeadRule.of(config(PropertyLeadRule.Config.class));
        Open urgent = open(on(rule, PROPERTY_LEAD_RECEIVED, "2024-09-30T16:00:00+08:00", "leadId", "L1", "urgent",
                true, "clearAndSpecific", true), "lead:L1");
        assertEquals(PeriodUnit.H, urgent.request().unit());
        assertEquals(24, urgent.request().amount());
        assertEquals(OffsetDateTime.parse("2024-09-30T16:00:00+08:00").toInstant(), urgent.request().triggerInstant());
        Open vague = open(on(rule, PROPERTY_LEAD_RECEIVED, "2024-09-30T16:00:00+08:00", "leadId", "L2", "urgent",
                true), "lead:L2");
        assertEquals(3, vague.request().amount());
        assertEquals(PeriodUnit.D, vague.request().unit());
        assertEquals(7, open(on(rule, PROPERTY_LEAD_RECEIVED, "2024-09-30T16:00:00+08:00", "leadId", "L3"), "lead:L3")
                .request().amount());
        assertEquals(List.of("lead:L2"), closes(on(rule, PROPERTY_LEAD_VERIFIED, "2024-10-01T10:00:00+08:00",
                "leadId", "L2")));
    }

    @Test
    void feedbackShowingPropertyOpensOfflineControlClosedByTheNextControl() {
        OfflineControlRule rule = OfflineControlRule.of(config(OfflineControlRule.Config.class));
        assertEquals(List.of(), on(rule, PROPERTY_QUERY_FEEDBACK, "2024-10-08T10:00:00+08:00", "propertyFound", false));
        Open o = open(on(rule, PROPERTY_QUERY_FEEDBACK, "2024-10-09T10:00:00+08:00", "propertyFound", true),
                "feedback:H2");
        assertEquals(3, o.request().amount());
        assertTrue(closes(on(rule, PROPERTY_CONTROLLED, "2024-10-10T10:00:00+08:00", "assetId", "A1"))
                .contains("feedback:H2"));
    }

    @Test
    void seizedRealEstateNeedsItsReferencePriceWithin30DaysButFrozenDepositsDoNot() {
        ReferencePriceRule rule = ReferencePriceRule.of(config(ReferencePriceRule.Config.class));
        Open o = open(on(rule, PROPERTY_CONTROLLED, "2024-10-09T10:00:00+08:00", "assetId", "F1", "assetKind",
                "REAL_ESTATE"), "asset:F1");
        assertEquals(30, o.request().amount());
        assertTrue(o.stopsForCasePeriods());
        assertEquals(List.of(), on(rule, PROPERTY_CONTROLLED, "2024-10-09T10:00:00+08:00", "assetId", "D1",
                "assetKind", "DEPOSIT"));
        assertEquals(List.of(), on(rule, PROPERTY_CONTROLLED, "2024-10-09T10:00:00+08:00", "assetId", "F2",
                "assetKind", "REAL_ESTATE", "queued", true));
        assertEquals(List.of("asset:F1"), closes(on(rule, REFERENCE_PRICE_STARTED, "2024-10-20T10:00:00+08:00",
                "assetId", "F1")));
    }

    @Test
    void disposalStartsWithin10DaysOfTheReferencePriceAndSelfDisposalLastsAtMost90() {
        DisposalStartRule start = DisposalStartRule.of(config(DisposalStartRule.Config.class));
        assertEquals(10, open(on(start, REFERENCE_PRICE_DETERMINED, "2024-11-01T10:00:00+08:00", "assetId", "F1"),
                "asset:F1").request().amount());
        SelfDisposalRule self = SelfDisposalRule.of(config(SelfDisposalRule.Config.class));
        assertEquals(90, open(on(self, DISPOSAL_STARTED, "2024-11-05T10:00:00+08:00", "assetId", "F1", "method",
                "SELF_DISPOSAL"), "asset:F1").request().amount());
        assertEquals(List.of("asset:F1"), closes(on(self, DISPOSAL_COMPLETED, "2024-12-05T10:00:00+08:00",
                "assetId", "F1")));
    }

    @Test
    void moneyWhollyInDisputeOpensNoPaymentNoticeDeadline() {
        PaymentNoticeRule rule = PaymentNoticeRule.of(config(PaymentNoticeRule.Config.class));
        assertEquals(List.of(), on(rule, MONEY_RECEIVED, "2024-10-09T10:00:00+08:00", "amount",
                new java.math.BigDecimal("100.00"), "disputedAmount", new java.math.BigDecimal("100.00")));
        assertEquals(10, open(on(rule, MONEY_RECEIVED, "2024-10-09T10:00:00+08:00", "amount",
                new java.math.BigDecimal("100.00"), "disputedAmount", new java.math.BigDecimal("40.00")),
                "receipt:H2").request().amount());
        DisbursementRule pay = DisbursementRule.of(config(DisbursementRule.Config.class));
        assertEquals(5, open(on(pay, PAYMENT_NOTICE_SENT, "2024-10-10T10:00:00+08:00"), "notice:H3").request()
                .amount());
        assertEquals(List.of("notice:H3"), closes(on(pay, MONEY_DISBURSED, "2024-10-11T10:00:00+08:00", "amount",
                new java.math.BigDecimal("60.00"))));
    }

    @Test
    void aCourtDisputeIsResolvedInAMonthThenImplementedIn15WorkingDays() {
        CourtDisputeRule rule = CourtDisputeRule.of(config(CourtDisputeRule.Config.class));
        Open resolve = open(on(rule, DISPUTE_REPORTED, "2024-10-09T10:00:00+08:00", "disputeId", "D1",
                "counterparty", "COURT"), "resolve:D1");
        assertEquals(PeriodUnit.M, resolve.request().unit());
        List<DeadlineAction> resolved = on(rule, DISPUTE_RESOLVED, "2024-11-01T10:00:00+08:00", "disputeId", "D1");
        assertEquals(List.of("resolve:D1"), closes(resolved));
        assertEquals(15, open(resolved, "implement:D1").request().amount());
        assertEquals(List.of(), on(rule, DISPUTE_REPORTED, "2024-10-09T10:00:00+08:00", "disputeId", "D2",
                "counterparty", "AUTHORITY"));
    }

    @Test
    void anAuthorityDisputeIsReportedIn5AndCoordinationStartsIn10WorkingDays() {
        AuthorityDisputeRule rule = AuthorityDisputeRule.of(config(AuthorityDisputeRule.Config.class));
        assertEquals(5, open(on(rule, DISPUTE_NEGOTIATION_FAILED, "2024-10-09T10:00:00+08:00", "disputeId", "D2",
                "counterparty", "AUTHORITY"), "report:D2").request().amount());
        List<DeadlineAction> reported = on(rule, DISPUTE_REPORTED, "2024-10-11T10:00:00+08:00", "disputeId", "D2",
                "counterparty", "AUTHORITY");
        assertEquals(List.of("report:D2"), closes(reported));
        assertEquals(10, open(reported, "coordinate:D2").request().amount());
        assertEquals(List.of("coordinate:D2"), closes(on(rule, DISPUTE_COORDINATION_STARTED,
                "2024-10-20T10:00:00+08:00", "disputeId", "D2")));
    }

    @Test
    void aPetitionIsRecordedIn5AndConcludedIn30WorkingDays() {
        PetitionRule rule = PetitionRule.of(config(PetitionRule.Config.class));
        List<DeadlineAction> received = on(rule, PETITION_RECEIVED, "2024-10-09T10:00:00+08:00", "petitionId", "P1");
        assertEquals(5, open(received, "record:P1").request().amount());
        assertEquals(30, open(received, "close:P1").request().amount());
        assertEquals(List.of("record:P1", "close:P1"), closes(on(rule, PETITION_CLOSED, "2024-10-20T10:00:00+08:00",
                "petitionId", "P1")));
    }

    @Test
    void aSimpleCaseMustConcludeOrConvertWithinTheLocalPeriod() {
        SimpleCaseConversionRule rule = SimpleCaseConversionRule.of(config(SimpleCaseConversionRule.Config.class));
        Open o = open(on(rule, CASE_CLASSIFIED, "2024-10-09T10:00:00+08:00", "track", "SIMPLE"), "main");
        assertEquals(3, o.request().amount());
        assertEquals(PeriodUnit.M, o.request().unit());
        assertEquals(List.of("main"), closes(on(rule, CASE_CLASSIFIED, "2024-11-09T10:00:00+08:00", "track",
                "ORDINARY")));
    }

    @Test
    void theTimeLimitStopsForDeductedPeriodsButTheArt28FlagDoesNot() {
        assertTrue(open(on(EnforcementTimeLimitRule.of(config(EnforcementTimeLimitRule.Config.class)), CASE_FILED,
                "2024-09-20T10:00:00+08:00"), "main").stopsForCasePeriods());
        history.clear();
        Open flag = open(on(UnexecutedSixMonthsRule.of(config(UnexecutedSixMonthsRule.Config.class)), CASE_FILED,
                "2024-09-20T10:00:00+08:00"), "main");
        assertEquals(false, flag.stopsForCasePeriods());
        assertEquals(6, flag.request().amount());
    }

    @Test
    void postTerminationQueriesAreDueEverySixMonthsForFiveYears() {
        PostTerminationQueryRule rule = PostTerminationQueryRule.of(config(PostTerminationQueryRule.Config.class));
        List<DeadlineAction> opened = on(rule, TERMINATION_RULED, "2024-12-20T10:00:00+08:00");
        assertEquals(10, opened.size());
        assertEquals(60, open(opened, "q10").request().amount());
        assertEquals(List.of(), on(rule, CASE_CLOSED, "2024-12-21T10:00:00+08:00", "method", "TERMINATED_ROUND"),
                "closing as 终本 after the ruling opens nothing again");
        assertEquals(List.of("q1"), closes(on(rule, PROPERTY_QUERY_STARTED, "2025-06-19T10:00:00+08:00",
                "propertyTypes", List.of("DEPOSIT"))));
        assertEquals(List.of("q1", "q2", "q3"), closes(on(rule, PROPERTY_QUERY_STARTED, "2026-03-01T10:00:00+08:00",
                "propertyTypes", List.of("DEPOSIT"))));
    }

    @Test
    void coverageNamesTheQueryableTypesAQueryLeftOut() {
        QueryCoverageRule rule = QueryCoverageRule.of(config(QueryCoverageRule.Config.class, "queryableTypes",
                new String[] {"DEPOSIT", "REAL_ESTATE", "VEHICLE"}));
        List<DeadlineAction> found = on(rule, PROPERTY_QUERY_STARTED, "2024-10-08T10:00:00+08:00", "propertyTypes",
                List.of("DEPOSIT"));
        Finding f = (Finding) found.get(0);
        assertEquals(List.of("REAL_ESTATE", "VEHICLE"), f.details().get("missingTypes"));
        assertTrue(f.message().contains("REAL_ESTATE、VEHICLE"), f.message());
        assertEquals(List.of(), on(rule, PROPERTY_QUERY_STARTED, "2024-10-08T10:00:00+08:00", "propertyTypes",
                List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SHIP")));
        // an unknown type refuses the list: the default (every type the national 总对总 system covers) is used
        QueryCoverageRule gold = QueryCoverageRule.of(config(QueryCoverageRule.Config.class,
                "queryableTypes", new String[] {"GOLD"}));
        assertEquals(org.jiandu.api.health.HealthState.DEGRADED, gold.health().get(0).state());
        Finding missing = (Finding) on(gold, PROPERTY_QUERY_STARTED, "2024-10-08T10:00:00+08:00", "propertyTypes",
                List.of("DEPOSIT")).get(0);
        assertEquals(List.of("REAL_ESTATE", "VEHICLE", "SECURITIES", "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS"),
                missing.details().get("missingTypes"));
    }
}
