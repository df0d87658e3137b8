package org.jiandu.api.event;

import java.util.List;
import java.util.Objects;

/**
 * One field an event type's payload may carry: its name, its JSON kind, whether the ledger refuses the event
 * without it, for strings optionally the closed set of allowed values, and what personal data it holds
 * ({@link Sensitivity}; {@link Sensitivity#NONE} unless declared with {@link #sensitive}). A bundle that adds event
 * types declares the sensitivity of its own fields the same way, and every view masks them
 * ({@link org.jiandu.api.mask.MaskingPolicy}).
 */
public record PayloadField(String name, FieldKind kind, boolean required, List<String> allowedValues, String description,
        Sensitivity sensitivity) {

    public PayloadField {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        sensitivity = sensitivity == null ? Sensitivity.NONE : sensitivity;
    }

    /** A field that holds no personal data of a masked kind ({@link Sensitivity#NONE}). */
    public PayloadField(String name, FieldKind kind, boolean required, List<String> allowedValues, String description) {
        this(name, kind, required, allowedValues, description, Sensitivity.NONE);
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

    /**
     * This field declared as holding personal data of {@code sensitivity}:
     * {@code optional("payeeAccount", STRING, "account paid to").sensitive(Sensitivity.BANK_ACCOUNT)}.
     *
     * @since event package 2.2.0
     */
    public PayloadField sensitive(Sensitivity sensitivity) {
        return new PayloadField(name, kind, required, allowedValues, description,
                Objects.requireNonNull(sensitivity, "sensitivity"));
    }
}
