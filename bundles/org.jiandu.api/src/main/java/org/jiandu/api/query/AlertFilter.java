package org.jiandu.api.query;

import java.time.Instant;
import java.util.Objects;

import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.alert.AlertStatus;

/**
 * Filters of an alert list; a {@code null} filter means "any". Build with {@link #of(CourtScope, int)} and the
 * withers.
 *
 * @param courts     the courts in scope (required)
 * @param caseNumber one case, canonical form
 * @param level      one level
 * @param status     open or acknowledged
 * @param ruleId     one deadline rule
 * @param from       raised at or after this instant
 * @param to         raised before this instant
 * @param cursor     continue after this position (a {@link Batch} position of an earlier page)
 * @param limit      at most this many alerts, 1 to 1000
 */
public record AlertFilter(CourtScope courts, String caseNumber, AlertLevel level, AlertStatus status, String ruleId,
        Instant from, Instant to, String cursor, int limit) {
    public AlertFilter {
        Objects.requireNonNull(courts, "courts");
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, not " + limit);
        }
    }

    /** Every alert of {@code courts}, newest first, {@code limit} at a time. */
    public static AlertFilter of(CourtScope courts, int limit) {
        return new AlertFilter(courts, null, null, null, null, null, null, null, limit);
    }

    public AlertFilter withCase(String caseNumber) {
        return new AlertFilter(courts, caseNumber, level, status, ruleId, from, to, cursor, limit);
    }

    public AlertFilter withLevel(AlertLevel level) {
        return new AlertFilter(courts, caseNumber, level, status, ruleId, from, to, cursor, limit);
    }

    public AlertFilter withStatus(AlertStatus status) {
        return new AlertFilter(courts, caseNumber, level, status, ruleId, from, to, cursor, limit);
    }

    public AlertFilter withRule(String ruleId) {
        return new AlertFilter(courts, caseNumber, level, status, ruleId, from, to, cursor, limit);
    }

    /** Raised in {@code [from, to)}; either may be {@code null}. */
    public AlertFilter withRaised(Instant from, Instant to) {
        return new AlertFilter(courts, caseNumber, level, status, ruleId, from, to, cursor, limit);
    }

    public AlertFilter withCursor(String cursor) {
        return new AlertFilter(courts, caseNumber, level, status, ruleId, from, to, cursor, limit);
    }
}
