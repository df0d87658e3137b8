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
    /**
     * Organisations other than the case's court that may act in the case, comma-separated: those named by its
     * entrustments and transfers ({@link ActorScope}).
     */
    @Column(name = "ACTING_ORGS", length = 1000)
    private String actingOrgs;

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

    java.util.Set<String> actingOrganisations() {
        return actingOrgs == null || actingOrgs.isEmpty() ? java.util.Set.of()
                : new java.util.LinkedHashSet<>(java.util.List.of(actingOrgs.split(",")));
    }

    /** Keeps {@code orgs}; refused (400) when they no longer fit the column, which a real case never reaches. */
    void actingOrganisations(java.util.Set<String> orgs) {
        String joined = String.join(",", orgs);
        if (joined.length() > 1000) {
            throw new org.jiandu.api.ValidationException("TOO_MANY_ACTING_ORGANISATIONS", "payload",
                    "Case " + caseNumber + " already names " + orgs.size() + " entrusted or receiving courts; end an"
                            + " entrustment (ENTRUSTMENT_ENDED) before recording another");
        }
        actingOrgs = joined.isEmpty() ? null : joined;
    }

    void advance(String hash) {
        entryCount++;
        headHash = hash;
    }
}
