package org.jiandu.monitor.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A breach that is not a matter of time (e.g. a network query that leaves out queryable property types, Art. 13),
 * or a rule that failed on an entry. Stored once per (case, rule, key); never deleted.
 */
@Entity
@Table(name = "JD_MON_FINDING", uniqueConstraints = @UniqueConstraint(name = "JD_MON_FINDING_KEY",
        columnNames = {"CASE_NUMBER", "RULE_ID", "FKEY"}))
public class FindingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "COURT_CODE", length = 16, nullable = false)
    private String courtCode;
    @Column(name = "RULE_ID", length = 100, nullable = false)
    private String ruleId;
    @Column(name = "FKEY", length = 200, nullable = false)
    private String key;
    @Column(name = "SEVERITY", length = 16, nullable = false)
    private String severity;
    @Column(name = "MESSAGE", length = 2000, nullable = false)
    private String message;
    /** JSON object. */
    @Column(name = "DETAILS", length = 8000, nullable = false)
    private String details;
    @Column(name = "ENTRY_SEQ", nullable = false)
    private long entrySeq;
    @Column(name = "HOST_EVENT_ID", length = 128, nullable = false)
    private String hostEventId;
    @Column(name = "RECORDED_AT", nullable = false)
    private long recordedAt;

    public FindingEntity() {
    }

    FindingEntity(String caseNumber, String courtCode, String ruleId, String key, String severity, String message,
            String details, long entrySeq, String hostEventId, long recordedAt) {
        this.caseNumber = caseNumber;
        this.courtCode = courtCode;
        this.ruleId = ruleId;
        this.key = key;
        this.severity = severity;
        this.message = message;
        this.details = details;
        this.entrySeq = entrySeq;
        this.hostEventId = hostEventId;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
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

    public String getSeverity() {
        return severity;
    }

    public String getMessage() {
        return message;
    }

    public String getDetails() {
        return details;
    }

    public long getEntrySeq() {
        return entrySeq;
    }

    public String getHostEventId() {
        return hostEventId;
    }

    public long getRecordedAt() {
        return recordedAt;
    }
}
