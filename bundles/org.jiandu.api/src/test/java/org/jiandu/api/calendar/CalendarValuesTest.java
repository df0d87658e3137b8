package org.jiandu.api.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.jiandu.api.ValidationException;
import org.junit.jupiter.api.Test;

/** The calendar API's value types refuse what they cannot mean, naming the field. */
class CalendarValuesTest {

    @Test
    void unitCodesParseInAnyCase() {
        assertEquals(PeriodUnit.WD, PeriodUnit.parse(" wd "));
        assertEquals(PeriodUnit.H, PeriodUnit.parse("H"));
    }

    @Test
    void unknownUnitIsRefusedOnUnit() {
        ValidationException e = assertThrows(ValidationException.class, () -> PeriodUnit.parse("weeks"));
        assertEquals("unit", e.field());
        assertEquals("INVALID_UNIT", e.code());
    }

    @Test
    void blankUnitIsMissing() {
        assertEquals("MISSING_FIELD", assertThrows(ValidationException.class, () -> PeriodUnit.parse(" ")).code());
    }

    @Test
    void deductedIntervalParsesStartSlashEndAndAReason() {
        DeductedInterval i = DeductedInterval.parse("2024-10-01/2024-10-05 鉴定", "deduct");
        assertEquals(LocalDate.parse("2024-10-01"), i.start());
        assertEquals(LocalDate.parse("2024-10-05"), i.end());
        assertEquals("鉴定", i.reason());
        assertEquals(5, i.days());
    }

    @Test
    void deductedIntervalOfOneDayNeedsNoSlash() {
        DeductedInterval i = DeductedInterval.parse("2024-10-01", "deduct");
        assertEquals(i.start(), i.end());
        assertNull(i.reason());
    }

    @Test
    void deductedIntervalEndingBeforeItStartsIsRefusedOnTheGivenField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DeductedInterval.parse("2024-10-05/2024-10-01", "deduct"));
        assertEquals("deduct", e.field());
        assertEquals("INVALID_INTERVAL", e.code());
    }

    @Test
    void deductedIntervalInAnotherNotationIsRefused() {
        assertEquals("deduct", assertThrows(ValidationException.class,
                () -> DeductedInterval.parse("2024-10-01..2024-10-05", "deduct")).field());
    }

    @Test
    void requestTakesItsTriggerDayFromTheInstantInShanghai() {
        DeadlineRequest r = DeadlineRequest.ofInstant(Instant.parse("2024-09-26T17:00:00Z"), 1, PeriodUnit.H, null);
        assertEquals(LocalDate.parse("2024-09-27"), r.triggerDate());
        assertEquals(List.of(), r.deducted());
    }

    @Test
    void requestWithADayThatIsNotTheInstantsDayIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> new DeadlineRequest(
                LocalDate.parse("2024-09-26"), Instant.parse("2024-09-26T17:00:00Z"), 1, PeriodUnit.D, List.of()));
        assertEquals("INCONSISTENT_TRIGGER", e.code());
    }

    @Test
    void hourRequestWithoutAnInstantIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DeadlineRequest.ofDate(LocalDate.parse("2024-09-27"), 24, PeriodUnit.H));
        assertEquals("triggerInstant", e.field());
    }

    @Test
    void negativeAmountIsRefused() {
        assertEquals("amount", assertThrows(ValidationException.class,
                () -> DeadlineRequest.ofDate(LocalDate.parse("2024-09-27"), -1, PeriodUnit.D)).field());
    }

    @Test
    void nullDeductedPeriodIsRefusedWithItsIndex() {
        ValidationException e = assertThrows(ValidationException.class, () -> DeadlineRequest.ofDate(
                LocalDate.parse("2024-09-27"), 5, PeriodUnit.WD, Arrays.asList(
                        new DeductedInterval(LocalDate.parse("2024-10-01"), LocalDate.parse("2024-10-02"), null), null)));
        assertEquals("deducted[1]", e.field());
    }

    @Test
    void withDeductedAddsWithoutChangingTheOriginal() {
        DeadlineRequest r = DeadlineRequest.ofDate(LocalDate.parse("2024-09-27"), 5, PeriodUnit.WD);
        DeadlineRequest later = r.withDeducted(DeductedInterval.parse("2024-10-08", "deduct"));
        assertEquals(0, r.deducted().size());
        assertEquals(1, later.deducted().size());
    }

    @Test
    void notCoveredErrorKeepsItsTypeAndDateWhenPlacedUnderAField() {
        CalendarNotCoveredException e = new CalendarNotCoveredException(LocalDate.parse("2027-01-04"), null, "m")
                .under("date");
        assertEquals("date", e.field());
        assertEquals("CALENDAR_NOT_COVERED", e.code());
        assertEquals(LocalDate.parse("2027-01-04"), e.date());
    }
}
