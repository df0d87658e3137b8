package org.jiandu.rest.internal;

/**
 * One audited request: when, who (null when unauthenticated), organisation, method, path, status, duration, and for
 * some records a detail (JSON text, e.g. what a reveal showed and why; {@code null} for a plain request).
 */
record AuditRecord(long atMillis, String user, String organisation, String method, String path, String query,
        int status, long durationMillis, String remoteAddress, String detail) {

    /** A plain request's record, without detail. */
    AuditRecord(long atMillis, String user, String organisation, String method, String path, String query, int status,
            long durationMillis, String remoteAddress) {
        this(atMillis, user, organisation, method, path, query, status, durationMillis, remoteAddress, null);
    }
}
