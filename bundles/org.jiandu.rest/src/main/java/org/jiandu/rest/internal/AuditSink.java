package org.jiandu.rest.internal;

/** Where audit records go. Implementations must not lose a record they accepted. */
interface AuditSink {
    /** Accepts the record of a read-only or refused request; may store it later, must not block for long. */
    void record(AuditRecord record);

    /**
     * Stores the record of a request that changed something and returns only once it is durable (committed).
     *
     * @throws AuditUnavailable when it could not be made durable; the caller must not acknowledge the request
     */
    void recordDurably(AuditRecord record);

    /** The audit record of an acknowledged change could not be stored. */
    final class AuditUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AuditUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
