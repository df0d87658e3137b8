package org.jiandu.seizure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;

/** A ledger holding one case's entries in memory, counting timeline reads; appends are not needed here. */
final class InMemoryLedger implements CaseLedger {
    final List<LedgerEntry> stored = new ArrayList<>();
    int timelineReads;

    void replace(List<LedgerEntry> entries) {
        stored.clear();
        stored.addAll(entries);
    }

    @Override
    public List<LedgerEntry> timeline(CaseNumber caseNumber) {
        timelineReads++;
        return List.copyOf(stored);
    }

    @Override
    public AppendResult append(CaseEvent event) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AppendResult> appendAll(List<CaseEvent> events) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<LedgerEntry> findByHostEventId(String hostEventId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VerificationReport verify(CaseNumber caseNumber) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VerificationReport verifyAll() {
        throw new UnsupportedOperationException();
    }

    /** The seizure register never pages through the whole ledger; a test that reaches here is wrong. */
    @Override
    public List<LedgerEntry> recordedSince(java.time.Instant since, LedgerEntry after, int limit) {
        throw new AssertionError("the seizure register does not read the ledger by recording time");
    }
}
