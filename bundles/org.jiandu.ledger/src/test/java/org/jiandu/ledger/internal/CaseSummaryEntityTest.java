package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;

import org.jiandu.api.query.CaseSummary;
import org.jiandu.api.query.CaseSummary.CaseStatus;
import org.jiandu.api.query.CaseSummary.Flag;
import org.junit.jupiter.api.Test;

class CaseSummaryEntityTest {
    private static final String CASE = "（2024）京0105执1001号";
    private long seq;

    private EntryEntity entry(String type, String occurredAt, String corrects) {
        EntryEntity e = new EntryEntity(CASE, "H-" + (seq + 1), type, occurredAt, null, null, null, "{}", corrects,
                corrects == null ? null : "院长", corrects == null ? null : "更正");
        e.chain(++seq, "2024-10-0" + Math.min(9, seq) + "T02:00:00Z", org.jiandu.api.ledger.LedgerEntry.GENESIS);
        return e;
    }

    @Test
    void aCaseFoldsToItsFilingDayStatusAndFlags() {
        CaseSummaryEntity s = new CaseSummaryEntity(CASE, "京0105");
        // filed late in the evening of 30 September, Beijing time: the filing day is the 30th, not UTC's
        s.apply(entry("CASE_FILED", "2024-09-30T23:30:00+08:00", null));
        s.apply(entry("TRANSFERRED_TO_ENFORCEMENT", "2024-10-08T09:00:00+08:00", null));
        s.apply(entry("SUSPENDED", "2024-10-09T09:00:00+08:00", null));
        s.apply(entry("PROPERTY_CONTROLLED", "2024-10-09T10:00:00+08:00", null));
        CaseSummary c = s.toSummary();
        assertEquals(LocalDate.parse("2024-09-30"), c.filedOn());
        assertEquals(CaseStatus.IN_ENFORCEMENT, c.status());
        assertEquals(Set.of(Flag.PERIOD_RUNNING, Flag.PROPERTY_CONTROLLED), c.flags());
        assertEquals(4, c.entries());
        assertEquals("PROPERTY_CONTROLLED", c.lastType());
    }

    @Test
    void aStatusOnlyMovesForwardAndAnEndedPeriodClearsItsFlag() {
        CaseSummaryEntity s = new CaseSummaryEntity(CASE, "京0105");
        s.apply(entry("DEDUCTED_PERIOD_STARTED", "2024-10-01T09:00:00+08:00", null));
        s.apply(entry("CASE_CLOSED", "2024-10-02T09:00:00+08:00", null));
        s.apply(entry("TRANSFERRED_TO_ENFORCEMENT", "2024-10-03T09:00:00+08:00", null));
        s.apply(entry("DEDUCTED_PERIOD_ENDED", "2024-10-04T09:00:00+08:00", null));
        s.apply(entry("MONEY_RECEIVED", "2024-10-05T09:00:00+08:00", "H-1"));
        CaseSummary c = s.toSummary();
        assertEquals(CaseStatus.CLOSED, c.status(), "a late transfer report does not reopen a closed case");
        assertEquals(Set.of(Flag.CORRECTED, Flag.MONEY_RECEIVED), c.flags());
    }
}
