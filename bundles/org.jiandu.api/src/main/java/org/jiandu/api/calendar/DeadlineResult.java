package org.jiandu.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A computed deadline with everything needed to store it, show it and check it.
 *
 * @param request          the request it answers (store it: adding a deducted period later means recomputing it)
 * @param due              the last day of the period: on this day the act is still in time. For {@link PeriodUnit#H}
 *                         the day of {@code dueInstant} in Asia/Shanghai
 * @param dueInstant       for {@link PeriodUnit#H} the exact due instant; {@code null} for day units
 * @param expiresAt        the first instant at which the period has run out: {@code dueInstant} for hours, otherwise
 *                         00:00 Asia/Shanghai of the day after {@code due}. Compare "now" with this to find overdue
 *                         deadlines
 * @param undeductedDue    the due date had no deducted period applied ({@code == due} when none stopped the clock)
 * @param deductedDays     days on which the clock stood still inside the period: working days for
 *                         {@link PeriodUnit#WD}, calendar days for the other units (for hours, each calendar day of
 *                         which some part was deducted)
 * @param explanation      the steps, in the order a person checks them
 * @param calendarVersions the calendar years' data the result relied on (empty for hours, which ignore the calendar)
 * @param provisional      {@code true} when a year without a loaded State Council notice was taken as weekends-only
 *                         (only when the fallback is configured): recompute once the notice is loaded
 */
public record DeadlineResult(DeadlineRequest request, LocalDate due, Instant dueInstant, Instant expiresAt,
        LocalDate undeductedDue, int deductedDays, List<ExplanationStep> explanation,
        List<CalendarVersion> calendarVersions, boolean provisional) {

    public DeadlineResult {
        explanation = List.copyOf(explanation);
        calendarVersions = List.copyOf(calendarVersions);
    }
}
