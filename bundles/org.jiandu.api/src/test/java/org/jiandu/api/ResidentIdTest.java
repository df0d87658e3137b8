package org.jiandu.api;

import static org.jiandu.api.ValidationAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {
    private static final String FIELD = "debtor.idNumber";
    /** The example of GB 11643-1999. */
    private static final String EXAMPLE = "11010519491231002X";

    /** GB 11643 check character, computed here independently of the class under test. */
    private static String withCheck(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17.charAt(i), 10) * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static ValidationException assertInvalid(String text) {
        return assertRejected("INVALID_RESIDENT_ID", FIELD, () -> ResidentId.parse(text, FIELD));
    }

    @Test
    void standardExampleIsValid() {
        assertEquals(EXAMPLE, ResidentId.parse(EXAMPLE, FIELD).value());
    }

    @Test
    void birthDateIsReadFromCharactersSevenToFourteen() {
        assertEquals(LocalDate.of(1949, 12, 31), ResidentId.parse(EXAMPLE, FIELD).birthDate());
    }

    @Test
    void regionCodeIsTheFirstSixDigits() {
        assertEquals("110105", ResidentId.parse(EXAMPLE, FIELD).regionCode());
    }

    @Test
    void lowerCaseCheckXIsAcceptedAndStoredUpperCase() {
        assertEquals(EXAMPLE, ResidentId.parse("11010519491231002x", FIELD).value());
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertEquals(EXAMPLE, ResidentId.parse("  " + EXAMPLE + "\n", FIELD).value());
    }

    @Test
    void numericCheckDigitIsAccepted() {
        String id = withCheck("44030419900307124");
        assertTrue(Character.isDigit(id.charAt(17)), "fixture should have a numeric check digit: " + id);
        assertEquals(id, ResidentId.parse(id, FIELD).value());
    }

    @Test
    void residentIdWithWrongCheckDigitIsRejectedNamingExpectedDigit() {
        ValidationException e = assertInvalid("110105194912310021");
        assertTrue(e.getMessage().contains("check digit is 1 but X was expected"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "11010519491231002X1"})
    void wrongLengthIsRejectedSayingEighteen(String id) {
        ValidationException e = assertInvalid(id);
        assertTrue(e.getMessage().contains("not 18"), e.getMessage());
    }

    @Test
    void fifteenDigitFirstGenerationNumberIsRejected() {
        ValidationException e = assertInvalid("110105491231002");
        assertTrue(e.getMessage().contains("15-digit first-generation numbers are not accepted"), e.getMessage());
    }

    @Test
    void letterBeforeTheLastCharacterIsRejectedNamingItsPosition() {
        ValidationException e = assertInvalid("1101051949123100X2");
        assertTrue(e.getMessage().contains("character 17 is not a digit"), e.getMessage());
    }

    @Test
    void lastCharacterOtherThanDigitOrXIsRejected() {
        ValidationException e = assertInvalid("11010519491231002Y");
        assertTrue(e.getMessage().contains("last character must be a digit 0–9 or X"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "9"})
    void firstDigitOutsideOneToEightIsRejected(String first) {
        ValidationException e = assertInvalid(withCheck(first + "1010519491231002"));
        assertTrue(e.getMessage().contains("first digit must be 1–8"), e.getMessage());
    }

    @Test
    void birthDateThatDoesNotExistIsRejectedEvenWithACorrectCheckDigit() {
        ValidationException e = assertInvalid(withCheck("11010519490230002"));
        assertTrue(e.getMessage().contains("not a real birth date"), e.getMessage());
    }

    @Test
    void februaryTwentyNinthOfACommonYearIsRejectedAsNotALeapYear() {
        ValidationException e = assertInvalid(withCheck("11010519490229002"));
        assertTrue(e.getMessage().contains("not a leap year"), e.getMessage());
    }

    @Test
    void februaryTwentyNinthOfALeapYearIsAccepted() {
        assertEquals(LocalDate.of(2000, 2, 29), ResidentId.parse(withCheck("11010520000229002"), FIELD).birthDate());
    }

    @Test
    void thirteenthMonthIsRejected() {
        ValidationException e = assertInvalid(withCheck("11010519491331002"));
        assertTrue(e.getMessage().contains("month must be 01–12"), e.getMessage());
    }

    @Test
    void birthYearBefore1900IsRejected() {
        ValidationException e = assertInvalid(withCheck("11010518991231002"));
        assertTrue(e.getMessage().contains("before 1900"), e.getMessage());
    }

    @Test
    void rejectionMessageDoesNotRepeatTheNumber() {
        ValidationException e = assertInvalid("110105194912310021");
        assertFalse(e.getMessage().contains("19491231"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void nullOrBlankIsAMissingField(String text) {
        assertRejected("MISSING_FIELD", FIELD, () -> ResidentId.parse(text, FIELD));
    }

    @Test
    void maskedKeepsFirstAndLastFourCharacters() {
        assertEquals("1101**********002X", ResidentId.parse(EXAMPLE, FIELD).masked());
    }

    @Test
    void toStringIsMaskedSoTheNumberDoesNotReachLogs() {
        assertEquals("1101**********002X", ResidentId.parse(EXAMPLE, FIELD).toString());
    }

    @Test
    void upperAndLowerCaseXAreTheSameNumber() {
        assertEquals(ResidentId.parse(EXAMPLE, FIELD), ResidentId.parse("11010519491231002x", FIELD));
    }

    @Test
    void kindIsNaturalPerson() {
        assertEquals(PartyId.Kind.NATURAL_PERSON, ResidentId.parse(EXAMPLE, FIELD).kind());
    }
}
