package org.jiandu.monitor.internal.guard;

import static org.jiandu.api.event.CoreEventTypes.PROPERTY_CONTROLLED;
import static org.jiandu.api.event.CoreEventTypes.REFERENCE_PRICE_STARTED;
import static org.jiandu.monitor.internal.guard.Cases.codes;
import static org.jiandu.monitor.internal.guard.Cases.op;
import static org.jiandu.monitor.internal.guard.DisposalGuard.DISPOSE;
import static org.jiandu.monitor.internal.guard.DisposalGuard.PUBLISH_AUCTION_ANNOUNCEMENT;
import static org.jiandu.monitor.internal.guard.DisposalGuard.SELF_DISPOSAL;
import static org.jiandu.monitor.internal.guard.DisposalGuard.START_VALUATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.Verdict;
import org.junit.jupiter.api.Test;

/** Disposal, Arts. 16–18 of 法〔2021〕322号: online auction first, no 不负责腾退交付, valuation order, 90 days. */
class DisposalGuardTest {
    private static final String TODAY = "2026-07-01";

    private static Cases.Timeline seized() {
        return Cases.timeline().add(PROPERTY_CONTROLLED, "2026-03-08", "assetId", "A-HOUSE-1",
                "assetKind", "REAL_ESTATE", "measure", "SEAL");
    }

    private static Verdict check(Cases.Timeline t, Operation op) {
        return new DisposalGuard(t.ledger(), Cases.clockOn(TODAY), Cases.defaults()).check(op);
    }

    private static Verdict check(GuardSettings settings, Operation op) {
        return new DisposalGuard(seized().ledger(), Cases.clockOn(TODAY), settings).check(op);
    }

    private static Verdict check(Operation op) {
        return check(seized(), op);
    }

    @Test
    void otherOperationTypesAreAllowed() {
        Verdict v = new DisposalGuard(Cases.ledgerOf(null), Cases.clockOn(TODAY), Cases.defaults())
                .check(op("SEIZE", "assetId", "A-HOUSE-1"));
        assertEquals(Decision.ALLOW, v.decision());
    }

    @Test
    void onlineAuctionIsAllowed() {
        assertEquals(Decision.ALLOW, check(op(DISPOSE, "assetId", "A-HOUSE-1", "method", "ONLINE_AUCTION")).decision());
    }

    @Test
    void offlineAuctionWithoutARecordedExceptionIsDenied() {
        Verdict v = check(op(DISPOSE, "assetId", "A-HOUSE-1", "method", "AUCTION"));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("NOT_ONLINE_AUCTION"), codes(v));
        assertEquals(DisposalGuard.ART_18_ONLINE, v.article());
        assertTrue(v.reason().contains("应当采取网络司法拍卖方式"), v.reason());
    }

    @Test
    void offlineAuctionWithARecordedExceptionIsAllowed() {
        Verdict v = check(op(DISPOSE, "assetId", "A-HOUSE-1", "method", "auction",
                "exception", "法律、行政法规规定必须通过其他途径处置（国有资产交易场所）"));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
        assertTrue(v.details().get("exception").toString().startsWith("法律、行政法规"));
    }

    @Test
    void anExceptionSaidToBeFalseIsNoException() {
        assertEquals(Decision.DENY, check(op(DISPOSE, "method", "SALE", "exception", "false")).decision());
    }

    @Test
    void saleAndSetOffNeedAnExceptionByDefault() {
        assertEquals(List.of("NOT_ONLINE_AUCTION"), codes(check(op(DISPOSE, "method", "SALE"))));
        assertEquals(List.of("NOT_ONLINE_AUCTION"), codes(check(op(DISPOSE, "method", "SET_OFF"))));
    }

    @Test
    void aCourtMayAllowSaleWithoutAnException() {
        GuardSettings sale = Cases.settings("disposal_methodsWithoutException",
                new String[] {"ONLINE_AUCTION", "SELF_DISPOSAL", "SALE"});
        assertEquals(Decision.ALLOW, check(sale, op(DISPOSE, "method", "SALE")).decision());
    }

    @Test
    void disposalWithoutAMethodIsDenied() {
        assertEquals(List.of("DISPOSAL_METHOD_MISSING"), codes(check(op(DISPOSE, "assetId", "A-HOUSE-1"))));
    }

    /** Changed with issue 9: malformed details answer 400 naming the field in every guard (was a DENY). */
    @Test
    void disposalWithAnUnknownMethodIsRefusedNamingTheMethod() {
        assertRefused("details.method", op(DISPOSE, "method", "LOTTERY"));
    }

    @Test
    void aValuationByAnUnknownMethodIsRefusedNamingTheMethod() {
        assertRefused("details.method", op(START_VALUATION, "assetId", "FLAT-1", "method", "GUESS"));
    }

    private void assertRefused(String field, org.jiandu.api.guard.Operation op) {
        org.jiandu.api.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.jiandu.api.ValidationException.class, () -> check(op));
        assertEquals(field, e.field());
    }

    @Test
    void anAnnouncementDisclaimingVacationIsDenied() {
        Verdict v = check(op(PUBLISH_AUCTION_ANNOUNCEMENT, "assetId", "A-HOUSE-1",
                "text", "标的物现由他人占用，法院不负责腾退交付，由买受人自行解决。"));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("VACATION_DISCLAIMED"), codes(v));
        assertEquals(DisposalGuard.ART_18_VACATE, v.article());
        assertTrue(v.reason().contains("details.text"), v.reason());
    }

    @Test
    void theDisclaimerIsFoundWhateverTheSpacingAndField() {
        Verdict v = check(op(PUBLISH_AUCTION_ANNOUNCEMENT, "sections",
                List.of(Map.of("title", "特别提示", "body", "本院 不负责 腾退、交付"))));
        assertEquals(Decision.DENY, v.decision());
        assertTrue(v.reason().contains("details.sections[0].body"), v.reason());
    }

    @Test
    void aShorterVariantOfTheDisclaimerIsDeniedToo() {
        assertEquals(Decision.DENY, check(op(PUBLISH_AUCTION_ANNOUNCEMENT, "text", "本院不负责腾退")).decision());
    }

    @Test
    void anAnnouncementPromisingVacationIsAllowed() {
        Verdict v = check(op(PUBLISH_AUCTION_ANNOUNCEMENT, "text", "标的物由本院负责腾退交付，买受人无需自行清场。"));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
    }

    @Test
    void anAnnouncementWithoutTextIsWarned() {
        Verdict v = check(op(PUBLISH_AUCTION_ANNOUNCEMENT, "assetId", ""));
        assertEquals(Decision.WARN, v.decision());
        assertEquals(List.of("ANNOUNCEMENT_TEXT_MISSING"), codes(v));
    }

    @Test
    void appraisalWithoutNegotiationOrInquiryIsWarned() {
        Verdict v = check(op(START_VALUATION, "assetId", "A-HOUSE-1", "method", "APPRAISAL"));
        assertEquals(Decision.WARN, v.decision());
        assertEquals(List.of("APPRAISAL_WITHOUT_PRIOR_ATTEMPT"), codes(v));
        assertTrue(v.article().startsWith("法〔2021〕322号 第16条"), v.article());
    }

    @Test
    void appraisalAfterNegotiationOfTheSameAssetIsAllowed() {
        Cases.Timeline t = seized().add(REFERENCE_PRICE_STARTED, "2026-03-20", "assetId", "A-HOUSE-1",
                "method", "NEGOTIATION");
        Verdict v = check(t, op(START_VALUATION, "assetId", "A-HOUSE-1", "method", "APPRAISAL"));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
        assertEquals(List.of("NEGOTIATION"), v.details().get("priorAttempts"));
    }

    @Test
    void anInquiryCountsAsAPriorAttempt() {
        Cases.Timeline t = seized().add(REFERENCE_PRICE_STARTED, "2026-03-20", "assetId", "A-HOUSE-1",
                "method", "ONLINE_INQUIRY");
        assertEquals(Decision.ALLOW, check(t, op(START_VALUATION, "assetId", "A-HOUSE-1", "method", "APPRAISAL"))
                .decision());
    }

    @Test
    void negotiationOfAnotherAssetOrAnEarlierAppraisalDoesNotCount() {
        Cases.Timeline t = seized()
                .add(REFERENCE_PRICE_STARTED, "2026-03-20", "assetId", "A-CAR-2", "method", "NEGOTIATION")
                .add(REFERENCE_PRICE_STARTED, "2026-03-21", "assetId", "A-HOUSE-1", "method", "APPRAISAL");
        assertEquals(Decision.WARN, check(t, op(START_VALUATION, "assetId", "A-HOUSE-1", "method", "APPRAISAL"))
                .decision());
    }

    @Test
    void appraisalRequiredByLawIsAllowed() {
        Verdict v = check(op(START_VALUATION, "assetId", "A-HOUSE-1", "method", "APPRAISAL",
                "appraisalRequiredByLaw", "参考价规定第2条：法律、行政法规规定必须委托评估"));
        assertEquals(Decision.ALLOW, v.decision(), v.reason());
    }

    @Test
    void negotiationNeedsNoPriorAttempt() {
        assertEquals(Decision.ALLOW, check(op(START_VALUATION, "assetId", "A-HOUSE-1", "method", "NEGOTIATION"))
                .decision());
    }

    @Test
    void appraisalWithoutAnAssetIsWarned() {
        assertEquals(List.of("VALUATION_ASSET_MISSING"), codes(check(op(START_VALUATION, "method", "APPRAISAL"))));
    }

    @Test
    void selfDisposalOf120DaysIsDenied() {
        Verdict v = check(op(SELF_DISPOSAL, "assetId", "A-HOUSE-1", "periodDays", 120L));
        assertEquals(Decision.DENY, v.decision());
        assertEquals(List.of("SELF_DISPOSAL_TOO_LONG"), codes(v));
        assertEquals(DisposalGuard.ART_17, v.article());
        assertTrue(v.reason().contains("最长不得超过90日，本次为120日"), v.reason());
    }

    @Test
    void selfDisposalOf90DaysIsAllowed() {
        assertEquals(Decision.ALLOW, check(op(SELF_DISPOSAL, "assetId", "A-HOUSE-1", "periodDays", "90")).decision());
    }

    @Test
    void selfDisposalWithoutAPeriodIsDenied() {
        assertEquals(List.of("SELF_DISPOSAL_PERIOD_MISSING"), codes(check(op(SELF_DISPOSAL, "assetId", "A-HOUSE-1"))));
    }

    @Test
    void aPeriodEndIsCountedFromTheStartDayExclusive() {
        // 2026-01-01 + 90 days = 2026-04-01
        assertEquals(Decision.ALLOW, check(op(SELF_DISPOSAL, "periodStart", "2026-01-01", "periodEnd", "2026-04-01"))
                .decision());
        Verdict v = check(op(SELF_DISPOSAL, "periodStart", "2026-01-01", "periodEnd", "2026-04-02"));
        assertEquals(List.of("SELF_DISPOSAL_TOO_LONG"), codes(v));
        assertEquals(91L, v.details().get("periodDays"));
    }

    @Test
    void aPeriodEndWithoutStartCountsFromToday() {
        // today 2026-07-01 + 90 days = 2026-09-29
        assertEquals(Decision.ALLOW, check(op(SELF_DISPOSAL, "periodEnd", "2026-09-29")).decision());
        assertEquals(Decision.DENY, check(op(SELF_DISPOSAL, "periodEnd", "2026-09-30")).decision());
    }

    /** Changed with issue 9: malformed details answer 400 naming the field in every guard (was a DENY). */
    @Test
    void aPeriodEndingBeforeItStartsOrUnreadableIsRefusedNamingTheField() {
        assertRefused("details.periodEnd", op(SELF_DISPOSAL, "periodStart", "2026-05-01", "periodEnd", "2026-04-01"));
        assertRefused("details.periodDays", op(SELF_DISPOSAL, "periodDays", "三个月"));
        assertRefused("details.periodDays", op(SELF_DISPOSAL, "periodDays", 0L));
    }

    @Test
    void disposeBySelfDisposalChecksThePeriod() {
        assertEquals(List.of("SELF_DISPOSAL_TOO_LONG"),
                codes(check(op(DISPOSE, "assetId", "A-HOUSE-1", "method", "SELF_DISPOSAL", "periodDays", 120L))));
        assertEquals(Decision.ALLOW,
                check(op(DISPOSE, "assetId", "A-HOUSE-1", "method", "SELF_DISPOSAL", "periodDays", 60L)).decision());
    }

    @Test
    void aCourtMayShortenTheSelfDisposalPeriod() {
        GuardSettings sixty = Cases.settings("disposal_selfDisposalMaxDays", 60);
        assertEquals(Decision.DENY, check(sixty, op(SELF_DISPOSAL, "periodDays", 61L)).decision());
    }
}
