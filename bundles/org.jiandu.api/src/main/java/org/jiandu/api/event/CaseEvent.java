package org.jiandu.api.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

import org.jiandu.api.CaseNumber;

/**
 * Something that happened on an enforcement case, as reported by the host platform.
 *
 * @param hostEventId  the host's own id for the event; the ledger is idempotent on it (same id, same content →
 *                     stored once, answered the same; same id, other content → refused)
 * @param caseNumber   the case (案号)
 * @param type         an {@link EventType} id, e.g. {@code PROPERTY_CONTROLLED}
 * @param occurredAt   when it happened, in Asia/Shanghai ({@link #ZONE})
 * @param recordedAt   when the ledger recorded it; {@code null} on an event not yet recorded
 * @param actor        who did it
 * @param payload      the type's fields, validated and normalised
 * @param correction   set when this event corrects an earlier one (Art. 12), else {@code null}
 */
public record CaseEvent(String hostEventId, CaseNumber caseNumber, String type, OffsetDateTime occurredAt,
        Instant recordedAt, Actor actor, Payload payload, Correction correction) {

    /** All Jiandu times are in Asia/Shanghai. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public CaseEvent {
        Objects.requireNonNull(hostEventId, "hostEventId");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        payload = payload == null ? Payload.EMPTY : payload;
    }

    public boolean isCorrection() {
        return correction != null;
    }

    /** The same event, stamped with the time the ledger recorded it. */
    public CaseEvent recorded(Instant at) {
        return new CaseEvent(hostEventId, caseNumber, type, occurredAt, at, actor, payload, correction);
    }
}
