package org.jiandu.api.query;

import java.util.Objects;

/**
 * Filters of a finding list; {@code null} means "any".
 *
 * @param courts     the courts in scope (required)
 * @param caseNumber one case, canonical form
 * @param kind       one kind ({@code OVER_SEIZURE})
 * @param cursor     continue after this position (a {@link Batch} position of an earlier page)
 * @param limit      at most this many, 1 to 1000
 */
public record FindingFilter(CourtScope courts, String caseNumber, String kind, String cursor, int limit) {
    public FindingFilter {
        Objects.requireNonNull(courts, "courts");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, not " + limit);
        }
    }

    /** Every finding of {@code courts}, newest first, {@code limit} at a time. */
    public static FindingFilter of(CourtScope courts, int limit) {
        return new FindingFilter(courts, null, null, null, limit);
    }

    public FindingFilter withCase(String caseNumber) {
        return new FindingFilter(courts, caseNumber, kind, cursor, limit);
    }

    public FindingFilter withKind(String kind) {
        return new FindingFilter(courts, caseNumber, kind, cursor, limit);
    }

    public FindingFilter withCursor(String cursor) {
        return new FindingFilter(courts, caseNumber, kind, cursor, limit);
    }
}
