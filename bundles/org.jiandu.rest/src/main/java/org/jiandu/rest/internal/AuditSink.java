package org.jiandu.rest.internal;

/** Where audit records go. Implementations must not lose a record they accepted and must not block for long. */
interface AuditSink {
    void record(AuditRecord record);
}
