package org.jiandu.ledger.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** The record of one guard check: who asked, about what, and what every guard answered. Never updated. */
@Entity
@Table(name = "JD_GUARD_CHECK", indexes = @Index(name = "JD_GUARD_CHECK_CASE", columnList = "CASE_NUMBER"))
public class GuardCheckEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "guardcheck")
    @TableGenerator(name = "guardcheck", table = "JD_LEDGER_SEQUENCE", pkColumnName = "SEQ_NAME",
            valueColumnName = "SEQ_COUNT", pkColumnValue = "GUARD_CHECK", allocationSize = 100)
    private Long id;
    @Column(name = "CHECKED_AT", length = 40, nullable = false)
    private String checkedAt;
    @Column(name = "USER_NAME", length = 128)
    private String user;
    @Column(name = "ORGANISATION", length = 64)
    private String organisation;
    @Column(name = "OPERATION_TYPE", length = 100, nullable = false)
    private String operationType;
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "DETAILS", length = CheckRecordForm.DETAILS_MAX, nullable = false)
    private String details;
    @Column(name = "DECISION", length = 8, nullable = false)
    private String decision;
    @Column(name = "GUARDS_CONSULTED", nullable = false)
    private int guardsConsulted;
    @Column(name = "VERDICTS", length = CheckRecordForm.VERDICTS_MAX, nullable = false)
    private String verdicts;

    public GuardCheckEntity() {
    }

    GuardCheckEntity(String checkedAt, String user, String organisation, String operationType, String caseNumber,
            String details, String decision, int guardsConsulted, String verdicts) {
        this.checkedAt = checkedAt;
        this.user = user;
        this.organisation = organisation;
        this.operationType = operationType;
        this.caseNumber = caseNumber;
        this.details = details;
        this.decision = decision;
        this.guardsConsulted = guardsConsulted;
        this.verdicts = verdicts;
    }

    public Long getId() {
        return id;
    }

    public String getCheckedAt() {
        return checkedAt;
    }

    public String getUser() {
        return user;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getOperationType() {
        return operationType;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getDetails() {
        return details;
    }

    public String getDecision() {
        return decision;
    }

    public int getGuardsConsulted() {
        return guardsConsulted;
    }

    public String getVerdicts() {
        return verdicts;
    }
}
