package org.jiandu.api;

import static org.jiandu.api.ValidationAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseNumberTest {
    private static final String FIELD = "caseNumber";

    private static ValidationException assertInvalid(String text) {
        return assertRejected("INVALID_CASE_NUMBER", FIELD, () -> CaseNumber.parse(text));
    }

    @Test
    void basicCourtCaseNumberIsSplitIntoItsParts() {
        CaseNumber n = CaseNumber.parse("（2024）京0105执1234号");
        assertEquals(List.of(2024, "京0105", "京", CourtLevel.BASIC, false, "执", 1234L),
                List.of(n.year(), n.courtCode(), n.province(), n.courtLevel(), n.intellectualProperty(),
                        n.typeCode(), n.serial()));
    }

    @Test
    void halfWidthBracketsAreCanonicalisedToFullWidth() {
        assertEquals("（2024）京0105执1234号", CaseNumber.parse("(2024)京0105执1234号").canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(2024）京0105执1234号", "（2024)京0105执1234号"})
    void mixedBracketsAreAcceptedAndCanonicalised(String text) {
        assertEquals("（2024）京0105执1234号", CaseNumber.parse(text).canonical());
    }

    @Test
    void surroundingWhitespaceIncludingIdeographicSpaceIsIgnored() {
        assertEquals("（2024）京0105执1234号", CaseNumber.parse(" \u3000（2024）京0105执1234号\t\n").canonical());
    }

    @ParameterizedTest
    @ValueSource(strings = {"执", "执恢", "执保", "执异", "执复", "执监", "执协", "执他"})
    void everyEnforcementTypeCodeIsAccepted(String typeCode) {
        assertEquals(typeCode, CaseNumber.parse("（2024）京0105" + typeCode + "7号").typeCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"民初", "执行", "财保", "司救执", "恢执"})
    void typeCodeOutsideTheEnforcementListIsRejectedNamingIt(String typeCode) {
        ValidationException e = assertInvalid("（2024）京0105" + typeCode + "7号");
        assertTrue(e.getMessage().contains("unknown enforcement type code \"" + typeCode + "\""), e.getMessage());
    }

    @Test
    void missingTypeCodeIsRejected() {
        ValidationException e = assertInvalid("（2024）京0105号");
        assertTrue(e.getMessage().contains("type code is missing"), e.getMessage());
    }

    @Test
    void supremeCourtCodeIsSupremeLevel() {
        CaseNumber n = CaseNumber.parse("（2023）最高法执监12号");
        assertEquals(List.of("最高法", "最高法", CourtLevel.SUPREME), List.of(n.courtCode(), n.province(), n.courtLevel()));
    }

    @Test
    void supremeCourtCodeTakesNoDigits() {
        assertInvalid("（2023）最高法01执监12号");
    }

    @Test
    void bareProvinceAbbreviationIsHighCourt() {
        CaseNumber n = CaseNumber.parse("（2024）粤执复88号");
        assertEquals(List.of("粤", "粤", CourtLevel.HIGH), List.of(n.courtCode(), n.province(), n.courtLevel()));
    }

    @Test
    void abbreviationWithTwoDigitsIsIntermediateCourt() {
        CaseNumber n = CaseNumber.parse("（2024）沪01执异5号");
        assertEquals(List.of("沪01", "沪", CourtLevel.INTERMEDIATE), List.of(n.courtCode(), n.province(), n.courtLevel()));
    }

    @Test
    void abbreviationWithFourDigitsIsBasicCourt() {
        CaseNumber n = CaseNumber.parse("（2024）川0107执恢3号");
        assertEquals(List.of("川0107", "川", CourtLevel.BASIC), List.of(n.courtCode(), n.province(), n.courtLevel()));
    }

    @ParameterizedTest
    @CsvSource({"军,军", "军01,军", "兵,兵", "兵0101,兵"})
    void militaryAndCorpsCourtsAreSpecialWhateverTheirDigits(String courtCode, String province) {
        CaseNumber n = CaseNumber.parse("（2022）" + courtCode + "执9号");
        assertEquals(List.of(province, CourtLevel.SPECIAL), List.of(n.province(), n.courtLevel()));
    }

    @Test
    void innerMongoliaAbbreviationIsAProvince() {
        assertEquals(CourtLevel.INTERMEDIATE, CaseNumber.parse("（2024）内01执100号").courtLevel());
    }

    @Test
    void zhiBeforeTheTypeCodeMarksIntellectualProperty() {
        CaseNumber n = CaseNumber.parse("（2024）京73知执1号");
        assertEquals(List.of(true, "京73", "执"), List.of(n.intellectualProperty(), n.courtCode(), n.typeCode()));
    }

    @Test
    void intellectualPropertyMarkIsKeptInCanonicalForm() {
        assertEquals("（2024）最高法知执恢2号", CaseNumber.parse("(2024)最高法知执恢2号").canonical());
    }

    @Test
    void caseWithoutZhiIsNotIntellectualProperty() {
        assertFalse(CaseNumber.parse("（2024）京73执1号").intellectualProperty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1989", "2100", "0000"})
    void yearOutside1990To2099IsRejected(String year) {
        ValidationException e = assertInvalid("（" + year + "）京0105执1234号");
        assertTrue(e.getMessage().contains("year " + Integer.parseInt(year) + " is outside 1990–2099"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990", "2099"})
    void boundaryYearsAreAccepted(String year) {
        assertEquals(Integer.parseInt(year), CaseNumber.parse("（" + year + "）京0105执1号").year());
    }

    @ParameterizedTest
    @ValueSource(strings = {"（24）京0105执1234号", "（20245）京0105执1234号", "（二〇二四）京0105执1234号"})
    void yearThatIsNotFourDigitsIsRejected(String text) {
        ValidationException e = assertInvalid(text);
        assertTrue(e.getMessage().contains("four digits"), e.getMessage());
    }

    @Test
    void missingOpeningBracketIsRejected() {
        ValidationException e = assertInvalid("2024京0105执1234号");
        assertTrue(e.getMessage().contains("must begin with the year in brackets"), e.getMessage());
    }

    @Test
    void squareBracketsAreRejected() {
        assertInvalid("〔2024〕京0105执1234号");
    }

    @Test
    void missingHaoIsRejected() {
        ValidationException e = assertInvalid("（2024）京0105执1234");
        assertTrue(e.getMessage().contains("must end with 号"), e.getMessage());
    }

    @Test
    void documentSuffixAfterHaoIsRejected() {
        ValidationException e = assertInvalid("（2024）京0105执1234号之一");
        assertTrue(e.getMessage().contains("之一"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"港", "台", "A", "北京"})
    void unknownProvinceIsRejected(String court) {
        ValidationException e = assertInvalid("（2024）" + court + "01执1号");
        assertTrue(e.getMessage().contains("unknown court code starting with \"" + court.charAt(0) + "\""),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"京1", "京010", "京01051"})
    void courtCodeWithOtherThanTwoOrFourDigitsIsRejected(String courtCode) {
        ValidationException e = assertInvalid("（2024）" + courtCode + "执1号");
        assertTrue(e.getMessage().contains("court code " + courtCode), e.getMessage());
    }

    @Test
    void missingSerialIsRejected() {
        ValidationException e = assertInvalid("（2024）京0105执号");
        assertTrue(e.getMessage().contains("serial number is missing"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00000"})
    void serialZeroIsRejected(String serial) {
        ValidationException e = assertInvalid("（2024）京0105执" + serial + "号");
        assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void serialAbove99999999IsRejected() {
        ValidationException e = assertInvalid("（2024）京0105执100000000号");
        assertTrue(e.getMessage().contains("exceeds 99999999"), e.getMessage());
    }

    @Test
    void hugeSerialIsRejectedWithoutOverflow() {
        assertInvalid("（2024）京0105执" + "9".repeat(40) + "号");
    }

    @Test
    void largestSerialIsAccepted() {
        assertEquals(99_999_999L, CaseNumber.parse("（2024）京0105执99999999号").serial());
    }

    @Test
    void leadingZerosOfTheSerialAreDroppedInCanonicalForm() {
        assertEquals("（2024）京0105执12号", CaseNumber.parse("（2024）京0105执0012号").canonical());
    }

    @Test
    void fullWidthDigitsAreRejected() {
        ValidationException e = assertInvalid("（2024）京0105执１２号");
        assertTrue(e.getMessage().contains("not full-width digits"), e.getMessage());
    }

    @Test
    void innerWhitespaceIsRejected() {
        assertInvalid("（2024） 京0105执1234号");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u3000"})
    void nullOrBlankIsAMissingField(String text) {
        assertRejected("MISSING_FIELD", FIELD, () -> CaseNumber.parse(text));
    }

    @Test
    void rejectionReportsTheFieldGivenByTheCaller() {
        assertRejected("INVALID_CASE_NUMBER", "events[2].caseNumber",
                () -> CaseNumber.parse("（2024）京0105执1234", "events[2].caseNumber"));
    }

    @Test
    void missingValueReportsTheFieldGivenByTheCaller() {
        assertRejected("MISSING_FIELD", "query.caseNumber", () -> CaseNumber.parse(null, "query.caseNumber"));
    }

    @Test
    void rejectionMessageGivesAValidExample() {
        ValidationException e = assertInvalid("（2024）京0105执1234");
        assertTrue(e.getMessage().contains("（2024）京0105执1234号"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void rejectionMessageDoesNotEchoHugeInputWhole(int shape) {
        String huge = List.of("（2024）" + "京".repeat(10_000), "（2024）京" + "1".repeat(10_000) + "执1号",
                "（2024）京0105执1号" + "x".repeat(10_000)).get(shape);
        ValidationException e = assertInvalid(huge);
        assertTrue(e.getMessage().length() < 400, () -> "message length " + e.getMessage().length());
    }

    @Test
    void halfWidthAndFullWidthFormsAreEqualWithTheSameHashCode() {
        CaseNumber half = CaseNumber.parse("(2024)京0105执1234号");
        CaseNumber full = CaseNumber.parse("（2024）京0105执1234号");
        assertEquals(List.of(full, full.hashCode()), List.of(half, half.hashCode()));
    }

    @Test
    void differentTypeCodesAreDifferentCases() {
        assertNotEquals(CaseNumber.parse("（2024）京0105执1号"), CaseNumber.parse("（2024）京0105执恢1号"));
    }

    @Test
    void orderingComparesSerialsNumerically() {
        assertTrue(CaseNumber.parse("（2024）京0105执9号").compareTo(CaseNumber.parse("（2024）京0105执10号")) < 0);
    }

    @Test
    void orderingPutsEarlierYearsFirst() {
        assertTrue(CaseNumber.parse("（2023）京0105执999号").compareTo(CaseNumber.parse("（2024）京0105执1号")) < 0);
    }

    @Test
    void orderingIsZeroExactlyForEqualCaseNumbers() {
        assertEquals(0, CaseNumber.parse("(2024)京0105执0012号").compareTo(CaseNumber.parse("（2024）京0105执12号")));
    }

    @Test
    void toStringIsTheCanonicalForm() {
        assertEquals("（2024）京0105执1234号", CaseNumber.parse("(2024)京0105执1234号").toString());
    }

    @Test
    void isValidAcceptsAValidCaseNumber() {
        assertTrue(CaseNumber.isValid("（2024）京0105执1234号"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"（2024）京0105执1234", "（1989）京0105执1号"})
    void isValidRefusesInvalidOrMissingInput(String text) {
        assertFalse(CaseNumber.isValid(text));
    }

    /**
     * The hand-written parser (which exists to give specific messages) accepts exactly what the 案号 regex
     * accepts, plus the year and serial ranges, over every combination of good and bad fragments.
     */
    @Test
    void parserAcceptsExactlyWhatTheRulesRegexAcceptsWithinRange() {
        Pattern rules = Pattern.compile("^[（(](\\d{4})[）)](最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵]"
                + "(\\d{2}|\\d{4})?)(知)?(执恢|执保|执异|执复|执监|执协|执他|执)(\\d+)号$");
        String[] opens = {"（", "(", "〔", ""};
        String[] years = {"2024", "1989", "2100", "202", "20245"};
        String[] closes = {"）", ")", "〕"};
        String[] courts = {"最高法", "最高法01", "京", "京01", "京010", "京0105", "港01", "军", "兵0101", "内", ""};
        String[] marks = {"", "知", "知知"};
        String[] types = {"执", "执恢", "执他", "民初", "执行", ""};
        String[] serials = {"1234", "0", "0012", "100000000", ""};
        String[] ends = {"号", "", "号之一", "號"};
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        for (String open : opens) {
            for (String year : years) {
                for (String close : closes) {
                    for (String court : courts) {
                        for (String mark : marks) {
                            for (String type : types) {
                                for (String serial : serials) {
                                    for (String end : ends) {
                                        String text = open + year + close + court + mark + type + serial + end;
                                        Matcher m = rules.matcher(text);
                                        boolean expected = m.matches() && inRange(m.group(1), m.group(6));
                                        if (CaseNumber.isValid(text) != expected) {
                                            disagreements.add(text);
                                        }
                                        cases++;
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), disagreements, "over " + cases + " inputs");
    }

    private static boolean inRange(String year, String serial) {
        int y = Integer.parseInt(year);
        String significant = serial.replaceFirst("^0+", "");
        return y >= 1990 && y <= 2099 && !significant.isEmpty() && significant.length() <= 8;
    }
}
