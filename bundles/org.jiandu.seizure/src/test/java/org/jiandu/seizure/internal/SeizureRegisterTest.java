package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.seizure.internal.SeizureRegister.AssetView;
import org.jiandu.seizure.internal.SeizureRegister.Releasable;
import org.junit.jupiter.api.Test;

/** The register built from ledger facts: status, terms, values, prior claims, coverage and what can be released. */
class SeizureRegisterTest {

    private static Cases claim() {
        // claim total 101,400.00 until 2025-01-10
        return newCase().filed("100000.00", "2025-01-10");
    }

    private static AssetView asset(SeizureRegister r, String id) {
        return r.assets().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void termsAreOneYearForDepositsTwoForMovablesThreeForImmovablesAndOtherRights() {
        SeizureRegister r = claim()
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT", "measure", "FREEZE",
                        "amount", "1.00")
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE", "measure", "DETAIN",
                        "amount", "1.00")
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "FLAT", "assetKind", "REAL_ESTATE", "measure",
                        "SEAL", "amount", "1.00")
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "EQ", "assetKind", "EQUITY", "measure", "FREEZE",
                        "amount", "1.00")
                .register("2025-02-01");
        assertEquals(LocalDate.parse("2026-01-31"), asset(r, "ACC").expiry());
        assertEquals(LocalDate.parse("2027-01-31"), asset(r, "CAR").expiry());
        assertEquals(LocalDate.parse("2028-01-31"), asset(r, "FLAT").expiry());
        assertEquals(36, asset(r, "EQ").termMonths());
    }

    @Test
    void anUnreportedKindTakesTheShortestTermOfItsMeasure() {
        SeizureRegister r = claim()
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "X", "measure", "FREEZE", "amount", "1.00")
                .on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "Y", "measure", "SEAL", "amount", "1.00")
                .register("2025-02-01");
        assertEquals(12, asset(r, "X").termMonths());
        assertEquals(24, asset(r, "Y").termMonths());
    }

    @Test
    void aControlLapsesTheDayAfterItsExpiryUnlessRenewedBefore() {
        Cases c = claim().on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "50000.00");
        assertEquals("IN_FORCE", asset(c.register("2026-01-31"), "ACC").status());
        SeizureRegister lapsed = c.register("2026-02-01");
        assertEquals("LAPSED", asset(lapsed, "ACC").status());
        assertEquals(yuan("0.00"), asset(lapsed, "ACC").counted());
        assertEquals(yuan("0.00"), lapsed.controlledValue());
        c.on("2026-01-20", "CONTROL_RENEWED", "assetId", "ACC");
        AssetView renewed = asset(c.register("2026-02-01"), "ACC");
        assertEquals("IN_FORCE", renewed.status());
        assertEquals(LocalDate.parse("2027-01-31"), renewed.expiry());
    }

    @Test
    void aRenewalAfterTheExpiryDoesNotRevive() {
        Cases c = claim().on("2025-01-31", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "50000.00").on("2026-02-03", "CONTROL_RENEWED", "assetId", "ACC");
        assertEquals("LAPSED", asset(c.register("2026-02-05"), "ACC").status());
    }

    @Test
    void aQueuedSeizureIsListedWithoutCountingUntilItTakesEffect() {
        Cases c = claim().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "FLAT", "assetKind", "REAL_ESTATE",
                "measure", "SEAL", "amount", "80000.00", "queued", true);
        SeizureRegister before = c.register("2025-01-10");
        assertEquals("QUEUED", asset(before, "FLAT").status());
        assertNull(asset(before, "FLAT").expiry());
        assertEquals(yuan("0.00"), before.controlledValue());
        c.on("2025-03-01", "QUEUED_SEIZURE_EFFECTIVE", "assetId", "FLAT");
        SeizureRegister after = c.register("2025-03-02");
        assertEquals("IN_FORCE", asset(after, "FLAT").status());
        // the term counts from the day it took effect (查封规定 Art. 26)
        assertEquals(LocalDate.parse("2028-03-01"), asset(after, "FLAT").expiry());
        assertEquals(yuan("80000.00"), after.controlledValue());
    }

    @Test
    void priorRankingClaimsReduceTheAvailableValueUntilTheyEnd() {
        Cases c = claim()
                .on("2025-01-03", "ENCUMBRANCE_RECORDED", "assetId", "FLAT", "encumbranceId", "M1", "kind", "MORTGAGE",
                        "amount", "300000.00", "holder", "某银行")
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "FLAT", "assetKind", "REAL_ESTATE", "measure",
                        "SEAL", "amount", "400000.00", "valueBasis", "ESTIMATE", "valueSource", "执行员估价");
        AssetView v = asset(c.register("2025-01-10"), "FLAT");
        assertEquals(yuan("300000.00"), v.priorClaims());
        assertEquals(yuan("100000.00"), v.available());
        assertEquals("ESTIMATE", v.value().basis());
        assertEquals("执行员估价", v.value().source());
        c.on("2025-02-01", "ENCUMBRANCE_ENDED", "assetId", "FLAT", "encumbranceId", "M1");
        assertEquals(yuan("400000.00"), asset(c.register("2025-02-01"), "FLAT").available());
        assertEquals(yuan("100000.00"), asset(c.register("2025-01-31"), "FLAT").available());
    }

    @Test
    void aReappraisalOrReferencePriceReplacesTheValueFromItsDay() {
        Cases c = claim()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE", "measure", "DETAIN",
                        "amount", "100000.00")
                .on("2025-02-01", "VALUATION_RECORDED", "assetId", "CAR", "amount", "80000.00", "valueBasis",
                        "APPRAISAL", "valueSource", "某评估公司", "valueDate", "2025-01-28")
                .on("2025-03-01", "REFERENCE_PRICE_DETERMINED", "assetId", "CAR", "amount", "75000.00");
        assertEquals(yuan("100000.00"), asset(c.register("2025-01-31"), "CAR").available());
        AssetView appraised = asset(c.register("2025-02-15"), "CAR");
        assertEquals(yuan("80000.00"), appraised.available());
        assertEquals(LocalDate.parse("2025-01-28"), appraised.value().valueDate());
        assertEquals("REFERENCE_PRICE", asset(c.register("2025-03-01"), "CAR").value().basis());
    }

    @Test
    void aFurtherFreezeOfTheSameAccountAddsToTheFrozenAmount() {
        SeizureRegister r = claim()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT", "measure", "FREEZE",
                        "amount", "30000.00")
                .on("2025-02-05", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT", "measure", "FREEZE",
                        "amount", "20000.00")
                .register("2025-02-06");
        assertEquals(yuan("50000.00"), asset(r, "ACC").gross());
        assertEquals(LocalDate.parse("2026-01-05"), asset(r, "ACC").expiry());
    }

    @Test
    void aPartialReleaseReducesAndAWholeReleaseEndsTheControl() {
        Cases c = claim().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "90000.00").on("2025-02-01", "CONTROL_RELEASED", "assetId", "ACC",
                        "amount", "20000.00");
        assertEquals(yuan("70000.00"), c.register("2025-02-01").controlledValue());
        c.on("2025-03-01", "CONTROL_RELEASED", "assetId", "ACC");
        SeizureRegister r = c.register("2025-03-01");
        assertEquals("RELEASED", asset(r, "ACC").status());
        assertEquals(yuan("0.00"), r.controlledValue());
    }

    @Test
    void disposedPropertyNoLongerCounts() {
        SeizureRegister r = claim()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE", "measure", "DETAIN",
                        "amount", "60000.00")
                .on("2025-04-01", "DISPOSAL_COMPLETED", "assetId", "CAR", "amount", "58000.00")
                .register("2025-04-02");
        assertEquals("DISPOSED", asset(r, "CAR").status());
        assertEquals(yuan("0.00"), r.controlledValue());
    }

    @Test
    void coverageShowsControlledUncoveredExcessAndRatio() {
        SeizureRegister r = claim().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind",
                "DEPOSIT", "measure", "FREEZE", "amount", "50700.00").register("2025-01-10");
        assertEquals(yuan("50700.00"), r.controlledValue());
        assertEquals(yuan("50700.00"), r.uncovered());
        assertEquals(yuan("0.00"), r.excess());
        assertEquals("0.5000", r.coverageRatio().toPlainString());
        assertFalse(r.clearlyExceeds());
        assertTrue(r.releasable().isEmpty());
    }

    @Test
    void afterAPaymentTheHighestImpactAssetIsReleasedFirstAndDepositsInPart() {
        Cases c = claim()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT", "measure", "FREEZE",
                        "amount", "60000.00")
                .on("2025-01-06", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE", "measure", "DETAIN",
                        "amount", "30000.00")
                .on("2025-01-07", "PROPERTY_CONTROLLED", "assetId", "SHOP", "assetKind", "REAL_ESTATE", "measure",
                        "SEAL", "amount", "20000.00", "residential", false)
                .on("2025-01-09", "MONEY_RECEIVED", "amount", "60000.00");
        SeizureRegister r = c.register("2025-01-10");
        // claim: 40,000 + 1,400 = 41,400; control 110,000
        assertEquals(yuan("41400.00"), r.claim().total());
        assertTrue(r.clearlyExceeds());
        List<Releasable> rel = r.releasable();
        assertEquals(List.of("SHOP", "CAR", "ACC"), rel.stream().map(Releasable::assetId).toList());
        assertEquals("RELEASE_WHOLE", rel.get(0).action());
        assertEquals("RELEASE_WHOLE", rel.get(1).action());
        assertEquals("RELEASE_PART", rel.get(2).action());
        assertEquals(yuan("18600.00"), rel.get(2).amount());
    }

    @Test
    void realEstateClearlyAboveWhatIsNeededIsSplitKeepingTheShareNeeded() {
        SeizureRegister r = claim().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "FLAT", "assetKind",
                "REAL_ESTATE", "measure", "SEAL", "amount", "1014000.00", "registryRefusesSplit", true)
                .register("2025-01-10");
        Releasable split = r.releasable().get(0);
        assertEquals("SPLIT_AND_RELEASE_EXCESS", split.action());
        assertEquals("0.1000", split.keepShare().toPlainString());
        assertEquals(yuan("912600.00"), split.amount());
    }

    @Test
    void anIndivisibleAssetThatIsAllThereIsStaysSeized() {
        SeizureRegister r = claim().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind",
                "VEHICLE", "measure", "DETAIN", "amount", "300000.00").register("2025-01-10");
        assertTrue(r.clearlyExceeds());
        assertTrue(r.releasable().isEmpty(), "查封规定 Art. 19: 不可分物且无其他财产 — kept");
    }

    @Test
    void theNecessaryHomeAndExemptPropertyCountNothing() {
        SeizureRegister r = claim()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "HOME", "assetKind", "REAL_ESTATE", "measure",
                        "SEAL", "amount", "2000000.00", "necessaryHome", true)
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "MEDAL", "assetKind", "MOVABLE", "measure",
                        "DETAIN", "amount", "1000.00", "exemptCategory", "MEDALS_HONOURS")
                .register("2025-01-10");
        assertEquals(yuan("0.00"), r.controlledValue());
        assertTrue(asset(r, "HOME").countNote().contains("第4条"));
        assertEquals(List.of("MEDAL"), r.releasable().stream().map(Releasable::assetId).toList());
    }

    @Test
    void anOverSeizureObjectionWithValuationDoesNotSuspendTheSeizure() {
        SeizureRegister r = claim()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "CAR", "assetKind", "VEHICLE", "measure", "DETAIN",
                        "amount", "90000.00")
                .on("2025-01-08", "OVER_SEIZURE_OBJECTION", "objectionId", "O1", "assetIds", List.of("CAR"),
                        "valuationRequested", true)
                .register("2025-01-10");
        assertEquals("IN_FORCE", asset(r, "CAR").status());
        assertEquals(yuan("90000.00"), r.controlledValue());
        @SuppressWarnings("unchecked")
        Map<String, Object> o = ((List<Map<String, Object>>) r.toMap().get("objections")).get(0);
        assertEquals("PENDING", o.get("status"));
        assertEquals(false, o.get("suspendsSeizure"));
    }

    @Test
    void theRegisterAsOfAnEarlierDayIgnoresLaterEvents() {
        Cases c = claim().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "1000.00").on("2025-02-05", "PROPERTY_CONTROLLED", "assetId", "CAR",
                        "assetKind", "VEHICLE", "measure", "DETAIN", "amount", "1000.00");
        assertEquals(1, c.register("2025-01-31").assets().size());
        assertEquals(2, c.register("2025-02-05").assets().size());
    }
}
