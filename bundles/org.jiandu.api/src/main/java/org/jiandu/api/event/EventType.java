package org.jiandu.api.event;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A kind of case event: a namespaced id, a Chinese label, and the payload fields it takes.
 *
 * <p>Ids of the core vocabulary ({@link CoreEventTypes}) are bare upper-case names such as {@code CASE_FILED}. A
 * third-party bundle adds its own by registering an {@code EventType} OSGi service whose id carries a namespace:
 * {@code acme.WAGE_ARREARS_REPORTED}. The ledger accepts events of any type registered at the time of ingestion and
 * refuses unknown types. Events are published on EventAdmin under {@link org.jiandu.api.Topics#forCaseEvent}.
 */
public record EventType(String id, String label, List<PayloadField> fields) {

    /** Bare {@code NAME} (core) or {@code namespace.NAME} (extension). */
    public static final Pattern ID = Pattern.compile("([a-z][a-z0-9-]{0,30}\\.)?[A-Z][A-Z0-9_]{0,63}");

    public EventType {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Event type id must match " + ID.pattern() + ": " + id);
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static EventType of(String id, String label, PayloadField... fields) {
        return new EventType(id, label, List.of(fields));
    }

    /** Whether the id is in the core (unnamespaced) vocabulary's form. */
    public boolean isCore() {
        return id.indexOf('.') < 0;
    }
}
