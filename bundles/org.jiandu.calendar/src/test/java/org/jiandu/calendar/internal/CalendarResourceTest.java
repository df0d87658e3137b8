package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.OffsetDateTime;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DayKind;
import org.jiandu.api.calendar.ExplanationStep.Kind;
import org.jiandu.api.rest.RequiresRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The REST resource called directly, as the REST bundle's JAX-RS server would call it. */
class CalendarResourceTest {
    private final CalendarResource resource = new CalendarResource(Calendars.bundled());

    /** Jackson set up as the REST bundle is meant to: java.time as ISO strings. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static ValidationException refused(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ValidationException.class, call);
    }

    @Test
    void fiveWorkingDaysFrom27September2024AreDueOn10October() {
        DeadlineResponse r = resource.deadline("2024-09-27", "5", "WD", null);
        assertEquals(d("2024-10-10"), r.due());
        assertTrue(r.explanation().stream().anyMatch(s -> s.kind() == Kind.MAKE_UP_DAY_COUNTED
                && s.date().equals(d("2024-09-29"))));
        assertEquals(r.text().get(0), r.summary());
    }

    @Test
    void answerSerialisesWithTheDueDateAsAnIsoString() throws Exception {
        String json = JSON.writeValueAsString(resource.deadline("2024-09-27", "5", "WD", null));
        assertTrue(json.contains("\"due\":\"2024-10-10\""), json);
        assertTrue(json.contains("\"kind\":\"HOLIDAY_SKIPPED\""), json);
        assertTrue(json.contains("\"unit\":\"WD\""), json);
        assertTrue(json.contains("\"expiresAt\":\"2024-10-10T16:00:00Z\""), json);
    }

    @Test
    void repeatedDeductParametersAddDeductedPeriods() {
        DeadlineResponse r = resource.deadline("2024-09-27", "5", "wd",
                List.of("2024-10-08/2024-10-09", "2024-10-09/2024-10-10 公告"));
        assertEquals(d("2024-10-14"), r.due());
        assertEquals(3, r.deductedDays());
        assertEquals(2, r.request().deducted().size());
    }

    @Test
    void hoursCountFromAnInstant() {
        DeadlineResponse r = resource.deadline("2024-09-30T16:00+08:00", "24", "H", null);
        assertEquals(OffsetDateTime.parse("2024-10-01T16:00+08:00").toInstant(), r.dueInstant());
    }

    @Test
    void unencodedPlusOfAnOffsetArrivingAsABlankIsUnderstood() {
        DeadlineResponse r = resource.deadline("2024-09-30T16:00 08:00", "24", "H", null);
        assertEquals(OffsetDateTime.parse("2024-10-01T16:00+08:00").toInstant(), r.dueInstant());
    }

    @Test
    void hoursFromADayAloneAreRefusedOnFrom() {
        ValidationException e = refused(() -> resource.deadline("2024-09-30", "24", "H", null));
        assertEquals("from", e.field());
        assertEquals("INSTANT_REQUIRED", e.code());
    }

    @ParameterizedTest(name = "from={0} amount={1} unit={2} deduct={3} → {4} {5}")
    @CsvSource({
        "2024-09-31, 5, WD, , from, INVALID_DATE",
        "27/09/2024, 5, WD, , from, INVALID_DATE",
        ", 5, WD, , from, MISSING_FIELD",
        "2024-09-27, five, WD, , amount, INVALID_AMOUNT",
        "2024-09-27, -1, WD, , amount, INVALID_AMOUNT",
        "2024-09-27, 100001, WD, , amount, INVALID_AMOUNT",
        "2024-09-27, , WD, , amount, MISSING_FIELD",
        "2024-09-27, 5, W, , unit, INVALID_UNIT",
        "2024-09-27, 5, , , unit, MISSING_FIELD",
        "2024-09-27, 5, WD, 2024-10-05/2024-10-01, deduct, INVALID_INTERVAL",
        "2024-09-27, 5, WD, 2024-10-01..2024-10-05, deduct, INVALID_INTERVAL",
    })
    void badParametersAreRefusedNamingTheField(String from, String amount, String unit, String deduct, String field,
            String code) {
        ValidationException e = refused(() -> resource.deadline(from, amount, unit,
                deduct == null ? null : List.of(deduct)));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(code, e.code(), e.getMessage());
    }

    @Test
    void deadlineBeyondTheCoveredYearsIsRefusedAsNotCovered() {
        ValidationException e = refused(() -> resource.deadline("2026-12-25", "10", "WD", null));
        assertEquals("CALENDAR_NOT_COVERED", e.code());
    }

    @Test
    void makeUpSaturdayIsAWorkingDayAndSaysWhy() {
        DayInfo info = resource.day("2024-10-12");
        assertTrue(info.workingDay());
        assertEquals(DayKind.MAKE_UP_WORKDAY, info.kind());
        assertEquals("国庆节", info.holiday());
        assertTrue(info.reason().contains("make-up working day"), info.reason());
        assertNotNull(info.calendarVersion());
    }

    @Test
    void dayThatIsNotADateIsRefusedOnDate() {
        ValidationException e = refused(() -> resource.day("2024-13-01"));
        assertEquals("date", e.field());
        assertEquals("INVALID_DATE", e.code());
    }

    @Test
    void dayOfAnUncoveredYearIsRefusedOnDate() {
        CalendarNotCoveredException e = assertThrows(CalendarNotCoveredException.class, () -> resource.day("2027-01-04"));
        assertEquals("date", e.field());
    }

    @Test
    void yearsListsTheBundledYears() {
        assertEquals(6, resource.years().years().size());
        assertFalse(resource.years().fallbackWeekendsOnly());
    }

    @Test
    void everyResourceMethodAdmitsAnyCourtUserAndNothingIsLeftToTheDefault() {
        assertEquals("/v1/calendar", CalendarResource.class.getAnnotation(Path.class).value());
        int methods = 0;
        for (Method m : CalendarResource.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(GET.class)) {
                methods++;
                RequiresRoles roles = m.getAnnotation(RequiresRoles.class);
                assertNotNull(roles, m.getName());
                assertEquals(List.of(RequiresRoles.ANY_COURT_USER), List.of(roles.value()), m.getName());
            }
        }
        assertEquals(3, methods);
    }

    @Test
    void pathsAreTheOnesTheIssueNames() throws Exception {
        assertEquals("/deadline", CalendarResource.class.getMethod("deadline", String.class, String.class,
                String.class, List.class).getAnnotation(Path.class).value());
        assertEquals("/days/{date}", CalendarResource.class.getMethod("day", String.class).getAnnotation(Path.class)
                .value());
    }
}
