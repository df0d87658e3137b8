package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.CASE_FILED;
import static org.jiandu.api.event.CoreEventTypes.CONSUMPTION_RESTRICTED;
import static org.jiandu.api.event.CoreEventTypes.CONTROL_RELEASED;
import static org.jiandu.api.event.CoreEventTypes.DISPOSAL_COMPLETED;
import static org.jiandu.api.event.CoreEventTypes.ENFORCEMENT_NOTICE_SERVED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_CONTROLLED;
import static org.jiandu.api.event.CoreEventTypes.PROPERTY_QUERY_STARTED;
import static org.jiandu.api.event.CoreEventTypes.TRANSFERRED_TO_ENFORCEMENT;
import static org.jiandu.monitor.internal.guard.Cases.codes;
import static org.jiandu.monitor.internal.guard.Cases.op;
import static org.jiandu.monitor.internal.guard.TerminationGuard.TERMINATE_ROUND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.junit.jupiter.api.Test;

/** 终本: 终本规定 Art. 1, Art. 24 of 法〔2021〕322号, 民诉法解释 Art. 517 — each condition, both sides. */
class TerminationGuardTest {
    private static final List<String> ALL_NATIONAL = List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE", "SECURITIES",
            "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS");
    private static final String LATER = "2026-07-01";

    /** Filed 2026-03-02; notice and report order, queries of every type, consumption restricted. */
    private static Cases.Timeline completeCase() {
        return Cases.timeline()
                .add(CASE_FILED, "2026-03-02", "applicantPayeeAccount", "6222 0200 0000 0001")
                .add(TRANSFERRED_TO_ENFORCEMENT, "2026-03-03")
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-05", "propertyReportOrder", true)
                .add(PROPERTY_QUERY_STARTED, "2026-03-06", "propertyTypes", ALL_NATIONAL)
                .add(CONSUMPTION_RESTRICTED, "2026-03-20");
    }

    private static Operation consented(Object... more) {
        Object[] kv = new Object[more.length + 2];
        kv[0] = "applicantConsent";
        kv[1] = "终本确认书（2026）第3号";
        System.arraycopy(more, 0, kv, 2, more.length);
        return op(TERMINATE_ROUND, kv);
    }

    private static Verdict check(Cases.Timeline t, String today, Operation op) {
        return new TerminationGuard(t.ledger(), Cases.clockOn(today), Cases.defaults()).check(op);
    }

    private static Verdict check(Cases.Timeline t, String today, GuardSettings settings, Operation op) {
        return new TerminationGuard(t.ledger(), Cases.clockOn(today), settings).check(op);
    }

    @Test
    void caseMeetingEveryConditionIsAllowed() {
        Verdict v = check(completeCase(), LATER, consented());
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
        assertEquals(TerminationGuard.ID, v.guard());
        assertEquals("2026-06-03", v.details().get("earliestTerminationDay"));
    }

    @Test
    void otherOperationTypesAreAllowedWithoutReadingTheLedger() {
        TerminationGuard g = new TerminationGuard(Cases.ledgerOf(null), Cases.clockOn(LATER), Cases.defaults());
        assertEquals(Decision.ALLOW, g.check(op("FREEZE", "amount", "100.00")).decision());
    }

    @Test
    void emptyCaseIsDeniedWithEveryUnmetConditionListed() {
        Verdict v = check(Cases.timeline(), LATER, op(TERMINATE_ROUND));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("NOTICE_NOT_SERVED", "CONSUMPTION_NOT_RESTRICTED", "NO_NETWORK_QUERY",
                "FILING_NOT_RECORDED", "NO_CONSENT_OR_PANEL"), codes(v));
        assertTrue(v.reason().startsWith("不得终结本次执行程序：（1）"), v.reason());
        assertTrue(v.reason().contains("（5）"), v.reason());
        assertTrue(v.article().contains("法〔2016〕373号 第1条第（一）项"), v.article());
        assertTrue(v.article().contains("民诉法解释 第517条"), v.article());
    }

    @Test
    void noticeWithoutPropertyReportOrderIsDenied() {
        Cases.Timeline t = Cases.timeline()
                .add(CASE_FILED, "2026-03-02")
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-05", "propertyReportOrder", false)
                .add(PROPERTY_QUERY_STARTED, "2026-03-06", "propertyTypes", ALL_NATIONAL)
                .add(CONSUMPTION_RESTRICTED, "2026-03-20");
        Verdict v = check(t, LATER, consented());
        assertEquals(List.of("PROPERTY_REPORT_ORDER_NOT_SERVED"), codes(v));
        assertTrue(v.reason().contains("报告财产令"), v.reason());
        assertEquals(TerminationGuard.ART_NOTICE, v.article());
    }

    @Test
    void aReportOrderServedInALaterNoticeCounts() {
        Cases.Timeline t = completeCase()
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-07", "propertyReportOrder", false);
        assertEquals(Decision.ALLOW, check(t, LATER, consented()).decision());
    }

    @Test
    void aCorrectedNoticeNoLongerCounts() {
        // H-3 is the notice with the report order; the correction says the order was not served
        Cases.Timeline t = completeCase().correct("H-3", ENFORCEMENT_NOTICE_SERVED, "2026-03-05",
                "propertyReportOrder", false);
        assertEquals(List.of("PROPERTY_REPORT_ORDER_NOT_SERVED"), codes(check(t, LATER, consented())));
    }

    @Test
    void withoutConsumptionRestrictionItIsDenied() {
        Cases.Timeline t = Cases.timeline()
                .add(CASE_FILED, "2026-03-02")
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-05", "propertyReportOrder", true)
                .add(PROPERTY_QUERY_STARTED, "2026-03-06", "propertyTypes", ALL_NATIONAL);
        Verdict v = check(t, LATER, consented());
        assertEquals(List.of("CONSUMPTION_NOT_RESTRICTED"), codes(v));
        assertEquals(TerminationGuard.ART_RESTRICTION, v.article());
    }

    @Test
    void queriesMissingATypeAreDeniedNamingTheMissingTypes() {
        Cases.Timeline t = Cases.timeline()
                .add(CASE_FILED, "2026-03-02")
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-05", "propertyReportOrder", true)
                .add(PROPERTY_QUERY_STARTED, "2026-03-06", "propertyTypes", List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE"))
                .add(CONSUMPTION_RESTRICTED, "2026-03-20");
        Verdict v = check(t, LATER, consented());
        assertEquals(List.of("QUERY_TYPES_MISSING"), codes(v));
        assertEquals(List.of("SECURITIES", "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS"),
                v.details().get("missingPropertyTypes"));
        assertTrue(v.reason().contains("证券（SECURITIES）、船舶（SHIP）"), v.reason());
    }

    @Test
    void severalQueriesTogetherCoverEveryType() {
        Cases.Timeline t = Cases.timeline()
                .add(CASE_FILED, "2026-03-02")
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-05", "propertyReportOrder", true)
                .add(PROPERTY_QUERY_STARTED, "2026-03-06", "propertyTypes", List.of("DEPOSIT", "REAL_ESTATE", "VEHICLE"))
                .add(PROPERTY_QUERY_STARTED, "2026-04-06", "propertyTypes",
                        List.of("SECURITIES", "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS"))
                .add(CONSUMPTION_RESTRICTED, "2026-03-20");
        assertEquals(Decision.ALLOW, check(t, LATER, consented()).decision());
    }

    @Test
    void aCourtThatOpenedMoreQueryTypesRequiresThemToo() {
        GuardSettings withEquity = Cases.settings("termination_queryablePropertyTypes",
                new String[] {"DEPOSIT,REAL_ESTATE,VEHICLE,SECURITIES,SHIP,ONLINE_FUNDS,WEALTH_PRODUCTS,EQUITY"});
        Verdict v = check(completeCase(), LATER, withEquity, consented());
        assertEquals(List.of("QUERY_TYPES_MISSING"), codes(v));
        assertEquals(List.of("EQUITY"), v.details().get("missingPropertyTypes"));
    }

    @Test
    void exactlyThreeMonthsAfterFilingIsStillTooSoon() {
        Verdict v = check(completeCase(), "2026-06-02", consented());
        assertEquals(List.of("TOO_SOON_AFTER_FILING"), codes(v));
        assertTrue(v.reason().contains("最早可于2026-06-03"), v.reason());
        assertEquals(TerminationGuard.ART_MONTHS, v.article());
    }

    @Test
    void theDayAfterThreeMonthsIsAllowed() {
        assertEquals(Decision.ALLOW, check(completeCase(), "2026-06-03", consented()).decision());
    }

    @Test
    void monthsFromAMonthEndEndOnTheShorterMonthsLastDay() {
        // filed 2025-11-30: three months end 2026-02-28 (February has no 30th); more than that from 2026-03-01
        Cases.Timeline t = Cases.timeline()
                .add(CASE_FILED, "2025-11-30")
                .add(ENFORCEMENT_NOTICE_SERVED, "2025-12-05", "propertyReportOrder", true)
                .add(PROPERTY_QUERY_STARTED, "2025-12-06", "propertyTypes", ALL_NATIONAL)
                .add(CONSUMPTION_RESTRICTED, "2025-12-20");
        assertEquals(List.of("TOO_SOON_AFTER_FILING"), codes(check(t, "2026-02-28", consented())));
        assertEquals(Decision.ALLOW, check(t, "2026-03-01", consented()).decision());
    }

    @Test
    void theFilingDayIsTheDayInBeijing() {
        // 2026-03-01T17:00Z is 2026-03-02 01:00 in Beijing: the period runs from 03-02
        Cases.Timeline t = Cases.timeline()
                .add(CASE_FILED, "2026-03-01T17:00:00Z")
                .add(ENFORCEMENT_NOTICE_SERVED, "2026-03-05", "propertyReportOrder", true)
                .add(PROPERTY_QUERY_STARTED, "2026-03-06", "propertyTypes", ALL_NATIONAL)
                .add(CONSUMPTION_RESTRICTED, "2026-03-20");
        Verdict v = check(t, "2026-06-02", consented());
        assertEquals("2026-03-02", v.details().get("filedOn"));
        assertEquals(List.of("TOO_SOON_AFTER_FILING"), codes(v));
    }

    @Test
    void aLongerConfiguredWaitIsApplied() {
        GuardSettings six = Cases.settings("termination_minMonthsSinceFiling", 6);
        assertEquals(List.of("TOO_SOON_AFTER_FILING"), codes(check(completeCase(), LATER, six, consented())));
    }

    @Test
    void controlledPropertyLeftUndisposedWithoutReasonIsDenied() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-CAR-1", "assetKind", "VEHICLE", "measure", "SEAL");
        Verdict v = check(t, LATER, consented());
        assertEquals(List.of("PROPERTY_UNDISPOSED"), codes(v));
        assertTrue(v.reason().contains("A-CAR-1（车辆）"), v.reason());
        assertTrue(v.article().contains("第24条"), v.article());
    }

    @Test
    void releasedOrDisposedPropertyIsNotUndisposed() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-CAR-1", "assetKind", "VEHICLE")
                .add(PROPERTY_CONTROLLED, "2026-03-09", "assetId", "A-DEP-2", "assetKind", "DEPOSIT")
                .add(CONTROL_RELEASED, "2026-04-01", "assetId", "A-CAR-1")
                .add(DISPOSAL_COMPLETED, "2026-05-01", "assetId", "A-DEP-2");
        assertEquals(Decision.ALLOW, check(t, LATER, consented()).decision());
    }

    @Test
    void propertyControlledAgainAfterReleaseIsUndisposedAgain() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-CAR-1", "assetKind", "VEHICLE")
                .add(CONTROL_RELEASED, "2026-04-01", "assetId", "A-CAR-1")
                .add(PROPERTY_CONTROLLED, "2026-04-02", "assetId", "A-CAR-1", "assetKind", "VEHICLE");
        assertEquals(List.of("PROPERTY_UNDISPOSED"), codes(check(t, LATER, consented())));
    }

    @Test
    void aRecordedArticle4ReasonAllowsPropertyLeftUndisposed() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-CAR-1", "assetKind", "VEHICLE");
        Verdict v = check(t, LATER, consented("undisposedReasons",
                Map.of("A-CAR-1", "车辆已在登记机关查封，未能实际扣押（终本规定第4条）")));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
        assertTrue(v.details().get("undisposedAssets").toString().contains("未能实际扣押"));
    }

    @Test
    void applicantNotApplyingForAuctionIsNotAReason() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-HOUSE-1", "assetKind", "REAL_ESTATE");
        Verdict v = check(t, LATER, consented("undisposedReasons", Map.of("A-HOUSE-1", "申请执行人 未申请 拍卖。")));
        assertEquals(List.of("UNDISPOSED_REASON_REFUSED"), codes(v));
        assertTrue(v.reason().contains("不得以申请执行人未申请拍卖为由"), v.reason());
    }

    @Test
    void aReasonForAnotherAssetDoesNotCover() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-CAR-1", "assetKind", "VEHICLE");
        Verdict v = check(t, LATER, consented("undisposedReasons", Map.of("A-CAR-9", "未能实际扣押")));
        assertEquals(List.of("PROPERTY_UNDISPOSED"), codes(v));
    }

    @Test
    void aReasonMustBeTextNotAFlag() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-CAR-1", "assetKind", "VEHICLE");
        Verdict v = check(t, LATER, consented("undisposedReasons", Map.of("A-CAR-1", true)));
        assertEquals(List.of("PROPERTY_UNDISPOSED"), codes(v));
    }

    @Test
    void priorityQueuedSeizureWithoutRequestToTheFirstCourtIsDenied() {
        Cases.Timeline t = completeCase().add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-HOUSE-2",
                "assetKind", "REAL_ESTATE", "queued", true, "priority", true);
        Verdict v = check(t, LATER, consented("undisposedReasons", Map.of("A-HOUSE-2", "轮候查封，首封法院尚未处置")));
        assertEquals(List.of("FIRST_COURT_NOT_REQUESTED"), codes(v));
        assertTrue(v.reason().contains("商请首封法院移送处置权"), v.reason());
    }

    @Test
    void priorityQueuedSeizureWithTheRequestRecordedIsAllowed() {
        Cases.Timeline t = completeCase().add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-HOUSE-2",
                "assetKind", "REAL_ESTATE", "queued", true, "priority", true);
        Map<String, String> reasons = Map.of("A-HOUSE-2", "已商请首封法院移送处置权，首封法院未同意移送");
        assertEquals(Decision.ALLOW, check(t, LATER, consented("undisposedReasons", reasons,
                "firstSeizingCourtRequest", List.of("A-HOUSE-2"))).decision());
        assertEquals(Decision.ALLOW, check(t, LATER, consented("undisposedReasons", reasons,
                "firstSeizingCourtRequest", "（2026）京0105执501号商请移送函")).decision());
        assertEquals(Decision.ALLOW, check(t, LATER, consented("undisposedReasons", reasons,
                "firstSeizingCourtRequest", Map.of("A-HOUSE-2", true))).decision());
    }

    @Test
    void aRequestNamingAnotherAssetDoesNotCover() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-HOUSE-2", "queued", true, "priority", true)
                .add(PROPERTY_CONTROLLED, "2026-03-09", "assetId", "A-HOUSE-3", "queued", true, "priority", true);
        Map<String, String> reasons = Map.of("A-HOUSE-2", "首封法院未同意移送", "A-HOUSE-3", "首封法院未同意移送");
        Verdict v = check(t, LATER, consented("undisposedReasons", reasons, "firstSeizingCourtRequest", "A-HOUSE-3"));
        assertEquals(List.of("FIRST_COURT_NOT_REQUESTED"), codes(v));
        assertTrue(v.reason().contains("A-HOUSE-2") && !v.reason().contains("A-HOUSE-3"), v.reason());
    }

    @Test
    void priorityCanBeStatedInTheOperation() {
        Cases.Timeline t = completeCase()
                .add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-HOUSE-2", "queued", true);
        Map<String, String> reasons = Map.of("A-HOUSE-2", "首封法院尚未处置");
        assertEquals(Decision.ALLOW, check(t, LATER, consented("undisposedReasons", reasons)).decision());
        assertEquals(List.of("FIRST_COURT_NOT_REQUESTED"), codes(check(t, LATER,
                consented("undisposedReasons", reasons, "priorityAssets", List.of("A-HOUSE-2")))));
    }

    @Test
    void withoutConsentOrPanelItIsDenied() {
        Verdict v = check(completeCase(), LATER, op(TERMINATE_ROUND, "applicantConsent", false));
        assertEquals(List.of("NO_CONSENT_OR_PANEL"), codes(v));
        assertEquals(TerminationGuard.ART_CONSENT, v.article());
    }

    @Test
    void aCollegialPanelWithThePresidentsApprovalIsEnough() {
        assertEquals(Decision.ALLOW, check(completeCase(), LATER, op(TERMINATE_ROUND,
                "collegialPanelRecord", "合议笔录 2026-06-20", "presidentApproval", true)).decision());
    }

    @Test
    void aCollegialPanelWithoutThePresidentsApprovalIsDenied() {
        Verdict v = check(completeCase(), LATER, op(TERMINATE_ROUND, "collegialPanelRecord", "合议笔录 2026-06-20"));
        assertEquals(List.of("PRESIDENT_APPROVAL_MISSING"), codes(v));
    }

    @Test
    void thePresidentsApprovalCanBeConfiguredAway() {
        GuardSettings panelAlone = Cases.settings("termination_collegialPanelNeedsPresidentApproval", false);
        assertEquals(Decision.ALLOW, check(completeCase(), LATER, panelAlone,
                op(TERMINATE_ROUND, "collegialPanelRecord", true)).decision());
    }

    @org.junit.jupiter.api.Test
    void undisposedReasonsThatAreNoObjectAreRefusedNamingTheField() {
        org.jiandu.api.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.jiandu.api.ValidationException.class,
                () -> check(Cases.timeline(), LATER, consented("undisposedReasons", "车辆未能实际扣押")));
        org.junit.jupiter.api.Assertions.assertEquals("details.undisposedReasons", e.field());
    }
}
