package org.jiandu.api.event;

import java.util.List;

/**
 * One field an event type's payload may carry: its name, its JSON kind, whether the ledger refuses the event
 * without it, and for strings optionally the closed set of allowed values.
 */
public record PayloadField(String name, FieldKind kind, boolean required, List<String> allowedValues, String description) {

    public PayloadField {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }

    public static PayloadField required(String name, FieldKind kind, String description) {
        return new PayloadField(name, kind, true, List.of(), description);
    }

    public static PayloadField optional(String name, FieldKind kind, String description) {
        return new PayloadField(name, kind, false, List.of(), description);
    }

    public static PayloadField oneOf(String name, boolean required, String description, String... values) {
        return new PayloadField(name, FieldKind.STRING, required, List.of(values), description);
    }

    /** A string field whose value must be one of {@code values}. */
    public static PayloadField oneOf(String name, boolean required, String description, List<String> values) {
        return new PayloadField(name, FieldKind.STRING, required, List.copyOf(values), description);
    }
}
