package org.jiandu.monitor.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.court.CourtDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises due alerts (Art. 8): every {@code sweep.intervalSeconds} on its own thread, it reads the open deadlines
 * whose next alert time has come, oldest first, in bounded batches of {@code sweep.batchSize}, one transaction each:
 *
 * <ol>
 * <li>{@code SELECT … WHERE NEXT_ALERT_AT <= now AND RULE_ID IN (registered rules) ORDER BY NEXT_ALERT_AT, ID
 * FETCH FIRST n ROWS ONLY}, read along the index {@code JD_MON_DEADLINE_NEXT (NEXT_ALERT_AT, ID)} (no sort, no
 * locks kept), each later batch of the sweep resuming after the last row read (the row carries the case's handler and
 * leader, so no join);</li>
 * <li>claims each row by compare-and-set: {@code UPDATE … SET FIRED, NEXT_LEVEL, NEXT_ALERT_AT, VERSION = VERSION + 1
 * WHERE ID = ? AND VERSION = ?} — a row another node (or the case evaluation) changed meanwhile answers 0 and is
 * left alone;</li>
 * <li>inserts the alerts of the claimed rows, as {@link AlertComposer} words and addresses them, whose primary key
 * is a function of (deadline, level) ({@link AlertLevel#alertId(long)}), so a level can never be raised twice on a
 * deadline, whatever nodes and restarts;</li>
 * <li>commits, then hands the alerts to {@link AlertPublisher} ({@code jiandu/alert/<LEVEL>}, see
 * {@link org.jiandu.api.alert.AlertTopics}).</li>
 * </ol>
 * This class does the claiming (reading, compare-and-set, inserting, in one transaction per batch); composing and
 * publishing are the other two classes' jobs.
 *
 * A crash before the commit leaves nothing behind (the next sweep does it); after the commit the alerts exist
 * (publication is best effort; the alert list is the record). Several nodes on one database may all sweep: the
 * compare-and-set divides the rows (Derby has no {@code SKIP LOCKED}; the losing node merely wastes a read), and
 * each batch claims under a table lock taken while holding nothing, so that it never deadlocks with the case
 * evaluation ({@link #lockDeadlines}). A
 * REMINDER whose deadline has already expired is skipped, not raised.
 */
@Component(service = Sweeper.class, configurationPid = MonitorConfig.PID, immediate = true)
public class Sweeper {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private MonitorSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    /*
     * Read in the order of the NEXT_ALERT_AT index, so that FETCH FIRST stops after one batch instead of sorting
     * every due row (200,000 in a storm) for each batch. Derby's optimizer, left alone, sorted here (the IN list and
     * the fetch limit hide the cheap plan), hence the hint; other databases read it as a comment.
     */
    private static final String COLUMNS = "SELECT ID, VERSION, CASE_NUMBER, COURT_CODE, RULE_ID, TITLE, ARTICLE, "
            + "DUE_DATE, EXPIRES_AT, REMIND_AT, ESCALATE_AT, FIRED, NEXT_ALERT_AT, HANDLER, LEADER "
            + "FROM JD_MON_DEADLINE --DERBY-PROPERTIES index=JD_MON_DEADLINE_NEXT\n";
    private static final String ORDER = " AND RULE_ID IN (%s) ORDER BY NEXT_ALERT_AT, ID FETCH FIRST %d ROWS ONLY";
    /* The first batch of a sweep, then batches that resume after the last row read (keyset on the index
     * (NEXT_ALERT_AT, ID)): a batch never rescans the entries its predecessors claimed, which Derby leaves in the
     * index as deleted entries until it purges them, nor the rows of rules that are not registered. The index is
     * named because Derby's optimizer, left alone, sorted every due row (200,000 in a storm) for each batch; other
     * databases read the hint as a comment. */
    private static final String FIRST = COLUMNS + "WHERE NEXT_ALERT_AT <= ?" + ORDER;
    private static final String SAME_INSTANT = COLUMNS + "WHERE NEXT_ALERT_AT = ? AND ID > ?" + ORDER;
    private static final String LATER = COLUMNS + "WHERE NEXT_ALERT_AT > ? AND NEXT_ALERT_AT <= ?" + ORDER;
    private static final String CLAIM = "UPDATE JD_MON_DEADLINE SET FIRED = ?, NEXT_LEVEL = ?, NEXT_ALERT_AT = ?, "
            + "VERSION = VERSION + 1, UPDATED_AT = ? WHERE ID = ? AND VERSION = ?";
    private static final String INSERT = "INSERT INTO JD_MON_ALERT (ID, DEADLINE_ID, ALERT_LEVEL, CASE_NUMBER, "
            + "COURT_CODE, RULE_ID, DUE_DATE, EXPIRES_AT, RAISED_AT, ADDRESSEE, MESSAGE) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final RuleRegistry registry;
    /** Names the court in the fallback addressee, when a directory is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile CourtDirectory courts;
    private final Clock clock;
    private final AlertComposer composer;
    private final AlertPublisher publisher;
    private final int batchSize;
    private final ScheduledExecutorService executor;
    private final long intervalMillis;

    /** What one sweep did. */
    public record Result(int batches, int claimed, int raised, int skipped, int lostRaces, long millis,
            Phases phases) {
    }

    /** Where a sweep's time went, in milliseconds: reading due rows, claiming them, inserting alerts, commit, publishing. */
    public record Phases(long read, long claim, long insert, long commit, long publish) {
        @Override
        public String toString() {
            return "read " + read + " ms, claim " + claim + " ms, insert " + insert + " ms, commit " + commit
                    + " ms, publish " + publish + " ms";
        }
    }

    private final long[] phaseNanos = new long[5];
    /* The levels in the order they fall due on a deadline: by their stable code, never by declaration order. */
    private static final List<AlertLevel> LEVELS = java.util.Arrays.stream(AlertLevel.values())
            .sorted(java.util.Comparator.comparingInt(AlertLevel::code)).toList();

    @Activate
    public Sweeper(@Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=jiandu-monitor)") EntityManagerFactory emf,
            @Reference RuleRegistry rules, @Reference(target = "(jiandu.clock=true)") Clock clock,
            @Reference EventAdmin eventAdmin, Map<String, Object> properties) {
        // the node monitor (same PID) logs and reports refused values; here they are replaced by defaults alike
        MonitorSettings config = MonitorSettings.of(properties);
        this.dataSource = dataSource;
        this.registry = rules;
        this.clock = clock;
        this.batchSize = config.sweepBatchSize();
        this.composer = new AlertComposer(config.courtLeaders(), config.escalationWorkingDays(), this::courtName);
        this.publisher = new AlertPublisher(eventAdmin);
        // the tables exist before the first sweep
        emf.createEntityManager().close();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jiandu-monitor-sweeper");
            t.setDaemon(true);
            return t;
        });
        this.intervalMillis = config.sweepIntervalSeconds() * 1000L;
        if (config.sweepEnabled()) {
            executor.schedule(this::tick, Math.min(intervalMillis, 5000), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One periodic run: sweep, then sleep until the next alert time (at least 200 ms, at most the interval), so
     * that a storm of deadlines expiring at one instant starts being swept within a moment of it.
     */
    private void tick() {
        sweepSafely();
        long delay = intervalMillis;
        try {
            Long next = nextAlertAfter(clock.millis());
            if (next != null) {
                delay = Math.max(200, Math.min(intervalMillis, next - clock.millis() + 50));
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Sweeper could not read the next alert time; sweeping again in {} ms", delay, e);
        }
        if (!executor.isShutdown()) {
            executor.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
        }
    }

    private Long nextAlertAfter(long now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT MIN(NEXT_ALERT_AT) FROM JD_MON_DEADLINE WHERE NEXT_ALERT_AT > ?")) {
            s.setLong(1, now);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? boxed(rs, 1) : null;
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The sweeper did not stop within 30 s");
        }
    }

    private void sweepSafely() {
        try {
            Result r = sweep();
            if (r.raised() > 0) {
                LOG.info("Sweep: {} alerts raised from {} deadlines in {} batches, {} ms ({})", r.raised(), r.claimed(),
                        r.batches(), r.millis(), r.phases());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Sweep failed; the next one retries", e);
        }
    }

    /** Sweeps now, on the caller's thread, until no due alert is left (commands, tests). */
    public synchronized Result sweep() throws SQLException {
        long t0 = System.nanoTime();
        int batches = 0;
        int claimed = 0;
        int raised = 0;
        int skipped = 0;
        int lost = 0;
        long[] after = null;
        while (!Thread.currentThread().isInterrupted()) {
            Set<String> rules = registry.activeRuleIds();
            if (rules.isEmpty()) {
                break;
            }
            Batch b = batch(clock.millis(), rules, after);
            after = b.last;
            if (b.read == 0) {
                break;
            }
            batches++;
            claimed += b.claimed;
            raised += b.alerts.size();
            skipped += b.skipped;
            lost += b.read - b.claimed;
            long p0 = System.nanoTime();
            publisher.publish(b.alerts);
            phaseNanos[4] += System.nanoTime() - p0;
            if (b.read < batchSize) {
                break;
            }
        }
        Phases phases = new Phases(phaseNanos[0] / 1_000_000, phaseNanos[1] / 1_000_000, phaseNanos[2] / 1_000_000,
                phaseNanos[3] / 1_000_000, phaseNanos[4] / 1_000_000);
        java.util.Arrays.fill(phaseNanos, 0);
        return new Result(batches, claimed, raised, skipped, lost, (System.nanoTime() - t0) / 1_000_000, phases);
    }

    private static final class Batch {
        int read;
        int claimed;
        int skipped;
        long[] last;
        final List<Alert> alerts = new ArrayList<>();
    }

    private Batch batch(long now, Set<String> rules, long[] after) throws SQLException {
        Batch out = new Batch();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long t = System.nanoTime();
                List<DueDeadline> rows = read(c, now, rules, after, out);
                phaseNanos[0] += System.nanoTime() - t;
                t = System.nanoTime();
                out.read = rows.size();
                if (rows.isEmpty()) {
                    c.rollback();
                    return out;
                }
                List<DueDeadline> claimedRows = new ArrayList<>(rows.size());
                List<Plan> plans = new ArrayList<>(rows.size());
                lockDeadlines(c);
                try (PreparedStatement claim = c.prepareStatement(CLAIM)) {
                    for (DueDeadline r : rows) {
                        Plan p = plan(r, now);
                        plans.add(p);
                        claim.setInt(1, p.fired);
                        claim.setString(2, p.next == null ? null : p.next.name());
                        if (p.nextAt == null) {
                            claim.setNull(3, Types.BIGINT);
                        } else {
                            claim.setLong(3, p.nextAt);
                        }
                        claim.setLong(4, now);
                        claim.setLong(5, r.id());
                        claim.setInt(6, r.version());
                        claim.addBatch();
                    }
                    int[] counts = claim.executeBatch();
                    List<Plan> kept = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        if (counts[i] == 1 || counts[i] == java.sql.Statement.SUCCESS_NO_INFO) {
                            claimedRows.add(rows.get(i));
                            kept.add(plans.get(i));
                        }
                    }
                    plans = kept;
                }
                out.claimed = claimedRows.size();
                phaseNanos[1] += System.nanoTime() - t;
                t = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                    int n = 0;
                    for (int i = 0; i < claimedRows.size(); i++) {
                        DueDeadline r = claimedRows.get(i);
                        Plan p = plans.get(i);
                        out.skipped += p.skipped;
                        for (Alert a : composer.compose(r, p.levels, now)) {
                            insert.setLong(1, a.id());
                            insert.setLong(2, a.deadlineId());
                            insert.setString(3, a.level().name());
                            insert.setString(4, a.caseNumber());
                            insert.setString(5, a.court());
                            insert.setString(6, a.ruleId());
                            if (a.due() == null) {
                                insert.setNull(7, Types.DATE);
                            } else {
                                insert.setDate(7, java.sql.Date.valueOf(a.due()));
                            }
                            if (a.expiresAt() == null) {
                                insert.setNull(8, Types.BIGINT);
                            } else {
                                insert.setLong(8, a.expiresAt().toEpochMilli());
                            }
                            insert.setLong(9, a.raisedAt().toEpochMilli());
                            insert.setString(10, a.addressee());
                            insert.setString(11, a.message());
                            insert.addBatch();
                            out.alerts.add(a);
                            n++;
                        }
                    }
                    if (n > 0) {
                        insert.executeBatch();
                    }
                }
                phaseNanos[2] += System.nanoTime() - t;
                t = System.nanoTime();
                c.commit();
                phaseNanos[3] += System.nanoTime() - t;
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /**
     * Takes the deadline table for this batch's claim before claiming anything. The case evaluation
     * ({@link CaseProcessor}, {@link NodeMonitor#retryUncovered}) updates the deadlines of several cases in one
     * transaction in its own order; a claim that locked rows one by one in due order waited on it while holding rows
     * it needed, which Derby resolved only after its 20 s deadlock timeout by killing one of them (the demo's first
     * start did this). Waiting for the table while holding nothing cannot close such a cycle: the claim waits for
     * the running evaluations to commit, and they never wait for it. The lock lasts for the claim and the insert
     * of one batch (milliseconds); rows an evaluation changed between the read and the lock fail the
     * compare-and-set and are claimed by the next sweep.
     */
    private static void lockDeadlines(Connection c) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("LOCK TABLE JD_MON_DEADLINE IN EXCLUSIVE MODE");
        }
    }

    private List<DueDeadline> read(Connection c, long now, Set<String> rules, long[] after, Batch out) throws SQLException {
        String in = String.join(", ", java.util.Collections.nCopies(rules.size(), "?"));
        List<Object[]> raw = new ArrayList<>();
        if (after == null) {
            query(c, String.format(FIRST, in, batchSize), rules, raw, now);
        } else {
            query(c, String.format(SAME_INSTANT, in, batchSize), rules, raw, after[0], after[1]);
            if (raw.size() < batchSize) {
                query(c, String.format(LATER, in, batchSize - raw.size()), rules, raw, after[0], now);
            }
        }
        if (!raw.isEmpty()) {
            Object[] last = raw.get(raw.size() - 1);
            out.last = new long[] {(Long) last[12], (Long) last[0]};
        } else {
            out.last = after;
        }
        List<DueDeadline> rows = new ArrayList<>(raw.size());
        for (Object[] r : raw) {
            rows.add(new DueDeadline((Long) r[0], (Integer) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (LocalDate) r[7], (Long) r[8], (Long) r[9], (Long) r[10], (Integer) r[11],
                    (String) r[13], (String) r[14]));
        }
        return rows;
    }

    private static void query(Connection c, String sql, Set<String> rules, List<Object[]> raw, long... keys)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (long k : keys) {
                s.setLong(i++, k);
            }
            for (String r : rules) {
                s.setString(i++, r);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date due = rs.getDate(8);
                    raw.add(new Object[] {rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), due == null ? null : due.toLocalDate(),
                        boxed(rs, 9), boxed(rs, 10), boxed(rs, 11), rs.getInt(12), rs.getLong(13), rs.getString(14),
                        rs.getString(15)});
                }
            }
        }
    }

    private static Long boxed(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** The levels to raise now on one row, and what to arm next. */
    private static final class Plan {
        final List<AlertLevel> levels = new ArrayList<>(2);
        int fired;
        int skipped;
        AlertLevel next;
        Long nextAt;
    }

    private static Plan plan(DueDeadline r, long now) {
        Plan p = new Plan();
        p.fired = r.fired();
        for (AlertLevel level : LEVELS) {
            Long t = r.time(level);
            if (t == null || (p.fired & level.bit()) != 0) {
                continue;
            }
            if (t > now) {
                break;
            }
            p.fired |= level.bit();
            if (level == AlertLevel.REMINDER && r.expiresAt() != null && r.expiresAt() <= now) {
                p.skipped++;
            } else {
                p.levels.add(level);
            }
        }
        for (AlertLevel level : LEVELS) {
            Long t = r.time(level);
            if (t != null && (p.fired & level.bit()) == 0) {
                p.next = level;
                p.nextAt = t;
                break;
            }
        }
        return p;
    }

    /** The court's name from the directory ({@code 北京市朝阳区人民法院}), or its code when none is installed or lists it. */
    private String courtName(String code) {
        CourtDirectory d = courts;
        return d == null ? code : d.name(code);
    }
}
