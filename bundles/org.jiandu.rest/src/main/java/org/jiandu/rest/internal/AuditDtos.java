package org.jiandu.rest.internal;

import java.time.Instant;
import java.util.List;

/** The JSON body of {@code GET /api/v1/audit}; the OpenAPI document describes it from these records. */
public final class AuditDtos {
    private AuditDtos() {
    }

    /** One audited request: who (user, organisation, remote address), when, what, and how it ended. */
    public record AuditEntryDto(Long id, Instant at, String user, String organisation, String method, String path,
            String query, int status, long durationMillis, String remote) {
        static AuditEntryDto of(AuditEntry e) {
            return new AuditEntryDto(e.getId(), e.getAt(), e.getUser(), e.getOrganisation(), e.getMethod(),
                    e.getPath(), e.getQuery(), e.getStatus(), e.getDurationMillis(), e.getRemote());
        }
    }

    /** The entries found, newest first. */
    public record AuditPageDto(int count, List<AuditEntryDto> entries) {
        static AuditPageDto of(List<AuditEntry> rows) {
            return new AuditPageDto(rows.size(), rows.stream().map(AuditEntryDto::of).toList());
        }
    }
}
