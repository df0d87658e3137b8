package org.jiandu.ledger.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.Table;

/**
 * An entry not yet given its global index: written in the append's own transaction, so that every committed entry
 * is sequenced (the sequencer, {@code tree.Sequencer}, deletes the row when it gives the entry its leaf).
 */
@Entity
@Table(name = "JD_LEDGER_QUEUE",
        // the sequencer takes the queue in recording order
        indexes = @Index(name = "JD_LEDGER_QUEUE_ORDER", columnList = "RECORDED_AT, CASE_NUMBER, SEQ"))
@IdClass(EntryEntity.Key.class)
public class QueuedEntryEntity {
    @Id
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Id
    @Column(name = "SEQ", nullable = false)
    private long seq;
    @Column(name = "RECORDED_AT", length = 40, nullable = false)
    private String recordedAt;

    public QueuedEntryEntity() {
    }

    QueuedEntryEntity(EntryEntity entry) {
        this.caseNumber = entry.getCaseNumber();
        this.seq = entry.getSeq();
        this.recordedAt = entry.getRecordedAt();
    }
}
