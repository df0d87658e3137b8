package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.FieldKind;
import org.jiandu.api.event.PayloadField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventParserTest {
    private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);
    /** The ledger's clock: 2024-10-10 08:00 in Beijing. */
    private static final Instant NOW = Instant.parse("2024-10-10T00:00:00Z");
    private static final String CASE = "（2024）京0105执1234号";
    private static final CaseNumber PATH_CASE = CaseNumber.parse(CASE);
    /** An extension type with the field kinds the core vocabulary does not use. */
    private static final EventType KINDS = EventType.of("acme.KINDS_TESTED", "kinds",
            PayloadField.optional("x", FieldKind.STRING_LIST, "strings"),
            PayloadField.optional("n", FieldKind.INTEGER, "a whole number"),
            PayloadField.optional("flag", FieldKind.BOOLEAN, "a flag"),
            PayloadField.optional("at", FieldKind.DATE_TIME, "a date-time"),
            PayloadField.optional("day", FieldKind.DATE, "a date"));
    private static final Function<String, EventType> TYPES =
            id -> KINDS.id().equals(id) ? KINDS : CoreEventTypes.byId(id);
    /** Configured like the REST server's mapper: decimals as written. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final EventValidator validator = new EventValidator(TYPES, Clock.fixed(NOW, BEIJING));
    private final EventParser parser = new EventParser(validator);

    /** A valid MONEY_RECEIVED event, to be spoilt by each test. */
    private static ObjectNode event() {
        return (ObjectNode) json("""
                {"hostEventId": "host-1", "caseNumber": "%s", "type": "MONEY_RECEIVED",
                 "occurredAt": "2024-10-08T09:30:00+08:00",
                 "actor": {"personId": "p-7", "role": "执行员", "organisation": "京0105"},
                 "payload": {"amount": "12500.00"}}""".formatted(CASE));
    }

    private static ObjectNode eventOf(String type, String payload) {
        ObjectNode e = event();
        e.put("type", type);
        e.set("payload", json(payload));
        return e;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static ObjectNode payload(ObjectNode event) {
        return (ObjectNode) event.get("payload");
    }

    /** What ingestion does: read the JSON, then validate the event once (as the ledger does on append). */
    private CaseEvent parse(JsonNode event) {
        return parse(event, PATH_CASE);
    }

    private CaseEvent parse(JsonNode event, CaseNumber pathCase) {
        return validator.validate(parser.read(event, pathCase)).event();
    }

    private static ValidationException assertRejected(String code, String field, Executable parse) {
        ValidationException e = assertThrows(ValidationException.class, parse);
        assertEquals(List.of(code + " " + field), e.all().stream().map(one -> one.code() + " " + one.field()).toList(),
                e::getMessage);
        return e;
    }

    @Test
    void validEventIsParsed() {
        CaseEvent e = parse(event());
        assertEquals(List.of("host-1", PATH_CASE, "MONEY_RECEIVED", "p-7"),
                List.of(e.hostEventId(), e.caseNumber(), e.type(), e.actor().personId()));
    }

    @ParameterizedTest
    @CsvSource({"hostEventId", "type", "occurredAt", "actor", "actor.personId", "payload.amount"})
    void missingRequiredFieldIsReportedWithItsPath(String path) {
        ObjectNode e = event();
        int dot = path.indexOf('.');
        if (dot < 0) {
            e.remove(path);
        } else {
            ((ObjectNode) e.get(path.substring(0, dot))).remove(path.substring(dot + 1));
        }
        assertRejected("MISSING_FIELD", path, () -> parse(e));
    }

    @Test
    void caseNumberIsRequiredWhenThePathNamesNoCase() {
        ObjectNode e = event();
        e.remove("caseNumber");
        assertRejected("MISSING_FIELD", "caseNumber", () -> parse(e, null));
    }

    @Test
    void caseNumberMayBeLeftToThePath() {
        ObjectNode e = event();
        e.remove("caseNumber");
        assertEquals(PATH_CASE, parse(e).caseNumber());
    }

    @Test
    void blankHostEventIdCountsAsMissing() {
        ObjectNode e = event();
        e.put("hostEventId", "  ");
        assertRejected("MISSING_FIELD", "hostEventId", () -> parse(e));
    }

    @Test
    void severalProblemsAreAllReported() {
        ObjectNode e = event();
        e.remove("hostEventId");
        e.put("occurredAt", "yesterday");
        ((ObjectNode) e.get("actor")).remove("personId");
        payload(e).put("amount", "-5");
        ValidationException thrown = assertThrows(ValidationException.class, () -> parse(e));
        assertEquals(List.of("MISSING_FIELD hostEventId", "INVALID_DATE_TIME occurredAt",
                "MISSING_FIELD actor.personId", "NEGATIVE_AMOUNT payload.amount"),
                thrown.all().stream().map(one -> one.code() + " " + one.field()).toList());
    }

    @Test
    void eventThatIsNotAnObjectIsRefused() {
        assertRejected("INVALID_EVENT", null, () -> parse(json("[1]")));
    }

    @Test
    void unknownTypeIsRefused() {
        ObjectNode e = event();
        e.put("type", "MONEY_FOUND");
        assertRejected("UNKNOWN_EVENT_TYPE", "type", () -> parse(e));
    }

    @Test
    void localOccurredAtIsTakenInShanghaiAndNormalisedToPlusEight() {
        ObjectNode e = event();
        e.put("occurredAt", "2024-10-08T09:30:00");
        assertEquals(OffsetDateTime.of(2024, 10, 8, 9, 30, 0, 0, BEIJING), parse(e).occurredAt());
    }

    @Test
    void utcOccurredAtIsNormalisedToPlusEightAtTheSameInstant() {
        ObjectNode e = event();
        e.put("occurredAt", "2024-10-08T01:30:00Z");
        assertEquals(OffsetDateTime.of(2024, 10, 8, 9, 30, 0, 0, BEIJING), parse(e).occurredAt());
    }

    @Test
    void occurredAtThatIsNoDateTimeIsRefused() {
        ObjectNode e = event();
        e.put("occurredAt", "2024-10-08 09:30");
        assertRejected("INVALID_DATE_TIME", "occurredAt", () -> parse(e));
    }

    @Test
    void occurredAtMoreThanFiveMinutesAheadOfTheLedgerIsInTheFuture() {
        ObjectNode e = event();
        e.put("occurredAt", "2024-10-10T08:05:01+08:00");
        assertRejected("EVENT_IN_FUTURE", "occurredAt", () -> parse(e));
    }

    @Test
    void occurredAtFiveMinutesAheadOfTheLedgerIsToleratedAsClockDrift() {
        ObjectNode e = event();
        e.put("occurredAt", "2024-10-10T08:05:00+08:00");
        assertEquals(NOW.plusSeconds(300), parse(e).occurredAt().toInstant());
    }

    @Test
    void occurredAtBefore1990IsAbsurd() {
        ObjectNode e = event();
        e.put("occurredAt", "1989-12-31T23:59:59+08:00");
        assertRejected("ABSURD_DATE", "occurredAt", () -> parse(e));
    }

    @Test
    void occurredAtOnTheFirstDayOf1990IsAccepted() {
        ObjectNode e = event();
        e.put("occurredAt", "1990-01-01T00:00:00+08:00");
        assertEquals(1990, parse(e).occurredAt().getYear());
    }

    @ParameterizedTest
    @CsvSource({"'\"12500\"',12500.00", "'\"12500.5\"',12500.50", "12500,12500.00", "12500.5,12500.50",
        "1.500,1.50"})
    void moneyAsStringOrNumberIsKeptAtScaleTwo(String amount, String expected) {
        ObjectNode e = event();
        payload(e).set("amount", json(amount));
        // BigDecimal.equals compares the scale too
        assertEquals(new BigDecimal(expected), parse(e).payload().raw("amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"0.125\"", "0.125"})
    void moneyWithThreeDecimalsIsAnInvalidAmount(String amount) {
        ObjectNode e = event();
        payload(e).set("amount", json(amount));
        assertRejected("INVALID_AMOUNT", "payload.amount", () -> parse(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"-0.01\"", "-0.01"})
    void negativeMoneyIsRefused(String amount) {
        ObjectNode e = event();
        payload(e).set("amount", json(amount));
        assertRejected("NEGATIVE_AMOUNT", "payload.amount", () -> parse(e));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1000000000000.01\"", "1000000000000.01", "1e13"})
    void moneyAboveTheMaximumIsAbsurd(String amount) {
        ObjectNode e = event();
        payload(e).set("amount", json(amount));
        assertRejected("ABSURD_AMOUNT", "payload.amount", () -> parse(e));
    }

    @Test
    void moneyOfAnotherJsonKindIsAnInvalidAmount() {
        ObjectNode e = event();
        payload(e).put("amount", true);
        assertRejected("INVALID_AMOUNT", "payload.amount", () -> parse(e));
    }

    @Test
    void stringOutsideTheAllowedValuesIsAnInvalidValue() {
        assertRejected("INVALID_VALUE", "payload.track",
                () -> parse(eventOf("CASE_CLASSIFIED", "{\"track\": \"FAST\"}")));
    }

    @Test
    void stringAmongTheAllowedValuesIsKept() {
        assertEquals("SIMPLE", parse(eventOf("CASE_CLASSIFIED", "{\"track\": \"SIMPLE\"}")).payload().raw("track"));
    }

    @Test
    void stringFieldGivenAsNumberIsRefused() {
        assertRejected("INVALID_FIELD", "payload.handler",
                () -> parse(eventOf("HANDLER_ASSIGNED", "{\"handler\": 7}")));
    }

    @Test
    void stringListItemThatIsNoStringIsNamedByItsIndex() {
        assertRejected("INVALID_FIELD", "payload.x[1]",
                () -> parse(eventOf(KINDS.id(), "{\"x\": [\"a\", 2, \"c\"]}")));
    }

    @Test
    void stringListIsKeptInOrder() {
        assertEquals(List.of("b", "a"), parse(eventOf(KINDS.id(), "{\"x\": [\"b\", \"a\"]}")).payload().raw("x"));
    }

    @Test
    void stringListThatIsNoArrayIsRefused() {
        assertRejected("INVALID_FIELD", "payload.x", () -> parse(eventOf(KINDS.id(), "{\"x\": \"a\"}")));
    }

    @Test
    void booleanFieldIsKeptAsBoolean() {
        assertEquals(Boolean.TRUE, parse(eventOf(KINDS.id(), "{\"flag\": true}")).payload().raw("flag"));
    }

    @Test
    void booleanFieldGivenAsTextIsRefused() {
        assertRejected("INVALID_FIELD", "payload.flag", () -> parse(eventOf(KINDS.id(), "{\"flag\": \"true\"}")));
    }

    @Test
    void integerFieldIsKeptAsLong() {
        assertEquals(42L, parse(eventOf(KINDS.id(), "{\"n\": 42}")).payload().raw("n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.2", "\"42\"", "99999999999999999999"})
    void integerFieldThatIsNoWholeLongNumberIsRefused(String n) {
        assertRejected("INVALID_FIELD", "payload.n", () -> parse(eventOf(KINDS.id(), "{\"n\": " + n + "}")));
    }

    @Test
    void dateTimeFieldIsStoredInPlusEight() {
        assertEquals("2024-10-08T09:30:00+08:00",
                parse(eventOf(KINDS.id(), "{\"at\": \"2024-10-08T01:30:00Z\"}")).payload().raw("at"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1989-12-31\"", "\"2101-01-01\"", "\"2024-02-30\"", "20241008"})
    void dateFieldOutsideTheCalendarOrRangeIsRefused(String day) {
        assertRejected("INVALID_DATE", "payload.day", () -> parse(eventOf(KINDS.id(), "{\"day\": " + day + "}")));
    }

    @Test
    void requiredBooleanFieldMayBeFalse() {
        assertEquals(Boolean.FALSE,
                parse(eventOf("PROPERTY_QUERY_FEEDBACK", "{\"propertyFound\": false}")).payload().raw("propertyFound"));
    }

    @Test
    void invalidRequiredFieldIsNotAlsoReportedAsMissing() {
        assertRejected("INVALID_FIELD", "payload.propertyFound",
                () -> parse(eventOf("PROPERTY_QUERY_FEEDBACK", "{\"propertyFound\": \"yes\"}")));
    }

    @Test
    void payloadThatIsNoObjectIsRefused() {
        assertRejected("INVALID_FIELD", "payload", () -> parse(eventOf("CASE_FILED", "[]")));
    }

    @Test
    void unknownWholeNumberIsKeptAsLong() {
        assertEquals(7L, parse(eventOf("CASE_FILED", "{\"extra\": 7}")).payload().raw("extra"));
    }

    @Test
    void unknownDecimalIsKeptAsBigDecimalAsWritten() {
        assertEquals(new BigDecimal("1.50"), parse(eventOf("CASE_FILED", "{\"extra\": 1.50}")).payload().raw("extra"));
    }

    @Test
    void unknownWholeNumberBeyondLongIsKeptAsBigDecimal() {
        assertEquals(new BigDecimal("99999999999999999999"),
                parse(eventOf("CASE_FILED", "{\"extra\": 99999999999999999999}")).payload().raw("extra"));
    }

    @Test
    void unknownObjectsAndListsAreKeptAsMapsAndListsWithoutNulls() {
        Object extra = parse(eventOf("CASE_FILED", "{\"extra\": {\"a\": [1, \"x\", true], \"b\": null}}"))
                .payload().raw("extra");
        assertEquals(Map.of("a", List.of(1L, "x", true)), extra);
    }

    @Test
    void payloadFieldsGivenAsNullAreDropped() {
        assertEquals(List.of("amount"), List.copyOf(parse(eventOf("MONEY_RECEIVED",
                "{\"amount\": \"1.00\", \"account\": null}")).payload().asMap().keySet()));
    }

    @Test
    void caseNumberInTheBodyMustBeTheCaseOfThePath() {
        ObjectNode e = event();
        e.put("caseNumber", "（2024）京0105执1235号");
        assertRejected("CASE_NUMBER_MISMATCH", "caseNumber", () -> parse(e));
    }

    @Test
    void caseNumberInTheBodyWrittenWithHalfWidthBracketsIsTheCaseOfThePath() {
        ObjectNode e = event();
        e.put("caseNumber", "(2024)京0105执1234号");
        assertEquals(PATH_CASE, parse(e).caseNumber());
    }

    @Test
    void correctionNamesTheCorrectedEventTheApproverAndTheReason() {
        ObjectNode e = event();
        e.set("correction", json("{\"correctsHostEventId\": \"host-0\", \"approver\": \"庭长\", \"reason\": \"金额录错\"}"));
        assertEquals(new Correction("host-0", "庭长", "金额录错"), parse(e).correction());
    }

    @Test
    void correctionWithoutItsFieldsReportsEachOfThem() {
        ObjectNode e = event();
        e.set("correction", json("{}"));
        ValidationException thrown = assertThrows(ValidationException.class, () -> parse(e));
        assertEquals(List.of("MISSING_FIELD correction.correctsHostEventId", "MISSING_FIELD correction.approver",
                "MISSING_FIELD correction.reason"),
                thrown.all().stream().map(one -> one.code() + " " + one.field()).toList());
    }

    @Test
    void correctionReasonLongerThanAThousandCharactersIsTooLong() {
        ObjectNode e = event();
        e.set("correction", json("{\"correctsHostEventId\": \"host-0\", \"approver\": \"庭长\", \"reason\": \""
                + "错".repeat(1001) + "\"}"));
        assertRejected("FIELD_TOO_LONG", "correction.reason", () -> parse(e));
    }

    @Test
    void eventWithoutCorrectionIsNoCorrection() {
        assertNull(parse(event()).correction());
    }

    @Test
    void payloadLargerThanTheLimitIsRefused() {
        ObjectNode e = event();
        payload(e).put("notes", "x".repeat(EventValidator.MAX_PAYLOAD_CHARS));
        assertRejected("PAYLOAD_TOO_LARGE", "payload", () -> parse(e));
    }

    @Test
    void hostEventIdLongerThan128CharactersIsTooLong() {
        ObjectNode e = event();
        e.put("hostEventId", "h".repeat(EventValidator.MAX_ID + 1));
        assertRejected("FIELD_TOO_LONG", "hostEventId", () -> parse(e));
    }

    @Test
    void hostEventIdOf128CharactersIsAccepted() {
        ObjectNode e = event();
        e.put("hostEventId", "h".repeat(EventValidator.MAX_ID));
        assertEquals(EventValidator.MAX_ID, parse(e).hostEventId().length());
    }

    @Test
    void hostEventIdWithAControlCharacterIsRefused() {
        ObjectNode e = event();
        e.put("hostEventId", "host\u00001");
        assertRejected("INVALID_FIELD", "hostEventId", () -> parse(e));
    }

    @Test
    void aLocalTimeInTheSummerOf1991IsBeijingTimeNotSummerTime() {
        ObjectNode e = event();
        e.put("occurredAt", "1991-07-01T10:00:00");
        assertEquals("1991-07-01T10:00+08:00", parse(e).occurredAt().toString());
    }

    @Test
    void anUnpairedSurrogateInAPayloadStringIsRefused() {
        ObjectNode e = eventOf("MONEY_RECEIVED", "{\"amount\": \"1.00\", \"account\": \"a\\ud800\"}");
        assertRejected("INVALID_TEXT", "payload.account", () -> parse(e));
    }

    @Test
    void anUnpairedSurrogateInAnIdIsRefused() {
        ObjectNode e = event();
        e.put("hostEventId", "x\udc00");
        assertRejected("INVALID_TEXT", "hostEventId", () -> parse(e));
    }

    @Test
    void aPairedSurrogateIsAccepted() {
        ObjectNode e = event();
        e.put("hostEventId", "x\ud842\udfb7");
        assertEquals("x\ud842\udfb7", parse(e).hostEventId());
    }
}
