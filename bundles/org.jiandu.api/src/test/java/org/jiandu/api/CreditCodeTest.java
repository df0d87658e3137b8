package org.jiandu.api;

import static org.jiandu.api.ValidationAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {
    private static final String FIELD = "debtor.creditCode";
    /** Both valid under GB 32100-2015. */
    private static final String FUZHOU = "91350100M000100Y43";
    private static final String BEIJING = "91110000802100433B";

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** GB 32100 check character, computed here independently of the class under test. */
    static String withGb32100Check(String first17) {
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * w[i];
        }
        return first17 + CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** Σ of the GB 11714 weighted values of an organisation code body (8 characters), mod 11. */
    static int gb11714SumMod11(String body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body.charAt(i), 36) * w[i];
        }
        return sum % 11;
    }

    /** The first 8-digit body from {@code start} upwards whose GB 11714 sum is ≡ {@code remainder} (mod 11). */
    static String bodyWithSumMod11(int start, int remainder) {
        for (int n = start; ; n++) {
            String body = String.format("%08d", n);
            if (gb11714SumMod11(body) == remainder) {
                return body;
            }
        }
    }

    private static ValidationException assertInvalid(String text) {
        return assertRejected("INVALID_CREDIT_CODE", FIELD, () -> CreditCode.parse(text, FIELD));
    }

    @Test
    void fuzhouExampleFromRulesIsValid() {
        assertEquals(FUZHOU, CreditCode.parse(FUZHOU, FIELD).value());
    }

    @Test
    void beijingExampleFromRulesIsValid() {
        assertEquals(BEIJING, CreditCode.parse(BEIJING, FIELD).value());
    }

    @Test
    void organisationCodeIsCharactersNineToSeventeen() {
        assertEquals("M000100Y4", CreditCode.parse(FUZHOU, FIELD).organisationCode());
    }

    @Test
    void lowerCaseInputIsStoredUpperCase() {
        assertEquals(BEIJING, CreditCode.parse("91110000802100433b", FIELD).value());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(FUZHOU, CreditCode.parse(" " + FUZHOU + " ", FIELD).value());
    }

    @Test
    void wrongCheckCharacterIsRejectedNamingTheGb32100CheckAndExpectedCharacter() {
        ValidationException e = assertInvalid("91350100M000100Y44");
        assertTrue(e.getMessage().contains("GB 32100 check character (18th) is 4 but 3 was expected"), e.getMessage());
    }

    @Test
    void organisationCodeCheckFailureIsRejectedNamingGb11714() {
        // M000100Y's correct GB 11714 check is 4; 5 is wrong, and the GB 32100 check is recomputed to match.
        String code = withGb32100Check("91350100M000100Y5");
        ValidationException e = assertInvalid(code);
        assertTrue(e.getMessage().contains("organisation code M000100Y5 (characters 9–17) fails the GB 11714 check:"
                + " its last character is 5 but 4 was expected"), e.getMessage());
    }

    @Test
    void organisationCheckValueTenIsWrittenX() {
        String code = withGb32100Check("91110000" + bodyWithSumMod11(10_000_000, 1) + "X");
        assertEquals('X', CreditCode.parse(code, FIELD).organisationCode().charAt(8));
    }

    @Test
    void organisationCheckValueElevenIsWrittenZero() {
        String code = withGb32100Check("91110000" + bodyWithSumMod11(10_000_000, 0) + "0");
        assertEquals('0', CreditCode.parse(code, FIELD).organisationCode().charAt(8));
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void lettersExcludedByGb32100AreRejected(char letter) {
        ValidationException e = assertInvalid("9135010" + letter + "M000100Y43");
        assertTrue(e.getMessage().contains("character 8 (" + letter + ") is not allowed"), e.getMessage());
    }

    @Test
    void fullWidthCharactersAreRejected() {
        assertInvalid("９1350100M000100Y43");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "M000100Y4"})
    void wrongLengthIsRejectedSayingEighteen(String text) {
        ValidationException e = assertInvalid(text);
        assertTrue(e.getMessage().contains("not 18"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void nullOrBlankIsAMissingField(String text) {
        assertRejected("MISSING_FIELD", FIELD, () -> CreditCode.parse(text, FIELD));
    }

    @Test
    void maskedKeepsFirstAndLastFourCharacters() {
        assertEquals("9135**********0Y43", CreditCode.parse(FUZHOU, FIELD).masked());
    }

    @Test
    void toStringIsTheFullPublicCode() {
        assertEquals(FUZHOU, CreditCode.parse(FUZHOU, FIELD).toString());
    }

    @Test
    void codesDifferingOnlyInCaseAreEqual() {
        assertEquals(CreditCode.parse(BEIJING, FIELD), CreditCode.parse(BEIJING.toLowerCase(), FIELD));
    }

    @Test
    void differentCodesAreNotEqual() {
        assertNotEquals(CreditCode.parse(BEIJING, FIELD), CreditCode.parse(FUZHOU, FIELD));
    }

    @Test
    void kindIsOrganisation() {
        assertEquals(PartyId.Kind.ORGANISATION, CreditCode.parse(BEIJING, FIELD).kind());
    }
}
