package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTest {
    private static final String RECORDED_AT = "2024-10-08T01:30:05.123Z";
    /** The fields of the entity constructor, in its order. */
    private static final List<String> FIELDS = List.of("caseNumber", "hostEventId", "type", "occurredAt",
            "actorPerson", "actorRole", "actorOrganisation", "payload", "corrects", "approver", "reason");
    private static final String[] BASE = {"（2024）京0105执1234号", "host-1", "MONEY_RECEIVED",
        "2024-10-08T09:30:00+08:00", "p-7", "执行员", "京0105", "{\"amount\":12500.00}", "host-0", "庭长", "金额录错"};

    private static EntryEntity entity(String... f) {
        return new EntryEntity(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]);
    }

    private static EntryEntity changed(String field, String value) {
        String[] f = BASE.clone();
        f[FIELDS.indexOf(field)] = value;
        return entity(f);
    }

    private static String hashOf(EntryEntity e, String recordedAt, String prevHash) {
        return Canonical.hash(prevHash, Canonical.entry(withRecordedAt(e, recordedAt)));
    }

    private static EntryEntity withRecordedAt(EntryEntity e, String recordedAt) {
        e.chain(1, recordedAt, LedgerEntry.GENESIS);
        return e;
    }

    @Test
    void mapKeysAreSorted() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", 2L);
        assertEquals("{\"a\":2,\"b\":1}", Canonical.json(m));
    }

    @Test
    void nestedMapKeysAreSorted() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", true);
        inner.put("y", false);
        assertEquals("{\"x\":[{\"y\":false,\"z\":true}]}", Canonical.json(Map.of("x", List.of(inner))));
    }

    @Test
    void decimalsAreWrittenInPlainNotation() {
        assertEquals("[1000,0.0000001,5000.00]", Canonical.json(List.of(new BigDecimal("1E+3"),
                new BigDecimal("1E-7"), new BigDecimal("5000.00"))));
    }

    @Test
    void nullValuesOfMapsAreOmitted() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", null);
        m.put("b", "x");
        assertEquals("{\"b\":\"x\"}", Canonical.json(m));
    }

    @Test
    void nullItemsOfListsAreKept() {
        assertEquals("[1,null]", Canonical.json(Arrays.asList(1L, null)));
    }

    @Test
    void quoteAndBackslashAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\"", Canonical.json("a\"b\\c"));
    }

    @Test
    void newlineCarriageReturnAndTabAreEscapedShort() {
        assertEquals("\"\\n\\r\\t\"", Canonical.json("\n\r\t"));
    }

    @Test
    void otherControlCharactersAreEscapedAsLowerCaseUnicode() {
        assertEquals("\"\\u0000\\u0008\\u001f\"", Canonical.json("\u0000\b\u001f"));
    }

    @Test
    void nonAsciiCharactersAreKeptAsIs() {
        assertEquals("\"（2024）京0105执1234号 𠮷\"", Canonical.json("（2024）京0105执1234号 𠮷"));
    }

    @Test
    void booleansAndIntegersAreWrittenAsJsonLiterals() {
        assertEquals("[true,false,42,-7]", Canonical.json(List.of(true, false, 42L, -7)));
    }

    @Test
    void contentIsAnArrayOfTheFieldsInFixedOrderWithThePayloadInsertedAsIs() {
        assertEquals("[\"jiandu-ledger-v1\",\"host-1\",\"（2024）京0105执1234号\",\"MONEY_RECEIVED\","
                + "\"2024-10-08T09:30:00+08:00\",\"p-7\",\"执行员\",\"京0105\",{\"amount\":12500.00},"
                + "\"host-0\",\"庭长\",\"金额录错\"]", Canonical.content(entity(BASE)));
    }

    @Test
    void absentOptionalFieldsAreWrittenAsNull() {
        EntryEntity e = entity("（2024）京0105执1234号", "host-1", "CASE_FILED", "2024-10-08T09:30:00+08:00", "p-7",
                null, null, "{}", null, null, null);
        assertEquals("[\"jiandu-ledger-v1\",\"host-1\",\"（2024）京0105执1234号\",\"CASE_FILED\","
                + "\"2024-10-08T09:30:00+08:00\",\"p-7\",null,null,{},null,null,null]", Canonical.content(e));
    }

    @Test
    void entryIsTheContentFollowedByTheRecordingTime() {
        EntryEntity e = withRecordedAt(entity(BASE), RECORDED_AT);
        assertEquals(Canonical.content(e) + "|" + RECORDED_AT, Canonical.entry(e));
    }

    @Test
    void hashIsSha256OfThePreviousHashFollowedByTheCanonicalText() {
        // the SHA-256 test vector of FIPS 180-2: "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Canonical.hash("a", "bc"));
    }

    @Test
    void hashIsSixtyFourLowerCaseHexDigits() {
        assertTrue(hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS).matches("[0-9a-f]{64}"));
    }

    @Test
    void hashIsStable() {
        assertEquals(hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS),
                hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"caseNumber", "hostEventId", "type", "occurredAt", "actorPerson", "actorRole",
        "actorOrganisation", "payload", "corrects", "approver", "reason"})
    void hashChangesWhenAHashedFieldChanges(String field) {
        String value = "payload".equals(field) ? "{\"amount\":12500.01}" : BASE[FIELDS.indexOf(field)] + "x";
        assertNotEquals(hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS),
                hashOf(changed(field, value), RECORDED_AT, LedgerEntry.GENESIS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"actorRole", "actorOrganisation", "corrects", "approver", "reason"})
    void hashTellsAnAbsentOptionalFieldFromAnEmptyOne(String field) {
        assertNotEquals(hashOf(changed(field, null), RECORDED_AT, LedgerEntry.GENESIS),
                hashOf(changed(field, ""), RECORDED_AT, LedgerEntry.GENESIS));
    }

    @Test
    void hashChangesWhenTextMovesFromOneFieldToTheNext() {
        String[] moved = BASE.clone();
        moved[FIELDS.indexOf("actorPerson")] = "p-7执";
        moved[FIELDS.indexOf("actorRole")] = "行员";
        assertNotEquals(hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS),
                hashOf(entity(moved), RECORDED_AT, LedgerEntry.GENESIS));
    }

    @Test
    void hashChangesWhenTheRecordingTimeChanges() {
        assertNotEquals(hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS),
                hashOf(entity(BASE), "2024-10-08T01:30:05.124Z", LedgerEntry.GENESIS));
    }

    @Test
    void hashChangesWhenThePreviousHashChanges() {
        assertNotEquals(hashOf(entity(BASE), RECORDED_AT, LedgerEntry.GENESIS),
                hashOf(entity(BASE), RECORDED_AT, "1" + LedgerEntry.GENESIS.substring(1)));
    }

    @Test
    void hashDoesNotDependOnThePosition() {
        EntryEntity first = entity(BASE);
        first.chain(1, RECORDED_AT, LedgerEntry.GENESIS);
        EntryEntity seventh = entity(BASE);
        seventh.chain(7, RECORDED_AT, LedgerEntry.GENESIS);
        assertEquals(first.getHash(), seventh.getHash());
    }
}
