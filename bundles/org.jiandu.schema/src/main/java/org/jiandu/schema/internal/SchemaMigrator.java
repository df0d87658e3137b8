package org.jiandu.schema.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one bundle's tables to the version its code expects, with Liquibase, before the bundle's
 * EntityManagerFactory is used (docs/MIGRATIONS.md). Every bundle that owns tables embeds this class privately and
 * calls {@link #migrate} from the activation of its schema component.
 *
 * <p>Each bundle owns its tables and keeps its own history ({@code JDLEDGERCHANGELOG} and the lock table
 * {@code JDLEDGERCHANGELOGLOCK} …), so the bundles of one database migrate independently and a bundle installed
 * later starts at its own first change set. A bundle's change log is {@code <location>/changelog.yaml}; each change
 * set names one SQL script per database ({@code derby/…sql}, {@code postgresql/…sql}).
 *
 * <p>A database whose tables EclipseLink's DDL generation created (every installation before migrations) has the
 * bundle's tables and no history: change set 1, whose scripts are exactly what EclipseLink generated, carries the
 * precondition "its first table does not exist yet" (an {@code sqlCheck} on the catalogue: Liquibase's
 * {@code tableExists} never finds a name with '_' on Derby) with {@code onFail: MARK_RAN}, so Liquibase records it
 * as run without running it, and nothing is recreated; later change sets run as usual. A database where only some of the
 * first change set's tables exist is refused before Liquibase is asked: no Jiandu version left a database like
 * that, and guessing could lose data.
 *
 * <p>Two nodes starting at once on one database do not both migrate: Liquibase takes the row of the bundle's lock
 * table for the whole update, and the second node finds the work done.
 */
public final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** Supported databases, by JDBC product name. */
    public enum Vendor {
        DERBY("derby"), POSTGRESQL("postgresql");

        private final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }

        /** The folder of this vendor's scripts under a migration set's location. */
        public String folder() {
            return folder;
        }

        /** How the database stores an unquoted identifier (Derby upper case, PostgreSQL lower case). */
        String stored(String identifier) {
            return this == DERBY ? identifier.toUpperCase(Locale.ROOT) : identifier.toLowerCase(Locale.ROOT);
        }

        static Vendor of(Connection c) throws SQLException {
            String product = c.getMetaData().getDatabaseProductName();
            if (product.toLowerCase(Locale.ROOT).contains("derby")) {
                return DERBY;
            }
            if (product.toLowerCase(Locale.ROOT).contains("postgres")) {
                return POSTGRESQL;
            }
            throw new IllegalStateException("Jiandu's tables are migrated for Apache Derby and PostgreSQL only; the "
                    + "DataSource 'jiandu' is " + product + " (etc/org.ops4j.datasource-jiandu.cfg)");
        }
    }

    /**
     * One bundle's migrations.
     *
     * @param owner        the bundle, for the log ({@code org.jiandu.ledger})
     * @param historyTable the bundle's own Liquibase history table ({@code JDLEDGERCHANGELOG}), without '_' (see
     *                     the constructor); its lock table is the same name with {@code LOCK}
     * @param location     the classpath folder of its {@code changelog.yaml} ({@code org/jiandu/ledger/db}), with
     *                     one subfolder of scripts per {@link Vendor}
     * @param v1Tables     the tables change set 1 creates: all present without a history table, they mean "created
     *                     by EclipseLink before migrations existed" and change set 1 is recorded, not run
     */
    public record MigrationSet(String owner, String historyTable, String location, List<String> v1Tables) {
        public MigrationSet {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(historyTable, "historyTable");
            Objects.requireNonNull(location, "location");
            if (historyTable.contains("_")) {
                // Liquibase escapes '_' in its metadata look-ups and Derby's JDBC driver takes no escape: a history
                // table with '_' in its name is never found on Derby, and re-created at every start
                throw new IllegalArgumentException("history table " + historyTable + ": no '_' (Derby)");
            }
            v1Tables = List.copyOf(v1Tables);
            if (v1Tables.isEmpty()) {
                throw new IllegalArgumentException("a migration set names the tables of its V1");
            }
        }
    }

    /**
     * What {@link #migrate} did: whether the tables EclipseLink created were adopted, how many change sets were
     * recorded (run, or adopted), and the id of the last one.
     */
    public record Outcome(Vendor vendor, boolean baselined, int migrationsRun, String version) {
    }

    private SchemaMigrator() {
    }

    /**
     * Migrates {@code set} on {@code dataSource}, reading scripts through {@code loader} (the owning bundle's class
     * loader). Blocks until done; throws if the database cannot be brought to the expected version, in which case
     * the bundle must not use its tables.
     */
    public static Outcome migrate(DataSource dataSource, ClassLoader loader, MigrationSet set) {
        // Within one JVM the bundles sharing the DataSource service migrate one after another: on Derby, DDL waits
        // behind another transaction's open reads of the catalogue, and Liquibase leaves its reads open while it
        // polls for its lock, so two bundles migrating at once can block each other until Derby's lock timeout.
        // Across nodes (PostgreSQL) each bundle's lock table serialises them.
        synchronized (dataSource) {
            return migrateNow(dataSource, loader, set);
        }
    }

    private static Outcome migrateNow(DataSource dataSource, ClassLoader loader, MigrationSet set) {
        try {
            return attempt(dataSource, loader, set);
        } catch (LiquibaseException first) {
            // Another node may have created the history or lock table between our look and its creation here;
            // the second attempt finds them and waits for the lock like any other.
            LOG.info("Schema of {}: first attempt failed ({}); looking again", set.owner(), first.getMessage());
            try {
                return attempt(dataSource, loader, set);
            } catch (LiquibaseException second) {
                second.addSuppressed(first);
                throw new IllegalStateException("Schema of " + set.owner() + ": migration failed", second);
            }
        }
    }

    private static Outcome attempt(DataSource dataSource, ClassLoader loader, MigrationSet set)
            throws LiquibaseException {
        try (Connection c = dataSource.getConnection()) {
            Vendor vendor = Vendor.of(c);
            lockNodes(c, vendor, set);
            try {
                return attemptLocked(c, loader, set, vendor);
            } finally {
                unlockNodes(c, vendor, set);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Schema of " + set.owner() + ": cannot read the database's tables", e);
        }
    }

    /**
     * Makes this node the only one migrating {@code set} on the database until {@link #unlockNodes}: on PostgreSQL
     * a session advisory lock, which the server drops with the session if the node dies. Liquibase's own lock row
     * is not enough alone: Liquibase 4.33 creates its history table before taking it (two nodes racing there, one
     * fails), and a node that fails or dies while holding it leaves it held, so every later start waits five
     * minutes and gives up. Derby is embedded in one JVM, where {@link #migrate} already serialises.
     */
    private static void lockNodes(Connection c, Vendor vendor, MigrationSet set) throws SQLException {
        if (vendor == Vendor.POSTGRESQL) {
            try (java.sql.PreparedStatement p = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                p.setString(1, "jiandu.schema." + set.historyTable());
                p.execute();
            }
        }
    }

    private static void unlockNodes(Connection c, Vendor vendor, MigrationSet set) throws SQLException {
        if (vendor == Vendor.POSTGRESQL) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            try (java.sql.PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                p.setString(1, "jiandu.schema." + set.historyTable());
                p.execute();
            }
        }
    }

    private static Outcome attemptLocked(Connection c, ClassLoader loader, MigrationSet set, Vendor vendor)
            throws LiquibaseException, SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        boolean historyExists = tableExists(md, schema, vendor, changelogTable(set));
        List<String> present = new ArrayList<>();
        for (String t : set.v1Tables()) {
            if (tableExists(md, schema, vendor, t)) {
                present.add(t);
            }
        }
        if (!historyExists && !present.isEmpty() && present.size() < set.v1Tables().size()) {
            List<String> missing = new ArrayList<>(set.v1Tables());
            missing.removeAll(present);
            throw new IllegalStateException("Schema of " + set.owner() + ": the database has " + present
                    + " but not " + missing + " and no history table " + changelogTable(set) + "; no Jiandu "
                    + "version leaves a database like this, so nothing is changed. Restore the missing tables "
                    + "from a backup, or move the present ones away, and start again.");
        }
        boolean adopt = !historyExists && !present.isEmpty();
        Map<String, Object> scope = new HashMap<>();
        // Liquibase's console output and its usage reporting have no place in a court's server
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put("liquibase.analytics.enabled", Boolean.FALSE);
        scope.put("liquibase.showBanner", Boolean.FALSE);
        scope.put("liquibase.showSummaryOutput", "LOG");
        // a node that finds another migrating looks again every 2 s, for up to 5 minutes (Liquibase's default)
        scope.put("liquibase.changelogLockPollRate", 2);
        scope.put(Scope.Attr.classLoader.name(), loader);
        Outcome[] out = new Outcome[1];
        boolean autoCommit = c.getAutoCommit();
        try {
            Scope.child(scope, () -> {
                out[0] = update(c, loader, set, vendor, adopt);
            });
        } catch (LiquibaseException | RuntimeException | SQLException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Schema of " + set.owner() + ": migration failed", e);
        } finally {
            // Liquibase leaves the connection in manual commit; what it did is committed or was rolled back
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
        return out[0];
    }

    private static Outcome update(Connection c, ClassLoader loader, MigrationSet set, Vendor vendor, boolean adopt)
            throws LiquibaseException, SQLException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        String history = vendor.stored(changelogTable(set));
        database.setDatabaseChangeLogTableName(history);
        database.setDatabaseChangeLogLockTableName(vendor.stored(changelogTable(set) + "LOCK"));
        String changelog = set.location() + "/changelog.yaml";
        // this node alone migrates (lockNodes, migrate), so what the history gains meanwhile is what it recorded
        long before = recorded(c, vendor, set);
        // not closed: closing a Liquibase closes the connection, which the caller owns
        Liquibase liquibase = new Liquibase(changelog, new ClassLoaderResourceAccessor(loader), database);
        // a held lock row is stale: it was left by a node that died
        liquibase.lockservice.DatabaseChangeLogLock[] held = liquibase.listLocks();
        if (held.length > 0) {
            LOG.warn("Schema of {}: releasing the lock left in {}LOCK by {} since {} (that node stopped while "
                    + "migrating)", set.owner(), history, held[0].getLockedBy(), held[0].getLockGranted());
            liquibase.forceReleaseLocks();
        }
        liquibase.update(new Contexts(), new LabelExpression());
        int run = (int) (recorded(c, vendor, set) - before);
        String version = last(c, vendor, set);
        if (!c.getAutoCommit()) {
            c.commit();
        }
        if (adopt) {
            LOG.info("Schema of {} ({}): tables created by EclipseLink's DDL generation adopted as change set 1 in {}; "
                    + "{} change set(s) recorded; now at {}", set.owner(), vendor.folder(), history, run, version);
        } else if (run > 0) {
            LOG.info("Schema of {} ({}): {} change set(s) run; now at {}", set.owner(), vendor.folder(), run, version);
        } else {
            LOG.debug("Schema of {}: at {}", set.owner(), version);
        }
        return new Outcome(vendor, adopt, run, version);
    }

    private static long recorded(Connection c, Vendor vendor, MigrationSet set) throws SQLException {
        if (!tableExists(c.getMetaData(), c.getSchema(), vendor, changelogTable(set))) {
            return 0;
        }
        try (java.sql.Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + vendor.stored(changelogTable(set)))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String last(Connection c, Vendor vendor, MigrationSet set) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID FROM "
                + vendor.stored(changelogTable(set)) + " ORDER BY ORDEREXECUTED DESC")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    /** The bundle's Liquibase history table ({@code JDLEDGERCHANGELOG}); its lock table adds {@code LOCK}. */
    static String changelogTable(MigrationSet set) {
        return set.historyTable();
    }

    private static boolean tableExists(DatabaseMetaData md, String schema, Vendor vendor, String table)
            throws SQLException {
        String stored = vendor.stored(table);
        try (ResultSet rs = md.getTables(null, schema, stored, new String[] {"TABLE"})) {
            if (rs.next()) {
                return true;
            }
        }
        // a table created with a quoted upper-case name on PostgreSQL (EclipseLink never quotes; a hand-made table
        // might be)
        if (vendor == Vendor.POSTGRESQL) {
            try (ResultSet rs = md.getTables(null, schema, table, new String[] {"TABLE"})) {
                return rs.next();
            }
        }
        return false;
    }
}
