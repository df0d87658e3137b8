package org.jiandu.schema.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jiandu.schema.internal.SchemaMigrator;
import org.jiandu.schema.internal.SchemaMigrator.MigrationSet;
import org.jiandu.schema.internal.SchemaMigrator.Outcome;

/**
 * The checks every bundle that owns tables runs on its migration set, on a database its test provides (Derby in
 * memory; PostgreSQL where the test has one). Each throws {@link AssertionError} with what differs.
 */
public final class SchemaChecks {
    private static final AtomicInteger ROWS = new AtomicInteger();

    private SchemaChecks() {
    }

    /**
     * On two empty databases: the one migrated has exactly the tables, columns, keys and indexes that EclipseLink's
     * DDL generation creates for {@code unit}.
     */
    public static void migrationEqualsEclipseLink(String unit, MigrationSet set, ClassLoader loader,
            DataSource migrated, DataSource generated, String... prefixes) throws SQLException {
        migrationEqualsEclipseLink(unit, set, loader, migrated, generated, java.util.Set.of(), prefixes);
    }

    /**
     * As {@link #migrationEqualsEclipseLink(String, MigrationSet, ClassLoader, DataSource, DataSource, String...)},
     * for a bundle that also keeps tables it reads and writes with plain JDBC, which EclipseLink does not know: they
     * must exist after the migration and are left out of the comparison.
     */
    public static void migrationEqualsEclipseLink(String unit, MigrationSet set, ClassLoader loader,
            DataSource migrated, DataSource generated, java.util.Set<String> jdbcTables, String... prefixes)
            throws SQLException {
        Outcome o = SchemaMigrator.migrate(migrated, loader, set);
        if (o.baselined() || o.migrationsRun() < 1) {
            throw new AssertionError("an empty database was not migrated from the start: " + o);
        }
        SchemaSnapshot.createWithEclipseLink(unit, generated);
        Map<String, List<String>> expected = SchemaSnapshot.of(generated, prefixes);
        Map<String, List<String>> actual = SchemaSnapshot.of(migrated, prefixes);
        actual.remove(set.historyTable());
        actual.remove(set.historyTable() + "LOCK");
        for (String table : jdbcTables) {
            if (actual.remove(table) == null) {
                throw new AssertionError("the migrations did not create " + table + ", which the bundle's JDBC code uses");
            }
        }
        if (expected.isEmpty() || !expected.equals(actual)) {
            throw new AssertionError("migrated schema differs from EclipseLink's\n expected " + expected
                    + "\n actual   " + actual);
        }
    }

    /**
     * A database whose tables EclipseLink created before migrations existed, with a row in each: migrating adopts it
     * (nothing recreated), keeps every row and those tables as they were, applies the later change sets as on a new
     * database (which may add columns to them), and a second migration changes nothing. The old database is made by change set 1's script, which is
     * EclipseLink 2.7.15's generated DDL of that release copied verbatim (while the entities were unchanged,
     * {@link #migrationEqualsEclipseLink} proved the two equal); today's entities may have moved on since.
     */
    public static void eclipseLinkDatabaseIsAdoptedWithItsRows(String unit, MigrationSet set, ClassLoader loader,
            DataSource db, String... prefixes) throws SQLException {
        SchemaSnapshot.runScript(db, loader, set.location() + "/" + SchemaSnapshot.dialect(db)
                + "/V1__tables_as_eclipselink_created_them.sql");
        Map<String, List<String>> before = SchemaSnapshot.of(db, prefixes);
        for (String table : before.keySet()) {
            insertRow(db, table);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : before.keySet()) {
            counts.put(table, SchemaSnapshot.count(db, table));
        }
        Outcome o = SchemaMigrator.migrate(db, loader, set);
        if (!o.baselined()) {
            throw new AssertionError("tables created by EclipseLink were not adopted: " + o);
        }
        Map<String, List<String>> after = SchemaSnapshot.of(db, prefixes);
        after.remove(set.historyTable());
        after.remove(set.historyTable() + "LOCK");
        // a table a later change set dropped (its entity is gone: migrationEqualsEclipseLink checks the end state)
        // has no rows to keep; every other table keeps its rows and its columns
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                continue;
            }
            long now = SchemaSnapshot.count(db, e.getKey());
            if (now != e.getValue()) {
                throw new AssertionError(e.getKey() + ": " + e.getValue() + " rows before, " + now + " after");
            }
        }
        Map<String, List<String>> kept = new java.util.TreeMap<>(before);
        kept.keySet().retainAll(after.keySet());
        after.keySet().retainAll(before.keySet());
        // every column (and index) of an adopted table is still there as it was; a later change set may add some
        for (Map.Entry<String, List<String>> t : kept.entrySet()) {
            if (!after.get(t.getKey()).containsAll(t.getValue())) {
                throw new AssertionError("adopting changed the schema of " + t.getKey() + "\n before " + t.getValue()
                        + "\n after  " + after.get(t.getKey()));
            }
        }
        Outcome again = SchemaMigrator.migrate(db, loader, set);
        if (again.migrationsRun() != 0) {
            throw new AssertionError("a second migration ran change sets: " + again);
        }
    }

    /**
     * {@code nodes} "nodes" (each with a DataSource of its own, as separate Karaf nodes have) migrate one empty
     * database at the same moment: every change set runs once, and every node ends at the same version.
     */
    public static void nodesStartingAtOnceMigrateOnce(MigrationSet set, ClassLoader loader,
            Supplier<DataSource> node, int nodes) throws Exception {
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                DataSource ds = node.get();
                Callable<Outcome> c = () -> {
                    start.await(60, TimeUnit.SECONDS);
                    return SchemaMigrator.migrate(ds, loader, set);
                };
                futures.add(pool.submit(c));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get(600, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        int run = outcomes.stream().mapToInt(Outcome::migrationsRun).sum();
        long versions = outcomes.stream().map(Outcome::version).distinct().count();
        int executed;
        try (Connection c = node.get().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + set.historyTable())) {
            rs.next();
            executed = rs.getInt(1);
        }
        if (run != executed || versions != 1 || executed < 1) {
            throw new AssertionError("change sets recorded " + executed + ", reported run by the nodes " + run
                    + ", outcomes " + outcomes);
        }
    }

    /** One row with a value in every column, from the column types (enough for "no row is lost"). */
    static void insertRow(DataSource db, String table) throws SQLException {
        int n = ROWS.incrementAndGet();
        try (Connection c = db.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String stored = table;
            List<String> names = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            for (String candidate : List.of(table, table.toLowerCase(java.util.Locale.ROOT))) {
                try (ResultSet rs = md.getColumns(null, c.getSchema(), candidate, "%")) {
                    while (rs.next()) {
                        if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                            continue;
                        }
                        stored = candidate;
                        names.add(rs.getString("COLUMN_NAME"));
                        types.add(rs.getInt("DATA_TYPE"));
                        sizes.add(rs.getInt("COLUMN_SIZE"));
                    }
                }
                if (!names.isEmpty()) {
                    break;
                }
            }
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(stored).append(" (")
                    .append(String.join(", ", names)).append(") VALUES (");
            sql.append("?, ".repeat(names.size()));
            sql.setLength(sql.length() - 2);
            sql.append(")");
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < names.size(); i++) {
                    int col = i + 1;
                    switch (types.get(i)) {
                        case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB -> {
                            String v = "r" + n;
                            p.setString(col, v.length() > sizes.get(i) ? v.substring(0, sizes.get(i)) : v);
                        }
                        case Types.BIGINT -> p.setLong(col, 1_000_000L + n);
                        case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> p.setInt(col, n % 100);
                        case Types.DECIMAL, Types.NUMERIC -> p.setBigDecimal(col, java.math.BigDecimal.valueOf(n));
                        case Types.DATE -> p.setDate(col, java.sql.Date.valueOf("2025-01-02"));
                        case Types.BOOLEAN, Types.BIT -> p.setBoolean(col, true);
                        case Types.TIMESTAMP -> p.setTimestamp(col, new java.sql.Timestamp(0));
                        case Types.DOUBLE, Types.FLOAT, Types.REAL -> p.setDouble(col, n);
                        default -> throw new AssertionError("no test value for " + table + "." + names.get(i)
                                + " of JDBC type " + types.get(i));
                    }
                }
                p.executeUpdate();
            }
        }
    }
}
