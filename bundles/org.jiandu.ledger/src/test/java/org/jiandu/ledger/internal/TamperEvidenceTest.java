package org.jiandu.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.Tampering;
import org.jiandu.api.ledger.Tampering.Kind;
import org.jiandu.api.ledger.VerificationReport;
import org.jiandu.verifier.Checkpoint;
import org.jiandu.verifier.CompactRange;
import org.jiandu.verifier.Main;
import org.jiandu.verifier.Merkle;
import org.jiandu.verifier.NoteKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ledger's global index, Merkle tree and signed checkpoints on a real (in-memory Derby) database, and the drill
 * of issue 9: six attacks through plain JDBC, every one detected, the last two only against the checkpoint, and the
 * outside verifier catching a rewritten tree from the checkpoint it kept.
 */
class TamperEvidenceTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path etc;
    private EmbeddedDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaCaseLedger ledger;
    private TreeService tree;
    private int hostIds;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:tamper" + DATABASES.incrementAndGet());
        dataSource.setCreateDatabase("create");
        LedgerSchema schema = new LedgerSchema(dataSource);
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        emf = Persistence.createEntityManagerFactory("jiandu-ledger", props);
        EventAdmin events = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
            }

            @Override
            public void sendEvent(Event event) {
            }
        };
        Clock clock = Clock.system(CaseEvent.ZONE);
        ledger = new JpaCaseLedger(emf, dataSource, events, clock, new EventTypeRegistry());
        Map<String, Object> config = new HashMap<>();
        config.put("keystore.path", etc.resolve("signing.p12").toString());
        config.put("origin", "test.court.example/ledger");
        // no background pass during a test: it sequences and signs when asked
        config.put("checkpoint.intervalSeconds", 86400);
        config.put("sequence.intervalMillis", 60000);
        tree = new TreeService(schema, dataSource, clock, config);
        var field = JpaCaseLedger.class.getDeclaredField("tree");
        field.setAccessible(true);
        field.set(ledger, tree);
    }

    @AfterEach
    void tearDown() throws Exception {
        tree.deactivate();
        emf.close();
        TestDatabases.drop(dataSource.getDatabaseName());
    }

    private void append(String cn, int entries) {
        for (int i = 0; i < entries; i++) {
            ledger.append(new CaseEvent("h-" + (++hostIds), CaseNumber.parse(cn), "MONEY_RECEIVED",
                    OffsetDateTime.now(CaseEvent.ZONE).minusDays(1), null, new Actor("p-7", "执行员", "京0105"),
                    Payload.of(Map.of("amount", hostIds + ".50", "account", "6222020200112233" + hostIds)), null));
        }
    }

    private static String caseNo(int n) {
        return "（2024）京0105执" + n + "号";
    }

    private NoteKey key() {
        return tree.keys().get(0);
    }

    private void exec(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void everyEntryGetsAGaplessIndexAndAProofAgainstTheSignedCheckpoint() throws Exception {
        for (int n = 1; n <= 3; n++) {
            append(caseNo(n), 7);
        }
        TreeService.CheckpointRow row = tree.checkpointNow();
        assertEquals(21, row.size());
        Checkpoint signed = Checkpoint.open(row.note(), NoteKey.parse(Files.readString(etc.resolve("signing.vkey"))));
        assertEquals(21, signed.size());
        for (int n = 1; n <= 3; n++) {
            for (LedgerEntry e : ledger.timeline(CaseNumber.parse(caseNo(n)))) {
                TreeService.LeafRow leaf = tree.leaf(caseNo(n), e.seq());
                byte[] hash = Leaves.leafHash(ledger.storedEntry(caseNo(n), e.seq()), HEX.parseHex(leaf.salt()));
                assertTrue(Merkle.verifyInclusion(leaf.index(), 21, hash, tree.inclusion(leaf.index(), 21),
                        signed.root()), "entry " + e.seq() + " of case " + n);
            }
        }
        // gapless: the leaves' indexes are 0..20, and the root over them in index order is the signed one
        List<byte[]> inOrder = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT GLOBAL_INDEX, LEAF_HASH FROM JD_LEDGER_LEAF ORDER BY GLOBAL_INDEX"); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                assertEquals(inOrder.size(), r.getLong(1));
                inOrder.add(HEX.parseHex(r.getString(2)));
            }
        }
        assertEquals(21, inOrder.size());
        assertArrayEquals(signed.root(), Merkle.root(inOrder));

        append(caseNo(4), 5);
        TreeService.CheckpointRow next = tree.checkpointNow();
        assertEquals(26, next.size());
        assertEquals(row.number() + 1, next.number());
        assertTrue(Merkle.verifyConsistency(21, 26, signed.root(), HEX.parseHex(next.rootHash()),
                tree.consistency(21, 26)));
        assertTrue(ledger.verifyAll().intact(), () -> ledger.verifyAll().problems().toString());
    }

    @Test
    void sixAttacksThroughJdbcAreAllDetectedTheLastTwoAgainstTheCheckpoint() throws Exception {
        for (int n = 1; n <= 7; n++) {
            append(caseNo(n), 4);
        }
        tree.checkpointNow();
        assertTrue(ledger.verifyAll().intact());
        // 1 modify, 2 delete, 3 reorder, 4 truncate: the chains show them
        exec("UPDATE JD_LEDGER_ENTRY SET PAYLOAD = '{\"amount\":1.00}' WHERE CASE_NUMBER = ? AND SEQ = 2", caseNo(1));
        exec("DELETE FROM JD_LEDGER_ENTRY WHERE CASE_NUMBER = ? AND SEQ = 2", caseNo(2));
        exec("UPDATE JD_LEDGER_ENTRY SET SEQ = 99 WHERE CASE_NUMBER = ? AND SEQ = 2", caseNo(3));
        exec("UPDATE JD_LEDGER_ENTRY SET SEQ = 2 WHERE CASE_NUMBER = ? AND SEQ = 3", caseNo(3));
        exec("UPDATE JD_LEDGER_ENTRY SET SEQ = 3 WHERE CASE_NUMBER = ? AND SEQ = 99", caseNo(3));
        exec("DELETE FROM JD_LEDGER_ENTRY WHERE CASE_NUMBER = ? AND SEQ = 4", caseNo(4));
        // 5 truncate and rewrite the case record: the chain of what is left is intact
        List<LedgerEntry> five = ledger.timeline(CaseNumber.parse(caseNo(5)));
        exec("DELETE FROM JD_LEDGER_ENTRY WHERE CASE_NUMBER = ? AND SEQ > 2", caseNo(5));
        exec("UPDATE JD_LEDGER_CASE SET ENTRY_COUNT = 2, HEAD_HASH = ? WHERE CASE_NUMBER = ?", five.get(1).hash(),
                caseNo(5));
        // 6 rewrite a whole case consistently, every hash recomputed
        rewriteConsistently(caseNo(6));
        // and the same with the leaf hashes recomputed too (not the stored tree's nodes)
        rewriteConsistently(caseNo(7));
        recomputeLeafHashes(caseNo(7));

        VerificationReport all = ledger.verifyAll();
        Map<String, List<Kind>> byCase = byCase(all);
        assertEquals(List.of(Kind.MODIFIED), byCase.get(caseNo(1)), all.problems().toString());
        assertEquals(List.of(Kind.DELETED), byCase.get(caseNo(2)));
        assertTrue(byCase.get(caseNo(3)).stream().allMatch(k -> k == Kind.REORDERED), byCase.toString());
        assertEquals(List.of(Kind.TRUNCATED), byCase.get(caseNo(4)));
        assertEquals(List.of(Kind.ROLLED_BACK), byCase.get(caseNo(5)), "truncated with its case record rewritten");
        assertEquals(List.of(Kind.ROLLED_BACK), byCase.get(caseNo(6)), "rewritten consistently");
        // case 7's leaves match its rewritten entries; the root over the tree does not
        assertEquals(null, byCase.get(caseNo(7)));
        assertEquals(List.of(), byCase.getOrDefault(null, List.of()), "explained by the named cases");

        // verified case by case, each is named (case 7 through its inclusion proof from the stored tree)
        assertEquals(List.of(Kind.ROLLED_BACK), kinds(ledger.verify(CaseNumber.parse(caseNo(5)))));
        assertEquals(List.of(Kind.ROLLED_BACK), kinds(ledger.verify(CaseNumber.parse(caseNo(6)))));
        assertEquals(List.of(Kind.ROLLED_BACK), kinds(ledger.verify(CaseNumber.parse(caseNo(7)))));
    }

    @Test
    void aRewrittenTreeIsCaughtByTheWholeLedgerCheckAndByTheOutsideVerifier() throws Exception {
        for (int n = 1; n <= 3; n++) {
            append(caseNo(n), 5);
        }
        TreeService.CheckpointRow kept = tree.checkpointNow();
        Path keyFile = etc.resolve("signing.vkey");
        Path old = etc.resolve("old.txt");
        Files.writeString(old, kept.note());

        // the attacker rewrites case 2 with every hash recomputed, its leaves and the whole tree too
        rewriteConsistently(caseNo(2));
        recomputeLeafHashes(caseNo(2));
        rebuildTree();
        VerificationReport r = ledger.verifyAll();
        assertEquals(List.of(Kind.ROLLED_BACK), kinds(r), r.problems().toString());
        assertEquals(null, r.problems().get(0).caseNumber(), "only the root shows it");

        // the server goes on and signs the rewritten tree once it grows: the old checkpoint's holder sees it
        append(caseNo(3), 2);
        TreeService.CheckpointRow newer = tree.checkpointNow();
        Path now = etc.resolve("new.txt");
        Files.writeString(now, newer.note());
        Path proof = etc.resolve("consistency.json");
        new ObjectMapper().writeValue(proof.toFile(), Map.of("from", kept.size(), "to", newer.size(), "proof",
                tree.consistency(kept.size(), newer.size()).stream().map(HEX::formatHex).toList()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8)).run("consistency", "--key",
                keyFile.toString(), "--old", old.toString(), "--new", now.toString(), "--proof", proof.toString());
        assertEquals(1, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("ROLLED_BACK"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theOutsideVerifierChecksAnEntryShownWithItsValuesOrOnlyItsCommitments() throws Exception {
        append(caseNo(1), 3);
        TreeService.CheckpointRow cp = tree.checkpointNow();
        Path keyFile = etc.resolve("signing.vkey");
        ObjectMapper json = new ObjectMapper();
        for (boolean revealed : new boolean[] {true, false}) {
            EntryEntity row = ledger.storedEntry(caseNo(1), 2);
            CheckpointsResource.ProofDto dto = CheckpointsResource.proof(tree, row, Leaves.values(row),
                    tree.leaf(caseNo(1), 2), cp.size(), cp, revealed, Map.of(), false);
            Path file = etc.resolve("proof-" + revealed + ".json");
            json.writeValue(file.toFile(), dto);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8)).run("entry", "--key",
                    keyFile.toString(), "--proof", file.toString());
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, text);
            assertTrue(text.contains(revealed ? "payload.account = \"62220202001122332\"" : "payload.account = (masked)"),
                    text);
            // a value changed in the view no longer verifies
            String altered = Files.readString(file).replace("62220202001122332", "62220202001122339");
            if (revealed) {
                Files.writeString(file, altered);
                out.reset();
                assertEquals(1, new Main(new PrintStream(out, true, StandardCharsets.UTF_8)).run("entry", "--key",
                        keyFile.toString(), "--proof", file.toString()), out.toString(StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void anotherBundlesLogHasItsTreeHeadsSignedByTheLedgersKey() {
        CompactRange audit = new CompactRange();
        audit.append(Merkle.leafHash("record 1".getBytes(StandardCharsets.UTF_8)));
        audit.append(Merkle.leafHash("record 2".getBytes(StandardCharsets.UTF_8)));
        String origin = "test.court.example/procuratorate-audit";
        String note = tree.sign(origin, audit.size(), audit.root());
        Checkpoint opened = Checkpoint.open(note, NoteKey.parse(tree.verifierKey(origin)));
        assertEquals(origin, opened.origin());
        assertEquals(2, opened.size());
        assertArrayEquals(audit.root(), opened.root());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.open(note, key()), "the ledger's own key name does not open another log's note");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> tree.sign("test.court.example/ledger", 2, audit.root()), "the ledger's own origin");
    }

    @Test
    void entriesAppendedWhileTheSequencerRunsAllReachTheTreeOnce() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread sequencer = new Thread(() -> {
            while (writing.get()) {
                try {
                    tree.sequence();
                } catch (SQLException e) {
                    failures.add(e);
                }
            }
        });
        sequencer.start();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = 100 + t * 10;
            Thread w = new Thread(() -> {
                for (int i = 0; i < 60; i++) {
                    try {
                        appendOne(caseNo(base + i % 10));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            });
            w.start();
            writers.add(w);
        }
        for (Thread w : writers) {
            w.join();
        }
        writing.set(false);
        sequencer.join();
        assertEquals(List.of(), failures);
        while (tree.sequence() > 0) {
            // drain what the last pass left
        }
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT (SELECT COUNT(*) FROM JD_LEDGER_ENTRY), (SELECT COUNT(*) FROM JD_LEDGER_LEAF), "
                        + "(SELECT COUNT(*) FROM JD_LEDGER_QUEUE), (SELECT MAX(GLOBAL_INDEX) FROM JD_LEDGER_LEAF) "
                        + "FROM JD_LEDGER_TREE")) {
            r.next();
            assertEquals(240, r.getLong(1));
            assertEquals(240, r.getLong(2), "every entry has its leaf");
            assertEquals(0, r.getLong(3), "nothing left queued");
            assertEquals(239, r.getLong(4), "gapless");
        }
        tree.checkpointNow();
        assertTrue(ledger.verifyAll().intact(), () -> ledger.verifyAll().problems().toString());
    }

    private synchronized int nextHostId() {
        return ++hostIds;
    }

    private void appendOne(String cn) {
        int id = nextHostId();
        ledger.append(new CaseEvent("c-" + id, CaseNumber.parse(cn), "MONEY_RECEIVED",
                OffsetDateTime.now(CaseEvent.ZONE).minusDays(1), null, new Actor("p-7", "执行员", "京0105"),
                Payload.of(Map.of("amount", id + ".50")), null));
    }

    @Test
    void aKeystoreThatDoesNotOpenStopsOnlyTheSigning() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("keystore.path", etc.resolve("signing.p12").toString());
        config.put("keystore.password", "not-the-password");
        config.put("sequence.intervalMillis", 60000);
        TreeService locked = new TreeService(new LedgerSchema(dataSource), dataSource, Clock.systemUTC(), config);
        try {
            append(caseNo(1), 3);
            assertEquals(3, locked.sequence(), "entries are still given their place in the tree");
            var health = locked.health().get(0);
            assertEquals(org.jiandu.api.health.HealthState.DEGRADED, health.state());
            assertTrue(health.reasons().toString().contains("cannot be opened"), health.reasons().toString());
            assertEquals("********", ((Map<?, ?>) health.details().get("config")).get("keystore.password"));
            org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    locked::checkpointNow, "nothing is signed without a key");
            assertEquals(List.of(), locked.keys());
        } finally {
            locked.deactivate();
        }
    }

    @Test
    void healthIsDegradedWhileTheTreeGrowsWithoutACheckpoint() throws Exception {
        java.util.concurrent.atomic.AtomicLong offset = new java.util.concurrent.atomic.AtomicLong();
        Clock later = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return CaseEvent.ZONE;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.now().plusSeconds(offset.get());
            }
        };
        Map<String, Object> config = new HashMap<>();
        config.put("keystore.path", etc.resolve("signing.p12").toString());
        config.put("checkpoint.intervalSeconds", 60);
        config.put("sequence.intervalMillis", 60000);
        TreeService watched = new TreeService(new LedgerSchema(dataSource), dataSource, later, config);
        try {
            append(caseNo(1), 2);
            watched.sequence();
            assertEquals(org.jiandu.api.health.HealthState.UP, watched.health().get(0).state());
            offset.set(181);
            assertEquals(org.jiandu.api.health.HealthState.DEGRADED, watched.health().get(0).state(),
                    "no checkpoint for more than three intervals while the tree grew");
            watched.checkpointNow();
            assertEquals(org.jiandu.api.health.HealthState.UP, watched.health().get(0).state());
        } finally {
            watched.deactivate();
        }
    }

    private static List<Kind> kinds(VerificationReport r) {
        return r.problems().stream().map(Tampering::kind).toList();
    }

    private static Map<String, List<Kind>> byCase(VerificationReport r) {
        Map<String, List<Kind>> out = new HashMap<>();
        for (Tampering t : r.problems()) {
            out.computeIfAbsent(t.caseNumber(), k -> new ArrayList<>()).add(t.kind());
        }
        return out;
    }

    /** Changes the first entry's payload and recomputes every hash of the case and its record, as an attacker would. */
    private void rewriteConsistently(String cn) throws SQLException {
        String prev = LedgerEntry.GENESIS;
        List<LedgerEntry> entries = ledger.timeline(CaseNumber.parse(cn));
        for (LedgerEntry e : entries) {
            EntryEntity row = ledger.storedEntry(cn, e.seq());
            String payload = e.seq() == 1 ? "{\"amount\":\"0.01\"}" : row.getPayload();
            EntryEntity forged = new EntryEntity(cn, row.getHostEventId(), row.getType(), row.getOccurredAt(),
                    row.getActorPerson(), row.getActorRole(), row.getActorOrganisation(), payload, row.getCorrects(),
                    row.getApprover(), row.getReason());
            forged.chain(e.seq(), row.getRecordedAt(), prev);
            exec("UPDATE JD_LEDGER_ENTRY SET PAYLOAD = ?, PREV_HASH = ?, HASH = ? WHERE CASE_NUMBER = ? AND SEQ = ?",
                    payload, forged.getPrevHash(), forged.getHash(), cn, e.seq());
            prev = forged.getHash();
        }
        exec("UPDATE JD_LEDGER_CASE SET HEAD_HASH = ? WHERE CASE_NUMBER = ?", prev, cn);
        assertTrue(ledger.verify(CaseNumber.parse(cn)).problems().stream()
                .noneMatch(t -> t.kind() != Kind.ROLLED_BACK), "the chain alone shows nothing");
    }

    private void recomputeLeafHashes(String cn) throws SQLException {
        for (LedgerEntry e : ledger.timeline(CaseNumber.parse(cn))) {
            TreeService.LeafRow leaf = tree.leaf(cn, e.seq());
            byte[] hash = Leaves.leafHash(ledger.storedEntry(cn, e.seq()), HEX.parseHex(leaf.salt()));
            exec("UPDATE JD_LEDGER_LEAF SET LEAF_HASH = ? WHERE GLOBAL_INDEX = ?", HEX.formatHex(hash), leaf.index());
        }
    }

    /** Recomputes every node of the tree and its root from the stored leaf hashes. */
    private void rebuildTree() throws SQLException {
        Map<Long, byte[]> leaves = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT GLOBAL_INDEX, LEAF_HASH FROM JD_LEDGER_LEAF"); ResultSet r = ps.executeQuery()) {
            while (r.next()) {
                leaves.put(r.getLong(1), HEX.parseHex(r.getString(2)));
            }
        }
        exec("DELETE FROM JD_LEDGER_NODE");
        CompactRange range = new CompactRange();
        for (byte[] h : leaves.values()) {
            List<byte[]> completed = range.append(h);
            for (int level = 1; level <= completed.size(); level++) {
                exec("INSERT INTO JD_LEDGER_NODE (LVL, IDX, HASH) VALUES (?, ?, ?)", level,
                        (range.size() >>> level) - 1, HEX.formatHex(completed.get(level - 1)));
            }
        }
        exec("UPDATE JD_LEDGER_TREE SET ROOT_HASH = ? WHERE ID = 1", HEX.formatHex(range.root()));
    }
}
