package org.jiandu.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
import org.jiandu.verifier.Checkpoint;
import org.jiandu.verifier.CompactRange;
import org.jiandu.verifier.NoteKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's tamper evidence beyond the database: the sequencer gives every committed entry its gapless global
 * index and its Merkle leaf, and the signer signs checkpoints of the tree with a key kept outside the database.
 *
 * <p><b>Sequencing</b> (every {@code sequence.intervalMillis}): under the lock of the one row of
 * {@code JD_LEDGER_TREE} (so one pass at a time, on any number of nodes), the queued entries
 * ({@code JD_LEDGER_QUEUE}, written in each append's transaction) are taken in recording order, each gets the next
 * index, a random salt and its leaf hash ({@link Leaves}), the tree's completed nodes are stored, the queue rows
 * deleted and the tree's size and root updated, in one transaction. Appends never wait for it.
 *
 * <p><b>Checkpoints</b> (every {@code checkpoint.intervalSeconds} while the tree grew, as X-Road's message log
 * time-stamps in batches): the tree's size and root, signed as a C2SP checkpoint by the keystore's key
 * ({@link SigningKeys}), stored in {@code JD_LEDGER_CHECKPOINT}.
 */
@Component(service = {TreeService.class, HealthIndicator.class, org.jiandu.api.ledger.CheckpointSigner.class},
        configurationPid = TreeService.PID, immediate = true)
@Designate(ocd = TreeService.Config.class)
public class TreeService implements HealthIndicator, org.jiandu.api.ledger.CheckpointSigner {
    static final String PID = "org.jiandu.ledger.checkpoint";
    private static final Logger LOG = LoggerFactory.getLogger(TreeService.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int BATCH = 2000;

    @ObjectClassDefinition(name = "Jiandu ledger checkpoints",
            description = "The ledger's global index, Merkle tree and signed checkpoints")
    public @interface Config {
        @AttributeDefinition(description = "Seconds between signed checkpoints while entries were added", min = "1",
                max = "86400")
        int checkpoint_intervalSeconds() default 60;

        @AttributeDefinition(description = "Milliseconds between sequencing passes (entries get their global index)",
                min = "50", max = "60000")
        int sequence_intervalMillis() default 500;

        @AttributeDefinition(description = "The log's name in every checkpoint and the signing key's name: unique per "
                + "ledger, e.g. the court's domain and 'jiandu'")
        String origin() default "jiandu.court.example/ledger";

        @AttributeDefinition(description = "PKCS#12 keystore of the signing keys; relative paths are under Karaf's etc/")
        String keystore_path() default "jiandu-ledger-signing.p12";

        @AttributeDefinition(description = "Password of the keystore and its keys", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
        String keystore_password() default "jiandu";

        @AttributeDefinition(description = "Alias of the key that signs; other keys of the keystore verify older checkpoints")
        String key_alias() default "jiandu-ledger-1";

        @AttributeDefinition(description = "Algorithm of a key generated when the alias is missing",
                options = {@org.osgi.service.metatype.annotations.Option(label = "Ed25519 (RFC 8032)", value = "ED25519"),
                    @org.osgi.service.metatype.annotations.Option(label = "SM2 with SM3 (GB/T 32918, 国密)",
                            value = "SM2")})
        String key_algorithm() default "ED25519";
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService executor;
    /** Null when the keystore could not be opened: entries are still sequenced, but nothing is signed. */
    private final SigningKeys keys;
    private final String keysProblem;
    private final String origin;
    private final ConfigReport configReport;
    private final int checkpointSeconds;
    private final long startedAt;
    private volatile String lastError;
    private volatile long lastSignedSize = -1;
    private volatile long lastSignedAt;
    private volatile long sequencedSize;

    @Activate
    public TreeService(@Reference LedgerSchema schema,
            @Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource,
            @Reference(target = "(jiandu.clock=true)") Clock clock, Map<String, Object> properties) throws Exception {
        this.dataSource = dataSource;
        this.clock = clock;
        ConfigReader r = ConfigReader.of(PID, properties, Config.class);
        this.checkpointSeconds = r.integer("checkpoint.intervalSeconds", 1, 86400, null);
        this.startedAt = clock.millis();
        int sequenceMillis = r.integer("sequence.intervalMillis", 50, 60000, null);
        this.origin = r.parsed("origin", TreeService::origin);
        NoteKey.Algorithm algorithm = NoteKey.Algorithm.valueOf(r.choice("key.algorithm", List.of("ED25519", "SM2")));
        String alias = r.parsed("key.alias", TreeService::alias);
        String password = r.parsed("keystore.password", TreeService::password);
        r.effective("keystore.password", "********");
        Path store = r.parsed("keystore.path", TreeService::keystore);
        configReport = r.report();
        configReport.messages().forEach(m -> LOG.error("{}", m));
        SigningKeys opened = null;
        String problem = null;
        try {
            opened = new SigningKeys(store, password.toCharArray(), alias, origin, algorithm);
            LOG.info("Ledger checkpoints of {} are signed by {} (keystore {})", origin, opened.signingKey(), store);
        } catch (Exception e) {
            // the ledger keeps working and sequencing; checkpoints wait for a keystore that opens (health says so)
            problem = "the signing keystore " + store + " cannot be opened (" + e + "): no checkpoint is signed; fix "
                    + "keystore.path, keystore.password or key.alias of " + PID;
            LOG.error("{}", problem, e);
        }
        this.keys = opened;
        this.keysProblem = problem;
        executor = Executors.newSingleThreadScheduledExecutor(t -> new Thread(t, "jiandu-ledger-sequencer"));
        executor.scheduleWithFixedDelay(this::sequenceQuietly, sequenceMillis, sequenceMillis, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::checkpointQuietly, checkpointSeconds, checkpointSeconds, TimeUnit.SECONDS);
    }

    static String alias(String s) {
        String a = s.strip();
        if (!a.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("is a keystore alias of letters, digits, '.', '_' or '-', at most 64");
        }
        return a;
    }

    static String password(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return s;
    }

    /** The keystore's path: a PKCS#12 file ({@code .p12} or {@code .pfx}); a relative path is under Karaf's etc/. */
    static Path keystore(String s) {
        String t = s.strip();
        if (!t.endsWith(".p12") && !t.endsWith(".pfx")) {
            throw new IllegalArgumentException("is the path of a PKCS#12 keystore, ending in .p12 or .pfx");
        }
        Path p;
        try {
            p = Path.of(t);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("is not a path: " + e.getMessage(), e);
        }
        return p.isAbsolute() ? p : Path.of(System.getProperty("karaf.etc", "etc")).resolve(p);
    }

    static String origin(String s) {
        String o = s.strip();
        if (o.isEmpty() || o.length() > 200 || o.contains("+") || o.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("is a name without spaces or '+', at most 200 characters, such as "
                    + "jiandu.court.example/ledger");
        }
        return o;
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sequenceQuietly() {
        try {
            while (sequence() == BATCH) {
                // a full batch: more are queued
            }
            recovered();
        } catch (Exception e) {
            failed("sequencing the ledger's entries failed; retried in the next pass", e);
        }
    }

    private void checkpointQuietly() {
        sequenceQuietly();
        try {
            checkpoint(false);
        } catch (Exception e) {
            failed("signing a ledger checkpoint failed; retried in the next interval", e);
        }
    }

    /** Logs the first failure with its stack trace, repeats of the same failure at DEBUG (a pass runs twice a second). */
    private void failed(String what, Exception e) {
        String error = what + ": " + e.getMessage();
        if (!error.equals(lastError)) {
            LOG.warn("{}", what, e);
        } else {
            LOG.debug("{}", what, e);
        }
        lastError = error;
    }

    private void recovered() {
        if (lastError != null) {
            LOG.info("The ledger's sequencer works again after: {}", lastError);
            lastError = null;
        }
    }

    /** Sequences everything queued and signs a checkpoint if the tree grew (the shell's {@code jiandu:checkpoint}). */
    public CheckpointRow checkpointNow() throws Exception {
        return executor.submit(() -> {
            while (sequence() == BATCH) {
                // drain
            }
            checkpoint(false);
            return latest();
        }).get(5, TimeUnit.MINUTES);
    }

    /** One sequencing pass of at most {@link #BATCH} entries; answers how many were sequenced. */
    int sequence() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = sequence(c);
                c.commit();
                return n;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }

    private int sequence(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement(
                "UPDATE JD_LEDGER_TREE SET TREE_SIZE = TREE_SIZE WHERE ID = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("JD_LEDGER_TREE has no row 1: the ledger's tables were altered");
            }
        }
        long size = MerkleStore.tree(c).size();
        // the queue first, then each entry by its key: a join let the database build its table of entries before
        // it waited on the queue's newest rows, and an entry committed in between looked missing
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_NUMBER, SEQ, RECORDED_AT FROM JD_LEDGER_QUEUE "
                + "ORDER BY RECORDED_AT, CASE_NUMBER, SEQ")) {
            ps.setMaxRows(BATCH);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    rows.add(new String[] {r.getString(1), String.valueOf(r.getLong(2)), r.getString(3)});
                }
            }
        }
        List<EntryEntity> queued = new ArrayList<>();
        List<String[]> orphans = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + Verifier.COLUMNS + " FROM JD_LEDGER_ENTRY "
                + "WHERE CASE_NUMBER = ? AND SEQ = ?")) {
            for (String[] q : rows) {
                ps.setString(1, q[0]);
                ps.setLong(2, Long.parseLong(q[1]));
                try (ResultSet r = ps.executeQuery()) {
                    if (r.next()) {
                        queued.add(Verifier.entryAt(r, 0));
                    } else {
                        orphans.add(q);
                    }
                }
            }
        }
        if (queued.isEmpty() && orphans.isEmpty()) {
            return 0;
        }
        CompactRange range = MerkleStore.range(c, size);
        try (PreparedStatement leaf = c.prepareStatement("INSERT INTO JD_LEDGER_LEAF (GLOBAL_INDEX, CASE_NUMBER, SEQ, "
                + "SALT, LEAF_HASH) VALUES (?, ?, ?, ?, ?)");
                PreparedStatement node = c.prepareStatement("INSERT INTO JD_LEDGER_NODE (LVL, IDX, HASH) VALUES (?, ?, ?)");
                PreparedStatement dequeue = c.prepareStatement("DELETE FROM JD_LEDGER_QUEUE WHERE CASE_NUMBER = ? "
                        + "AND SEQ = ?")) {
            for (EntryEntity e : queued) {
                byte[] salt = new byte[16];
                random.nextBytes(salt);
                byte[] hash = Leaves.leafHash(e, salt);
                long index = range.size();
                leaf.setLong(1, index);
                leaf.setString(2, e.getCaseNumber());
                leaf.setLong(3, e.getSeq());
                leaf.setString(4, HEX.formatHex(salt));
                leaf.setString(5, HEX.formatHex(hash));
                leaf.addBatch();
                List<byte[]> completed = range.append(hash);
                for (int level = 1; level <= completed.size(); level++) {
                    node.setInt(1, level);
                    node.setLong(2, (range.size() >>> level) - 1);
                    node.setString(3, HEX.formatHex(completed.get(level - 1)));
                    node.addBatch();
                }
                dequeue.setString(1, e.getCaseNumber());
                dequeue.setLong(2, e.getSeq());
                dequeue.addBatch();
            }
            for (String[] o : orphans) {
                // queued in the append's transaction, so its entry was deleted behind the ledger's back
                LOG.warn("Queued entry {} #{} is no longer stored; it is left out of the tree and verification names "
                        + "it", o[0], o[1]);
                dequeue.setString(1, o[0]);
                dequeue.setLong(2, Long.parseLong(o[1]));
                dequeue.addBatch();
            }
            leaf.executeBatch();
            node.executeBatch();
            dequeue.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE JD_LEDGER_TREE SET TREE_SIZE = ?, ROOT_HASH = ? "
                + "WHERE ID = 1")) {
            ps.setLong(1, range.size());
            ps.setString(2, HEX.formatHex(range.root()));
            ps.executeUpdate();
        }
        sequencedSize = range.size();
        return queued.size() + orphans.size();
    }

    /** A signed checkpoint as stored. */
    public record CheckpointRow(long number, long size, String rootHash, Instant signedAt, String keyName,
            String keyId, String algorithm, String note) {
    }

    /** Signs a checkpoint of the tree as it is, unless the latest one has its size already. */
    CheckpointRow checkpoint(boolean evenIfUnchanged) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement(
                        "UPDATE JD_LEDGER_TREE SET TREE_SIZE = TREE_SIZE WHERE ID = 1")) {
                    lock.executeUpdate();
                }
                MerkleStore.Tree tree = MerkleStore.tree(c);
                CheckpointRow latest = latest(c);
                if (tree.size() == 0 || latest != null && latest.size() == tree.size() && !evenIfUnchanged) {
                    c.rollback();
                    if (latest != null) {
                        lastSignedSize = latest.size();
                        lastSignedAt = latest.signedAt().toEpochMilli();
                    }
                    return latest;
                }
                if (keys == null) {
                    throw new IllegalStateException(keysProblem);
                }
                Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                Checkpoint cp = new Checkpoint(origin, tree.size(), tree.root(), now);
                NoteKey key = keys.signingKey();
                String note = cp.note(key, keys.sign(cp.body().getBytes(StandardCharsets.UTF_8)));
                long number = latest == null ? 1 : latest.number() + 1;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO JD_LEDGER_CHECKPOINT (CHECKPOINT_NO, "
                        + "TREE_SIZE, ROOT_HASH, SIGNED_AT, KEY_NAME, KEY_ID, ALGORITHM, NOTE) VALUES (?, ?, ?, ?, ?, ?, "
                        + "?, ?)")) {
                    ps.setLong(1, number);
                    ps.setLong(2, tree.size());
                    ps.setString(3, HEX.formatHex(tree.root()));
                    ps.setString(4, now.toString());
                    ps.setString(5, key.name());
                    ps.setString(6, key.keyIdHex());
                    ps.setString(7, key.algorithm().name());
                    ps.setString(8, note);
                    ps.executeUpdate();
                }
                c.commit();
                lastSignedSize = tree.size();
                lastSignedAt = now.toEpochMilli();
                LOG.debug("Signed checkpoint {} of {} entries", number, tree.size());
                return new CheckpointRow(number, tree.size(), HEX.formatHex(tree.root()), now, key.name(),
                        key.keyIdHex(), key.algorithm().name(), note);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }

    private static final String CHECKPOINT_COLUMNS = "CHECKPOINT_NO, TREE_SIZE, ROOT_HASH, SIGNED_AT, KEY_NAME, KEY_ID, "
            + "ALGORITHM, NOTE";

    private static CheckpointRow row(ResultSet r) throws SQLException {
        return new CheckpointRow(r.getLong(1), r.getLong(2), r.getString(3).trim(), Instant.parse(r.getString(4)),
                r.getString(5), r.getString(6).trim(), r.getString(7), r.getString(8));
    }

    private static CheckpointRow latest(Connection c) throws SQLException {
        List<CheckpointRow> rows = checkpoints(c, Long.MAX_VALUE, 1);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<CheckpointRow> checkpoints(Connection c, long below, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CHECKPOINT_COLUMNS + " FROM JD_LEDGER_CHECKPOINT "
                + "WHERE CHECKPOINT_NO < ? ORDER BY CHECKPOINT_NO DESC")) {
            ps.setLong(1, below);
            ps.setMaxRows(limit);
            List<CheckpointRow> out = new ArrayList<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(row(r));
                }
            }
            return out;
        }
    }

    /** The latest checkpoint, or null before the first. */
    public CheckpointRow latest() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return latest(c);
        }
    }

    /** Checkpoints numbered below {@code below}, newest first. */
    public List<CheckpointRow> checkpoints(long below, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return checkpoints(c, below, limit);
        }
    }

    /** The latest checkpoint of exactly {@code size} entries, or null. */
    public CheckpointRow checkpointOfSize(long size) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT " + CHECKPOINT_COLUMNS + " FROM JD_LEDGER_CHECKPOINT "
                        + "WHERE TREE_SIZE = ? ORDER BY CHECKPOINT_NO DESC")) {
            ps.setLong(1, size);
            ps.setMaxRows(1);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? row(r) : null;
            }
        }
    }

    /** The current tree (size and root), sequenced but perhaps not yet signed. */
    public MerkleStore.Tree tree() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return MerkleStore.tree(c);
        }
    }

    /** An entry's leaf: its global index and salt, or null while it is not yet sequenced. */
    public record LeafRow(long index, String caseNumber, long seq, String salt, String leafHash) {
    }

    public LeafRow leaf(String caseNumber, long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT GLOBAL_INDEX, SALT, LEAF_HASH FROM JD_LEDGER_LEAF "
                        + "WHERE CASE_NUMBER = ? AND SEQ = ?")) {
            ps.setString(1, caseNumber);
            ps.setLong(2, seq);
            try (ResultSet r = ps.executeQuery()) {
                return r.next() ? new LeafRow(r.getLong(1), caseNumber, seq, r.getString(2).trim(),
                        r.getString(3).trim()) : null;
            }
        }
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size} leaves (size ≤ the tree's). */
    public List<byte[]> inclusion(long index, long size) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return MerkleStore.inclusion(c, index, size);
        }
    }

    /** The consistency proof between two tree sizes (both ≤ the tree's). */
    public List<byte[]> consistency(long from, long to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return MerkleStore.consistency(c, from, to);
        }
    }

    @Override
    public String sign(String logOrigin, long treeSize, byte[] rootHash) {
        String o = origin(logOrigin);
        if (o.equals(origin)) {
            throw new IllegalArgumentException("The origin " + o + " is the ledger's own: name another log");
        }
        if (keys == null) {
            throw new IllegalStateException(keysProblem);
        }
        Checkpoint cp = new Checkpoint(o, treeSize, rootHash, clock.instant().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS));
        NoteKey key = keys.signingKey().renamed(o);
        try {
            return cp.note(key, keys.sign(cp.body().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The ledger's signing key cannot sign: " + e.getMessage(), e);
        }
    }

    @Override
    public String verifierKey(String logOrigin) {
        if (keys == null) {
            throw new IllegalStateException(keysProblem);
        }
        return keys.signingKey().renamed(origin(logOrigin)).encode();
    }

    /** The verifier keys: the signing one first, then those kept for older checkpoints (none without a keystore). */
    public List<NoteKey> keys() {
        return keys == null ? List.of() : keys.all();
    }

    public String origin() {
        return origin;
    }

    /**
     * Checks the ledger (one case, or all when {@code caseNumber} is null) against its latest signed checkpoint,
     * whose signature is first checked with the keystore's keys (the database's copy of a key is never trusted).
     * Cases in {@code flagged} already have a finding of their own chain and get no second one.
     */
    void verify(Connection c, String caseNumber, java.util.Set<String> flagged,
            List<org.jiandu.api.ledger.Tampering> problems) throws SQLException {
        CheckpointRow row = latest(c);
        if (row == null) {
            return;
        }
        if (keys == null) {
            // nothing to check the signature with: health says why; the chains were checked
            return;
        }
        NoteKey key = keys.find(row.keyName(), row.keyId());
        Checkpoint signed;
        try {
            if (key == null) {
                throw new IllegalArgumentException("it names key " + row.keyId() + ", which the keystore does not hold");
            }
            signed = Checkpoint.open(row.note(), key);
        } catch (IllegalArgumentException e) {
            problems.add(rolledBack(null, 0, "Checkpoint " + row.number() + " does not verify (" + e.getMessage()
                    + "): the checkpoint table was altered"));
            return;
        }
        long size = signed.size();
        byte[] root = signed.root();
        MerkleStore.Tree tree = MerkleStore.tree(c);
        if (tree.size() < size) {
            problems.add(rolledBack(null, 0, "The ledger's tree holds " + tree.size() + " entries but checkpoint "
                    + row.number() + " signed " + size + " on " + signed.time() + ": entries were removed"));
        }
        String where = caseNumber == null ? "" : " AND l.CASE_NUMBER = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT l.GLOBAL_INDEX, l.CASE_NUMBER, l.SEQ, l.SALT, "
                + "l.LEAF_HASH, " + Verifier.columns("e") + " FROM JD_LEDGER_LEAF l LEFT JOIN JD_LEDGER_ENTRY e ON e.CASE_NUMBER = "
                + "l.CASE_NUMBER AND e.SEQ = l.SEQ WHERE l.GLOBAL_INDEX < ?" + where + " ORDER BY l.GLOBAL_INDEX")) {
            ps.setLong(1, size);
            if (caseNumber != null) {
                ps.setString(2, caseNumber);
            }
            ps.setFetchSize(1000);
            CompactRange range = new CompactRange();
            boolean named = false;
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    long index = r.getLong(1);
                    String cn = r.getString(2);
                    long seq = r.getLong(3);
                    byte[] leafHash;
                    if (r.getString(6) == null) {
                        leafHash = null;
                        if (!flagged.contains(cn)) {
                            problems.add(rolledBack(cn, seq, "Entry " + seq + " of " + cn + " was signed in checkpoint "
                                    + row.number() + " (leaf " + index + ") but is no longer stored"));
                            flagged.add(cn);
                        }
                        named = true;
                    } else {
                        leafHash = Leaves.leafHash(Verifier.entryAt(r, 5), HEX.parseHex(r.getString(4).trim()));
                        if (caseNumber == null && !java.util.Arrays.equals(leafHash,
                                HEX.parseHex(r.getString(5).trim()))) {
                            named = true;
                            if (!flagged.contains(cn)) {
                                problems.add(rolledBack(cn, seq, "Entry " + seq + " of " + cn + " is not the one "
                                        + "checkpoint " + row.number() + " signed (leaf " + index + "): the case was "
                                        + "rewritten with its hashes recomputed"));
                                flagged.add(cn);
                            }
                        }
                    }
                    if (caseNumber == null) {
                        if (index != range.size()) {
                            problems.add(rolledBack(null, 0, "Leaves " + range.size() + "–" + (index - 1) + " of the "
                                    + "signed tree are missing: entries were removed with their leaves"));
                            return;
                        }
                        range.append(leafHash == null ? new byte[32] : leafHash);
                    } else if (leafHash != null && !org.jiandu.verifier.Merkle.verifyInclusion(index, size, leafHash,
                            MerkleStore.inclusion(c, index, size), root) && !flagged.contains(cn)) {
                        problems.add(rolledBack(cn, seq, "Entry " + seq + " of " + cn + " is not the one checkpoint "
                                + row.number() + " signed (leaf " + index + "): it was changed, or the case rewritten "
                                + "with its hashes recomputed"));
                        flagged.add(cn);
                    }
                }
            }
            if (caseNumber == null && range.size() == size && !java.util.Arrays.equals(range.root(), root)
                    && !named) {
                problems.add(rolledBack(null, 0, "The root of the ledger's " + size + " first entries differs from the "
                        + "one checkpoint " + row.number() + " signed on " + signed.time() + ": entries were changed, "
                        + "or a case rewritten with its hashes recomputed"));
            }
        }
    }

    private static org.jiandu.api.ledger.Tampering rolledBack(String cn, long seq, String detail) {
        return new org.jiandu.api.ledger.Tampering(org.jiandu.api.ledger.Tampering.Kind.ROLLED_BACK, cn, seq, detail);
    }

    @Override
    public List<ComponentHealth> health() {
        List<String> reasons = new ArrayList<>();
        if (keysProblem != null) {
            reasons.add(keysProblem);
        }
        if (lastError != null && !lastError.contains(String.valueOf(keysProblem))) {
            reasons.add(lastError);
        }
        long signedAt = lastSignedSize >= 0 ? lastSignedAt : startedAt;
        long late = clock.millis() - signedAt - 3_000L * checkpointSeconds;
        if (keysProblem == null && sequencedSize > Math.max(lastSignedSize, 0) && late > 0) {
            reasons.add("no checkpoint was signed for " + (clock.millis() - signedAt) / 1000 + " s although the tree "
                    + "grew to " + sequencedSize + " entries (interval " + checkpointSeconds + " s)");
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        if (keys != null) {
            details.put("verifierKey", keys.signingKey().encode());
        }
        details.put("sequenced", sequencedSize);
        if (lastSignedSize >= 0) {
            details.put("lastCheckpointSize", lastSignedSize);
            details.put("lastCheckpointAt", Instant.ofEpochMilli(lastSignedAt).toString());
        }
        return List.of(configReport.health("jiandu.ledger.checkpoints", reasons, details));
    }
}
