package org.jiandu.schema.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jiandu.schema.internal.SchemaMigrator.MigrationSet;
import org.jiandu.schema.internal.SchemaMigrator.Outcome;
import org.jiandu.schema.testing.SchemaSnapshot;
import org.junit.jupiter.api.Test;

/** The migration policy on embedded Derby, with a two-version toy set and a second bundle's set in one schema. */
class SchemaMigratorTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final MigrationSet TOY = new MigrationSet("toy", "JDTOYCHANGELOG", "org/jiandu/schema/toy",
            List.of("JD_TOY_A", "JD_TOY_B"));
    private static final MigrationSet OTHER = new MigrationSet("other", "JDOTHERCHANGELOG",
            "org/jiandu/schema/other", List.of("JD_OTHER"));

    private static EmbeddedDataSource fresh() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:schema" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static Outcome migrate(EmbeddedDataSource ds, MigrationSet set) {
        return SchemaMigrator.migrate(ds, SchemaMigratorTest.class.getClassLoader(), set);
    }

    private static void sql(EmbeddedDataSource ds, String... statements) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String st : statements) {
                s.execute(st);
            }
        }
    }

    private static List<String> history(EmbeddedDataSource ds, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT ID, EXECTYPE FROM " + table + " ORDER BY ORDEREXECUTED")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void anEmptyDatabaseGetsEveryVersion() throws SQLException {
        EmbeddedDataSource ds = fresh();
        Outcome o = migrate(ds, TOY);
        assertEquals(SchemaMigrator.Vendor.DERBY, o.vendor());
        assertFalse(o.baselined());
        assertEquals(2, o.migrationsRun());
        assertEquals("2", o.version());
        assertEquals(List.of("1 EXECUTED", "2 EXECUTED"), history(ds, "JDTOYCHANGELOG"));
        sql(ds, "INSERT INTO JD_TOY_A (ID, NAME, NOTE) VALUES (1, 'a', 'n')");
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        EmbeddedDataSource ds = fresh();
        migrate(ds, TOY);
        Outcome again = migrate(ds, TOY);
        assertEquals(0, again.migrationsRun());
        assertEquals("2", again.version());
        assertEquals(2, history(ds, "JDTOYCHANGELOG").size());
    }

    @Test
    void aBundleInstalledLaterStartsAtItsOwnFirstVersionInASchemaThatIsNotEmpty() throws SQLException {
        EmbeddedDataSource ds = fresh();
        migrate(ds, OTHER);
        Outcome toy = migrate(ds, TOY);
        assertFalse(toy.baselined());
        assertEquals(2, toy.migrationsRun());
        assertEquals(List.of("1 EXECUTED", "2 EXECUTED"), history(ds, "JDTOYCHANGELOG"));
        assertEquals(List.of("1 EXECUTED"), history(ds, "JDOTHERCHANGELOG"));
    }

    @Test
    void tablesCreatedBeforeMigrationsAreAdoptedAsVersionOneWithTheirRows() throws SQLException {
        EmbeddedDataSource ds = fresh();
        sql(ds, "CREATE TABLE JD_TOY_A (ID BIGINT NOT NULL, NAME VARCHAR(40), PRIMARY KEY (ID))",
                "CREATE TABLE JD_TOY_B (ID BIGINT NOT NULL, PRIMARY KEY (ID))",
                "INSERT INTO JD_TOY_A (ID, NAME) VALUES (1, 'kept'), (2, 'kept too')");
        Outcome o = migrate(ds, TOY);
        assertTrue(o.baselined());
        assertEquals(2, o.migrationsRun(), "change set 1 recorded without running, 2 run");
        assertEquals(List.of("1 MARK_RAN", "2 EXECUTED"), history(ds, "JDTOYCHANGELOG"));
        assertEquals(2, SchemaSnapshot.count(ds, "JD_TOY_A"));
        sql(ds, "UPDATE JD_TOY_A SET NOTE = 'V2 added me' WHERE ID = 1");
    }

    @Test
    void aDatabaseWithOnlySomeOfTheFirstVersionsTablesIsRefusedUntouched() throws SQLException {
        EmbeddedDataSource ds = fresh();
        sql(ds, "CREATE TABLE JD_TOY_A (ID BIGINT NOT NULL, NAME VARCHAR(40), PRIMARY KEY (ID))");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> migrate(ds, TOY));
        assertTrue(e.getMessage().contains("[JD_TOY_B]"), e.getMessage());
        assertTrue(SchemaSnapshot.of(ds, "JDTOYCHANGELOG").isEmpty(), "no history table was created");
    }

    /** Bundles of one Karaf migrating at once share the DataSource service; Derby has only such "nodes". */
    @Test
    void migrationsStartingAtOnceOnOneDataSourceRunEachChangeSetOnce() throws Exception {
        EmbeddedDataSource ds = fresh();
        migrate(ds, OTHER);
        int nodes = 3;
        CyclicBarrier start = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Outcome>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Callable<Outcome> node = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return migrate(ds, TOY);
                };
                results.add(pool.submit(node));
            }
            int run = 0;
            for (Future<Outcome> f : results) {
                Outcome o = f.get(120, TimeUnit.SECONDS);
                assertEquals("2", o.version());
                run += o.migrationsRun();
            }
            assertEquals(2, run, "change sets 1 and 2 ran once in all");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("1 EXECUTED", "2 EXECUTED"), history(ds, "JDTOYCHANGELOG"));
    }
}
