package org.jiandu.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.jiandu.api.ValidationException;
import org.junit.jupiter.api.Test;

/** The bundled table's format, reprints folded, contradictions and inconsistencies refused loudly. */
class HolidayCsvTest {

    /** One complete, consistent year (the 2024 notice), as rows. */
    private static final String Y2024 = """
            2024-01-01,holiday,元旦
            2024-02-04,workday,春节
            2024-02-10,holiday,春节
            2024-02-11,holiday,春节
            2024-02-18,workday,春节
            2024-04-04,holiday,清明节
            2024-05-01,holiday,劳动节
            2024-06-10,holiday,端午节
            2024-09-17,holiday,中秋节
            2024-10-01,holiday,国庆节
            2024-10-12,workday,国庆节
            """;

    private static HolidayCsv.Parsed parse(String text) {
        return HolidayCsv.parse(new StringReader(text), "test.csv");
    }

    private static ValidationException refused(String text) {
        return assertThrows(ValidationException.class, () -> parse(text));
    }

    @Test
    void bundledTableHoldsTheSixNoticesOf2021To2026WithoutReprints() {
        HolidayCsv.Parsed p = HolidayCsv.bundled();
        assertEquals(List.of(2021, 2022, 2023, 2024, 2025, 2026), p.notices().stream().map(NoticeYear::year).toList());
        assertEquals(0, p.duplicateRows());
    }

    @Test
    void newYearRowDatedInDecemberIsFiledUnderTheNextYearsNotice() {
        NoticeYear y2023 = HolidayCsv.bundled().notices().stream().filter(n -> n.year() == 2023).findFirst().orElseThrow();
        assertEquals("2022-12-31", y2023.entries().get(0).date().toString());
    }

    @Test
    void identicalReprintedRowsAreTakenOnce() {
        HolidayCsv.Parsed once = parse("date,kind,name\n" + Y2024);
        HolidayCsv.Parsed twice = parse("date,kind,name\n" + Y2024 + Y2024);
        assertEquals(once.notices(), twice.notices());
        assertEquals(11, twice.duplicateRows());
    }

    @Test
    void reprintsThatDisagreeAboutADayAreRefusedNamingBothLines() {
        ValidationException e = refused("date,kind,name\n" + Y2024 + "2024-10-12,holiday,国庆节\n");
        assertEquals("INVALID_CALENDAR_DATA", e.code());
        assertTrue(e.getMessage().contains("line 13"), e.getMessage());
        assertTrue(e.getMessage().contains("contradicts line 12"), e.getMessage());
    }

    @Test
    void reprintsThatDisagreeAboutAHolidaysNameAreRefused() {
        ValidationException e = refused("date,kind,name\n" + Y2024 + "2024-10-01,holiday,国庆\n");
        assertTrue(e.getMessage().contains("2024-10-01"), e.getMessage());
    }

    @Test
    void makeUpWorkdayOnAWeekdayIsRefused() {
        ValidationException e = refused("date,kind,name\n" + Y2024 + "2024-10-09,workday,国庆节\n");
        assertTrue(e.getMessage().contains("2024-10-09 is listed as a make-up workday"), e.getMessage());
        assertTrue(e.getMessage().contains("Wednesday"), e.getMessage());
    }

    @Test
    void makeUpWorkdayForAHolidayNotListedIsRefused() {
        ValidationException e = refused("date,kind,name\n" + Y2024 + "2024-10-13,workday,重阳节\n");
        assertTrue(e.getMessage().contains("重阳节"), e.getMessage());
    }

    @Test
    void yearMissingAStatutoryFestivalIsRefusedAsIncomplete() {
        ValidationException e = refused("date,kind,name\n" + Y2024.replace("2024-06-10,holiday,端午节\n", ""));
        assertTrue(e.getMessage().contains("端午"), e.getMessage());
    }

    @Test
    void wrongHeaderIsRefused() {
        assertTrue(refused("day,type,name\n" + Y2024).getMessage().contains("header"));
    }

    @Test
    void unknownKindIsRefusedWithItsLine() {
        ValidationException e = refused("date,kind,name\n2024-01-01,holidays,元旦\n");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void malformedDateIsRefusedWithItsLine() {
        assertTrue(refused("date,kind,name\n2024-1-01,holiday,元旦\n").getMessage().contains("line 2"));
    }

    @Test
    void rowWithTooManyFieldsIsRefused() {
        assertTrue(refused("date,kind,name\n2024-01-01,holiday,元旦,extra\n").getMessage().contains("3 fields"));
    }

    @Test
    void emptyTableIsRefused() {
        assertTrue(refused("").getMessage().contains("empty"));
    }

    @Test
    void byteOrderMarkWindowsLineEndsBlankLinesAndCommentsAreAccepted() {
        String text = "\uFEFFdate,kind,name\r\n# 2024 notice\r\n\r\n" + Y2024.replace("\n", "\r\n");
        assertEquals(List.of(2024), parse(text).notices().stream().map(NoticeYear::year).toList());
    }
}
