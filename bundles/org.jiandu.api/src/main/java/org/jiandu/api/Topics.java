package org.jiandu.api;

/**
 * EventAdmin topic names. Case events are published after commit on {@code jiandu/case/<TYPE>}, where a
 * namespaced type {@code vendor.NAME} becomes {@code jiandu/case/vendor/NAME}; subscribe to {@code jiandu/case/*}
 * for all of them.
 */
public final class Topics {
    public static final String CASE_PREFIX = "jiandu/case/";
    public static final String CASE_ALL = "jiandu/case/*";
    /** Alerts: {@link org.jiandu.api.alert.AlertTopics} has the topics, properties and record. */
    public static final String ALERT_PREFIX = "jiandu/alert/";
    /** Findings: {@link org.jiandu.api.finding.FindingTopics} has the topics, properties and record. */
    public static final String FINDING_PREFIX = "jiandu/finding/";

    /** Event properties set on every case event. */
    public static final String PROP_CASE_NUMBER = "caseNumber";
    public static final String PROP_TYPE = "type";
    public static final String PROP_SEQ = "seq";
    public static final String PROP_HOST_EVENT_ID = "hostEventId";
    public static final String PROP_OCCURRED_AT = "occurredAt";
    public static final String PROP_HASH = "hash";
    public static final String PROP_ENTRY = "entry";

    private Topics() {
    }

    /** The topic a case event of {@code type} is published on. */
    public static String forCaseEvent(String type) {
        return CASE_PREFIX + type.replace('.', '/');
    }
}
