package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.Cases.newCase;
import static org.jiandu.seizure.internal.Cases.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the guard (issue item 3) with the figures it computes. The claim in most tests: principal 100,000,
 * performance deadline 2025-01-10, checked on 2025-01-10 (no doubled interest yet), fee 50 + 90,000 × 1.5% = 1,400
 * → claim total 101,400.00; "clearly exceeds" at the default 1.2 → above 121,680.00.
 */
class SeizureRulesTest {
    private static final String TODAY = "2025-01-10";

    private static Cases claimOf100k() {
        return newCase().filed("100000.00", "2025-01-10");
    }

    private static Verdict check(Cases c, String type, Object... pairs) {
        return check(c, TODAY, CourtPolicy.DEFAULT, type, details(pairs));
    }

    private static Verdict check(Cases c, String asOf, CourtPolicy policy, String type, Map<String, Object> d) {
        LocalDate day = LocalDate.parse(asOf);
        SeizureRegister reg = SeizureRegister.of(Cases.CASE.canonical(), c.facts(), day, policy);
        return SeizureRules.check(SeizureRequest.parse(type, Payload.of(d), day), reg, c.facts());
    }

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertVerdict(Verdict v, Decision decision, String rule) {
        assertEquals(decision, v.decision(), v.reason());
        assertEquals(rule, v.details().get("rule"), v.reason());
        assertEquals(SeizureRules.GUARD, v.guard());
    }

    private static BigDecimal money(Verdict v, String name) {
        return (BigDecimal) v.details().get(name);
    }

    @Test
    void theVerdictShowsTheClaimItMeasuredAgainst() {
        Verdict v = check(claimOf100k(), "FREEZE", "assetId", "ACC-1", "amount", "1000.00");
        assertEquals(yuan("101400.00"), money(v, "claimTotal"));
        @SuppressWarnings("unchecked")
        Map<String, Object> claim = (Map<String, Object>) v.details().get("claim");
        assertEquals(yuan("100000.00"), claim.get("principal"));
        assertEquals(yuan("1400.00"), claim.get("applicationFee"));
        assertEquals(yuan("0.00"), claim.get("doubledInterest"));
    }

    @Test
    void freezeWithoutAmountIsDenied() {
        Verdict v = check(claimOf100k(), "FREEZE", "assetId", "ACC-1");
        assertVerdict(v, Decision.DENY, "FREEZE_AMOUNT_REQUIRED");
        assertTrue(v.reason().contains("明确具体冻结数额"), v.reason());
        assertEquals(SeizureRules.ART15, v.article());
    }

    @Test
    void freezeAboveTheUncoveredClaimIsDeniedWithTheLargestAllowedAmount() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC-0", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "30000.00");
        Verdict v = check(c, "FREEZE", "assetId", "ACC-1", "amount", "80000.00");
        assertVerdict(v, Decision.DENY, "FREEZE_EXCEEDS_UNCOVERED");
        assertEquals(yuan("30000.00"), money(v, "controlledValue"));
        assertEquals(yuan("71400.00"), money(v, "uncoveredClaim"));
        assertEquals(yuan("71400.00"), money(v, "maxAllowedAmount"));
        assertTrue(v.reason().contains("最多可冻结 71400.00 元"), v.reason());
    }

    @Test
    void freezeOfExactlyTheUncoveredClaimIsAllowed() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC-0", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "30000.00");
        assertVerdict(check(c, "FREEZE", "assetId", "ACC-1", "amount", "71400.00"), Decision.ALLOW, "WITHIN_CLAIM");
    }

    @Test
    void doubledInterestRaisesTheAllowedFreeze() {
        // 30 days late: 100,000 × 0.0175% × 30 = 525.00 → claim 101,925.00
        Verdict v = check(claimOf100k(), "2025-02-09", CourtPolicy.DEFAULT, "FREEZE",
                details("assetId", "ACC-1", "amount", "200000.00"));
        assertEquals(yuan("101925.00"), money(v, "maxAllowedAmount"));
    }

    @Test
    void aPaymentLowersTheAllowedFreeze() {
        Cases c = claimOf100k().on("2025-01-08", "MONEY_RECEIVED", "amount", "60000.00");
        Verdict v = check(c, "FREEZE", "assetId", "ACC-1", "amount", "50000.00");
        assertVerdict(v, Decision.DENY, "FREEZE_EXCEEDS_UNCOVERED");
        assertEquals(yuan("41400.00"), money(v, "maxAllowedAmount"));
    }

    @Test
    void aDivisibleAssetBeyondTheUncoveredClaimIsDeniedWithTheAllowedQuantity() {
        Verdict v = check(claimOf100k(), "FREEZE", "assetId", "SEC-1", "assetKind", "SECURITIES", "amount",
                "200000.00", "quantity", 10000L);
        assertVerdict(v, Decision.DENY, "DIVISIBLE_EXCEEDS_UNCOVERED");
        assertEquals(yuan("101400.00"), money(v, "maxAllowedValue"));
        // 20.00 a share: ⌈101,400 / 20⌉ = 5,070
        assertEquals(5070L, v.details().get("allowedQuantity"));
    }

    @Test
    void aDivisibleAssetWithinTheUncoveredClaimIsAllowed() {
        assertVerdict(check(claimOf100k(), "FREEZE", "assetId", "SEC-1", "assetKind", "SECURITIES", "amount",
                "101400.00"), Decision.ALLOW, "WITHIN_CLAIM");
    }

    @Test
    void anIndivisibleAssetThatClearlyExceedsIsAWarning() {
        Verdict v = check(claimOf100k(), "DETAIN", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount",
                "150000.00");
        assertVerdict(v, Decision.WARN, "INDIVISIBLE_CLEARLY_EXCEEDS");
        assertEquals(yuan("150000.00"), money(v, "availableValue"));
        assertEquals(yuan("121680.00"), money(v, "clearlyExceedsThreshold"));
    }

    @Test
    void anIndivisibleAssetJustBelowTheThresholdIsAllowed() {
        assertVerdict(check(claimOf100k(), "DETAIN", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount",
                "121680.00"), Decision.ALLOW, "WITHIN_CLAIM");
    }

    @Test
    void priorRankingClaimsReduceTheAvailableValue() {
        Verdict v = check(claimOf100k(), "DETAIN", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount",
                "150000.00", "priorEncumbrances", List.of(Map.of("kind", "PLEDGE", "amount", "40000.00")));
        assertVerdict(v, Decision.ALLOW, "WITHIN_CLAIM");
        assertEquals(yuan("110000.00"), money(v, "availableValue"));
        assertEquals(yuan("40000.00"), money(v, "priorClaims"));
    }

    @Test
    void anIndivisibleAssetIsDeniedWhenALowerImpactCandidateSuffices() {
        Verdict v = check(claimOf100k(), "DETAIN", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount",
                "150000.00", "candidates", List.of(
                        Map.of("assetId", "ACC-9", "assetKind", "DEPOSIT", "amount", "110000.00")));
        assertVerdict(v, Decision.DENY, "LOWER_IMPACT_SUFFICES");
        @SuppressWarnings("unchecked")
        Map<String, Object> alt = (Map<String, Object>) v.details().get("lowerImpactAlternative");
        assertEquals("ACC-9", alt.get("assetId"));
        assertTrue(v.reason().contains("ACC-9"), v.reason());
    }

    @Test
    void aCandidateThatDoesNotSufficeLeavesTheWarning() {
        Verdict v = check(claimOf100k(), "DETAIN", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount",
                "150000.00", "candidates", List.of(
                        Map.of("assetId", "ACC-9", "assetKind", "DEPOSIT", "amount", "5000.00")));
        assertVerdict(v, Decision.WARN, "INDIVISIBLE_CLEARLY_EXCEEDS");
    }

    @Test
    void withinTheClaimALowerImpactCandidateThatSufficesIsAdvised() {
        Verdict v = check(claimOf100k(), "SEIZE", "assetId", "FLAT-1", "assetKind", "REAL_ESTATE", "amount",
                "110000.00", "candidates", List.of(
                        Map.of("assetId", "CAR-2", "assetKind", "VEHICLE", "amount", "105000.00")));
        assertVerdict(v, Decision.WARN, "LOWER_IMPACT_AVAILABLE");
    }

    @Test
    void realEstateThatClearlyExceedsRequiresAPartialSeizure() {
        Verdict v = check(claimOf100k(), "SEIZE", "assetId", "FLAT-1", "assetKind", "REAL_ESTATE", "amount",
                "1000000.00", "priorEncumbrances", List.of(Map.of("kind", "MORTGAGE", "amount", "400000.00",
                        "holder", "某银行")));
        assertVerdict(v, Decision.DENY, "PARTIAL_SEIZURE_REQUIRED");
        assertEquals(yuan("600000.00"), money(v, "availableValue"));
        // 101,400 / 600,000 = 0.169
        assertEquals("0.1690", v.details().get("requiredShare"));
        assertEquals(yuan("101400.00"), money(v, "maxAllowedValue"));
    }

    @Test
    void realEstateSeizedInAMatchingShareIsAllowed() {
        Verdict v = check(claimOf100k(), "SEIZE", "assetId", "FLAT-1", "assetKind", "REAL_ESTATE", "amount",
                "1000000.00", "priorEncumbrances", List.of(Map.of("kind", "MORTGAGE", "amount", "400000.00")),
                "share", "0.2");
        assertVerdict(v, Decision.ALLOW, "WITHIN_CLAIM");
        assertEquals(yuan("120000.00"), money(v, "availableValue"));
    }

    @Test
    void realEstateTheRegistryWillNotSplitIsSeizedWholeWithATask() {
        Verdict v = check(claimOf100k(), "SEIZE", "assetId", "FLAT-1", "assetKind", "REAL_ESTATE", "amount",
                "600000.00", "registryRefusesSplit", true);
        assertVerdict(v, Decision.ALLOW, "SPLIT_REFUSED_WHOLE_SEIZURE");
        @SuppressWarnings("unchecked")
        Map<String, Object> task = (Map<String, Object>) v.details().get("task");
        assertEquals("COORDINATE_SPLIT_REGISTRATION", task.get("kind"));
        assertEquals(yuan("498600.00"), task.get("excessValue"));
    }

    @Test
    void whenTheClaimIsCoveredAnyFurtherSeizureIsDenied() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC-0", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "101400.00");
        Verdict v = check(c, "SEIZE", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount", "1000.00");
        assertVerdict(v, Decision.DENY, "CLAIM_COVERED");
        assertEquals(yuan("0.00"), money(v, "uncoveredClaim"));
        assertVerdict(check(c, "FREEZE", "assetId", "ACC-2", "amount", "0.01"), Decision.DENY, "CLAIM_COVERED");
    }

    @Test
    void aQueuedSeizureDoesNotCoverTheClaim() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "FLAT-0", "assetKind",
                "REAL_ESTATE", "measure", "SEAL", "amount", "110000.00", "queued", true);
        assertVerdict(check(c, "FREEZE", "assetId", "ACC-2", "amount", "101400.00"), Decision.ALLOW, "WITHIN_CLAIM");
        c.on("2025-01-08", "QUEUED_SEIZURE_EFFECTIVE", "assetId", "FLAT-0");
        assertVerdict(check(c, "FREEZE", "assetId", "ACC-2", "amount", "1.00"), Decision.DENY, "CLAIM_COVERED");
    }

    @Test
    void exemptPropertyIsDenied() {
        Verdict v = check(claimOf100k(), "DETAIN", "assetId", "WHEELCHAIR", "assetKind", "MOVABLE", "amount",
                "8000.00", "exemptCategory", "DISABILITY_AIDS");
        assertVerdict(v, Decision.DENY, "EXEMPT_PROPERTY");
        assertEquals(SeizureRules.ART3, v.article());
    }

    @Test
    void theNecessaryHomeMayBeSeizedButItsValueDoesNotCount() {
        Verdict v = check(claimOf100k(), "SEIZE", "assetId", "HOME", "assetKind", "REAL_ESTATE", "amount",
                "3000000.00", "necessaryHome", true);
        assertVerdict(v, Decision.ALLOW, "WITHIN_CLAIM");
        assertEquals(Boolean.TRUE, v.details().get("necessaryHome"));
        assertEquals(yuan("0.00"), money(v, "availableValue"));
        assertTrue(v.reason().contains("不得拍卖、变卖或者抵债"), v.reason());
    }

    @Test
    void disposingOfTheNecessaryHomeIsDenied() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "HOME", "assetKind",
                "REAL_ESTATE", "measure", "SEAL", "amount", "3000000.00", "necessaryHome", true);
        Verdict v = check(c, "DISPOSE", "assetId", "HOME");
        assertVerdict(v, Decision.DENY, "NECESSARY_HOME_DISPOSAL");
        assertEquals(SeizureRules.ART4, v.article());
        assertVerdict(check(c, "DISPOSE", "assetId", "CAR-1"), Decision.ALLOW, "NOT_NECESSARY_HOME");
        assertVerdict(check(c, "DISPOSE", "assetId", "X", "necessaryHome", true), Decision.DENY,
                "NECESSARY_HOME_DISPOSAL");
    }

    private static Cases withHome() {
        return claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "HOME", "assetKind", "REAL_ESTATE",
                "measure", "SEAL", "amount", "3000000.00", "necessaryHome", true);
    }

    @Test
    void everyStepTowardsDisposingOfTheNecessaryHomeIsDeniedWithoutAnArt20Ground() {
        Cases c = withHome();
        for (String op : List.of("DISPOSE", "SELF_DISPOSAL", "PUBLISH_AUCTION_ANNOUNCEMENT", "START_VALUATION")) {
            Verdict v = check(c, op, "assetId", "HOME");
            assertVerdict(v, Decision.DENY, "NECESSARY_HOME_DISPOSAL");
            assertEquals(op, v.details().get("operation"));
            assertTrue(v.reason().contains("第20条"), v.reason());
            assertVerdict(check(c, op, "assetId", "CAR-1"), Decision.ALLOW, "NOT_NECESSARY_HOME");
        }
    }

    @Test
    void eachArt20GroundAllowsTheDisposalAndTheVerdictNamesIt() {
        for (String ground : List.of("SUPPORTER_HAS_OTHER_HOME", "OTHER_HOME_TRANSFERRED_TO_EVADE",
                "APPLICANT_PROVIDES_HOUSING")) {
            Cases c = withHome().on("2025-01-08", "HOME_DISPOSAL_GROUND_RECORDED", "assetId", "HOME", "ground",
                    ground, "basis", "（2025）京0105执异1号");
            for (String op : List.of("DISPOSE", "PUBLISH_AUCTION_ANNOUNCEMENT")) {
                Verdict v = check(c, op, "assetId", "HOME");
                assertVerdict(v, Decision.ALLOW, "NECESSARY_HOME_ART20_GROUND");
                assertEquals(ground, v.details().get("ground"));
                assertEquals(SeizureRules.ART20, v.article());
            }
        }
    }

    @Test
    void rentDeductedCountsOnlyForFiveToEightYears() {
        Cases three = withHome().on("2025-01-08", "HOME_DISPOSAL_GROUND_RECORDED", "assetId", "HOME", "ground",
                "RENT_DEDUCTED", "rentYears", 3);
        Verdict refused = check(three, "DISPOSE", "assetId", "HOME");
        assertVerdict(refused, Decision.DENY, "NECESSARY_HOME_DISPOSAL");
        assertTrue(refused.reason().contains("五至八年"), refused.reason());
        Cases six = withHome().on("2025-01-08", "HOME_DISPOSAL_GROUND_RECORDED", "assetId", "HOME", "ground",
                "RENT_DEDUCTED", "rentYears", 6);
        Verdict allowed = check(six, "SELF_DISPOSAL", "assetId", "HOME");
        assertVerdict(allowed, Decision.ALLOW, "NECESSARY_HOME_ART20_GROUND");
        assertEquals(6L, allowed.details().get("rentYears"));
        assertTrue(allowed.reason().contains("扣除 6 年租金"), allowed.reason());
    }

    @Test
    void candidatesAreRankedByImpactLeastFirst() {
        Verdict v = check(claimOf100k(), "SEIZE", "assetId", "FLAT-1", "assetKind", "REAL_ESTATE", "amount",
                "110000.00", "candidates", List.of(
                        Map.of("assetId", "LATHE", "assetKind", "MOVABLE", "amount", "90000.00",
                                "businessEssential", true),
                        Map.of("assetId", "SHOP", "assetKind", "REAL_ESTATE", "amount", "90000.00",
                                "residential", false),
                        Map.of("assetId", "CAR", "assetKind", "VEHICLE", "amount", "30000.00"),
                        Map.of("assetId", "SEC", "assetKind", "SECURITIES", "amount", "20000.00"),
                        Map.of("assetId", "ACC", "assetKind", "DEPOSIT", "amount", "10000.00"),
                        Map.of("assetId", "MEDAL", "assetKind", "MOVABLE", "amount", "500.00",
                                "exemptCategory", "MEDALS_HONOURS")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) v.details().get("ranking");
        assertEquals(List.of("ACC", "SEC", "CAR", "SHOP", "FLAT-1", "LATHE", "MEDAL"),
                ranking.stream().map(r -> r.get("assetId")).toList());
        assertEquals(Boolean.TRUE, ranking.get(4).get("requested"));
        assertTrue(ranking.get(6).containsKey("excluded"));
    }

    @Test
    void aCourtsOwnRatioDecidesWhatClearlyExceeds() {
        CourtPolicy lenient = new CourtPolicy(new BigDecimal("1.5"), ImpactClass.DEFAULT_ORDER, "test");
        Verdict v = check(claimOf100k(), TODAY, lenient, "DETAIN",
                details("assetId", "CAR-1", "assetKind", "VEHICLE", "amount", "150000.00"));
        assertVerdict(v, Decision.ALLOW, "WITHIN_CLAIM");
        assertEquals("1.5", v.details().get("clearlyExceedsRatio"));
    }

    @Test
    void anAssetAlreadyControlledIsNotSeizedAgain() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "CAR-1", "assetKind", "VEHICLE",
                "measure", "DETAIN", "amount", "30000.00");
        assertVerdict(check(c, "DETAIN", "assetId", "CAR-1", "assetKind", "VEHICLE", "amount", "30000.00"),
                Decision.DENY, "ALREADY_CONTROLLED");
    }

    @Test
    void withoutAReportedPrincipalTheGuardWarns() {
        assertVerdict(check(newCase().on("2025-01-02", "CASE_FILED"), "FREEZE", "assetId", "A", "amount", "1.00"),
                Decision.WARN, "CLAIM_UNKNOWN");
    }

    @Test
    void renewalWithinTheStatutoryTermIsAllowed() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC-0", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "50000.00");
        Verdict v = check(c, "2025-12-20", CourtPolicy.DEFAULT, "RENEW", details("assetId", "ACC-0"));
        assertVerdict(v, Decision.ALLOW, "RENEWAL_WITHIN_TERM");
        assertEquals("2026-01-05", v.details().get("expiry"));
        assertEquals("2027-01-05", v.details().get("newExpiry"));
    }

    @Test
    void renewalBeyondTheStatutoryTermIsDenied() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "FLAT-0", "assetKind",
                "REAL_ESTATE", "measure", "SEAL", "amount", "100000.00");
        Verdict v = check(c, "2027-12-20", CourtPolicy.DEFAULT, "RENEW",
                details("assetId", "FLAT-0", "until", "2031-01-06"));
        assertVerdict(v, Decision.DENY, "RENEWAL_TERM_TOO_LONG");
        assertEquals("2031-01-05", v.details().get("maxUntil"));
    }

    @Test
    void renewalAfterTheControlLapsedIsDenied() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "CAR-0", "assetKind", "VEHICLE",
                "measure", "DETAIN", "amount", "50000.00");
        assertVerdict(check(c, "2027-01-06", CourtPolicy.DEFAULT, "RENEW", details("assetId", "CAR-0")),
                Decision.DENY, "LAPSED");
    }

    @Test
    void renewingControlTheClaimNoLongerNeedsIsAWarning() {
        Cases c = claimOf100k()
                .on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC-0", "assetKind", "DEPOSIT", "measure",
                        "FREEZE", "amount", "110000.00")
                .on("2025-01-06", "PROPERTY_CONTROLLED", "assetId", "CAR-0", "assetKind", "VEHICLE", "measure",
                        "DETAIN", "amount", "50000.00");
        Verdict v = check(c, "2025-12-20", CourtPolicy.DEFAULT, "RENEW", details("assetId", "CAR-0"));
        assertVerdict(v, Decision.WARN, "RELEASE_INSTEAD");
    }

    @Test
    void aRenewalEndingBeforeTheCurrentExpiryIsBadInput() {
        Cases c = claimOf100k().on("2025-01-05", "PROPERTY_CONTROLLED", "assetId", "ACC-0", "assetKind", "DEPOSIT",
                "measure", "FREEZE", "amount", "50000.00");
        ValidationException e = assertThrows(ValidationException.class, () -> check(c, "2025-12-20",
                CourtPolicy.DEFAULT, "RENEW", details("assetId", "ACC-0", "until", "2025-12-31")));
        assertEquals("details.until", e.field());
    }

    @Test
    void renewingAnUnknownAssetIsDenied() {
        assertVerdict(check(claimOf100k(), "RENEW", "assetId", "NOPE"), Decision.DENY, "NOT_CONTROLLED");
    }
}
