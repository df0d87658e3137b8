package org.jiandu.monitor.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiandu.api.alert.Alert;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.deadline.Deadline;
import org.jiandu.api.finding.Finding;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON bodies of the monitor's REST resource, as records (so that the OpenAPI document can describe them),
 * built from the API's {@link Alert}, {@link Deadline} and {@link Finding}. Instants are shown in Asia/Shanghai
 * ({@code 2024-10-11T00:00+08:00}), days as ISO dates.
 */
final class MonitorDtos {
    private MonitorDtos() {
    }

    /** {@code GET /api/v1/alerts}. */
    record AlertList(int count, List<AlertView> alerts, String nextCursor) {
    }

    record AlertView(long id, long deadlineId, String level, String levelLabel, String caseNumber, String court,
            String ruleId, String due, String expiresAt, String raisedAt, String addressee, String message,
            String status, @JsonInclude(JsonInclude.Include.NON_NULL) AcknowledgementView acknowledgement) {

        static AlertView of(Alert a) {
            return new AlertView(a.id(), a.deadlineId(), a.level().name(), a.level().chinese(), a.caseNumber(),
                    a.court(), a.ruleId(), day(a.due()), time(a.expiresAt()), time(a.raisedAt()), a.addressee(),
                    a.message(), a.acknowledgement() == null ? "open" : "acknowledged",
                    a.acknowledgement() == null ? null : new AcknowledgementView(a.acknowledgement().by(),
                            time(a.acknowledgement().at()), a.acknowledgement().comment()));
        }
    }

    record AcknowledgementView(String by, String at, String comment) {
    }

    /** {@code GET /api/v1/cases/{caseNumber}/deadlines}. */
    record CaseDeadlines(String caseNumber, List<DeadlineView> deadlines, List<FindingView> findings) {
    }

    record DeadlineView(long id, String ruleId, String key, String title, String article, String status,
            boolean ruleInstalled, boolean open, boolean breach, TriggerView trigger, PeriodView period,
            boolean stopsForCasePeriods, String due, String undeductedDue, int deductedDays, String expiresAt,
            String remindAt, String escalateAt, @JsonInclude(JsonInclude.Include.NON_NULL) NextAlertView nextAlert,
            String note, ExplanationView explanation, List<String> calendarVersions,
            @JsonInclude(JsonInclude.Include.NON_NULL) ClosedView closedBy, List<AlertView> alerts) {

        static DeadlineView of(Deadline d, boolean ruleInstalled, Instant now) {
            Deadline.Trigger t = d.trigger();
            return new DeadlineView(d.id(), d.ruleId(), d.key(), d.title(), d.article(), d.status().name(),
                    ruleInstalled, d.status().open(), d.breachAt(now),
                    new TriggerView(t.seq(), t.hostEventId(), t.type(), day(t.date()), time(t.instant())),
                    new PeriodView(d.amount(), d.unit()), d.stopsForCasePeriods(), day(d.due()),
                    day(d.undeductedDue()), d.deductedDays(), time(d.expiresAt()), time(d.remindAt()),
                    time(d.escalateAt()),
                    d.nextAlert() == null ? null
                            : new NextAlertView(d.nextAlert().level().name(), time(d.nextAlert().at())),
                    d.note(), ExplanationView.of(d.explanation()), d.calendarVersions(),
                    d.closedBy() == null ? null : new ClosedView(d.closedBy().seq(), d.closedBy().hostEventId(),
                            d.closedBy().type(), d.closedBy().occurredAt(), time(d.closedBy().at())),
                    d.alerts().stream().map(AlertView::of).toList());
        }
    }

    record TriggerView(long seq, String hostEventId, String type, String date, String instant) {
    }

    record PeriodView(int amount, String unit) {
    }

    record NextAlertView(String level, String at) {
    }

    record ClosedView(long seq, String hostEventId, String type, String occurredAt, String at) {
    }

    /** The explanation as stored: steps, deducted periods, running ones (only when any), provisional — or truncated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExplanationView(Boolean truncated, List<StepView> steps, List<String> deducted, List<String> running,
            Boolean provisional) {

        static ExplanationView of(Deadline.Explanation e) {
            if (e == null) {
                return null;
            }
            List<StepView> steps = e.steps().stream().map(StepView::of).toList();
            if (e.truncated()) {
                return new ExplanationView(true, steps, null, null, null);
            }
            return new ExplanationView(null, steps, e.deducted(), e.running().isEmpty() ? null : e.running(),
                    e.provisional());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepView(String kind, String text, String date, String endDate, Integer count) {
        static StepView of(ExplanationStep s) {
            return new StepView(s.kind().name(), s.text(), day(s.date()), day(s.endDate()), s.count());
        }
    }

    record FindingView(long id, String ruleId, String key, String severity, String message,
            Map<String, Object> details, long entrySeq, String hostEventId, String recordedAt) {

        /** A monitor finding, its key as the rule gave it (without the {@code <ruleId>#} of the API key). */
        static FindingView of(Finding f) {
            String key = f.ruleId() != null && f.key().startsWith(f.ruleId() + "#")
                    ? f.key().substring(f.ruleId().length() + 1) : f.key();
            return new FindingView(f.id(), f.ruleId(), key, f.severity().name(), f.message(), f.details(),
                    f.trigger().seq(), f.trigger().hostEventId(), time(f.raisedAt()));
        }
    }

    /** {@code GET /api/v1/rules}. */
    record RuleList(int count, List<RuleView> rules) {
    }

    record RuleView(String id, String article, String title, boolean inUse, Map<String, Object> parameters,
            Object serviceId, Object bundleId) {
    }

    static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String time(Instant i) {
        return i == null ? null : i.atZone(WorkingCalendar.ZONE).toOffsetDateTime().toString();
    }
}
