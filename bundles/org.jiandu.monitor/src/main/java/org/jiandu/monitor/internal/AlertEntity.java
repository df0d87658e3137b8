package org.jiandu.monitor.internal;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.jiandu.api.alert.AlertLevel;

/**
 * One alert (Art. 8): a level reached on a deadline. Inserted once by the sweeper (its primary key is
 * {@link AlertLevel#alertId(long)}, a function of (deadline, level), so a second insert of the same level on the
 * same deadline fails whatever node tries it), acknowledged at most once, never deleted. Case, court, rule and due
 * date are copied from the deadline so that the list filters need no join.
 */
@Entity
@Table(name = "JD_MON_ALERT", indexes = @Index(name = "JD_MON_ALERT_COURT", columnList = "COURT_CODE, RAISED_AT"))
public class AlertEntity {
    @Id
    @Column(name = "ID")
    private long id;
    @Column(name = "DEADLINE_ID", nullable = false)
    private long deadlineId;
    @Column(name = "ALERT_LEVEL", length = 10, nullable = false)
    private String level;
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "COURT_CODE", length = 16, nullable = false)
    private String courtCode;
    @Column(name = "RULE_ID", length = 100, nullable = false)
    private String ruleId;
    @Column(name = "DUE_DATE")
    private LocalDate dueDate;
    @Column(name = "EXPIRES_AT")
    private Long expiresAt;
    @Column(name = "RAISED_AT", nullable = false)
    private long raisedAt;
    @Column(name = "ADDRESSEE", length = 200)
    private String addressee;
    @Column(name = "MESSAGE", length = 1000, nullable = false)
    private String message;
    @Column(name = "ACK_BY", length = 128)
    private String acknowledgedBy;
    @Column(name = "ACK_AT")
    private Long acknowledgedAt;
    @Column(name = "ACK_COMMENT", length = 2000)
    private String acknowledgementComment;

    public AlertEntity() {
    }

    public long getId() {
        return id;
    }

    public long getDeadlineId() {
        return deadlineId;
    }

    public String getLevel() {
        return level;
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

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public long getRaisedAt() {
        return raisedAt;
    }

    public String getAddressee() {
        return addressee;
    }

    public String getMessage() {
        return message;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }

    public Long getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public String getAcknowledgementComment() {
        return acknowledgementComment;
    }

    void acknowledge(String user, long at, String comment) {
        this.acknowledgedBy = user;
        this.acknowledgedAt = at;
        this.acknowledgementComment = comment;
    }
}
