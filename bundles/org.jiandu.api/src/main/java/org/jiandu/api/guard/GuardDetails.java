package org.jiandu.api.guard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jiandu.api.Money;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Payload;

/**
 * Lenient reading of an operation's {@code details}: the host sends JSON, so a flag may come as {@code true} or as
 * the reference of the document that records it, a list as a list or a single string. What is there but malformed
 * (an amount of {@code -5}, a day that is no day, a text where an object belongs) is refused with
 * {@link ValidationException} naming {@code details.<field>} (HTTP 400, as in every guard); what is missing is a
 * finding of the guard that needs it. Every guard of Jiandu reads its details with this class, so that a caller meets
 * one way of writing them whatever guard answers; an integrator's guard should too.
 *
 * <p>Since version 1.4 of this package (it was the node monitor's own).
 */
public final class GuardDetails {
    private final Payload payload;

    public GuardDetails(Payload payload) {
        this.payload = payload;
    }

    /** A non-blank string value, trimmed. */
    public Optional<String> text(String name) {
        Object v = payload.raw(name);
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
            return Optional.empty();
        }
        String s = v.toString().trim();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /**
     * Whether a recorded fact is asserted: {@code true}, or a non-blank text such as a document number
     * ({@code "签字确认书（2025）第12号"}); {@code false}, {@code "false"}, {@code "否"}, {@code "no"}, {@code "0"} and
     * blanks are not.
     */
    public boolean recorded(String name) {
        return affirmative(payload.raw(name));
    }

    /** See {@link #recorded(String)}. */
    public static boolean affirmative(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof Map<?, ?> || v instanceof List<?>) {
            return false;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return !s.isEmpty() && !List.of("false", "否", "no", "0", "n").contains(s);
    }

    public Map<String, Object> asMap() {
        return payload.asMap();
    }

    public Object raw(String name) {
        return payload.raw(name);
    }

    /**
     * A JSON object value, or an empty map when absent.
     *
     * @throws ValidationException naming {@code details.<name>} when the value is there but no JSON object
     */
    public Map<?, ?> map(String name) {
        Object v = payload.raw(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw new ValidationException("INVALID_FIELD", "details." + name, "details." + name
                    + " must be a JSON object, e.g. {\"A-CAR-1\": \"reason\"}");
        }
        return m;
    }

    /** A list of strings (a single string counts as a list of one); empty when absent. */
    public List<String> list(String name) {
        Object v = payload.raw(name);
        if (v instanceof Boolean || v instanceof Map<?, ?>) {
            return List.of();
        }
        return payload.strings(name).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * An amount in yuan, checked like every Jiandu amount (exact, at most 2 places, not negative).
     *
     * @throws ValidationException naming {@code details.<name>} when the value is not an amount
     */
    public Optional<BigDecimal> money(String name) {
        Object v = payload.raw(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BigDecimal d) {
            return Optional.of(Money.check(d, "details." + name));
        }
        return Optional.of(Money.parse(v.toString(), "details." + name));
    }

    /**
     * A whole number.
     *
     * @throws ValidationException naming {@code details.<name>} when the value is not one
     */
    public Optional<Long> integer(String name) {
        Object v = payload.raw(name);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(v instanceof Number n ? new BigDecimal(n.toString()).longValueExact()
                    : Long.parseLong(v.toString().trim()));
        } catch (ArithmeticException | NumberFormatException e) {
            throw new ValidationException("INVALID_FIELD", "details." + name, "details." + name
                    + " must be a whole number, not " + v);
        }
    }

    /**
     * A day, {@code 2025-03-01} (a date-time's day is taken as written).
     *
     * @throws ValidationException naming {@code details.<name>} when the value is not a day
     */
    public Optional<LocalDate> date(String name) {
        Optional<String> s = text(name);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            String t = s.get();
            return Optional.of(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
        } catch (DateTimeParseException e) {
            throw new ValidationException("INVALID_FIELD", "details." + name, "details." + name
                    + " must be a day such as 2025-03-01, not " + s.get());
        }
    }
}
