package org.jiandu.monitor.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * What the monitor knows of one case: the last ledger position it has evaluated (so an entry delivered twice, by
 * EventAdmin and by the catch-up, is evaluated once — entries at or below {@code LAST_SEQ} are skipped), and the
 * people alerts go to (from the latest {@code HANDLER_ASSIGNED}). Processing a case locks this row, which
 * serialises evaluation of one case across threads and Karaf nodes.
 */
@Entity
@Table(name = "JD_MON_CASE")
public class CaseStateEntity {
    @Id
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "COURT_CODE", length = 16, nullable = false)
    private String courtCode;
    @Column(name = "LAST_SEQ", nullable = false)
    private long lastSeq;
    @Column(name = "HANDLER", length = 128)
    private String handler;
    @Column(name = "LEADER", length = 128)
    private String leader;
    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public CaseStateEntity() {
    }

    CaseStateEntity(String caseNumber, String courtCode, long at) {
        this.caseNumber = caseNumber;
        this.courtCode = courtCode;
        this.updatedAt = at;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getCourtCode() {
        return courtCode;
    }

    public long getLastSeq() {
        return lastSeq;
    }

    public String getHandler() {
        return handler;
    }

    public String getLeader() {
        return leader;
    }

    void advance(long seq, long at) {
        this.lastSeq = seq;
        this.updatedAt = at;
    }

    void people(String handler, String leader) {
        this.handler = handler;
        this.leader = leader;
    }
}
