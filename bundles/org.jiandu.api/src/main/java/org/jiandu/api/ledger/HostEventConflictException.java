package org.jiandu.api.ledger;

/**
 * A host event id that was already stored with different content. The REST layer answers 409 with code
 * {@code HOST_EVENT_ID_REUSED}.
 */
public class HostEventConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hostEventId;
    private final String field;

    public HostEventConflictException(String hostEventId, String field, String message) {
        super(message);
        this.hostEventId = hostEventId;
        this.field = field;
    }

    public String hostEventId() {
        return hostEventId;
    }

    public String field() {
        return field;
    }
}
