package org.jiandu.monitor.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.alert.AlertStatus;
import org.jiandu.api.calendar.ExplanationStep;
import org.jiandu.api.deadline.Deadline;
import org.jiandu.api.deadline.DeadlineStatus;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.AlertFilter;
import org.jiandu.api.query.AlertQuery;
import org.jiandu.api.query.Batch;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.DeadlineQuery;
import org.jiandu.api.query.FindingFilter;
import org.jiandu.api.query.FindingQuery;
import org.jiandu.api.query.QuerySources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The monitor's read side as the API's query services: its alerts ({@link AlertQuery}), findings
 * ({@link FindingQuery}) and deadlines ({@link DeadlineQuery}), source {@code org.jiandu.monitor}. The monitor's own
 * REST resource and shell read through it too. Positions: an alert's is {@code <raisedAt millis>-<id>}, a finding's
 * its id.
 */
@Component(service = {AlertQuery.class, FindingQuery.class, DeadlineQuery.class, MonitorQueries.class})
public class MonitorQueries implements AlertQuery, FindingQuery, DeadlineQuery {
    private static final Pattern ALERT_POSITION = Pattern.compile("(\\d{1,19})-(\\d{1,19})");
    private static final Pattern FINDING_POSITION = Pattern.compile("\\d{1,19}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MonitorStore store;
    private final RuleRegistry monitor;

    @Activate
    public MonitorQueries(@Reference MonitorStore store, @Reference RuleRegistry monitor) {
        this.store = store;
        this.monitor = monitor;
    }

    @Override
    public String source() {
        return QuerySources.NODE_MONITOR;
    }

    // ---- alerts

    @Override
    public Batch<Alert> alerts(AlertFilter f) {
        long[] after = alertPosition(f.cursor());
        List<AlertEntity> rows = store.alerts(new MonitorStore.ScopedAlerts(f.courts(), f.caseNumber(), f.level(),
                f.status() == null ? null : f.status() == AlertStatus.ACKNOWLEDGED, f.ruleId(), millis(f.from()),
                millis(f.to()), after == null ? null : after[0], after == null ? null : after[1], false,
                f.limit() + 1));
        return alertBatch(rows, f.limit());
    }

    @Override
    public Batch<Alert> alertsSince(String cursor, CourtScope courts, int limit) {
        checkLimit(limit);
        long[] after = alertPosition(cursor);
        List<AlertEntity> rows = store.alerts(new MonitorStore.ScopedAlerts(courts, null, null, null, null, null, null,
                after == null ? null : after[0], after == null ? null : after[1], true, limit + 1));
        return alertBatch(rows, limit);
    }

    @Override
    public Optional<Alert> alert(long id) {
        return Optional.ofNullable(store.alert(id)).map(MonitorQueries::alert);
    }

    private static Batch<Alert> alertBatch(List<AlertEntity> rows, int limit) {
        boolean more = rows.size() > limit;
        List<AlertEntity> kept = more ? rows.subList(0, limit) : rows;
        return new Batch<>(kept.stream().map(MonitorQueries::alert).toList(),
                kept.stream().map(a -> a.getRaisedAt() + "-" + a.getId()).toList(), more);
    }

    private static long[] alertPosition(String cursor) {
        if (cursor == null) {
            return null;
        }
        Matcher m = ALERT_POSITION.matcher(cursor.strip());
        if (m.matches()) {
            try {
                return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not an alert position: " + cursor, e);
            }
        }
        throw new IllegalArgumentException("Not an alert position: " + cursor);
    }

    static Alert alert(AlertEntity a) {
        Alert.Acknowledgement ack = a.getAcknowledgedAt() == null ? null
                : new Alert.Acknowledgement(a.getAcknowledgedBy(), Instant.ofEpochMilli(a.getAcknowledgedAt()),
                        a.getAcknowledgementComment());
        return new Alert(a.getId(), a.getDeadlineId(), AlertLevel.valueOf(a.getLevel()), a.getCaseNumber(),
                a.getCourtCode(), a.getRuleId(), a.getDueDate(), instant(a.getExpiresAt()),
                Instant.ofEpochMilli(a.getRaisedAt()), a.getAddressee(), a.getMessage(), ack);
    }

    // ---- findings

    @Override
    public Batch<Finding> findings(FindingFilter f) {
        Long after = findingPosition(f.cursor());
        List<FindingEntity> rows = findingRows(f.courts(), f.caseNumber(), f.kind(), after, false, f.limit() + 1);
        return findingBatch(rows, f.limit());
    }

    @Override
    public Batch<Finding> findingsSince(String cursor, CourtScope courts, int limit) {
        checkLimit(limit);
        Long after = findingPosition(cursor);
        return findingBatch(findingRows(courts, null, null, after, true, limit + 1), limit);
    }

    /** The case's findings in the order raised. */
    List<Finding> findingsOf(String caseNumber) {
        return store.findings(caseNumber).stream().map(this::finding).toList();
    }

    private List<FindingEntity> findingRows(CourtScope courts, String caseNumber, String kind, Long after,
            boolean ascending, int limit) {
        List<String> rules = null;
        Boolean errors = null;
        if (kind != null) {
            if (MonitorFindings.RULE_ERROR.equals(kind)) {
                errors = true;
            } else {
                errors = false;
                rules = store.findingRuleIds().stream().filter(r -> Finding.kindOfRule(r).equals(kind)).toList();
            }
        }
        return store.findings(new MonitorStore.ScopedFindings(courts, caseNumber, rules, errors, after, ascending,
                limit));
    }

    private Batch<Finding> findingBatch(List<FindingEntity> rows, int limit) {
        boolean more = rows.size() > limit;
        List<FindingEntity> kept = more ? rows.subList(0, limit) : rows;
        return new Batch<>(kept.stream().map(this::finding).toList(),
                kept.stream().map(f -> String.valueOf(f.getId())).toList(), more);
    }

    private Finding finding(FindingEntity f) {
        return MonitorFindings.toFinding(f, MonitorFindings.articleOf(monitor.rules(), f.getRuleId()));
    }

    private static Long findingPosition(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!FINDING_POSITION.matcher(cursor.strip()).matches()) {
            throw new IllegalArgumentException("Not a finding position: " + cursor);
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a finding position: " + cursor, e);
        }
    }

    // ---- deadlines

    @Override
    public List<Deadline> deadlines(CaseNumber caseNumber) {
        List<DeadlineEntity> rows = store.deadlines(caseNumber.canonical());
        Map<Long, List<AlertEntity>> alerts = store.alertsOf(rows);
        return rows.stream().map(d -> deadline(d, alerts.getOrDefault(d.getId(), List.of()))).toList();
    }

    static Deadline deadline(DeadlineEntity d, List<AlertEntity> alerts) {
        Deadline.NextAlert next = d.getNextLevel() == null ? null
                : new Deadline.NextAlert(AlertLevel.valueOf(d.getNextLevel()), instant(d.getNextAlertAt()));
        Deadline.Closure closed = d.getClosedSeq() == null ? null
                : new Deadline.Closure(d.getClosedSeq(), d.getClosedHostEventId(), d.getClosedType(),
                        d.getClosedOccurredAt(), instant(d.getClosedAt()));
        List<String> versions = d.getCalendarVersions() == null || d.getCalendarVersions().isEmpty() ? List.of()
                : Arrays.asList(d.getCalendarVersions().split(","));
        return new Deadline(d.getId(), d.getCaseNumber(), d.getCourtCode(), d.getRuleId(), d.getKey(), d.getTitle(),
                d.getArticle(), DeadlineStatus.valueOf(d.getStatus().name()),
                new Deadline.Trigger(d.getTriggerSeq(), d.getTriggerHostEventId(), d.getTriggerType(),
                        d.getTriggerDate(), instant(d.getTriggerInstant())),
                d.getAmount(), d.getUnit(), d.isStopsForCasePeriods(), d.getDueDate(), d.getUndeductedDue(),
                d.getDeductedDays(), instant(d.getExpiresAt()), instant(d.getRemindAt()), instant(d.getEscalateAt()),
                next, d.getNote(), explanation(d.getExplanation()), versions, closed,
                alerts.stream().map(MonitorQueries::alert).toList());
    }

    /** The stored explanation (see {@code Scheduler}): steps, deducted, running, provisional — or truncated. */
    static Deadline.Explanation explanation(String json) {
        if (json == null) {
            return null;
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored explanation is not JSON: " + e.getOriginalMessage(), e);
        }
        List<ExplanationStep> steps = new ArrayList<>();
        for (JsonNode s : n.path("steps")) {
            steps.add(new ExplanationStep(ExplanationStep.Kind.valueOf(s.path("kind").asText()),
                    s.path("text").asText(), date(s.get("date")), date(s.get("endDate")),
                    s.hasNonNull("count") ? s.get("count").asInt() : null));
        }
        return new Deadline.Explanation(steps, texts(n.get("deducted")), texts(n.get("running")),
                n.path("provisional").asBoolean(false), n.path("truncated").asBoolean(false));
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isNull() ? null : LocalDate.parse(n.asText());
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, not " + limit);
        }
    }
}
