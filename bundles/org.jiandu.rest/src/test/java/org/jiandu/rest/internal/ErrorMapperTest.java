package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.jiandu.api.ValidationException;
import org.jiandu.api.ledger.HostEventConflictException;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.ErrorBody;
import org.jiandu.api.rest.ErrorBody.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ErrorMapperTest {
    private static final Pattern INCIDENT = Pattern.compile("Incident ([0-9a-f-]{36}) ");
    private static final ValidationException AMOUNT =
            new ValidationException("NEGATIVE_AMOUNT", "payload.amount", "Amount must not be negative: -1");
    private static final ValidationException TYPE =
            new ValidationException("UNKNOWN_EVENT_TYPE", "type", "Unknown event type \"X\"");

    /** Holder for a mapping error with a path. */
    static final class Batch {
        public List<Item> events;
    }

    static final class Item {
        public int count;
    }

    private static String incidentOf(ErrorBody body) {
        Matcher m = INCIDENT.matcher(body.message());
        assertTrue(m.find(), body::message);
        return m.group(1);
    }

    @Test
    void aClientThatHungUpIsNoIncident() {
        // what CXF hands over when Jetty could not write the answer to a closed connection
        RuntimeException fault = new RuntimeException("Could not send Message.",
                new org.eclipse.jetty.io.EofException(new java.io.IOException("Broken pipe")));
        ErrorBody body = ErrorMapper.toBody(fault);
        assertEquals(List.of(499, "CLIENT_CLOSED_REQUEST"), List.of(body.status(), body.code()));
        assertEquals(500, ErrorMapper.toBody(new RuntimeException(new java.io.IOException("Broken pipe"))).status(),
                "another I/O error stays an incident");
    }

    @Test
    void validationErrorIsABadRequestNamingCodeAndField() {
        ErrorBody body = ErrorMapper.toBody(AMOUNT);
        assertEquals(List.of(400, "NEGATIVE_AMOUNT", "payload.amount", AMOUNT.getMessage()),
                List.of(body.status(), body.code(), body.field(), body.message()));
    }

    @Test
    void validationErrorIsAlsoListedInErrors() {
        assertEquals(List.of(new FieldError("NEGATIVE_AMOUNT", AMOUNT.getMessage(), "payload.amount")),
                ErrorMapper.toBody(AMOUNT).errors());
    }

    @Test
    void severalValidationErrorsAreAllListedAndTheFirstLeads() {
        ErrorBody body = ErrorMapper.toBody(ValidationException.of(List.of(AMOUNT, TYPE)));
        assertEquals("NEGATIVE_AMOUNT", body.code());
        assertEquals(List.of(new FieldError("NEGATIVE_AMOUNT", AMOUNT.getMessage(), "payload.amount"),
                new FieldError("UNKNOWN_EVENT_TYPE", TYPE.getMessage(), "type")), body.errors());
    }

    @Test
    void apiErrorKeepsItsStatusCodeAndField() {
        ErrorBody body = ErrorMapper.toBody(new ApiException(403, "ORGANISATION_MISMATCH", "caseNumber", "not yours"));
        assertEquals(ErrorBody.of(403, "ORGANISATION_MISMATCH", "not yours", "caseNumber"), body);
    }

    @Test
    void reusedHostEventIdIsAConflictNamingTheField() {
        ErrorBody body =
                ErrorMapper.toBody(new HostEventConflictException("host-1", "events[3].hostEventId", "reused"));
        assertEquals(ErrorBody.of(409, "HOST_EVENT_ID_REUSED", "reused", "events[3].hostEventId"), body);
    }

    @Test
    void malformedJsonIsABadRequestSayingWhere() {
        JsonParseException parse = assertThrows(JsonParseException.class,
                () -> new ObjectMapper().readTree("{\n  \"amount\": }"));
        ErrorBody body = ErrorMapper.toBody(parse);
        assertEquals(List.of(400, "MALFORMED_JSON"), List.of(body.status(), body.code()));
        assertTrue(body.message().contains("at line 2, column "), body::message);
    }

    @Test
    void jsonOfTheWrongShapeNamesThePathAtFault() {
        JsonMappingException mapping = assertThrows(JsonMappingException.class,
                () -> new ObjectMapper().readValue("{\"events\": [{\"count\": 1}, {\"count\": \"many\"}]}",
                        Batch.class));
        assertEquals("events[1].count", ErrorMapper.toBody(mapping).field());
    }

    @Test
    void malformedJsonWrappedByTheJaxRsRuntimeIsStillMalformedJson() {
        JsonParseException parse = assertThrows(JsonParseException.class, () -> new ObjectMapper().readTree("{"));
        assertEquals("MALFORMED_JSON", ErrorMapper.toBody(new BadRequestException(parse)).code());
    }

    @ParameterizedTest
    @CsvSource({"404,NOT_FOUND", "405,METHOD_NOT_ALLOWED", "415,UNSUPPORTED_MEDIA_TYPE", "406,NOT_ACCEPTABLE"})
    void httpErrorOfTheJaxRsRuntimeKeepsItsStatusWithAStableCode(int status, String code) {
        ErrorBody body = ErrorMapper.toBody(new WebApplicationException(status));
        assertEquals(List.of(status, code), List.of(body.status(), body.code()));
    }

    @Test
    void validationErrorWrappedInAnotherExceptionIsUnwrapped() {
        ErrorBody body = ErrorMapper.toBody(new RuntimeException(new IllegalStateException(AMOUNT)));
        assertEquals(List.of(400, "NEGATIVE_AMOUNT", "payload.amount"),
                List.of(body.status(), body.code(), body.field()));
    }

    @Test
    void unexpectedErrorIsAnInternalErrorWithAnIncidentId() {
        ErrorBody body = ErrorMapper.toBody(new IllegalStateException("boom"));
        assertEquals(List.of(500, "INTERNAL_ERROR"), List.of(body.status(), body.code()));
        incidentOf(body);
    }

    @Test
    void unexpectedErrorRevealsNeitherItsMessageNorItsStackTrace() {
        IllegalStateException secret = new IllegalStateException("password=s3cr3t for jdbc:derby:/var/jiandu");
        String message = ErrorMapper.toBody(new RuntimeException("wrapped", secret)).message();
        assertNoneIn(message, "s3cr3t", "jdbc", "wrapped", "IllegalStateException", "RuntimeException",
                "ErrorMapperTest", "\tat ");
    }

    private static void assertNoneIn(String message, String... absent) {
        for (String a : absent) {
            assertFalse(message.contains(a), () -> "'" + a + "' in: " + message);
        }
    }

    @Test
    void eachUnexpectedErrorHasItsOwnIncidentId() {
        assertNotEquals(incidentOf(ErrorMapper.toBody(new IllegalStateException("a"))),
                incidentOf(ErrorMapper.toBody(new IllegalStateException("a"))));
    }

    @Test
    void responseCarriesTheStatusAndTheBodyAsJson() {
        Response r = new ErrorMapper().toResponse(AMOUNT);
        assertEquals(400, r.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"), r.getMediaType());
        assertEquals(ErrorMapper.toBody(AMOUNT), r.getEntity());
    }

    @Test
    void aServerErrorFromJaxRsGetsAnIncidentIdNotItsMessage() {
        ErrorBody body = ErrorMapper.toBody(new javax.ws.rs.InternalServerErrorException("secret detail"));
        assertEquals(500, body.status());
        assertEquals("INTERNAL_ERROR", body.code());
        assertTrue(body.message().contains("Incident"));
        assertFalse(body.message().contains("secret detail"));
    }
}
