package org.jiandu.rest.internal;

/** One audited request: when, who (null when unauthenticated), organisation, method, path, status, duration. */
record AuditRecord(long atMillis, String user, String organisation, String method, String path, String query,
        int status, long durationMillis, String remoteAddress) {
}
