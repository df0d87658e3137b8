package org.jiandu.api.finding;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.event.Event;

/**
 * How a {@link Finding} travels on EventAdmin, the same for every producer: topic {@code jiandu/finding/<KIND>}
 * (subscribe to {@link #ALL} for every kind), posted after the finding is stored, with the flat properties below.
 * Instants are ISO-8601 strings; {@link #DETAILS} is a {@code Map<String, Object>}. A producer builds the event
 * with {@link #toEvent(Finding)}, a subscriber reads it back with {@link #from(Event)}.
 *
 * <p>EventAdmin delivery is best effort; a subscriber that must not miss a finding catches up with
 * {@link org.jiandu.api.query.FindingQuery#findingsSince}.
 */
public final class FindingTopics {
    /** Topics of findings begin with this. */
    public static final String PREFIX = "jiandu/finding/";
    /** Every finding, whatever its kind and producer. */
    public static final String ALL = PREFIX + "*";

    /** {@code String}: the producing bundle. */
    public static final String SOURCE = "source";
    /** {@code Long}: the producer's id of the finding. */
    public static final String FINDING_ID = "findingId";
    /** {@code String}: the kind (also the topic's last segment). */
    public static final String KIND = "kind";
    /** {@code String}: the severity's name. */
    public static final String SEVERITY = "severity";
    /** {@code Integer}: the severity's stable code. */
    public static final String SEVERITY_CODE = "severityCode";
    /** {@code String}, optional: the provision relied on. */
    public static final String ARTICLE = "article";
    /** {@code String}, optional: the rule that raised it. */
    public static final String RULE_ID = "ruleId";
    /** {@code String}: the case number, canonical. */
    public static final String CASE_NUMBER = "caseNumber";
    /** {@code String}: the court code. */
    public static final String COURT = "court";
    /** {@code String}: the stable key. */
    public static final String KEY = "key";
    /** {@code String}: the message in Chinese. */
    public static final String MESSAGE = "message";
    /** {@code Map<String, Object>}: the details. */
    public static final String DETAILS = "details";
    /** {@code String}: when it was stored, ISO-8601. */
    public static final String RAISED_AT = "raisedAt";
    /** {@code Long}: the triggering entry's seq. */
    public static final String TRIGGER_SEQ = "triggerSeq";
    /** {@code String}, optional: the triggering entry's event type. */
    public static final String TRIGGER_TYPE = "triggerType";
    /** {@code String}, optional: the triggering entry's host event id. */
    public static final String TRIGGER_HOST_EVENT_ID = "triggerHostEventId";

    private FindingTopics() {
    }

    /** The topic findings of {@code kind} are posted on: {@code jiandu/finding/OVER_SEIZURE}. */
    public static String topic(String kind) {
        return PREFIX + kind;
    }

    /** The event that publishes {@code finding}. */
    public static Event toEvent(Finding f) {
        Map<String, Object> p = new HashMap<>();
        p.put(SOURCE, f.source());
        p.put(FINDING_ID, f.id());
        p.put(KIND, f.kind());
        p.put(SEVERITY, f.severity().name());
        p.put(SEVERITY_CODE, f.severity().code());
        put(p, ARTICLE, f.article());
        put(p, RULE_ID, f.ruleId());
        p.put(CASE_NUMBER, f.caseNumber());
        p.put(COURT, f.court());
        p.put(KEY, f.key());
        p.put(MESSAGE, f.message());
        p.put(DETAILS, f.details());
        p.put(RAISED_AT, f.raisedAt().toString());
        p.put(TRIGGER_SEQ, f.trigger().seq());
        put(p, TRIGGER_TYPE, f.trigger().type());
        put(p, TRIGGER_HOST_EVENT_ID, f.trigger().hostEventId());
        return new Event(topic(f.kind()), p);
    }

    /**
     * The finding an event carries. Throws {@link IllegalArgumentException} naming the property when the event is
     * not a finding event or a property is missing or malformed.
     */
    public static Finding from(Event event) {
        if (!event.getTopic().startsWith(PREFIX)) {
            throw new IllegalArgumentException("Topic " + event.getTopic() + " is not a finding topic (" + ALL + ")");
        }
        FindingSeverity severity;
        Object code = event.getProperty(SEVERITY_CODE);
        if (code instanceof Number n) {
            severity = FindingSeverity.ofCode(n.intValue());
        } else {
            String name = text(event, SEVERITY, true);
            try {
                severity = FindingSeverity.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Property " + SEVERITY + " is no finding severity: " + name, e);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Object d = event.getProperty(DETAILS);
        if (d instanceof Map<?, ?> m) {
            m.forEach((k, v) -> details.put(String.valueOf(k), v));
        } else if (d != null) {
            throw new IllegalArgumentException("Property " + DETAILS + " is not a map");
        }
        String raised = text(event, RAISED_AT, true);
        Instant raisedAt;
        try {
            raisedAt = Instant.parse(raised);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Property " + RAISED_AT + " is not an ISO-8601 instant: " + raised, e);
        }
        return new Finding(text(event, SOURCE, true), number(event, FINDING_ID),
                text(event, KIND, true), severity, text(event, ARTICLE, false),
                text(event, RULE_ID, false), text(event, CASE_NUMBER, true),
                text(event, COURT, true), text(event, KEY, true),
                text(event, MESSAGE, true), details, raisedAt,
                new Finding.Trigger(number(event, TRIGGER_SEQ),
                        text(event, TRIGGER_TYPE, false),
                        text(event, TRIGGER_HOST_EVENT_ID, false)));
    }

    private static void put(Map<String, Object> p, String name, Object value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static String text(Event event, String name, boolean required) {
        Object v = event.getProperty(name);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException("Property " + name + " is missing on " + event.getTopic());
            }
            return null;
        }
        return v.toString();
    }

    private static long number(Event event, String name) {
        Object v = event.getProperty(name);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v == null) {
            throw new IllegalArgumentException("Property " + name + " is missing on " + event.getTopic());
        }
        try {
            return Long.parseLong(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + name + " is not a whole number: " + v, e);
        }
    }
}
