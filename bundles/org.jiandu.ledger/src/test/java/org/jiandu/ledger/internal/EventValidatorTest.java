package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.Payload;
import org.junit.jupiter.api.Test;

/** The in-process side of the one validation: events built in Java, as a bundle calling CaseLedger.append does. */
class EventValidatorTest {
    private static final Instant NOW = Instant.parse("2024-10-10T00:00:00Z");
    private static final CaseNumber CASE = CaseNumber.parse("（2024）京0105执1234号");
    private final EventValidator validator = new EventValidator(CoreEventTypes::byId,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static CaseEvent event(String type, Map<String, ?> payload) {
        return new CaseEvent(" host-1 ", CASE, type, OffsetDateTime.parse("2024-10-08T01:30:00Z"), null,
                new Actor("p-7", " ", null), Payload.of(payload), null);
    }

    private static List<String> problems(ValidationException e) {
        return e.all().stream().map(one -> one.code() + " " + one.field()).toList();
    }

    @Test
    void javaNumbersBecomeTheStoredKinds() {
        CaseEvent e = validator.validate(event(CoreEventTypes.MONEY_RECEIVED,
                Map.of("amount", 12500, "count", 3, "ratio", 0.5))).event();
        assertEquals(new BigDecimal("12500.00"), e.payload().raw("amount"));
        assertEquals(3L, e.payload().raw("count"));
        assertEquals(new BigDecimal("0.5"), e.payload().raw("ratio"));
    }

    @Test
    void idsAreTrimmedTimesPutInBeijingAndBlankOptionalIdsDropped() {
        CaseEvent e = validator.validate(event(CoreEventTypes.MONEY_RECEIVED, Map.of("amount", "1.00"))).event();
        assertEquals("host-1", e.hostEventId());
        // 01:30 UTC is 09:30 in Beijing
        assertEquals(OffsetDateTime.parse("2024-10-08T09:30:00+08:00"), e.occurredAt());
        assertNull(e.actor().role());
    }

    @Test
    void aDateMayBeGivenAsLocalDate() {
        CaseEvent e = validator.validate(event(CoreEventTypes.CASE_FILED,
                Map.of("performanceDeadline", LocalDate.of(2024, 9, 1)))).event();
        assertEquals("2024-09-01", e.payload().raw("performanceDeadline"));
    }

    @Test
    void theSameProblemsAsOverRestAreReportedWithTheirFields() {
        CaseEvent bad = new CaseEvent("h", CASE, CoreEventTypes.MONEY_RECEIVED,
                OffsetDateTime.parse("2024-10-10T08:05:01+08:00"), null, new Actor(" ", null, null),
                Payload.of(Map.of("amount", "-5")), null);
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(bad));
        assertEquals(List.of("EVENT_IN_FUTURE occurredAt", "MISSING_FIELD actor.personId",
                "NEGATIVE_AMOUNT payload.amount"), problems(e));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"１００", "+100", "-0.00", "1.500", "100.", ".5", "1_000"})
    void moneyIsAsciiDigitsWithAtMostTwoDecimalsAndNeverNegativeZero(String amount) {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(
                event(CoreEventTypes.MONEY_RECEIVED, Map.of("amount", amount))));
        assertEquals(List.of("payload.amount"), e.all().stream().map(ValidationException::field).toList());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\u0000", "\u200B", "\u200C", "\u200D", "\uFEFF"})
    void nulAndZeroWidthCharactersAreRefusedInIdsAndText(String invisible) {
        CaseEvent inId = new CaseEvent("host" + invisible + "1", CASE, CoreEventTypes.PROPERTY_LEAD_RECEIVED,
                OffsetDateTime.parse("2024-10-08T01:30:00Z"), null, new Actor("p" + invisible + "7", null, null),
                Payload.of(Map.of("leadId", "L" + invisible + "1", "note", "线索" + invisible + "说明",
                        "extra", Map.of("who", List.of("甲" + invisible)))), null);
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(inId));
        assertEquals(List.of("actor.personId", "hostEventId", "payload.extra.who[0]", "payload.leadId",
                "payload.note"), e.all().stream().map(ValidationException::field).sorted().toList());
        // ids refused NUL as a control character before (INVALID_FIELD); the rest is INVALID_TEXT
        assertEquals(true, e.all().stream().allMatch(one -> one.code().equals("INVALID_TEXT")
                || (one.code().equals("INVALID_FIELD") && invisible.equals("\u0000"))), problems(e)::toString);
    }

    @Test
    void anUnknownPropertyTypeIsRefusedNamingItsPlace() {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(
                event(CoreEventTypes.PROPERTY_QUERY_STARTED, Map.of("propertyTypes", List.of("DEPOSIT", "BITCOIN")))));
        assertEquals(List.of("INVALID_VALUE payload.propertyTypes[1]"), problems(e));
    }

    @Test
    void aValueThatIsNoJsonValueIsRefusedNamingItsField() {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(
                event(CoreEventTypes.MONEY_RECEIVED, Map.of("amount", "1.00", "when", new Object()))));
        assertEquals(List.of("INVALID_FIELD payload.when"), problems(e));
    }

    @Test
    void theCanonicalPayloadIsComputedOnceWithTheValidatedEvent() {
        EventValidator.Valid v = validator.validate(event(CoreEventTypes.MONEY_RECEIVED,
                Map.of("amount", "12500", "note", Map.of("b", 1, "a", true))));
        assertEquals("{\"amount\":12500.00,\"note\":{\"a\":true,\"b\":1}}", v.payloadJson());
        assertEquals(Canonical.json(v.event().payload().asMap()), v.payloadJson());
    }

    @Test
    void respondentIdentifiersAreCheckedByTheirKindAndStoredNormalised() {
        CaseEvent e = validator.validate(event(CoreEventTypes.CASE_FILED, Map.of("respondentIdentifiers", List.of(
                Map.of("kind", "resident_id", "value", " 11010519491231002x "),
                Map.of("kind", "CREDIT_CODE", "value", "91110000802100433B"),
                Map.of("kind", "OTHER", "value", "军官证 第123号"))))).event();
        assertEquals(List.of(Map.of("kind", "RESIDENT_ID", "value", "11010519491231002X"),
                Map.of("kind", "CREDIT_CODE", "value", "91110000802100433B"),
                Map.of("kind", "OTHER", "value", "军官证 第123号")), e.payload().raw("respondentIdentifiers"));
    }

    @Test
    void aBadRespondentIdentifierIsRefusedNamingItsIndex() {
        ValidationException e = assertThrows(ValidationException.class, () -> validator.validate(event(
                CoreEventTypes.CASE_FILED, Map.of("respondentIdentifiers", List.of(
                        Map.of("kind", "CREDIT_CODE", "value", "91110000802100433B"),
                        Map.of("kind", "RESIDENT_ID", "value", "123"),
                        Map.of("kind", "PASSPORT"),
                        Map.of("kind", "DRIVING_LICENCE", "value", "1"),
                        "11010519491231002X")))));
        assertEquals(List.of("INVALID_PARTY_ID payload.respondentIdentifiers[1].value",
                "MISSING_FIELD payload.respondentIdentifiers[2].value",
                "UNKNOWN_IDENTIFIER_KIND payload.respondentIdentifiers[3].kind",
                "INVALID_FIELD payload.respondentIdentifiers[4]"), problems(e));
    }

    @Test
    void respondentIdsStayAcceptedUnchecked() {
        CaseEvent e = validator.validate(event(CoreEventTypes.CASE_FILED, Map.of("respondentIds", List.of("123"))))
                .event();
        assertEquals(List.of("123"), e.payload().raw("respondentIds"));
    }
}
