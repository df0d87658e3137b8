package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jiandu.api.PartyIdentifier.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each kind of identifier is checked by its own rule; OTHER is kept as given. */
class PartyIdentifierTest {
    private static PartyIdentifier parse(String kind, String value) {
        return PartyIdentifier.parse(kind, value, "respondentIdentifiers[0].kind", "respondentIdentifiers[0].value");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "RESIDENT_ID, 11010519491231002X, 11010519491231002X",
        "resident_id, ' 11010519491231002x ', 11010519491231002X",
        "RESIDENT_ID_15, 110105491231002, 110105491231002",
        "CREDIT_CODE, 91350100M000100Y43, 91350100M000100Y43",
        "ORGANISATION_CODE, M000100Y4, M000100Y4",
        "ORGANISATION_CODE, M000100Y-4, M000100Y4",
        "INDIVIDUAL_BUSINESS, 110105600123456, 110105600123456",
        "PASSPORT, E12345678, E12345678",
        "HK_MACAO_PERMIT, H12345678, H12345678",
        "HK_MACAO_PERMIT, m1234567890, M1234567890",
        "TAIWAN_PERMIT, 12345678, 12345678",
        "FOREIGN_PERMANENT_RESIDENT, USA110012311234, USA110012311234",
        "OTHER, '  军官证 第123号 ', 军官证 第123号"})
    void aValidIdentifierOfEachKindIsKeptInItsStoredForm(String kind, String value, String stored) {
        PartyIdentifier id = parse(kind, value);
        assertEquals(Kind.valueOf(kind.strip().toUpperCase(java.util.Locale.ROOT)), id.kind());
        assertEquals(stored, id.value());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "RESIDENT_ID, 123",
        "RESIDENT_ID, 110105194912310021",
        "RESIDENT_ID, 11010519491331002X",
        "RESIDENT_ID_15, 110105491331002",
        "RESIDENT_ID_15, 11010549123100A",
        "CREDIT_CODE, 91350100M000100Y44",
        "CREDIT_CODE, 123",
        "ORGANISATION_CODE, M000100Y5",
        "INDIVIDUAL_BUSINESS, 91350100M000100Y43",
        "PASSPORT, E1",
        "HK_MACAO_PERMIT, X12345678",
        "TAIWAN_PERMIT, 1234567",
        "FOREIGN_PERMANENT_RESIDENT, US110012311234",
        "FOREIGN_PERMANENT_RESIDENT, 911010519491231001"})
    void anInvalidOneIsRefusedNamingTheValueField(String kind, String value) {
        ValidationException e = assertThrows(ValidationException.class, () -> parse(kind, value));
        assertEquals("INVALID_PARTY_ID", e.code());
        assertEquals("respondentIdentifiers[0].value", e.field());
        assertTrue(e.getMessage().contains(kind) && e.getMessage().contains("OTHER"), e.getMessage());
    }

    @Test
    void theNewFormOfThePermanentResidenceCardHasTheResidentIdCheckCharacter() {
        String first17 = "93310000190001011";
        String valid = first17 + ResidentId.checkCharacter(first17 + "0");
        assertEquals(valid, parse("FOREIGN_PERMANENT_RESIDENT", valid).value());
    }

    @Test
    void aMissingOrUnknownKindIsRefusedNamingTheKindField() {
        ValidationException missing = assertThrows(ValidationException.class, () -> parse(" ", "123"));
        assertEquals("MISSING_FIELD", missing.code());
        assertEquals("respondentIdentifiers[0].kind", missing.field());
        ValidationException unknown = assertThrows(ValidationException.class, () -> parse("DRIVING_LICENCE", "1"));
        assertEquals("UNKNOWN_IDENTIFIER_KIND", unknown.code());
        assertEquals("respondentIdentifiers[0].kind", unknown.field());
        ValidationException blank = assertThrows(ValidationException.class, () -> parse("OTHER", " "));
        assertEquals("respondentIdentifiers[0].value", blank.field());
    }

    @Test
    void theIdentifierIsMaskedForDisplay() {
        assertTrue(parse("RESIDENT_ID", "11010519491231002X").masked().contains("*"));
    }
}
