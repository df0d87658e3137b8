package org.jiandu.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.Tampering;
import org.jiandu.api.ledger.Tampering.Kind;
import org.jiandu.api.ledger.VerificationReport;

/**
 * Recomputes hash chains straight from the tables with plain JDBC, streaming, so that a million entries are
 * checked without loading them as objects. What it reports for a case:
 * <ul>
 * <li>MODIFIED — an entry's content no longer matches its own hash;</li>
 * <li>DELETED — a gap in positions, or a link to a hash that no stored entry has;</li>
 * <li>REORDERED — a link to another stored entry than the one before it;</li>
 * <li>TRUNCATED — fewer entries, or another last hash, than the case's head row records.</li>
 * </ul>
 */
final class Verifier {
    static final String COLUMNS = "CASE_NUMBER, SEQ, HOST_EVENT_ID, EVENT_TYPE, OCCURRED_AT, RECORDED_AT, "
            + "ACTOR_PERSON, ACTOR_ROLE, ACTOR_ORG, PAYLOAD, CORRECTS, APPROVER, REASON, PREV_HASH, HASH";

    private final DataSource dataSource;
    private final Clock clock;

    Verifier(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Verifies one case, or every case when {@code caseNumber} is null, by the chains alone. */
    VerificationReport verify(String caseNumber) {
        return verify(caseNumber, null);
    }

    /**
     * Verifies one case, or every case when {@code caseNumber} is null: each case's chain, then, with
     * {@code tree}, the entries against the latest signed checkpoint ({@link TreeService#verify}).
     */
    VerificationReport verify(String caseNumber, TreeService tree) {
        List<Tampering> problems = new ArrayList<>();
        long cases = 0;
        long entries = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (PreparedStatement heads = c.prepareStatement("SELECT CASE_NUMBER, ENTRY_COUNT, HEAD_HASH FROM "
                    + "JD_LEDGER_CASE" + (caseNumber == null ? "" : " WHERE CASE_NUMBER = ?"));
                    PreparedStatement rows = c.prepareStatement("SELECT " + COLUMNS + " FROM JD_LEDGER_ENTRY"
                            + (caseNumber == null ? "" : " WHERE CASE_NUMBER = ?") + " ORDER BY CASE_NUMBER, SEQ")) {
                if (caseNumber != null) {
                    heads.setString(1, caseNumber);
                    rows.setString(1, caseNumber);
                }
                heads.setFetchSize(1000);
                rows.setFetchSize(1000);
                // Heads are read into memory first and matched by case number, not merged by sort order: the
                // databases' collations of Chinese case numbers differ, but equal numbers are always adjacent.
                Map<String, Head> headByCase = new HashMap<>();
                try (ResultSet h = heads.executeQuery()) {
                    for (Head head = nextHead(h); head != null; head = nextHead(h)) {
                        headByCase.put(head.caseNumber, head);
                    }
                }
                try (ResultSet r = rows.executeQuery()) {
                    EntryEntity row = nextRow(r);
                    while (row != null) {
                        String cn = row.getCaseNumber();
                        List<EntryEntity> caseRows = new ArrayList<>();
                        while (row != null && row.getCaseNumber().equals(cn)) {
                            caseRows.add(row);
                            row = nextRow(r);
                        }
                        checkCase(cn, caseRows, headByCase.remove(cn), problems);
                        cases++;
                        entries += caseRows.size();
                    }
                }
                for (Head orphan : headByCase.values()) {
                    checkCase(orphan.caseNumber, List.of(), orphan, problems);
                    cases++;
                }
                if (tree != null) {
                    Set<String> flagged = new HashSet<>();
                    problems.forEach(p -> flagged.add(p.caseNumber()));
                    tree.verify(c, caseNumber, flagged, problems);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Verification could not read the ledger tables: " + e.getMessage(), e);
        }
        return new VerificationReport(clock.instant(), cases, entries, problems);
    }

    record Head(String caseNumber, long count, String hash) {
    }

    private static Head nextHead(ResultSet h) throws SQLException {
        return h.next() ? new Head(h.getString(1), h.getLong(2), h.getString(3)) : null;
    }

    private static EntryEntity nextRow(ResultSet r) throws SQLException {
        return r.next() ? entryAt(r, 0) : null;
    }

    /** The entry in columns {@code offset + 1 …} of the current row, selected as {@link #COLUMNS} (with a prefix). */
    static EntryEntity entryAt(ResultSet r, int o) throws SQLException {
        EntryEntity e = new EntryEntity(r.getString(o + 1), r.getString(o + 3), r.getString(o + 4),
                r.getString(o + 5), r.getString(o + 7), r.getString(o + 8), r.getString(o + 9), r.getString(o + 10),
                r.getString(o + 11), r.getString(o + 12), r.getString(o + 13));
        e.setStored(r.getLong(o + 2), r.getString(o + 6), r.getString(o + 14), r.getString(o + 15));
        return e;
    }

    /** {@link #COLUMNS} with the table alias {@code alias}. */
    static String columns(String alias) {
        return java.util.Arrays.stream(COLUMNS.split(", ")).map(c -> alias + "." + c)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static void checkCase(String cn, List<EntryEntity> rows, Head head, List<Tampering> problems) {
        Set<String> stored = new HashSet<>();
        // the start of the chain is always there: a link to it from a later position is a move, not a deletion
        stored.add(LedgerEntry.GENESIS);
        for (EntryEntity e : rows) {
            stored.add(e.getHash());
        }
        String expectedPrev = LedgerEntry.GENESIS;
        long expectedSeq = 1;
        boolean linkProblem = false;
        for (EntryEntity e : rows) {
            String recomputed = Canonical.hash(e.getPrevHash(), Canonical.entry(e));
            if (!recomputed.equals(e.getHash())) {
                problems.add(new Tampering(Kind.MODIFIED, cn, e.getSeq(), "Entry " + e.getSeq() + " ("
                        + e.getHostEventId() + ") no longer matches its hash: its content was changed after recording"));
            }
            if (e.getSeq() > expectedSeq) {
                linkProblem = true;
                problems.add(new Tampering(Kind.DELETED, cn, expectedSeq, "Entries " + expectedSeq
                        + (e.getSeq() - 1 > expectedSeq ? "–" + (e.getSeq() - 1) : "") + " are missing before entry "
                        + e.getSeq()));
            } else if (!e.getPrevHash().equals(expectedPrev)) {
                linkProblem = true;
                if (stored.contains(e.getPrevHash()) && !e.getPrevHash().equals(e.getHash())) {
                    problems.add(new Tampering(Kind.REORDERED, cn, e.getSeq(), "Entry " + e.getSeq() + " ("
                            + e.getHostEventId() + ") follows another entry than the one it was chained to: "
                            + "entries were reordered"));
                } else {
                    problems.add(new Tampering(Kind.DELETED, cn, e.getSeq(), "Entry " + e.getSeq() + " ("
                            + e.getHostEventId() + ") is chained to an entry that is no longer stored: an entry "
                            + "before it was deleted, or altered and re-hashed"));
                }
            }
            expectedPrev = e.getHash();
            expectedSeq = e.getSeq() + 1;
        }
        long last = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).getSeq();
        if (head == null) {
            problems.add(new Tampering(Kind.TRUNCATED, cn, last, "The case record of " + cn
                    + " is missing while " + rows.size() + " entries remain"));
        } else if (head.count > last) {
            problems.add(new Tampering(Kind.TRUNCATED, cn, head.count, "The case record holds " + head.count
                    + " entries but the last stored entry is " + last + ": entries " + (last + 1) + "–" + head.count
                    + " were removed"));
        } else if (!head.hash.equals(expectedPrev) && !linkProblem) {
            problems.add(new Tampering(Kind.MODIFIED, cn, last, "The last entry's hash differs from the one the case "
                    + "record holds: the last entry or the case record was altered"));
        }
    }
}
