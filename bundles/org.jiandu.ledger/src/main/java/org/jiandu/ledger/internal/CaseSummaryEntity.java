package org.jiandu.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.query.CaseSummary;

/**
 * What the case search filters on, one row per case, folded from its entries in order ({@link #apply}) in the same
 * transaction as each append (under the case head's lock), so it is never behind the ledger. An index, not a
 * record: the entries are the truth, and the row can always be rebuilt from them.
 */
@Entity
@Table(name = "JD_LEDGER_CASE_SUMMARY",
        indexes = {@Index(name = "JD_LEDGER_CASE_SUMMARY_COURT", columnList = "COURT_CODE, CASE_NUMBER"),
            @Index(name = "JD_LEDGER_CASE_SUMMARY_FILED", columnList = "FILED_ON")})
public class CaseSummaryEntity {
    @Id
    @Column(name = "CASE_NUMBER", length = 64, nullable = false)
    private String caseNumber;
    @Column(name = "COURT_CODE", length = 16, nullable = false)
    private String courtCode;
    @Column(name = "ENTRY_COUNT", nullable = false)
    private long entryCount;
    @Column(name = "FILED_ON")
    private LocalDate filedOn;
    @Column(name = "FIRST_RECORDED_AT", nullable = false)
    private long firstRecordedAt;
    @Column(name = "LAST_OCCURRED_AT", nullable = false)
    private long lastOccurredAt;
    @Column(name = "LAST_RECORDED_AT", nullable = false)
    private long lastRecordedAt;
    @Column(name = "LAST_TYPE", length = 100, nullable = false)
    private String lastType;
    /** {@link CaseSummary.CaseStatus#code()}. */
    @Column(name = "STATUS", nullable = false)
    private int status;
    /** Deducted periods and suspensions started and not yet ended. */
    @Column(name = "OPEN_PERIODS", nullable = false)
    private int openPeriods;
    @Column(name = "F_CORRECTED", nullable = false)
    private boolean corrected;
    @Column(name = "F_PROPERTY_CONTROLLED", nullable = false)
    private boolean propertyControlled;
    @Column(name = "F_MONEY_RECEIVED", nullable = false)
    private boolean moneyReceived;
    @Column(name = "F_PETITION", nullable = false)
    private boolean petition;

    public CaseSummaryEntity() {
    }

    CaseSummaryEntity(String caseNumber, String courtCode) {
        this.caseNumber = caseNumber;
        this.courtCode = courtCode;
        this.status = CaseSummary.CaseStatus.FILED.code();
        this.lastType = "";
    }

    /** Folds the case's next entry in. */
    void apply(EntryEntity e) {
        long recorded = Instant.parse(e.getRecordedAt()).toEpochMilli();
        if (entryCount == 0) {
            firstRecordedAt = recorded;
        }
        entryCount = Math.max(entryCount, e.getSeq());
        lastRecordedAt = recorded;
        lastOccurredAt = OffsetDateTime.parse(e.getOccurredAt()).toInstant().toEpochMilli();
        lastType = e.getType();
        if (e.getCorrects() != null) {
            corrected = true;
        }
        switch (e.getType()) {
            case CoreEventTypes.CASE_FILED -> filedOn = OffsetDateTime.parse(e.getOccurredAt())
                    .atZoneSameInstant(CaseEvent.ZONE).toLocalDate();
            case CoreEventTypes.TRANSFERRED_TO_ENFORCEMENT -> advance(CaseSummary.CaseStatus.IN_ENFORCEMENT);
            case CoreEventTypes.TERMINATION_RULED -> advance(CaseSummary.CaseStatus.TERMINATED);
            case CoreEventTypes.CASE_CLOSED -> advance(CaseSummary.CaseStatus.CLOSED);
            case CoreEventTypes.SUSPENDED, CoreEventTypes.DEDUCTED_PERIOD_STARTED -> openPeriods++;
            case CoreEventTypes.RESUMED, CoreEventTypes.DEDUCTED_PERIOD_ENDED -> openPeriods = Math.max(0,
                    openPeriods - 1);
            case CoreEventTypes.PROPERTY_CONTROLLED -> propertyControlled = true;
            case CoreEventTypes.MONEY_RECEIVED -> moneyReceived = true;
            case CoreEventTypes.PETITION_RECEIVED -> petition = true;
            default -> {
                // other types change nothing the search filters on
            }
        }
    }

    /** A status only moves forward (filed → in enforcement → terminated → closed): a late report never undoes one. */
    private void advance(CaseSummary.CaseStatus to) {
        if (to.code() > status) {
            status = to.code();
        }
    }

    CaseSummary toSummary() {
        Set<CaseSummary.Flag> flags = EnumSet.noneOf(CaseSummary.Flag.class);
        if (corrected) {
            flags.add(CaseSummary.Flag.CORRECTED);
        }
        if (openPeriods > 0) {
            flags.add(CaseSummary.Flag.PERIOD_RUNNING);
        }
        if (propertyControlled) {
            flags.add(CaseSummary.Flag.PROPERTY_CONTROLLED);
        }
        if (moneyReceived) {
            flags.add(CaseSummary.Flag.MONEY_RECEIVED);
        }
        if (petition) {
            flags.add(CaseSummary.Flag.PETITION);
        }
        return new CaseSummary(caseNumber, courtCode, entryCount, filedOn, Instant.ofEpochMilli(firstRecordedAt),
                Instant.ofEpochMilli(lastOccurredAt), Instant.ofEpochMilli(lastRecordedAt), lastType,
                CaseSummary.CaseStatus.ofCode(status), flags);
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public long getEntryCount() {
        return entryCount;
    }
}
