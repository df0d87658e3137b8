package org.jiandu.api.event;

/** The JSON kinds a payload field may have. */
public enum FieldKind {
    /** A JSON string. */
    STRING,
    /** A decimal amount in yuan, given as a JSON string or number, scale ≤ 2, non-negative. */
    MONEY,
    /** An ISO local date {@code 2024-10-08}. */
    DATE,
    /** An ISO offset date-time {@code 2024-10-08T09:30:00+08:00}. */
    DATE_TIME,
    /** A JSON integer. */
    INTEGER,
    /** A JSON boolean. */
    BOOLEAN,
    /** A JSON array of strings. */
    STRING_LIST,
    /** Any JSON object (kept as given). */
    OBJECT,
    /**
     * A JSON array of party identifiers {@code {"kind": "RESIDENT_ID", "value": "…"}}, each checked by its kind's rule
     * ({@link org.jiandu.api.PartyIdentifier#parse}; kind {@code OTHER} unchecked) and stored normalised.
     *
     * @since event package 2.2.0
     */
    PARTY_IDENTIFIER_LIST
}
