package org.jiandu.schema.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Empty databases for schema tests: embedded Derby in memory, and a fresh schema on the PostgreSQL server named by
 * the system property {@value #POSTGRESQL} (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}; docs/MIGRATIONS.md says how to run one), whose
 * tests run only when it is given.
 */
public final class TestDatabases {
    /** The system property naming a PostgreSQL server for the schema tests. */
    public static final String POSTGRESQL = "jiandu.test.postgresql.url";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabases() {
    }

    public static DataSource derby() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:schema-test-" + DATABASES.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** A new, empty schema on the PostgreSQL server of {@value #POSTGRESQL}; its name starts with {@code prefix}. */
    public static DataSource postgresql(String prefix) throws SQLException {
        String url = System.getProperty(POSTGRESQL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no PostgreSQL: set -D" + POSTGRESQL);
        }
        String schema = (prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT);
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl(url);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return postgresqlSchema(url, schema);
    }

    /** Another DataSource on the same PostgreSQL schema (a second node). */
    public static DataSource postgresqlSchema(String url, String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** The schema a DataSource of {@link #postgresql} works in. */
    public static String schemaOf(DataSource ds) {
        return ((PGSimpleDataSource) ds).getCurrentSchema();
    }
}
