package org.jiandu.api;

import java.util.List;

/**
 * Input that breaks a rule of the domain: an invalid case number, identifier, amount or payload field.
 *
 * <p>Carries a stable machine-readable {@link #code()} (for example {@code INVALID_CASE_NUMBER}), a message a
 * person can act on, and the {@link #field()} at fault (a JSON path such as {@code events[3].payload.amount}).
 * The REST layer turns it into HTTP 400 with the standard JSON error body.
 */
public class ValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String field;
    private final List<ValidationException> all;

    public ValidationException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
        this.all = null;
    }

    private ValidationException(List<ValidationException> errors) {
        super(errors.get(0).getMessage());
        this.code = errors.get(0).code;
        this.field = errors.get(0).field;
        this.all = List.copyOf(errors);
    }

    /** Several problems at once (a batch with several bad items); code, field and message are the first one's. */
    public static ValidationException of(List<ValidationException> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        return errors.size() == 1 ? errors.get(0) : new ValidationException(errors);
    }

    /** Every problem this exception reports: itself, or each of several. */
    public List<ValidationException> all() {
        return all == null ? List.of(this) : all;
    }

    public String code() {
        return code;
    }

    /** The field at fault, or {@code null} when the whole input is at fault. */
    public String field() {
        return field;
    }

    /** The same error(s), each field placed under {@code prefix} (e.g. {@code events[2]}). */
    public ValidationException under(String prefix) {
        if (all != null) {
            return of(all.stream().map(e -> e.under(prefix)).toList());
        }
        String f = field == null ? prefix : (field.startsWith("[") ? prefix + field : prefix + "." + field);
        ValidationException e = new ValidationException(code, f, getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
