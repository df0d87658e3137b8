package org.jiandu.api.alert;

/** Whether someone has acknowledged an alert (Art. 8: the supervisor records what was done). */
public enum AlertStatus {
    /** Not acknowledged yet. */
    OPEN,
    /** Acknowledged once, with a comment; the first acknowledgement stands. */
    ACKNOWLEDGED
}
