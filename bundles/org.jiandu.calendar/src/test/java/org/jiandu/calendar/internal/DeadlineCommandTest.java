package org.jiandu.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jiandu.api.ValidationException;
import org.junit.jupiter.api.Test;

/** The Karaf shell commands, and their agreement with the REST endpoint. */
class DeadlineCommandTest {
    private final CalendarSnapshot cal = Calendars.bundled();

    private DeadlineCommand command(String from, String amount, String unit, List<String> deduct) {
        DeadlineCommand c = new DeadlineCommand();
        c.calendar = cal;
        c.from = from;
        c.amount = amount;
        c.unit = unit;
        c.deduct = deduct;
        return c;
    }

    @Test
    void commandPrintsTheDueDateFirst() {
        List<String> lines = command("2024-09-27", "5", "WD", null).lines();
        assertTrue(lines.get(0).startsWith("Due 2024-10-10 (Thu)"), lines.get(0));
    }

    @Test
    void commandAndEndpointPrintTheSameLines() {
        CalendarResource resource = new CalendarResource(cal);
        List<String> deduct = List.of("2024-10-08/2024-10-09 鉴定");
        assertEquals(resource.deadline("2024-09-27", "5", "WD", deduct).text(),
                command("2024-09-27", "5", "WD", deduct).lines());
        assertEquals(resource.deadline("2021-01-31", "1", "M", null).text(),
                command("2021-01-31", "1", "M", null).lines());
    }

    @Test
    void commandRefusesABadUnitWithTheSameErrorAsTheEndpoint() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> command("2024-09-27", "5", "weeks", null).lines());
        assertEquals("unit", e.field());
    }

    @Test
    void calendarYearsCommandListsVersionsAndTheFallback() {
        CalendarYearsCommand c = new CalendarYearsCommand();
        c.calendar = cal;
        List<String> lines = c.lines();
        assertEquals(7, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("2021  bundled  digest "), lines.get(0));
        assertTrue(lines.get(6).contains("off"), lines.get(6));
    }

    @Test
    void calendarYearsCommandShowsRefusedConfigurations() {
        WorkingCalendarService service = WorkingCalendarService.of(Calendars.config(false));
        service.addYear(new CalendarYearConfiguration(), Calendars.with(Calendars.year2027("bad"), "version", ""));
        CalendarYearsCommand c = new CalendarYearsCommand();
        c.calendar = service;
        assertTrue(c.lines().stream().anyMatch(l -> l.startsWith("REFUSED config:bad (year 2027)")), c.lines().toString());
    }
}
