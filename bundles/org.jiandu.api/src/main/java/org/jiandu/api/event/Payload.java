package org.jiandu.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The typed payload of a case event or an operation: an immutable JSON object whose values the ledger has already
 * checked and normalised against the {@link EventType}'s fields — money as {@link BigDecimal} scale 2, dates and
 * date-times as ISO strings, integers as {@link Long}, lists of strings, nested objects as maps. Keys are sorted,
 * which makes the canonical form used for hashing stable.
 */
public final class Payload {
    public static final Payload EMPTY = new Payload(Map.of());

    private final Map<String, Object> values;

    private Payload(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static Payload of(Map<String, ?> values) {
        return values == null || values.isEmpty() ? EMPTY : new Payload(values);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Object raw(String name) {
        return values.get(name);
    }

    public Optional<String> string(String name) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(v.toString());
    }

    public Optional<BigDecimal> money(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return Optional.of(d.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }

    public Optional<LocalDate> date(String name) {
        return string(name).map(s -> LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
    }

    public Optional<OffsetDateTime> dateTime(String name) {
        return string(name).map(OffsetDateTime::parse);
    }

    public Optional<Long> integer(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v instanceof Number n ? n.longValue() : Long.parseLong(v.toString()));
    }

    public Optional<Boolean> bool(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()));
    }

    /** A list-of-strings field, or an empty list when absent. */
    public List<String> strings(String name) {
        Object v = values.get(name);
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return v == null ? List.of() : List.of(v.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
