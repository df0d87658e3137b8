package org.jiandu.monitor.internal;

import java.time.LocalDate;

/**
 * A deadline row the sweeper read because one of its alert times has come: what claiming it needs (id, version,
 * alert times, the fired mask) and what the alert texts need (case, court, rule, title, article, due, handler,
 * leader). Read without a join: the row carries the case's handler and leader.
 */
record DueDeadline(long id, int version, String caseNumber, String court, String ruleId, String title,
        String article, LocalDate due, Long expiresAt, Long remindAt, Long escalateAt, int fired, String handler,
        String leader) {

    /** When {@code level} is due on this deadline, or {@code null} when the level does not apply to it. */
    Long time(org.jiandu.api.alert.AlertLevel level) {
        return switch (level) {
            case REMINDER -> remindAt;
            case OVERDUE -> expiresAt;
            case ESCALATED -> escalateAt;
        };
    }
}
