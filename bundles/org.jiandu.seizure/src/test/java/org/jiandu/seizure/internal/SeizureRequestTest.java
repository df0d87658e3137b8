package org.jiandu.seizure.internal;

import static org.jiandu.seizure.internal.SeizureRulesTest.details;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Payload;
import org.junit.jupiter.api.Test;

/** Operation details are checked field by field and refused naming the field. */
class SeizureRequestTest {
    private static final LocalDate TODAY = LocalDate.parse("2025-05-08");

    private static SeizureRequest parse(String type, Object... pairs) {
        return SeizureRequest.parse(type, Payload.of(details(pairs)), TODAY);
    }

    private static ValidationException refused(String type, Object... pairs) {
        return assertThrows(ValidationException.class, () -> parse(type, pairs));
    }

    @Test
    void aFreezeDefaultsToADepositAndMayOmitTheAmount() {
        SeizureRequest r = parse("FREEZE", "assetId", "ACC");
        assertEquals("DEPOSIT", r.asset().assetKind());
        assertNull(r.asset().amount());
        assertTrue(r.asset().divisible());
        assertEquals("FROZEN_AMOUNT", r.asset().valueBasis());
    }

    @Test
    void amountsAreExactAsTextOrNumber() {
        assertEquals(new BigDecimal("12.50"), parse("FREEZE", "assetId", "A", "amount", "12.5").asset().amount());
        assertEquals(new BigDecimal("12.50"), parse("FREEZE", "assetId", "A", "amount", new BigDecimal("12.5"))
                .asset().amount());
        assertEquals(new BigDecimal("12.00"), parse("FREEZE", "assetId", "A", "amount", 12L).asset().amount());
    }

    @Test
    void aNegativeAmountIsRefusedNamingTheField() {
        ValidationException e = refused("FREEZE", "assetId", "A", "amount", "-5");
        assertEquals("NEGATIVE_AMOUNT", e.code());
        assertEquals("details.amount", e.field());
    }

    @Test
    void anAbsurdOrTooPreciseAmountIsRefused() {
        assertEquals("ABSURD_AMOUNT", refused("FREEZE", "assetId", "A", "amount", "2000000000000").code());
        assertEquals("INVALID_AMOUNT", refused("FREEZE", "assetId", "A", "amount", "1.005").code());
        assertEquals("INVALID_AMOUNT", refused("FREEZE", "assetId", "A", "amount", true).code());
    }

    @Test
    void aZeroFreezeIsRefused() {
        assertEquals("details.amount", refused("FREEZE", "assetId", "A", "amount", "0").field());
    }

    @Test
    void aSeizureNeedsAnAssetIdKindAndValue() {
        ValidationException e = refused("SEIZE");
        List<String> fields = e.all().stream().map(ValidationException::field).toList();
        assertEquals(List.of("details.assetId", "details.assetKind"), fields);
        assertEquals("details.amount", refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE").field());
        assertEquals("INVALID_VALUE", refused("SEIZE", "assetId", "A", "assetKind", "YACHT", "amount", "1").code());
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        ValidationException e = refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE", "amount", "-1",
                "divisible", "yes", "share", "1.5");
        assertEquals(List.of("details.amount", "details.divisible", "details.share"),
                e.all().stream().map(ValidationException::field).toList());
    }

    @Test
    void sharesQuantitiesAndDatesAreChecked() {
        assertEquals("INVALID_SHARE", refused("SEIZE", "assetId", "A", "assetKind", "REAL_ESTATE", "amount", "1",
                "share", "0").code());
        assertEquals(new BigDecimal("0.35"), parse("SEIZE", "assetId", "A", "assetKind", "REAL_ESTATE", "amount",
                "1", "share", "0.35").asset().share());
        assertEquals("INVALID_QUANTITY", refused("SEIZE", "assetId", "A", "assetKind", "SECURITIES", "amount", "1",
                "quantity", 0L).code());
        assertEquals("DATE_IN_FUTURE", refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE", "amount", "1",
                "valueDate", "2025-05-09").code());
        assertEquals("details.valueDate", refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE", "amount", "1",
                "valueDate", "08/05/2025").field());
    }

    @Test
    void priorEncumbrancesNeedAKindAndAnAmount() {
        ValidationException e = refused("SEIZE", "assetId", "A", "assetKind", "REAL_ESTATE", "amount", "1",
                "priorEncumbrances", List.of(Map.of("kind", "MORTGAGE", "amount", "5"), Map.of("amount", "-3")));
        assertEquals(List.of("details.priorEncumbrances[1].kind", "details.priorEncumbrances[1].amount"),
                e.all().stream().map(ValidationException::field).toList());
    }

    @Test
    void candidatesAreCheckedLikeTheAsset() {
        ValidationException e = refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE", "amount", "1",
                "candidates", List.of(Map.of("assetId", "B", "assetKind", "DEPOSIT", "amount", "1"),
                        Map.of("assetId", "C", "assetKind", "VEHICLE", "amount", "abc")));
        assertEquals("details.candidates[1].amount", e.field());
        assertEquals("details.candidates", refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE", "amount", "1",
                "candidates", "B").field());
    }

    @Test
    void atMostFiftyCandidates() {
        List<Map<String, Object>> many = java.util.stream.IntStream.range(0, 51)
                .mapToObj(i -> Map.<String, Object>of("assetId", "C" + i, "assetKind", "DEPOSIT", "amount", "1"))
                .toList();
        ValidationException e = refused("SEIZE", "assetId", "A", "assetKind", "VEHICLE", "amount", "1",
                "candidates", many);
        assertEquals("TOO_MANY_ITEMS", e.code());
        assertEquals("details.candidates", e.field());
    }

    @Test
    void anExemptCategoryMustBeOneOfArticle3() {
        assertEquals("details.exemptCategory", refused("DETAIN", "assetId", "A", "assetKind", "MOVABLE", "amount",
                "1", "exemptCategory", "LUXURY").field());
    }

    @Test
    void renewalNeedsTheAssetAndDisposalNeedsNothing() {
        assertEquals("details.assetId", refused("RENEW").field());
        assertEquals("details.until", refused("RENEW", "assetId", "A", "until", "soon").field());
        assertFalse(parse("DISPOSE").asset().necessaryHome());
        assertNull(parse("DISPOSE", "assetId", 42L, "method", "ONLINE_AUCTION").asset().assetId());
        assertEquals("details.necessaryHome", refused("DISPOSE", "necessaryHome", "yes").field());
    }
}
