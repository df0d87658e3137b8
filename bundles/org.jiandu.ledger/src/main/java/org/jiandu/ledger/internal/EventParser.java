package org.jiandu.ledger.internal;

import java.math.BigDecimal;
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
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads host JSON into a {@link CaseEvent}, once: JSON kinds are checked here (a string where a string belongs, an
 * object for the actor, an ISO date-time …), the case number is parsed here, and nothing else. What the event
 * <em>means</em> — a known type, payload fields of the type's kinds, a plausible time, sane ids — is checked once,
 * by {@link EventValidator}, when the ledger appends it ({@link org.jiandu.api.ledger.CaseLedger#append}), exactly as
 * for an in-process caller.
 *
 * <p>When the JSON itself is wrong somewhere, the event cannot be built; then the parts that could be read are
 * validated here too, so that one answer lists every problem, in field order, each with its path
 * ({@code payload.amount}).
 */
final class EventParser {
    /** The stored form's offset: Beijing time, a fixed +08:00 (see {@link EventValidator#BEIJING}). */
    static final ZoneOffset BEIJING = EventValidator.BEIJING;

    private final EventValidator validator;

    EventParser(EventValidator validator) {
        this.validator = validator;
    }

    /** A part of the event as read: its value, or what made it unreadable. */
    private record Part<T>(T value, List<ValidationException> errors) {
        static <T> Part<T> read(EventValidator.Step<T> step) {
            try {
                return new Part<>(step.get(), List.of());
            } catch (ValidationException e) {
                return new Part<>(null, e.all());
            }
        }

        boolean ok() {
            return errors.isEmpty();
        }

        /** Adds the reading errors, or, when the part was read, what validation finds in it. */
        void report(List<ValidationException> out, Function<T, ?> check) {
            if (!ok()) {
                out.addAll(errors);
            } else {
                EventValidator.collect(out, () -> check.apply(value));
            }
        }
    }

    /**
     * Reads an event; the answer is not validated yet (the ledger does that when it appends).
     *
     * @param node     the event object
     * @param pathCase the case number from the URL, or {@code null} for batch items (which must carry their own)
     * @throws ValidationException when the JSON cannot be read as an event, listing every problem
     */
    CaseEvent read(JsonNode node, CaseNumber pathCase) {
        if (node == null || !node.isObject()) {
            throw new ValidationException("INVALID_EVENT", null, "An event must be a JSON object");
        }
        Part<String> hostEventId = Part.read(() -> string(node, "hostEventId", true));
        Part<CaseNumber> caseNumber = Part.read(() -> caseNumber(node, pathCase));
        Part<String> type = Part.read(() -> type(node));
        Part<OffsetDateTime> occurredAt = Part.read(() -> occurredAt(node));
        Part<Actor> actor = Part.read(() -> actor(node.get("actor")));
        Part<Map<String, Object>> payload = Part.read(() -> payload(node.get("payload")));
        Part<Correction> correction = Part.read(() -> correction(node.get("correction")));
        if (hostEventId.ok() && caseNumber.ok() && type.ok() && occurredAt.ok() && actor.ok() && payload.ok()
                && correction.ok()) {
            return new CaseEvent(hostEventId.value(), caseNumber.value(), type.value(), occurredAt.value(), null,
                    actor.value(), Payload.of(payload.value()), correction.value());
        }
        List<ValidationException> errors = new ArrayList<>();
        hostEventId.report(errors, validator::hostEventId);
        caseNumber.report(errors, cn -> cn);
        EventType known = null;
        if (type.ok()) {
            known = EventValidator.collect(errors, () -> validator.type(type.value()));
        } else {
            errors.addAll(type.errors());
        }
        EventType payloadType = known;
        occurredAt.report(errors, validator::occurredAt);
        actor.report(errors, EventValidator::actor);
        if (payloadType != null || !payload.ok()) {
            // the payload can be checked only against a known type
            payload.report(errors, p -> EventValidator.payload(p, payloadType));
        }
        correction.report(errors, EventValidator::correction);
        throw ValidationException.of(errors);
    }

    /** A string field as sent ({@code null} when absent and not required); the validator trims and checks it. */
    private static String string(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new ValidationException("MISSING_FIELD", field, field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new ValidationException("INVALID_FIELD", field, field + " must be a string");
        }
        return v.asText();
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

    private static String type(JsonNode node) {
        JsonNode v = node.get("type");
        if (v == null || v.isNull()) {
            throw new ValidationException("MISSING_FIELD", "type", "type is required, e.g. \"CASE_FILED\"");
        }
        if (!v.isTextual()) {
            throw new ValidationException("UNKNOWN_EVENT_TYPE", "type", "Unknown event type " + v
                    + "; the known types are listed at GET /api/v1/event-types");
        }
        return v.asText();
    }

    private static OffsetDateTime occurredAt(JsonNode node) {
        JsonNode v = node.get("occurredAt");
        if (v == null || v.isNull()) {
            throw new ValidationException("MISSING_FIELD", "occurredAt",
                    "occurredAt is required, e.g. \"2024-10-08T09:30:00+08:00\"");
        }
        return dateTime(v, "occurredAt");
    }

    private static Actor actor(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ValidationException("INVALID_FIELD", "actor", "actor must be an object");
        }
        List<ValidationException> errors = new ArrayList<>();
        String person = EventValidator.collect(errors, () -> string(v, "personId", false));
        String role = EventValidator.collect(errors, () -> string(v, "role", false));
        String org = EventValidator.collect(errors, () -> string(v, "organisation", false));
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors.stream().map(e -> e.under("actor")).toList());
        }
        return new Actor(person, role, org);
    }

    private static Map<String, Object> payload(JsonNode v) {
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new ValidationException("INVALID_FIELD", "payload", "payload must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNull()) {
                out.put(e.getKey(), plain(e.getValue()));
            }
        }
        return out;
    }

    private static Correction correction(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new ValidationException("INVALID_FIELD", "correction", "correction must be an object");
        }
        List<ValidationException> errors = new ArrayList<>();
        String corrects = EventValidator.collect(errors, () -> string(v, "correctsHostEventId", false));
        String approver = EventValidator.collect(errors, () -> string(v, "approver", false));
        JsonNode reason = v.get("reason");
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors.stream().map(e -> e.under("correction")).toList());
        }
        return new Correction(corrects, approver, reason != null && reason.isTextual() ? reason.asText() : null);
    }

    /** ISO offset date-time, or a local date-time taken as Beijing time; normalised to +08:00. */
    static OffsetDateTime dateTime(JsonNode v, String field) {
        return dateTime(v.isTextual() ? v.asText() : null, field);
    }

    /** The text form of {@link #dateTime(JsonNode, String)}; {@code null} is no date-time. */
    static OffsetDateTime dateTime(String text, String field) {
        if (text == null) {
            throw new ValidationException("INVALID_DATE_TIME", field, field + " must be an ISO date-time string");
        }
        String s = text.trim();
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

    /**
     * A JSON value as plain Java: String, BigDecimal, Long, Boolean, List, Map (object members that are null
     * dropped). Text is taken as sent; {@link EventValidator} checks it.
     */
    static Object plain(JsonNode v) {
        if (v.isTextual()) {
            return v.asText();
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
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withOffsetSameInstant(BEIJING));
    }
}
