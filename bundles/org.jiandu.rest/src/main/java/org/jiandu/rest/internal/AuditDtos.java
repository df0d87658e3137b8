package org.jiandu.rest.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON body of {@code GET /api/v1/audit}; the OpenAPI document describes it from these records. */
public final class AuditDtos {
    private AuditDtos() {
    }

    /**
     * One audited request: who (user, organisation, remote address), when, what, and how it ended; a reveal of masked
     * values (method {@code REVEAL}) has a {@code detail}: the case, what was revealed and the stated reason.
     */
    public record AuditEntryDto(Long id, Instant at, String user, String organisation, String method, String path,
            String query, int status, long durationMillis, String remote, Map<String, Object> detail) {
        static AuditEntryDto of(AuditEntry e) {
            return new AuditEntryDto(e.getId(), e.getAt(), e.getUser(), e.getOrganisation(), e.getMethod(),
                    e.getPath(), e.getQuery(), e.getStatus(), e.getDurationMillis(), e.getRemote(), detail(e));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> detail(AuditEntry e) {
            if (e.getDetail() == null) {
                return null;
            }
            try {
                return READER.readValue(e.getDetail(), Map.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                // written by this bundle as JSON: a row that is not was altered outside Jiandu, shown as found
                return Map.of("unreadable", e.getDetail());
            }
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper READER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The entries found, newest first. */
    public record AuditPageDto(int count, List<AuditEntryDto> entries) {
        static AuditPageDto of(List<AuditEntry> rows) {
            return new AuditPageDto(rows.size(), rows.stream().map(AuditEntryDto::of).toList());
        }
    }
}
