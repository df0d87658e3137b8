package org.jiandu.api.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.calendar.ExplanationStep;

/**
 * One deadline of a case as its producer keeps it (Arts. 7, 8, 13 … of 法〔2021〕322号): opened by a rule on a
 * trigger entry, its due date computed with the working-day calendar and explained, closed by the satisfying
 * entry. Read it through {@link org.jiandu.api.query.DeadlineQuery}.
 *
 * @param id                  the producer's id
 * @param caseNumber          the case, canonical form
 * @param court               the case's court code
 * @param ruleId              the rule that opened it
 * @param key                 the rule's key on the case ({@code main}, an asset id …)
 * @param title               what must be done, in Chinese
 * @param article             the provision
 * @param status              where it stands
 * @param trigger             the entry that opened it
 * @param amount              the period's amount
 * @param unit                the period's unit ({@code WD}, {@code D}, {@code M}, {@code H} …)
 * @param stopsForCasePeriods whether the case's deducted periods stop its clock
 * @param due                 the due day, or {@code null} while it cannot be computed or for periods in hours
 * @param undeductedDue       the due day before deducted periods, or {@code null}
 * @param deductedDays        calendar days deducted
 * @param expiresAt           when the period runs out, or {@code null}
 * @param remindAt            when the reminder is due, or {@code null}
 * @param escalateAt          when escalation is due, or {@code null}
 * @param nextAlert           the next level armed and when, or {@code null}
 * @param note                a remark (why it is paused, why it has no calendar), or {@code null}
 * @param explanation         how the due date was reached, or {@code null} before it was computed
 * @param calendarVersions    the calendar versions used, one per year
 * @param closedBy            the entry that closed it, or {@code null} while open
 * @param alerts              the alerts raised on it, by level
 */
public record Deadline(long id, String caseNumber, String court, String ruleId, String key, String title,
        String article, DeadlineStatus status, Trigger trigger, int amount, String unit, boolean stopsForCasePeriods,
        LocalDate due, LocalDate undeductedDue, int deductedDays, Instant expiresAt, Instant remindAt,
        Instant escalateAt, NextAlert nextAlert, String note, Explanation explanation, List<String> calendarVersions,
        Closure closedBy, List<Alert> alerts) {

    public Deadline {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(trigger, "trigger");
        calendarVersions = calendarVersions == null ? List.of() : List.copyOf(calendarVersions);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
    }

    /** Whether the deadline is a breach at {@code now}: closed late, or open and past its expiry. */
    public boolean breachAt(Instant now) {
        return status == DeadlineStatus.MET_LATE
                || status == DeadlineStatus.OPEN && expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The entry that opened a deadline: seq, host event id, type, its day and (for periods in hours) instant. */
    public record Trigger(long seq, String hostEventId, String type, LocalDate date, Instant instant) {
    }

    /** The next alert level armed on a deadline and when it is due. */
    public record NextAlert(AlertLevel level, Instant at) {
    }

    /** The entry that closed a deadline, its occurrence as reported ({@code occurredAt}, ISO-8601) and when. */
    public record Closure(long seq, String hostEventId, String type, String occurredAt, Instant at) {
    }

    /**
     * How the due date was reached.
     *
     * @param steps       the calendar's steps, in the order a person checks them
     * @param deducted    the deducted periods applied ({@code 2024-11-04/2024-11-08 公告})
     * @param running     deducted periods still running ({@code 2024-11-04 鉴定}); empty when none
     * @param provisional whether the calendar had to assume weekends only for a year without a notice
     * @param truncated   whether the producer kept only the first steps of a very long explanation
     */
    public record Explanation(List<ExplanationStep> steps, List<String> deducted, List<String> running,
            boolean provisional, boolean truncated) {
        public Explanation {
            steps = List.copyOf(steps);
            deducted = deducted == null ? List.of() : List.copyOf(deducted);
            running = running == null ? List.of() : List.copyOf(running);
        }
    }
}
