package org.jiandu.calendar.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.ExplanationStep;

/**
 * JSON answer of {@code GET /api/v1/calendar/deadline}: the {@link DeadlineResult} flattened (so that
 * {@code "due"} is at the top) plus {@code summary} and {@code text}, the very lines {@code jiandu:deadline}
 * prints.
 */
public record DeadlineResponse(LocalDate due, Instant dueInstant, Instant expiresAt, boolean provisional,
        LocalDate undeductedDue, int deductedDays, String summary, List<String> text,
        List<ExplanationStep> explanation, List<CalendarVersion> calendarVersions, DeadlineRequest request) {

    static DeadlineResponse of(DeadlineResult r) {
        return new DeadlineResponse(r.due(), r.dueInstant(), r.expiresAt(), r.provisional(), r.undeductedDue(),
                r.deductedDays(), DeadlineText.summary(r), DeadlineText.lines(r), r.explanation(),
                r.calendarVersions(), r.request());
    }
}
