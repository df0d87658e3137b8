package org.jiandu.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {

    @Test
    void coreIdIsAcceptedAndIsCore() {
        assertTrue(EventType.of("CASE_FILED", "执行立案").isCore());
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.WAGE_ARREARS_REPORTED", "acme-courts.X1", "a.B"})
    void namespacedIdIsAcceptedAndIsNotCore(String id) {
        assertFalse(EventType.of(id, "extension").isCore());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"case_filed", "Case_Filed", "1CASE", "_CASE", "acme.", ".CASE", "acme.case",
        "Acme.CASE", "acme.sub.CASE", "1acme.CASE", "CASE FILED", "CASE-FILED", "acme/CASE", "立案"})
    void malformedIdIsRefused(String id) {
        assertThrows(IllegalArgumentException.class, () -> EventType.of(id, "bad"));
    }

    @Test
    void idOfSixtyFourCharactersIsTheLongestAccepted() {
        String longest = "A" + "B".repeat(63);
        assertEquals(longest, EventType.of(longest, "long").id());
        assertThrows(IllegalArgumentException.class, () -> EventType.of(longest + "C", "too long"));
    }

    @Test
    void everyCoreTypeHasACoreId() {
        assertTrue(CoreEventTypes.ALL.stream().allMatch(EventType::isCore));
    }

    @Test
    void coreTypesAreFoundById() {
        assertEquals("执行款到账", CoreEventTypes.byId(CoreEventTypes.MONEY_RECEIVED).label());
    }

    @Test
    void absentFieldsAreAnEmptyList() {
        assertEquals(List.of(), new EventType("CASE_CLOSED", "结案", null).fields());
    }

    @Test
    void fieldsAreCopiedSoLaterChangesToTheSourceListDoNotShow() {
        List<PayloadField> fields = new ArrayList<>();
        EventType type = new EventType("CASE_CLOSED", "结案", fields);
        fields.add(PayloadField.optional("x", FieldKind.STRING, "x"));
        assertTrue(type.fields().isEmpty());
    }
}
