package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

/** Asserts a rejection and the code and field it carries, so no test forgets either. */
final class ValidationAssertions {
    private ValidationAssertions() {
    }

    static ValidationException assertRejected(String code, String field, Executable action) {
        ValidationException e = assertThrows(ValidationException.class, action);
        assertEquals(code, e.code(), () -> "code of: " + e.getMessage());
        assertEquals(field, e.field(), () -> "field of: " + e.getMessage());
        return e;
    }
}
