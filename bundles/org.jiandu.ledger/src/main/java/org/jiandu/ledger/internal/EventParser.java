package org.jiandu.ledger.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Money;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.event.PayloadField;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns host JSON into a {@link CaseEvent}, checking every field and naming the one at fault (a JSON path such as
 * {@code payload.amount}). Payload fields are checked against the event type's definition and normalised (money to
 * scale 2, date-times to +08:00), so the stored canonical form does not depend on how the host wrote them.
 */
final class EventParser {
    static final int MAX_PAYLOAD_CHARS = 16_000;
    static final int MAX_ID = 128;
    /** Host clocks drift; an event may be up to this far in the future of the ledger's clock. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);
    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    /**
     * Beijing time, a fixed +08:00. Not the Asia/Shanghai zone rules: those include the summer time of 1986–1991,
     * which would shift old local times by an hour.
     */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private final Function<String, EventType> types;
    private final Clock clock;

    EventParser(Function<String, EventType> types, Clock clock) {
        this.types = types;
        this.clock = clock;
    }

    /**
     * @param node        the event object
     * @param pathCase    the case number from the URL, or {@code null} for batch items (which must carry their own)
     */
    CaseEvent parse(JsonNode node, CaseNumber pathCase) {
        if (node == null || !node.isObject()) {
            throw new ValidationException("INVALID_EVENT", null, "An event must be a JSON object");
        }
        List<ValidationException> errors = new ArrayList<>();
        String hostEventId = collect(errors, () -> id(node, "hostEventId", true));
        CaseNumber caseNumber = collect(errors, () -> caseNumber(node, pathCase));
        EventType type = collect(errors, () -> type(node));
        OffsetDateTime occurredAt = collect(errors, () -> occurredAt(node));
        Actor actor = collect(errors, () -> actor(node.get("actor")));
        Payload payload = type == null ? null : collect(errors, () -> payload(node.get("payload"), type));
        Correction correction = collect(errors, () -> correction(node.get("correction")));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        return new CaseEvent(hostEventId, caseNumber, type.id(), occurredAt, null, actor, payload, correction);
    }

    private interface Step<T> {
        T get();
    }

    private static <T> T collect(List<ValidationException> errors, Step<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            errors.addAll(e.all());
            return null;
        }
    }

    private static String id(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
            if (required) {
                throw new ValidationException("MISSING_FIELD", field, field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new ValidationException("INVALID_FIELD", field, field + " must be a string");
        }
        String s = checkText(v.asText().trim(), field);
        if (s.length() > MAX_ID) {
            throw new ValidationException("FIELD_TOO_LONG", field, field + " must be at most " + MAX_ID + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                throw new ValidationException("INVALID_FIELD", field, field + " must not contain control characters");
            }
        }
        return s;
    }

    private static CaseNumber caseNumber(JsonNode node, CaseNumber pathCase) {
        JsonNode v = node.get("caseNumber");
        if (v == null || v.isNull()) {
            if (pathCase == null) {
                throw new ValidationException("MISSING_FIELD", "caseNumber",
                        "caseNumber is required, e.g. \"（2024）京0105执1234号\"");
            }
            return pathCase;
        }
        if (!v.isTextual()) {
            throw new ValidationException("INVALID_CASE_NUMBER", "caseNumber", "caseNumber must be a string");
        }
        CaseNumber cn = CaseNumber.parse(v.asText(), "caseNumber");
        if (pathCase != null && !pathCase.equals(cn)) {
            throw new ValidationException("CASE_NUMBER_MISMATCH", "caseNumber", "The body names case " + cn
                    + " but the URL names " + pathCase + "; send the event to the URL of its own case");
        }
        return cn;
    }

    private EventType type(JsonNode node) {
        JsonNode v = node.get("type");
        if (v == null || v.isNull()) {
            throw new ValidationException("MISSING_FIELD", "type", "type is required, e.g. \"CASE_FILED\"");
        }
        EventType t = v.isTextual() ? types.apply(v.asText()) : null;
        if (t == null) {
            throw new ValidationException("UNKNOWN_EVENT_TYPE", "type", "Unknown event type " + v
                    + "; the known types are listed at GET /api/v1/event-types");
        }
        return t;
    }

    private OffsetDateTime occurredAt(JsonNode node) {
        JsonNode v = node.get("occurredAt");
        if (v == null || v.isNull()) {
            throw new ValidationException("MISSING_FIELD", "occurredAt",
                    "occurredAt is required, e.g. \"2024-10-08T09:30:00+08:00\"");
        }
        OffsetDateTime t = dateTime(v, "occurredAt");
        if (t.toLocalDate().isBefore(EARLIEST)) {
            throw new ValidationException("ABSURD_DATE", "occurredAt", "occurredAt " + t + " is before " + EARLIEST);
        }
        if (t.toInstant().isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new ValidationException("EVENT_IN_FUTURE", "occurredAt", "occurredAt " + t
                    + " is in the future; report events after they happen");
        }
        return t;
    }

    /** ISO offset date-time, or a local date-time taken as Beijing time; normalised to +08:00. */
    static OffsetDateTime dateTime(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw new ValidationException("INVALID_DATE_TIME", field, field + " must be an ISO date-time string");
        }
        String s = v.asText().trim();
        try {
            return OffsetDateTime.parse(s).withOffsetSameInstant(BEIJING);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).atOffset(BEIJING);
            } catch (DateTimeParseException e2) {
                throw new ValidationException("INVALID_DATE_TIME", field, "\"" + s
                        + "\" is not an ISO date-time such as 2024-10-08T09:30:00+08:00");
            }
        }
    }

    private static Actor actor(JsonNode v) {
        if (v == null || v.isNull()) {
            throw new ValidationException("MISSING_FIELD", "actor",
                    "actor is required: {\"personId\":…, \"role\":…, \"organisation\":…} (Art. 10: who acted answers)");
        }
        if (!v.isObject()) {
            throw new ValidationException("INVALID_FIELD", "actor", "actor must be an object");
        }
        List<ValidationException> errors = new ArrayList<>();
        String person = collect(errors, () -> id(v, "personId", true));
        String role = collect(errors, () -> id(v, "role", false));
        String org = collect(errors, () -> id(v, "organisation", false));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors.stream().map(e -> e.under("actor")).toList());
        }
        return new Actor(person, role, org);
    }

    private static Correction correction(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ValidationException("INVALID_FIELD", "correction", "correction must be an object");
        }
        List<ValidationException> errors = new ArrayList<>();
        String corrects = collect(errors, () -> id(v, "correctsHostEventId", true));
        String approver = collect(errors, () -> id(v, "approver", true));
        String reason = collect(errors, () -> text(v, "reason", 1000));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors.stream().map(e -> e.under("correction")).toList());
        }
        return new Correction(corrects, approver, reason);
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, field + " is required (a non-empty string)");
        }
        if (v.asText().length() > max) {
            throw new ValidationException("FIELD_TOO_LONG", field, field + " must be at most " + max + " characters");
        }
        return checkText(v.asText().trim(), field);
    }

    /** Checks the payload against the type's fields; keeps unknown fields as plain JSON values. */
    static Payload payload(JsonNode v, EventType type) {
        if (v != null && !v.isNull() && !v.isObject()) {
            throw new ValidationException("INVALID_FIELD", "payload", "payload must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        List<ValidationException> errors = new ArrayList<>();
        Map<String, PayloadField> defs = new LinkedHashMap<>();
        for (PayloadField f : type.fields()) {
            defs.put(f.name(), f);
        }
        if (v != null && v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isNull()) {
                    continue;
                }
                PayloadField def = defs.get(e.getKey());
                String field = "payload." + e.getKey();
                Object value = collect(errors, () -> def == null ? plain(e.getValue()) : typed(e.getValue(), def, field));
                if (value != null) {
                    out.put(e.getKey(), value);
                }
            }
        }
        for (PayloadField f : type.fields()) {
            if (f.required() && !out.containsKey(f.name()) && errors.stream().noneMatch(
                    e -> ("payload." + f.name()).equals(e.field()))) {
                errors.add(new ValidationException("MISSING_FIELD", "payload." + f.name(), "payload." + f.name()
                        + " is required for " + type.id() + " (" + f.description() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        Payload p = Payload.of(out);
        if (Canonical.json(p.asMap()).length() > MAX_PAYLOAD_CHARS) {
            throw new ValidationException("PAYLOAD_TOO_LARGE", "payload",
                    "payload must be at most " + MAX_PAYLOAD_CHARS + " characters as JSON");
        }
        return p;
    }

    private static Object typed(JsonNode v, PayloadField def, String field) {
        return switch (def.kind()) {
            case STRING -> {
                if (!v.isTextual()) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be a string");
                }
                String s = checkText(v.asText(), field);
                if (!def.allowedValues().isEmpty() && !def.allowedValues().contains(s)) {
                    throw new ValidationException("INVALID_VALUE", field, field + " must be one of "
                            + def.allowedValues() + ", not \"" + s + "\"");
                }
                yield s;
            }
            case MONEY -> {
                if (v.isNumber()) {
                    yield Money.check(v.decimalValue(), field);
                }
                if (v.isTextual()) {
                    yield Money.parse(v.asText(), field);
                }
                throw new ValidationException("INVALID_AMOUNT", field, field + " must be an amount in yuan, e.g. 12500.00");
            }
            case DATE -> {
                try {
                    LocalDate d = LocalDate.parse(v.asText());
                    if (!v.isTextual() || d.isBefore(EARLIEST) || d.getYear() > 2100) {
                        throw new DateTimeParseException("out of range", v.asText(), 0);
                    }
                    yield d.toString();
                } catch (DateTimeParseException e) {
                    throw new ValidationException("INVALID_DATE", field, field
                            + " must be an ISO date such as 2024-10-08 between 1990 and 2100");
                }
            }
            case DATE_TIME -> format(dateTime(v, field));
            case INTEGER -> {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be a whole number");
                }
                yield v.longValue();
            }
            case BOOLEAN -> {
                if (!v.isBoolean()) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be true or false");
                }
                yield v.booleanValue();
            }
            case STRING_LIST -> {
                if (!v.isArray()) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be an array of strings");
                }
                List<String> list = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    if (!item.isTextual()) {
                        throw new ValidationException("INVALID_FIELD", field + "[" + i + "]", "must be a string");
                    }
                    if (!def.allowedValues().isEmpty() && !def.allowedValues().contains(item.asText())) {
                        throw new ValidationException("INVALID_VALUE", field + "[" + i + "]", "must be one of "
                                + def.allowedValues());
                    }
                    list.add(checkText(item.asText(), field + "[" + i + "]"));
                }
                yield List.copyOf(list);
            }
            case OBJECT -> {
                if (!v.isObject()) {
                    throw new ValidationException("INVALID_FIELD", field, field + " must be a JSON object");
                }
                yield plain(v);
            }
        };
    }

    /**
     * Refuses text with an unpaired UTF-16 surrogate: it cannot be encoded as UTF-8, so it would be stored and
     * hashed as '?' and two different events could get the same hash.
     */
    static String checkText(String s, String field) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException("INVALID_TEXT", field, field
                        + " contains an unpaired UTF-16 surrogate at position " + i + "; send valid Unicode text");
            }
        }
        return s;
    }

    /** A JSON value as plain Java: String, BigDecimal, Long, Boolean, List, Map. */
    static Object plain(JsonNode v) {
        if (v.isTextual()) {
            return checkText(v.asText(), "payload");
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return new BigDecimal(v.decimalValue().toPlainString());
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (v.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    map.put(e.getKey(), plain(e.getValue()));
                }
            });
            return map;
        }
        return null;
    }

    /** The stored form of a date-time: ISO with seconds, in +08:00. */
    static String format(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(ZoneOffset.ofHours(8)));
    }
}
