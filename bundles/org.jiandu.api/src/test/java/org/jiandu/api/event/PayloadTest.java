package org.jiandu.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PayloadTest {

    @Test
    void moneyIsAtScaleTwo() {
        Payload p = Payload.of(Map.of("amount", new BigDecimal("5")));
        assertEquals(Optional.of(new BigDecimal("5.00")), p.money("amount"));
    }

    @Test
    void moneyGivenAsTextIsAtScaleTwo() {
        assertEquals(Optional.of(new BigDecimal("5.50")), Payload.of(Map.of("amount", "5.5")).money("amount"));
    }

    @Test
    void moneyOfAnAbsentFieldIsEmpty() {
        assertEquals(Optional.empty(), Payload.EMPTY.money("amount"));
    }

    @Test
    void dateOfADateTimeIsItsDatePart() {
        Payload p = Payload.of(Map.of("at", "2024-10-08T23:30:00+08:00"));
        assertEquals(Optional.of(LocalDate.of(2024, 10, 8)), p.date("at"));
    }

    @Test
    void dateOfADateIsThatDate() {
        assertEquals(Optional.of(LocalDate.of(2024, 10, 8)), Payload.of(Map.of("d", "2024-10-08")).date("d"));
    }

    @Test
    void dateTimeKeepsItsOffset() {
        assertEquals(Optional.of(OffsetDateTime.of(2024, 10, 8, 9, 30, 0, 0, ZoneOffset.ofHours(8))),
                Payload.of(Map.of("at", "2024-10-08T09:30:00+08:00")).dateTime("at"));
    }

    @Test
    void integerIsALong() {
        assertEquals(Optional.of(42L), Payload.of(Map.of("n", 42)).integer("n"));
    }

    @Test
    void boolIsTheBoolean() {
        assertEquals(Optional.of(true), Payload.of(Map.of("b", true)).bool("b"));
    }

    @Test
    void stringsOfAnAbsentFieldIsEmpty() {
        assertEquals(List.of(), Payload.EMPTY.strings("applicants"));
    }

    @Test
    void stringsOfAListAreItsItems() {
        assertEquals(List.of("张三", "李四"), Payload.of(Map.of("a", List.of("张三", "李四"))).strings("a"));
    }

    @Test
    void stringsOfASingleValueIsAOneItemList() {
        assertEquals(List.of("张三"), Payload.of(Map.of("a", "张三")).strings("a"));
    }

    @Test
    void aFieldHeldAsNullIsNotPresent() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("subject", null);
        assertFalse(Payload.of(values).has("subject"));
    }

    @Test
    void equalityIgnoresInsertionOrder() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1L);
        ab.put("b", "x");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "x");
        ba.put("a", 1L);
        assertEquals(Payload.of(ab), Payload.of(ba));
        assertEquals(Payload.of(ab).hashCode(), Payload.of(ba).hashCode());
    }

    @Test
    void keysAreSorted() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", 1L);
        values.put("a", 2L);
        assertEquals(List.of("a", "z"), List.copyOf(Payload.of(values).asMap().keySet()));
    }

    @Test
    void payloadIsNotChangedByLaterChangesToItsSourceMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", 1L);
        Payload p = Payload.of(values);
        values.put("b", 2L);
        assertFalse(p.has("b"));
    }

    @Test
    void payloadCannotBeModified() {
        Payload p = Payload.of(Map.of("a", 1L));
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("b", 2L));
    }

    @Test
    void emptyOrAbsentValuesGiveTheEmptyPayload() {
        assertSame(Payload.EMPTY, Payload.of(null));
        assertSame(Payload.EMPTY, Payload.of(Map.of()));
    }

    @Test
    void hasIsTrueForAPresentField() {
        assertTrue(Payload.of(Map.of("a", "x")).has("a"));
    }
}
