package org.jiandu.api.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.event.Event;

/**
 * How an {@link Alert} travels on EventAdmin: topic {@code jiandu/alert/<LEVEL>} (subscribe to {@link #ALL} for
 * every level), posted after the alert is committed, with the flat properties below (strings, and {@code Long} ids).
 * Instants are ISO-8601 strings ({@code 2024-10-11T16:00:00Z}), the due day an ISO date. A producer builds the event
 * with {@link #toEvent(Alert)}; a subscriber reads it back with {@link #from(Event)}.
 *
 * <p>EventAdmin delivery is best effort; the producer's table is the record. A subscriber that must not miss an alert
 * catches up with {@link org.jiandu.api.query.AlertQuery#alertsSince} from its last cursor.
 */
public final class AlertTopics {
    /** Topics of alerts begin with this. */
    public static final String PREFIX = "jiandu/alert/";
    /** Every alert, whatever its level. */
    public static final String ALL = PREFIX + "*";

    /** {@code Long}: {@link Alert#id()}. */
    public static final String ALERT_ID = "alertId";
    /** {@code Long}: {@link Alert#deadlineId()}. */
    public static final String DEADLINE_ID = "deadlineId";
    /** {@code String}: the level's name ({@code OVERDUE}). */
    public static final String LEVEL = "level";
    /** {@code Integer}: the level's stable code. */
    public static final String LEVEL_CODE = "levelCode";
    /** {@code String}: the case number, canonical. Same name as the case events' property. */
    public static final String CASE_NUMBER = "caseNumber";
    /** {@code String}: the court code. */
    public static final String COURT = "court";
    /** {@code String}: the deadline rule's id. */
    public static final String RULE_ID = "ruleId";
    /** {@code String}, optional: the due day, ISO date. */
    public static final String DUE = "due";
    /** {@code String}, optional: the expiry instant, ISO-8601. */
    public static final String EXPIRES_AT = "expiresAt";
    /** {@code String}: when the alert was raised, ISO-8601. */
    public static final String RAISED_AT = "raisedAt";
    /** {@code String}: to whom the alert is addressed. */
    public static final String ADDRESSEE = "addressee";
    /** {@code String}: the message in Chinese. */
    public static final String MESSAGE = "message";
    /** {@code String}, only when acknowledged: who acknowledged it. */
    public static final String ACKNOWLEDGED_BY = "acknowledgedBy";
    /** {@code String}, only when acknowledged: when, ISO-8601. */
    public static final String ACKNOWLEDGED_AT = "acknowledgedAt";
    /** {@code String}, only when acknowledged: the comment. */
    public static final String ACKNOWLEDGEMENT_COMMENT = "acknowledgementComment";

    private AlertTopics() {
    }

    /** The topic alerts of {@code level} are posted on: {@code jiandu/alert/OVERDUE}. */
    public static String topic(AlertLevel level) {
        return PREFIX + level.name();
    }

    /** The event that publishes {@code alert}. */
    public static Event toEvent(Alert alert) {
        Map<String, Object> p = new HashMap<>();
        p.put(ALERT_ID, alert.id());
        p.put(DEADLINE_ID, alert.deadlineId());
        p.put(LEVEL, alert.level().name());
        p.put(LEVEL_CODE, alert.level().code());
        p.put(CASE_NUMBER, alert.caseNumber());
        p.put(COURT, alert.court());
        p.put(RULE_ID, alert.ruleId());
        if (alert.due() != null) {
            p.put(DUE, alert.due().toString());
        }
        if (alert.expiresAt() != null) {
            p.put(EXPIRES_AT, alert.expiresAt().toString());
        }
        p.put(RAISED_AT, alert.raisedAt().toString());
        if (alert.addressee() != null) {
            p.put(ADDRESSEE, alert.addressee());
        }
        p.put(MESSAGE, alert.message());
        if (alert.acknowledgement() != null) {
            p.put(ACKNOWLEDGED_BY, alert.acknowledgement().by());
            p.put(ACKNOWLEDGED_AT, alert.acknowledgement().at().toString());
            if (alert.acknowledgement().comment() != null) {
                p.put(ACKNOWLEDGEMENT_COMMENT, alert.acknowledgement().comment());
            }
        }
        return new Event(topic(alert.level()), p);
    }

    /**
     * The alert an event carries. Throws {@link IllegalArgumentException} naming the property when the event is
     * not an alert event or a property is missing or malformed.
     */
    public static Alert from(Event event) {
        if (!event.getTopic().startsWith(PREFIX)) {
            throw new IllegalArgumentException("Topic " + event.getTopic() + " is not an alert topic (" + ALL + ")");
        }
        AlertLevel level;
        Object code = event.getProperty(LEVEL_CODE);
        if (code instanceof Number n) {
            level = AlertLevel.ofCode(n.intValue());
        } else {
            String name = text(event, LEVEL, true);
            try {
                level = AlertLevel.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Property " + LEVEL + " is no alert level: " + name, e);
            }
        }
        String by = text(event, ACKNOWLEDGED_BY, false);
        Alert.Acknowledgement ack = by == null ? null
                : new Alert.Acknowledgement(by, instant(event, ACKNOWLEDGED_AT, true),
                        text(event, ACKNOWLEDGEMENT_COMMENT, false));
        String due = text(event, DUE, false);
        LocalDate dueDay;
        try {
            dueDay = due == null ? null : LocalDate.parse(due);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Property " + DUE + " is not an ISO date: " + due, e);
        }
        return new Alert(number(event, ALERT_ID), number(event, DEADLINE_ID), level, text(event, CASE_NUMBER, true),
                text(event, COURT, true), text(event, RULE_ID, true), dueDay, instant(event, EXPIRES_AT, false),
                instant(event, RAISED_AT, true), text(event, ADDRESSEE, false), text(event, MESSAGE, true), ack);
    }

    static String text(Event event, String name, boolean required) {
        Object v = event.getProperty(name);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException("Property " + name + " is missing on " + event.getTopic());
            }
            return null;
        }
        return v.toString();
    }

    static long number(Event event, String name) {
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

    static Instant instant(Event event, String name, boolean required) {
        Object v = event.getProperty(name);
        if (v instanceof Instant i) {
            return i;
        }
        String s = text(event, name, required);
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Property " + name + " is not an ISO-8601 instant: " + s, e);
        }
    }
}
