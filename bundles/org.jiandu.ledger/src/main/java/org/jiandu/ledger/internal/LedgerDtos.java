package org.jiandu.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.Tampering;
import org.jiandu.api.ledger.VerificationReport;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The JSON bodies of {@link EventsResource}; the OpenAPI document describes them from these records. Field names
 * and shapes are the REST contract documented in README.md ("The ledger"): change them only deliberately.
 */
public final class LedgerDtos {
    private LedgerDtos() {
    }

    /**
     * One ledger entry: the event as recorded, its position and hashes.
     *
     * @param occurredAt ISO date-time in +08:00, as stored
     * @param correction the Art. 12 correction block, or {@code null}
     */
    public record EntryDto(String caseNumber, long seq, String hostEventId, String type, String occurredAt,
            Instant recordedAt, Actor actor, Payload payload, Correction correction, String prevHash, String hash) {
        static EntryDto of(LedgerEntry e) {
            return of(e, e.event().payload());
        }

        /** The entry showing {@code payload} (its payload as a view shows it, e.g. masked) instead of the stored one. */
        static EntryDto of(LedgerEntry e, Payload payload) {
            CaseEvent ev = e.event();
            return new EntryDto(ev.caseNumber().canonical(), e.seq(), ev.hostEventId(), ev.type(),
                    EventParser.format(ev.occurredAt()), ev.recordedAt(), ev.actor(), payload, ev.correction(),
                    e.prevHash(), e.hash());
        }
    }

    /** An appended event: the entry, and whether it had been stored before under the same host event id. */
    public record AppendedDto(@JsonUnwrapped EntryDto entry, boolean duplicate) {
        static AppendedDto of(AppendResult r) {
            return new AppendedDto(EntryDto.of(r.entry()), r.duplicate());
        }
    }

    /** {@code POST /api/v1/events}: how many were new, how many repeats, and each result in order. */
    public record BatchDto(long stored, long duplicates, List<AppendedDto> results) {
        static BatchDto of(List<AppendResult> results) {
            return new BatchDto(results.stream().filter(r -> !r.duplicate()).count(),
                    results.stream().filter(AppendResult::duplicate).count(),
                    results.stream().map(AppendedDto::of).toList());
        }
    }

    /**
     * A timeline entry: the entry, its type's label ({@code null} for a type no longer installed) and the host
     * event ids of the entries that correct it.
     */
    public record TimelineEntryDto(@JsonUnwrapped EntryDto entry, String label, List<String> correctedBy) {
    }

    /**
     * {@code GET /api/v1/cases/{caseNumber}/timeline}: payloads masked by the masking policy unless
     * {@code revealed} ({@code ?reveal=true&reason=…}, audited). The hashes are always those of the stored, full
     * values.
     */
    public record TimelineDto(String caseNumber, int count, boolean revealed, List<TimelineEntryDto> entries) {
        static TimelineDto of(CaseNumber cn, List<LedgerEntry> entries, java.util.function.Function<String,
                EventType> types) {
            return of(cn, entries, types, (type, payload) -> payload, true);
        }

        /** The timeline with each payload as {@code view} shows it for its type ({@code null}: no longer installed). */
        static TimelineDto of(CaseNumber cn, List<LedgerEntry> entries, java.util.function.Function<String,
                EventType> types, java.util.function.BiFunction<EventType, Payload, Payload> view, boolean revealed) {
            Map<String, List<String>> correctedBy = new LinkedHashMap<>();
            for (LedgerEntry e : entries) {
                if (e.event().correction() != null) {
                    correctedBy.computeIfAbsent(e.event().correction().correctsHostEventId(), k -> new ArrayList<>())
                            .add(e.event().hostEventId());
                }
            }
            List<TimelineEntryDto> views = new ArrayList<>(entries.size());
            for (LedgerEntry e : entries) {
                EventType type = types.apply(e.event().type());
                views.add(new TimelineEntryDto(EntryDto.of(e, view.apply(type, e.event().payload())),
                        type == null ? null : type.label(),
                        correctedBy.getOrDefault(e.event().hostEventId(), List.of())));
            }
            return new TimelineDto(cn.canonical(), views.size(), revealed, views);
        }
    }

    /** {@code GET /api/v1/cases/{caseNumber}/verification}. */
    public record VerificationDto(String caseNumber, boolean intact, Instant verifiedAt, long entriesChecked,
            List<Tampering> problems) {
        static VerificationDto of(CaseNumber cn, VerificationReport report) {
            return new VerificationDto(cn.canonical(), report.intact(), report.verifiedAt(), report.entriesChecked(),
                    report.problems());
        }
    }
}
