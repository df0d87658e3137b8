package org.jiandu.monitor.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.jiandu.api.alert.AlertLevel;

/**
 * One statutory deadline on one case: opened by a rule on its trigger entry, closed by the satisfying entry, never
 * deleted. Machine times are epoch milliseconds (indexable, the sweeper compares them with the clock); the due date
 * is a day in Asia/Shanghai.
 *
 * <p>The alert schedule lives on the row: {@code REMIND_AT}, {@code EXPIRES_AT}, {@code ESCALATE_AT}, the levels
 * already fired ({@code FIRED}, a bit mask of {@link AlertLevel#bit()}) and the next one due
 * ({@code NEXT_LEVEL} at {@code NEXT_ALERT_AT}, {@code null} when nothing is pending). The sweeper reads by
 * {@code (NEXT_ALERT_AT, ID)} and claims rows by compare-and-set on {@code VERSION}.
 */
@Entity
@Table(name = "JD_MON_DEADLINE",
        uniqueConstraints = @UniqueConstraint(name = "JD_MON_DEADLINE_KEY",
                columnNames = {"CASE_NUMBER", "RULE_ID", "DKEY"}),
        indexes = @Index(name = "JD_MON_DEADLINE_NEXT", columnList = "NEXT_ALERT_AT, ID"))
public class DeadlineEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;
    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "COURT_CODE", length = 16, nullable = false)
    private String courtCode;
    @Column(name = "RULE_ID", length = 100, nullable = false)
    private String ruleId;
    @Column(name = "DKEY", length = 200, nullable = false)
    private String key;
    @Column(name = "TITLE", length = 300)
    private String title;
    @Column(name = "ARTICLE", length = 200)
    private String article;
    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 12, nullable = false)
    private DeadlineStatus status;

    @Column(name = "TRIGGER_SEQ", nullable = false)
    private long triggerSeq;
    @Column(name = "TRIGGER_EVENT_ID", length = 128, nullable = false)
    private String triggerHostEventId;
    @Column(name = "TRIGGER_TYPE", length = 100, nullable = false)
    private String triggerType;
    @Column(name = "TRIGGER_DATE", nullable = false)
    private LocalDate triggerDate;
    /** Epoch millis of the trigger instant, for periods in hours; else null. */
    @Column(name = "TRIGGER_INSTANT")
    private Long triggerInstant;
    @Column(name = "AMOUNT", nullable = false)
    private int amount;
    @Column(name = "UNIT", length = 2, nullable = false)
    private String unit;
    @Column(name = "STOPS", nullable = false)
    private boolean stopsForCasePeriods;
    /** Deducted periods the rule put in its own request, one {@code START/END reason} per line; usually null. */
    @Column(name = "RULE_DEDUCTED", length = 2000)
    private String ruleDeducted;

    @Column(name = "DUE_DATE")
    private LocalDate dueDate;
    @Column(name = "UNDEDUCTED_DUE")
    private LocalDate undeductedDue;
    @Column(name = "DEDUCTED_DAYS")
    private int deductedDays;
    @Column(name = "EXPIRES_AT")
    private Long expiresAt;
    @Column(name = "REMIND_AT")
    private Long remindAt;
    @Column(name = "ESCALATE_AT")
    private Long escalateAt;
    @Column(name = "NEXT_ALERT_AT")
    private Long nextAlertAt;
    @Column(name = "NEXT_LEVEL", length = 10)
    private String nextLevel;
    @Column(name = "FIRED", nullable = false)
    private int fired;
    /** JSON: the calendar's explanation steps and text lines. */
    @Column(name = "EXPLANATION", length = 32000)
    private String explanation;
    @Column(name = "CALENDAR_VERSIONS", length = 1000)
    private String calendarVersions;
    @Column(name = "NOTE", length = 1000)
    private String note;
    /** The case's handler and responsible leader (latest HANDLER_ASSIGNED), copied here for the alerts' addressees. */
    @Column(name = "HANDLER", length = 128)
    private String handler;
    @Column(name = "LEADER", length = 128)
    private String leader;

    @Column(name = "OPENED_AT", nullable = false)
    private long openedAt;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;
    @Column(name = "CLOSED_SEQ")
    private Long closedSeq;
    @Column(name = "CLOSED_EVENT_ID", length = 128)
    private String closedHostEventId;
    @Column(name = "CLOSED_TYPE", length = 100)
    private String closedType;
    /** ISO offset date-time of the satisfying event (when it happened, which decides MET or MET_LATE). */
    @Column(name = "CLOSED_OCCURRED_AT", length = 40)
    private String closedOccurredAt;
    @Column(name = "CLOSED_AT")
    private Long closedAt;

    public DeadlineEntity() {
    }

    DeadlineEntity(String caseNumber, String courtCode, String ruleId, String key, long openedAt) {
        this.caseNumber = caseNumber;
        this.courtCode = courtCode;
        this.ruleId = ruleId;
        this.key = key;
        this.openedAt = openedAt;
        this.updatedAt = openedAt;
        this.status = DeadlineStatus.OPEN;
    }

    // --- getters (JPA property access is not used; fields are the mapping) ---

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getCourtCode() {
        return courtCode;
    }

    public String getRuleId() {
        return ruleId;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public String getArticle() {
        return article;
    }

    public DeadlineStatus getStatus() {
        return status;
    }

    public long getTriggerSeq() {
        return triggerSeq;
    }

    public String getTriggerHostEventId() {
        return triggerHostEventId;
    }

    public String getTriggerType() {
        return triggerType;
    }

    public LocalDate getTriggerDate() {
        return triggerDate;
    }

    public Long getTriggerInstant() {
        return triggerInstant;
    }

    public int getAmount() {
        return amount;
    }

    public String getUnit() {
        return unit;
    }

    public boolean isStopsForCasePeriods() {
        return stopsForCasePeriods;
    }

    public String getRuleDeducted() {
        return ruleDeducted;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public LocalDate getUndeductedDue() {
        return undeductedDue;
    }

    public int getDeductedDays() {
        return deductedDays;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public Long getRemindAt() {
        return remindAt;
    }

    public Long getEscalateAt() {
        return escalateAt;
    }

    public Long getNextAlertAt() {
        return nextAlertAt;
    }

    public String getNextLevel() {
        return nextLevel;
    }

    public int getFired() {
        return fired;
    }

    public String getExplanation() {
        return explanation;
    }

    public String getCalendarVersions() {
        return calendarVersions;
    }

    public String getNote() {
        return note;
    }

    public String getHandler() {
        return handler;
    }

    public String getLeader() {
        return leader;
    }

    public long getOpenedAt() {
        return openedAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public Long getClosedSeq() {
        return closedSeq;
    }

    public String getClosedHostEventId() {
        return closedHostEventId;
    }

    public String getClosedType() {
        return closedType;
    }

    public String getClosedOccurredAt() {
        return closedOccurredAt;
    }

    public Long getClosedAt() {
        return closedAt;
    }

    // --- mutations, used by the case processor only ---

    void describe(String title, String article) {
        this.title = title;
        this.article = article;
    }

    void trigger(long seq, String hostEventId, String type, LocalDate date, Long instant, int amount, String unit,
            boolean stops, String ruleDeducted) {
        this.triggerSeq = seq;
        this.ruleDeducted = ruleDeducted;
        this.triggerHostEventId = hostEventId;
        this.triggerType = type;
        this.triggerDate = date;
        this.triggerInstant = instant;
        this.amount = amount;
        this.unit = unit;
        this.stopsForCasePeriods = stops;
    }

    void schedule(Schedule s) {
        this.status = s.status();
        this.dueDate = s.due();
        this.undeductedDue = s.undeductedDue();
        this.deductedDays = s.deductedDays();
        this.expiresAt = s.alerts().expiresAt();
        this.remindAt = s.alerts().remindAt();
        this.escalateAt = s.alerts().escalateAt();
        this.explanation = s.explanation();
        this.calendarVersions = s.calendarVersions();
        this.note = s.note();
    }

    void next(AlertLevel level, Long at) {
        this.nextLevel = level == null ? null : level.name();
        this.nextAlertAt = at;
    }

    void close(DeadlineStatus status, long seq, String hostEventId, String type, String occurredAt, long at) {
        this.status = status;
        this.closedSeq = seq;
        this.closedHostEventId = hostEventId;
        this.closedType = type;
        this.closedOccurredAt = occurredAt;
        this.closedAt = at;
        this.nextLevel = null;
        this.nextAlertAt = null;
    }

    void people(String handler, String leader) {
        this.handler = handler;
        this.leader = leader;
    }

    void touched(long at) {
        this.updatedAt = at;
    }
}
