package org.jiandu.api.query;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Filters of a case search; {@code null} (or an empty set) means "any".
 *
 * @param courts     the courts in scope (required)
 * @param filedFrom  filed on or after this day (cases without a CASE_FILED do not match a date filter)
 * @param filedTo    filed on or before this day
 * @param status     one status
 * @param flags      cases with every one of these flags
 * @param cursor     continue after this position (a {@link Batch} position of an earlier page)
 * @param limit      at most this many, 1 to 1000
 */
public record CaseFilter(CourtScope courts, LocalDate filedFrom, LocalDate filedTo, CaseSummary.CaseStatus status,
        Set<CaseSummary.Flag> flags, String cursor, int limit) {
    public CaseFilter {
        Objects.requireNonNull(courts, "courts");
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, not " + limit);
        }
    }

    /** Every case of {@code courts}, by case number, {@code limit} at a time. */
    public static CaseFilter of(CourtScope courts, int limit) {
        return new CaseFilter(courts, null, null, null, Set.of(), null, limit);
    }

    public CaseFilter withFiled(LocalDate from, LocalDate to) {
        return new CaseFilter(courts, from, to, status, flags, cursor, limit);
    }

    public CaseFilter withStatus(CaseSummary.CaseStatus status) {
        return new CaseFilter(courts, filedFrom, filedTo, status, flags, cursor, limit);
    }

    public CaseFilter withFlags(Set<CaseSummary.Flag> flags) {
        return new CaseFilter(courts, filedFrom, filedTo, status, flags, cursor, limit);
    }

    public CaseFilter withCursor(String cursor) {
        return new CaseFilter(courts, filedFrom, filedTo, status, flags, cursor, limit);
    }
}
