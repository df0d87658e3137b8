package org.jiandu.api;

import static org.jiandu.api.ValidationAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    private static final String FIELD = "payload.amount";

    @ParameterizedTest
    @CsvSource({"12500,12500.00", "12500.5,12500.50", "12500.50,12500.50", "0,0.00", "' 7.10 ',7.10"})
    void parseNormalisesToScaleTwo(String text, String expected) {
        // BigDecimal.equals compares the scale too
        assertEquals(new BigDecimal(expected), Money.parse(text, FIELD));
    }

    /** Changed with issue 9: money is ASCII -?[0-9]+(.[0-9]{1,2})?, so a third decimal is refused even when zero. */
    @Test
    void parseRefusesAThirdDecimalEvenWhenZero() {
        assertRejected("INVALID_AMOUNT", FIELD, () -> Money.parse("1.500", FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"１００", "１００.００", "+100", "100.", ".50", "1 000", "٣"})
    void parseRefusesAnythingButAsciiDigitsWithAtMostTwoDecimals(String text) {
        assertRejected("INVALID_AMOUNT", FIELD, () -> Money.parse(text, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "-0.00", "-0.0"})
    void parseRefusesNegativeZero(String text) {
        assertRejected("NEGATIVE_AMOUNT", FIELD, () -> Money.parse(text, FIELD));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void parseOfNothingIsAMissingField(String text) {
        assertRejected("MISSING_FIELD", FIELD, () -> Money.parse(text, FIELD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,500.00", "一百", "12500元", "NaN"})
    void parseOfNonDecimalIsAnInvalidAmount(String text) {
        assertRejected("INVALID_AMOUNT", FIELD, () -> Money.parse(text, FIELD));
    }

    @Test
    void parseRefusesMoreThanTwoDecimals() {
        assertRejected("INVALID_AMOUNT", FIELD, () -> Money.parse("0.125", FIELD));
    }

    @Test
    void checkRefusesANegativeAmount() {
        assertRejected("NEGATIVE_AMOUNT", FIELD, () -> Money.check(new BigDecimal("-0.01"), FIELD));
    }

    @Test
    void checkRefusesAnAmountAboveTheMaximum() {
        assertRejected("ABSURD_AMOUNT", FIELD, () -> Money.check(Money.MAX.add(new BigDecimal("0.01")), FIELD));
    }

    @Test
    void checkAcceptsExactlyTheMaximum() {
        assertEquals(Money.MAX, Money.check(new BigDecimal("1000000000000"), FIELD));
    }

    @Test
    void ofNormalisesAnExactAmountToScaleTwo() {
        assertEquals(new BigDecimal("3.00"), Money.of(new BigDecimal("3")));
    }

    @Test
    void ofRefusesAnAmountThatWouldNeedRounding() {
        assertRejected("INVALID_AMOUNT", null, () -> Money.of(new BigDecimal("3.001")));
    }

    @Test
    void ofTextParsesWithoutAField() {
        assertRejected("NEGATIVE_AMOUNT", null, () -> Money.of("-1"));
    }

    @ParameterizedTest
    @CsvSource({"0.125,0.13", "0.124,0.12", "0.005,0.01", "-0.125,-0.13", "7,7.00"})
    void roundIsHalfUpToTheFen(String computed, String expected) {
        assertEquals(new BigDecimal(expected), Money.round(new BigDecimal(computed)));
    }

    @Test
    void sumsOfParsedAmountsStayExact() {
        // 0.1 + 0.2 is the classic double failure; a court's ledger must add exactly
        BigDecimal sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.add(Money.parse("0.10", FIELD));
        }
        assertEquals(new BigDecimal("1.00"), sum);
    }

    @Test
    void exponentNotationIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> Money.parse("1e3", "amount"));
        assertEquals("INVALID_AMOUNT", e.code());
        assertEquals("amount", e.field());
    }
}
