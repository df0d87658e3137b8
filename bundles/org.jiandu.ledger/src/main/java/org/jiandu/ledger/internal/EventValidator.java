package org.jiandu.ledger.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.jiandu.api.Money;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.event.PayloadField;

/**
 * The one check of a {@link CaseEvent} against its {@link EventType} before it is stored, whoever sends it: the
 * REST resources (after {@link EventParser} has read the JSON) and in-process callers of
 * {@link org.jiandu.api.ledger.CaseLedger#append} alike. Every problem is reported with the field at fault (a JSON
 * path such as {@code payload.amount}); the event answered is normalised — ids trimmed, times in +08:00, money at
 * scale 2, dates and date-times as ISO strings, whole numbers as {@link Long}, nested objects with sorted keys — so
 * the stored canonical form, and the entry published from it, do not depend on how the sender wrote them.
 */
final class EventValidator {
    static final int MAX_PAYLOAD_CHARS = 16_000;
    static final int MAX_ID = 128;
    static final int MAX_REASON = 1000;
    /** Host clocks drift; an event may be up to this far in the future of the ledger's clock. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /**
     * Beijing time, a fixed +08:00. Not the Asia/Shanghai zone rules: those include the summer time of 1986–1991,
     * which would shift old local times by an hour.
     */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    /** A validated event and the canonical JSON of its payload (computed once, stored as is). */
    record Valid(CaseEvent event, String payloadJson) {
    }

    private final Function<String, EventType> types;
    private final Clock clock;

    EventValidator(Function<String, EventType> types, Clock clock) {
        this.types = types;
        this.clock = clock;
    }

    /** @throws ValidationException listing every problem, each with its field */
    Valid validate(CaseEvent e) {
        List<ValidationException> errors = new ArrayList<>();
        String hostEventId = collect(errors, () -> hostEventId(e.hostEventId()));
        EventType type = collect(errors, () -> type(e.type()));
        OffsetDateTime occurredAt = collect(errors, () -> occurredAt(e.occurredAt()));
        Actor actor = collect(errors, () -> actor(e.actor()));
        Payload payload = type == null ? null : collect(errors, () -> payload(e.payload().asMap(), type));
        Correction correction = collect(errors, () -> correction(e.correction()));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        String json = Canonical.json(payload.asMap());
        if (json.length() > MAX_PAYLOAD_CHARS) {
            throw new ValidationException("PAYLOAD_TOO_LARGE", "payload",
                    "payload must be at most " + MAX_PAYLOAD_CHARS + " characters as JSON");
        }
        return new Valid(new CaseEvent(hostEventId, e.caseNumber(), type.id(), occurredAt, null, actor, payload,
                correction), json);
    }

    interface Step<T> {
        T get();
    }

    static <T> T collect(List<ValidationException> errors, Step<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            errors.addAll(e.all());
            return null;
        }
    }

    String hostEventId(String v) {
        return id(v, "hostEventId", true);
    }

    EventType type(String v) {
        EventType t = v == null ? null : types.apply(v);
        if (t == null) {
            throw new ValidationException("UNKNOWN_EVENT_TYPE", "type", "Unknown event type \"" + v
                    + "\"; the known types are listed at GET /api/v1/event-types");
        }
        return t;
    }

    OffsetDateTime occurredAt(OffsetDateTime t) {
        t = t.withOffsetSameInstant(BEIJING);
        if (t.toLocalDate().isBefore(EARLIEST)) {
            throw new ValidationException("ABSURD_DATE", "occurredAt", "occurredAt " + t + " is before " + EARLIEST);
        }
        if (t.toInstant().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new ValidationException("EVENT_IN_FUTURE", "occurredAt", "occurredAt " + t
                    + " is in the future; report events after they happen");
        }
        return t;
    }

    static Actor actor(Actor a) {
        if (a == null) {
            throw new ValidationException("MISSING_FIELD", "actor",
                    "actor is required: {\"personId\":…, \"role\":…, \"organisation\":…} (Art. 10: who acted answers)");
        }
        List<ValidationException> errors = new ArrayList<>();
        String person = collect(errors, () -> id(a.personId(), "personId", true));
        String role = collect(errors, () -> id(a.role(), "role", false));
        String org = collect(errors, () -> id(a.organisation(), "organisation", false));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors.stream().map(e -> e.under("actor")).toList());
        }
        return new Actor(person, role, org);
    }

    static Correction correction(Correction c) {
        if (c == null) {
            return null;
        }
        List<ValidationException> errors = new ArrayList<>();
        String corrects = collect(errors, () -> id(c.correctsHostEventId(), "correctsHostEventId", true));
        String approver = collect(errors, () -> id(c.approver(), "approver", true));
        String reason = collect(errors, () -> text(c.reason(), "reason", MAX_REASON));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors.stream().map(e -> e.under("correction")).toList());
        }
        return new Correction(corrects, approver, reason);
    }

    /** A trimmed id: required or not, at most {@link #MAX_ID} characters, no control characters, valid Unicode. */
    static String id(String v, String field, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                throw new ValidationException("MISSING_FIELD", field, field + " is required");
            }
            return null;
        }
        String s = v.trim();
        if (s.length() > MAX_ID) {
            throw new ValidationException("FIELD_TOO_LONG", field, field + " must be at most " + MAX_ID + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new ValidationException("INVALID_FIELD", field, field + " must not contain control characters");
            }
        }
        return checkText(s, field);
    }

    private static String text(String v, String field, int max) {
        if (v == null || v.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, field + " is required (a non-empty string)");
        }
        if (v.length() > max) {
            throw new ValidationException("FIELD_TOO_LONG", field, field + " must be at most " + max + " characters");
        }
        return checkText(v.trim(), field);
    }

    /** Checks the payload against the type's fields; keeps unknown fields as plain JSON values. */
    static Payload payload(Map<String, ?> values, EventType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<ValidationException> errors = new ArrayList<>();
        Map<String, PayloadField> defs = new LinkedHashMap<>();
        for (PayloadField f : type.fields()) {
            defs.put(f.name(), f);
        }
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            PayloadField def = defs.get(e.getKey());
            String field = "payload." + e.getKey();
            Object value = collect(errors, () -> def == null ? plain(e.getValue(), field) : typed(e.getValue(), def,
                    field));
            if (value != null) {
                out.put(e.getKey(), value);
            }
        }
        for (PayloadField f : type.fields()) {
            String at = "payload." + f.name();
            if (f.required() && !out.containsKey(f.name()) && errors.stream().noneMatch(e -> e.field() != null
                    && (e.field().equals(at) || e.field().startsWith(at + "[") || e.field().startsWith(at + ".")))) {
                errors.add(new ValidationException("MISSING_FIELD", "payload." + f.name(), "payload." + f.name()
                        + " is required for " + type.id() + " (" + f.description() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        return Payload.of(out);
    }

    private static Object typed(Object v, PayloadField def, String field) {
        return switch (def.kind()) {
            case STRING -> {
                if (!(v instanceof String raw)) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be a string");
                }
                String s = checkText(raw, field);
                if (!def.allowedValues().isEmpty() && !def.allowedValues().contains(s)) {
                    throw new ValidationException("INVALID_VALUE", field, field + " must be one of "
                            + def.allowedValues() + ", not \"" + s + "\"");
                }
                yield s;
            }
            case MONEY -> {
                if (v instanceof String s) {
                    yield Money.parse(s, field);
                }
                BigDecimal d = decimal(v);
                if (d == null) {
                    throw new ValidationException("INVALID_AMOUNT", field,
                            field + " must be an amount in yuan, e.g. 12500.00");
                }
                yield Money.check(d, field);
            }
            case DATE -> {
                try {
                    LocalDate d = v instanceof LocalDate ld ? ld : v instanceof String s ? LocalDate.parse(s) : null;
                    if (d == null || d.isBefore(EARLIEST) || d.getYear() > 2100) {
                        throw new DateTimeParseException("out of range", String.valueOf(v), 0);
                    }
                    yield d.toString();
                } catch (DateTimeParseException e) {
                    throw new ValidationException("INVALID_DATE", field, field
                            + " must be an ISO date such as 2024-10-08 between 1990 and 2100");
                }
            }
            case DATE_TIME -> EventParser.format(v instanceof OffsetDateTime t ? t
                    : EventParser.dateTime(v instanceof String text ? text : null, field));
            case INTEGER -> {
                Long n = whole(v);
                if (n == null) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be a whole number");
                }
                yield n;
            }
            case BOOLEAN -> {
                if (!(v instanceof Boolean b)) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be true or false");
                }
                yield b;
            }
            case STRING_LIST -> {
                if (!(v instanceof List<?> items)) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be an array of strings");
                }
                List<String> list = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    if (!(items.get(i) instanceof String item)) {
                        throw new ValidationException("INVALID_FIELD", field + "[" + i + "]", "must be a string");
                    }
                    if (!def.allowedValues().isEmpty() && !def.allowedValues().contains(item)) {
                        throw new ValidationException("INVALID_VALUE", field + "[" + i + "]", "must be one of "
                                + def.allowedValues());
                    }
                    list.add(checkText(item, field + "[" + i + "]"));
                }
                yield List.copyOf(list);
            }
            case OBJECT -> {
                if (!(v instanceof Map<?, ?>)) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be a JSON object");
                }
                yield plain(v, field);
            }
            case PARTY_IDENTIFIER_LIST -> identifiers(v, field);
        };
    }

    /** Items a party-identifier list holds at most. */
    static final int MAX_IDENTIFIERS = 100;

    /**
     * A list of {@code {kind, value}} party identifiers, each checked by its kind's rule ({@link PartyIdentifier#parse}:
     * kind OTHER unchecked) and stored normalised; every bad item is reported with its index
     * ({@code payload.respondentIdentifiers[1].value}).
     */
    private static List<Object> identifiers(Object v, String field) {
        if (!(v instanceof List<?> items)) {
            throw new ValidationException("INVALID_FIELD", field, field
                    + " must be an array of {\"kind\": …, \"value\": …} identifiers");
        }
        if (items.size() > MAX_IDENTIFIERS) {
            throw new ValidationException("LIST_TOO_LONG", field, field + " holds at most " + MAX_IDENTIFIERS
                    + " identifiers, not " + items.size());
        }
        List<Object> out = new ArrayList<>(items.size());
        List<ValidationException> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                errors.add(new ValidationException("INVALID_FIELD", at, at
                        + " must be an object {\"kind\": \"RESIDENT_ID\", \"value\": \"…\"}"));
                continue;
            }
            Object kind = item.get("kind");
            Object value = item.get("value");
            List<String> unknown = item.keySet().stream().map(String::valueOf)
                    .filter(k -> !k.equals("kind") && !k.equals("value")).sorted().toList();
            if (!unknown.isEmpty()) {
                errors.add(new ValidationException("INVALID_FIELD", at + "." + unknown.get(0), at
                        + " holds only kind and value, not " + unknown));
                continue;
            }
            if (kind != null && !(kind instanceof String) || value != null && !(value instanceof String)) {
                errors.add(new ValidationException("INVALID_FIELD", at + (kind instanceof String ? ".value" : ".kind"),
                        "kind and value must be strings"));
                continue;
            }
            try {
                String k = kind == null ? null : checkText((String) kind, at + ".kind");
                String text = value == null ? null : checkText((String) value, at + ".value");
                PartyIdentifier id = PartyIdentifier.parse(k, text, at + ".kind", at + ".value");
                Map<String, Object> m = new TreeMap<>();
                m.put("kind", id.kind().name());
                m.put("value", id.value());
                out.add(m);
            } catch (ValidationException e) {
                errors.addAll(e.all());
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        return List.copyOf(out);
    }

    /** A whole number as {@link Long} ({@code null} when {@code v} is none or does not fit). */
    private static Long whole(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        return null;
    }

    /** An exact decimal ({@code null} when {@code v} is no number). */
    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        Long n = whole(v);
        if (n != null) {
            return BigDecimal.valueOf(n);
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
        }
        return null;
    }

    /**
     * A payload value as plain JSON-like Java: String, BigDecimal, Long, Boolean, List, Map with sorted keys,
     * nulls dropped.
     */
    static Object plain(Object v, String field) {
        if (v instanceof String s) {
            return checkText(s, field);
        }
        if (v instanceof Boolean) {
            return v;
        }
        Long n = whole(v);
        if (n != null) {
            return n;
        }
        BigDecimal d = decimal(v);
        if (d != null) {
            return new BigDecimal(d.toPlainString());
        }
        if (v instanceof List<?> l) {
            List<Object> list = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Object item = l.get(i);
                list.add(item == null ? null : plain(item, field + "[" + i + "]"));
            }
            return list;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = new TreeMap<>();
            m.forEach((k, value) -> {
                if (value != null) {
                    String key = checkText(String.valueOf(k), field);
                    map.put(key, plain(value, field + "." + key));
                }
            });
            return map;
        }
        throw new ValidationException("INVALID_FIELD", field, field
                + " must be a JSON value (text, number, true/false, list or object), not a " + v.getClass().getName());
    }

    /**
     * The one check of every text and id the ledger and the guards accept (events, corrections, actors, guard
     * details). Refuses an unpaired UTF-16 surrogate: it cannot be encoded as UTF-8, so it would be stored and hashed
     * as '?' and two different events could get the same hash. Refuses NUL (U+0000: C strings and some databases cut
     * text there) and the invisible characters U+200B–U+200D and U+FEFF: {@code "A\u200B1"} would look like
     * {@code "A1"} to a person and be a different id to the machine.
     */
    static String checkText(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException("INVALID_TEXT", field, field
                        + " contains an unpaired UTF-16 surrogate at position " + i + "; send valid Unicode text");
            } else if (c == '\u0000') {
                throw new ValidationException("INVALID_TEXT", field, field + " contains NUL (U+0000) at position " + i
                        + "; send the text without it");
            } else if ((c >= '\u200B' && c <= '\u200D') || c == '\uFEFF') {
                throw new ValidationException("INVALID_TEXT", field, field + " contains the invisible character U+"
                        + String.format("%04X", (int) c) + " at position " + i + "; send the text without it");
            }
        }
        return s;
    }
}
