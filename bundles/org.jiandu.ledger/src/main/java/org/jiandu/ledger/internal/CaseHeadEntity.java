package org.jiandu.ledger.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * The head of a case's chain: how many entries it has and the last one's hash. Appends lock this row, which
 * serialises writers of one case across threads and Karaf nodes; verification compares it with the entries to
 * detect truncation.
 */
@Entity
@Table(name = "JD_LEDGER_CASE")
public class CaseHeadEntity {
    @Id
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "COURT_CODE", length = 16, nullable = false)
    private String courtCode;
    @Column(name = "ENTRY_COUNT", nullable = false)
    private long entryCount;
    @Column(name = "HEAD_HASH", length = 64, nullable = false)
    private String headHash;

    public CaseHeadEntity() {
    }

    CaseHeadEntity(String caseNumber, String courtCode, String genesis) {
        this.caseNumber = caseNumber;
        this.courtCode = courtCode;
        this.entryCount = 0;
        this.headHash = genesis;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getCourtCode() {
        return courtCode;
    }

    public long getEntryCount() {
        return entryCount;
    }

    public String getHeadHash() {
        return headHash;
    }

    void advance(String hash) {
        entryCount++;
        headHash = hash;
    }
}
