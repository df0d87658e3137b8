package org.jiandu.ledger.internal;

import java.io.Serializable;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/** One ledger entry row. Rows are inserted once and never updated or deleted by Jiandu. */
@Entity
@Table(name = "JD_LEDGER_ENTRY",
        uniqueConstraints = @UniqueConstraint(name = "JD_LEDGER_HOST_ID", columnNames = "HOST_EVENT_ID"),
        indexes = {@Index(name = "JD_LEDGER_TYPE", columnList = "EVENT_TYPE"),
            // CaseLedger.recordedSince: consumers catching up on what they missed read by recording time
            @Index(name = "JD_LEDGER_RECORDED", columnList = "RECORDED_AT, CASE_NUMBER, SEQ")})
@IdClass(EntryEntity.Key.class)
public class EntryEntity {
    @Id
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Id
    @Column(name = "SEQ", nullable = false)
    private long seq;
    @Column(name = "HOST_EVENT_ID", length = 128, nullable = false)
    private String hostEventId;
    @Column(name = "EVENT_TYPE", length = 100, nullable = false)
    private String type;
    /** ISO offset date-time in +08:00, exactly as hashed. */
    @Column(name = "OCCURRED_AT", length = 40, nullable = false)
    private String occurredAt;
    /** ISO instant, exactly as hashed. */
    @Column(name = "RECORDED_AT", length = 40, nullable = false)
    private String recordedAt;
    @Column(name = "ACTOR_PERSON", length = 128)
    private String actorPerson;
    @Column(name = "ACTOR_ROLE", length = 64)
    private String actorRole;
    @Column(name = "ACTOR_ORG", length = 64)
    private String actorOrganisation;
    /** Canonical JSON of the payload. */
    @Column(name = "PAYLOAD", length = EventValidator.MAX_PAYLOAD_CHARS, nullable = false)
    private String payload;
    @Column(name = "CORRECTS", length = 128)
    private String corrects;
    @Column(name = "APPROVER", length = 128)
    private String approver;
    @Column(name = "REASON", length = 1000)
    private String reason;
    @Column(name = "PREV_HASH", length = 64, nullable = false)
    private String prevHash;
    @Column(name = "HASH", length = 64, nullable = false)
    private String hash;

    public EntryEntity() {
    }

    EntryEntity(String caseNumber, String hostEventId, String type, String occurredAt, String actorPerson,
            String actorRole, String actorOrganisation, String payload, String corrects, String approver,
            String reason) {
        this.caseNumber = caseNumber;
        this.hostEventId = hostEventId;
        this.type = type;
        this.occurredAt = occurredAt;
        this.actorPerson = actorPerson;
        this.actorRole = actorRole;
        this.actorOrganisation = actorOrganisation;
        this.payload = payload;
        this.corrects = corrects;
        this.approver = approver;
        this.reason = reason;
    }

    /** Composite primary key: (case number, position). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String caseNumber;
        private long seq;

        public Key() {
        }

        public Key(String caseNumber, long seq) {
            this.caseNumber = caseNumber;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.caseNumber, caseNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseNumber, seq);
        }
    }

    void chain(long seq, String recordedAt, String prevHash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.prevHash = prevHash;
        this.hash = Canonical.hash(prevHash, Canonical.entry(this));
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public long getSeq() {
        return seq;
    }

    public String getHostEventId() {
        return hostEventId;
    }

    public String getType() {
        return type;
    }

    public String getOccurredAt() {
        return occurredAt;
    }

    public String getRecordedAt() {
        return recordedAt;
    }

    public String getActorPerson() {
        return actorPerson;
    }

    public String getActorRole() {
        return actorRole;
    }

    public String getActorOrganisation() {
        return actorOrganisation;
    }

    public String getPayload() {
        return payload;
    }

    public String getCorrects() {
        return corrects;
    }

    public String getApprover() {
        return approver;
    }

    public String getReason() {
        return reason;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    /** Setters for the verifier's row mapping and for tests; Jiandu never updates a stored entry. */
    void setStored(long seq, String recordedAt, String prevHash, String hash) {
        this.seq = seq;
        this.recordedAt = recordedAt;
        this.prevHash = prevHash;
        this.hash = hash;
    }
}
