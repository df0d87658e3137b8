package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * jiandu-calendar installed alone on jiandu-core: the REST endpoint computes statutory deadlines across holidays
 * and make-up days, explains them, refuses bad input naming the field, and agrees with {@code jiandu:deadline}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CalendarIT extends JianduTestSupport {

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-calendar");
    }

    @Before
    public void restIsUp() {
        awaitRest();
        await("the calendar endpoint", 60, () -> get("officer", "/v1/calendar/days/2024-10-12").status() == 200);
    }

    @Test
    public void fiveWorkingDaysAfterTheFridayBeforeNationalDay2024() {
        Reply r = get("officer", "/v1/calendar/deadline?from=2024-09-27&amount=5&unit=WD");
        assertEquals(r.text(), 200, r.status());
        assertEquals("2024-10-10", r.body().get("due").asText());
        assertTrue(r.body().get("explanation").size() > 0);
        assertFalse(r.body().get("calendarVersions").isEmpty());
        assertFalse(r.body().get("provisional").asBoolean());
    }

    @Test
    public void tenWorkingDaysAcrossSpringFestival2026() {
        Reply r = get("supervisor", "/v1/calendar/deadline?from=2026-02-13&amount=10&unit=WD");
        assertEquals("2026-03-05", r.body().get("due").asText());
    }

    @Test
    public void aDeductedPeriodMovesTheDueDate() {
        Reply plain = get("officer", "/v1/calendar/deadline?from=2024-11-01&amount=30&unit=D");
        Reply deducted = get("officer", "/v1/calendar/deadline?from=2024-11-01&amount=30&unit=D"
                + "&deduct=2024-11-04/2024-11-08");
        assertEquals(200, deducted.status());
        assertEquals(5, deducted.body().get("deductedDays").asInt());
        assertTrue(java.time.LocalDate.parse(deducted.body().get("due").asText())
                .isAfter(java.time.LocalDate.parse(plain.body().get("due").asText())));
    }

    @Test
    public void aMakeUpSaturdayIsAWorkingDay() {
        Reply r = get("officer", "/v1/calendar/days/2024-10-12");
        assertEquals(200, r.status());
        assertTrue(r.body().get("workingDay").asBoolean());
        Reply holiday = get("officer", "/v1/calendar/days/2024-10-03");
        assertFalse(holiday.body().get("workingDay").asBoolean());
    }

    @Test
    public void badInputNamesTheField() {
        Reply unit = get("officer", "/v1/calendar/deadline?from=2024-09-27&amount=5&unit=WEEKS");
        assertEquals(400, unit.status());
        assertEquals("unit", unit.field());
        Reply amount = get("officer", "/v1/calendar/deadline?from=2024-09-27&amount=-1&unit=WD");
        assertEquals(400, amount.status());
        assertEquals("amount", amount.field());
        Reply from = get("officer", "/v1/calendar/deadline?from=2024-02-30&amount=5&unit=WD");
        assertEquals(400, from.status());
        assertEquals("from", from.field());
        Reply uncovered = get("officer", "/v1/calendar/days/2031-05-01");
        assertEquals(400, uncovered.status());
        assertEquals("CALENDAR_NOT_COVERED", uncovered.code());
        assertEquals(401, get(null, "/v1/calendar/days/2024-10-12").status());
        // a prosecutor reaches the courts' data through the procuratorate feature's endpoint, not the core's
        Reply prosecutor = get("prosecutor", "/v1/calendar/days/2024-10-12");
        assertEquals(403, prosecutor.status());
        assertEquals("ROLE_REQUIRED", prosecutor.code());
    }

    @Test
    public void theShellCommandAgreesWithTheEndpoint() {
        String printed = shell(sessions, "jiandu:deadline 2024-09-27 5 WD");
        JsonNode api = get("officer", "/v1/calendar/deadline?from=2024-09-27&amount=5&unit=WD").body();
        assertTrue(printed, printed.contains("2024-10-10"));
        for (JsonNode line : api.get("text")) {
            assertTrue("shell output lacks: " + line.asText() + "\n" + printed, printed.contains(line.asText()));
        }
    }

    /** The calendar's answers are records; the OpenAPI document describes them with their types. */
    @Test
    public void openApiDescribesTheDeadlineAnswer() {
        JsonNode doc = get(null, "/openapi.json").body();
        assertEquals("#/components/schemas/DeadlineResponse", doc.at("/paths/~1api~1v1~1calendar~1deadline/get"
                + "/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("date", doc.at("/components/schemas/DeadlineResponse/properties/due/format").asText());
        assertEquals("array", doc.at("/components/schemas/DeadlineResponse/properties/text/type").asText());
    }
}
