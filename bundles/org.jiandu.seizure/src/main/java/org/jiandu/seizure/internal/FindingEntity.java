package org.jiandu.seizure.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/**
 * A finding raised on a case's register: an over-seizure (查封规定 Art. 19) or a split-registration task (Art. 15
 * ¶1). The unique key (case, kind, key) makes each finding exactly-once, whichever node or replay raises it; the key
 * is the ledger sequence number of the entry that triggered it, or the asset id for a task. Never updated.
 */
@Entity
@Table(name = "JD_SEIZURE_FINDING",
        uniqueConstraints = @UniqueConstraint(name = "JD_SEIZURE_FINDING_KEY",
                columnNames = {"CASE_NUMBER", "KIND", "FINDING_KEY"}),
        indexes = @Index(name = "JD_SEIZURE_FINDING_CASE", columnList = "CASE_NUMBER"))
public class FindingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "seizurefinding")
    @TableGenerator(name = "seizurefinding", table = "JD_SEIZURE_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "FINDING", allocationSize = 50)
    private Long id;
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "KIND", length = 40, nullable = false)
    private String kind;
    @Column(name = "FINDING_KEY", length = 140, nullable = false)
    private String findingKey;
    @Column(name = "RAISED_AT", length = 40, nullable = false)
    private String raisedAt;
    @Column(name = "TRIGGER_SEQ", nullable = false)
    private long triggerSeq;
    @Column(name = "TRIGGER_TYPE", length = 100, nullable = false)
    private String triggerType;
    @Column(name = "MESSAGE", length = 2000, nullable = false)
    private String message;
    @Column(name = "DETAILS", length = 16000, nullable = false)
    private String details;

    public FindingEntity() {
    }

    FindingEntity(String caseNumber, String kind, String findingKey, String raisedAt, long triggerSeq,
            String triggerType, String message, String details) {
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.findingKey = findingKey;
        this.raisedAt = raisedAt;
        this.triggerSeq = triggerSeq;
        this.triggerType = triggerType;
        this.message = message;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getKind() {
        return kind;
    }

    public String getFindingKey() {
        return findingKey;
    }

    public String getRaisedAt() {
        return raisedAt;
    }

    public long getTriggerSeq() {
        return triggerSeq;
    }

    public String getTriggerType() {
        return triggerType;
    }

    public String getMessage() {
        return message;
    }

    public String getDetails() {
        return details;
    }
}
