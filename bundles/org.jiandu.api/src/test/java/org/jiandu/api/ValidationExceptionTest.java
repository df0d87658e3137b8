package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {
    private static final ValidationException AMOUNT =
            new ValidationException("NEGATIVE_AMOUNT", "payload.amount", "Amount must not be negative: -1");
    private static final ValidationException TYPE =
            new ValidationException("UNKNOWN_EVENT_TYPE", "type", "Unknown event type \"X\"");

    @Test
    void underPlacesAFieldBelowThePrefixWithADot() {
        assertEquals("events[2].payload.amount", AMOUNT.under("events[2]").field());
    }

    @Test
    void underJoinsAnIndexFieldWithoutADot() {
        ValidationException item = new ValidationException("INVALID_FIELD", "[1]", "must be a string");
        assertEquals("payload.applicants[1]", item.under("payload.applicants").field());
    }

    @Test
    void underMakesTheWholeInputErrorAnErrorOfThePrefix() {
        ValidationException whole = new ValidationException("INVALID_EVENT", null, "An event must be a JSON object");
        assertEquals("events[0]", whole.under("events[0]").field());
    }

    @Test
    void underKeepsCodeAndMessage() {
        ValidationException moved = AMOUNT.under("events[2]");
        assertEquals(List.of(AMOUNT.code(), AMOUNT.getMessage()), List.of(moved.code(), moved.getMessage()));
    }

    @Test
    void underLeavesTheOriginalUntouched() {
        AMOUNT.under("events[2]");
        assertEquals("payload.amount", AMOUNT.field());
    }

    @Test
    void ofOneErrorIsThatError() {
        assertSame(AMOUNT, ValidationException.of(List.of(AMOUNT)));
    }

    @Test
    void ofSeveralErrorsListsThemAllInOrder() {
        assertEquals(List.of(AMOUNT, TYPE), ValidationException.of(List.of(AMOUNT, TYPE)).all());
    }

    @Test
    void ofSeveralErrorsTakesCodeFieldAndMessageFromTheFirst() {
        ValidationException both = ValidationException.of(List.of(AMOUNT, TYPE));
        assertEquals(List.of(AMOUNT.code(), AMOUNT.field(), AMOUNT.getMessage()),
                List.of(both.code(), both.field(), both.getMessage()));
    }

    @Test
    void ofNoErrorsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValidationException.of(List.of()));
    }

    @Test
    void allOfASingleErrorIsItself() {
        assertEquals(List.of(AMOUNT), AMOUNT.all());
    }

    @Test
    void underKeepsEveryErrorOfSeveral() {
        ValidationException several = ValidationException.of(List.of(
                new ValidationException("A", "x", "a"), new ValidationException("B", "y", "b")));
        assertEquals(List.of("events[1].x", "events[1].y"),
                several.under("events[1]").all().stream().map(ValidationException::field).toList());
    }
}
