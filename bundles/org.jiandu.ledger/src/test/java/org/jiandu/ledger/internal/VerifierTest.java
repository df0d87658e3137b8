package org.jiandu.ledger.internal;

import static org.jiandu.api.ledger.Tampering.Kind.DELETED;
import static org.jiandu.api.ledger.Tampering.Kind.MODIFIED;
import static org.jiandu.api.ledger.Tampering.Kind.REORDERED;
import static org.jiandu.api.ledger.Tampering.Kind.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.Tampering;
import org.jiandu.api.ledger.Tampering.Kind;
import org.junit.jupiter.api.Test;

class VerifierTest {
    private static final String CASE = "（2024）京0105执1234号";

    /** An entry as the ledger writes it; {@code amount} tells the entries apart. */
    private static EntryEntity event(int n, String amount) {
        return new EntryEntity(CASE, "host-" + n, "MONEY_RECEIVED", "2024-10-0" + n + "T09:30:00+08:00", "p-7",
                "执行员", "京0105", "{\"amount\":" + amount + "}", null, null, null);
    }

    private static String recordedAt(int n) {
        return "2024-10-0" + n + "T01:30:05Z";
    }

    /** A valid chain of {@code count} entries of one case, seq 1..count. */
    private static List<EntryEntity> chain(int count) {
        List<EntryEntity> rows = new ArrayList<>();
        String prev = LedgerEntry.GENESIS;
        for (int n = 1; n <= count; n++) {
            EntryEntity e = event(n, n + "00.00");
            e.chain(n, recordedAt(n), prev);
            prev = e.getHash();
            rows.add(e);
        }
        return rows;
    }

    private static Verifier.Head headOf(List<EntryEntity> rows) {
        return new Verifier.Head(CASE, rows.size(), rows.get(rows.size() - 1).getHash());
    }

    /** A copy of {@code stored} whose content was changed in the table, its position and hash columns untouched. */
    private static EntryEntity modifiedCopy(EntryEntity stored, int n) {
        EntryEntity e = event(n, "1.00");
        e.setStored(stored.getSeq(), stored.getRecordedAt(), stored.getPrevHash(), stored.getHash());
        return e;
    }

    /** A copy of {@code stored} at another position, content and hashes as they were. */
    private static EntryEntity movedCopy(EntryEntity stored, int n, long seq) {
        EntryEntity e = event(n, n + "00.00");
        e.setStored(seq, stored.getRecordedAt(), stored.getPrevHash(), stored.getHash());
        return e;
    }

    private static List<Tampering> check(List<EntryEntity> rows, Verifier.Head head) {
        List<Tampering> problems = new ArrayList<>();
        Verifier.checkCase(CASE, rows, head, problems);
        return problems;
    }

    private static void assertFound(List<Tampering> problems, Kind kind, long seq) {
        assertEquals(List.of(kind + "@" + seq), problems.stream().map(p -> p.kind() + "@" + p.seq()).toList(),
                problems::toString);
    }

    @Test
    void intactChainHasNoProblems() {
        List<EntryEntity> rows = chain(3);
        assertEquals(List.of(), check(rows, headOf(rows)));
    }

    @Test
    void changedContentIsReportedAsModifiedAtItsPosition() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        rows.set(1, modifiedCopy(rows.get(1), 2));
        assertFound(check(rows, head), MODIFIED, 2);
    }

    @Test
    void missingMiddleEntryIsReportedAsDeletedAtTheMissingPosition() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        rows.remove(1);
        assertFound(check(rows, head), DELETED, 2);
    }

    @Test
    void missingFirstEntryIsReportedAsDeletedAtPositionOne() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        rows.remove(0);
        assertFound(check(rows, head), DELETED, 1);
    }

    @Test
    void severalMissingEntriesAreReportedOnceWithTheirRange() {
        List<EntryEntity> rows = chain(5);
        Verifier.Head head = headOf(rows);
        rows.subList(1, 4).clear();
        List<Tampering> problems = check(rows, head);
        assertFound(problems, DELETED, 2);
        assertTrue(problems.get(0).detail().contains("2–4"), problems.get(0)::detail);
    }

    @Test
    void swappedEntriesAreReportedAsReorderedAndNotAsModified() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        // the swap as an UPDATE of the SEQ column would do it; rows come back ordered by SEQ
        List<EntryEntity> swapped = List.of(rows.get(0), movedCopy(rows.get(2), 3, 2), movedCopy(rows.get(1), 2, 3));
        assertEquals(List.of(REORDERED + "@2", REORDERED + "@3"),
                check(swapped, head).stream().map(p -> p.kind() + "@" + p.seq()).toList());
    }

    @Test
    void swappingTheFirstTwoEntriesIsReportedAsReorderedOnly() {
        List<EntryEntity> rows = chain(2);
        Verifier.Head head = headOf(rows);
        List<EntryEntity> swapped = List.of(movedCopy(rows.get(1), 2, 1), movedCopy(rows.get(0), 1, 2));
        assertEquals(List.of(REORDERED + "@1", REORDERED + "@2"),
                check(swapped, head).stream().map(p -> p.kind() + "@" + p.seq()).toList());
    }

    @Test
    void entryAppendedBehindTheLedgersBackIsReportedAgainstTheCaseRecord() {
        List<EntryEntity> rows = chain(4);
        Verifier.Head head = headOf(rows.subList(0, 3));
        // no kind names an insertion: the chain is whole, only the case record disagrees with its end
        assertFound(check(rows, head), MODIFIED, 4);
    }

    @Test
    void missingLastEntriesAreReportedAsTruncatedAtTheCountTheCaseRecordHolds() {
        List<EntryEntity> rows = chain(4);
        Verifier.Head head = headOf(rows);
        rows.subList(2, 4).clear();
        assertFound(check(rows, head), TRUNCATED, 4);
    }

    @Test
    void missingCaseRecordIsReportedAsTruncatedAtTheLastStoredPosition() {
        List<EntryEntity> rows = chain(3);
        assertFound(check(rows, null), TRUNCATED, 3);
    }

    @Test
    void entryAlteredAndRehashedShowsAtTheNextEntryAsDeleted() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        EntryEntity rehashed = event(2, "1.00");
        rehashed.chain(2, recordedAt(2), rows.get(0).getHash());
        rows.set(1, rehashed);
        List<Tampering> problems = check(rows, head);
        assertFound(problems, DELETED, 3);
        assertTrue(problems.get(0).detail().contains("altered and re-hashed"), problems.get(0)::detail);
    }

    @Test
    void lastEntryAlteredAndRehashedIsReportedAsModifiedAgainstTheCaseRecord() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        EntryEntity rehashed = event(3, "1.00");
        rehashed.chain(3, recordedAt(3), rows.get(1).getHash());
        rows.set(2, rehashed);
        assertFound(check(rows, head), MODIFIED, 3);
    }

    @Test
    void caseRecordWithoutAnyEntryIsReportedAsTruncatedAtItsCount() {
        List<Tampering> problems = check(List.of(), new Verifier.Head(CASE, 2, chain(2).get(1).getHash()));
        assertFound(problems, TRUNCATED, 2);
    }

    @Test
    void emptyCaseRecordWithoutEntriesIsIntact() {
        assertEquals(List.of(), check(List.of(), new Verifier.Head(CASE, 0, LedgerEntry.GENESIS)));
    }

    @Test
    void problemsNameTheirCase() {
        List<EntryEntity> rows = chain(3);
        Verifier.Head head = headOf(rows);
        rows.remove(1);
        assertEquals(CASE, check(rows, head).get(0).caseNumber());
    }
}
