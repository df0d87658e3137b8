package org.jiandu.schema.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

/**
 * For the unit tests of bundles that own tables (not embedded in any bundle): what a database's tables look like
 * through JDBC metadata, comparable between two databases, and the schema as EclipseLink's DDL generation created
 * it before migrations existed.
 *
 * <p>Names the database makes up itself (Derby's {@code SQL…} names of the indexes behind primary keys and unique
 * constraints) are left out; the columns those indexes cover are kept.
 */
public final class SchemaSnapshot {
    private SchemaSnapshot() {
    }

    /**
     * Creates {@code unit}'s tables on {@code dataSource} the way every Jiandu installation did before migrations:
     * EclipseLink's {@code create-or-extend-tables}, written to the database, when the unit is first used.
     */
    public static void createWithEclipseLink(String unit, DataSource dataSource) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        props.put("eclipselink.ddl-generation", "create-or-extend-tables");
        props.put("eclipselink.ddl-generation.output-mode", "database");
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(unit, props);
        try {
            emf.createEntityManager().close();
        } finally {
            emf.close();
        }
    }

    /**
     * The tables of the connection's schema whose name starts with one of {@code prefixes} (case-insensitive), and
     * for each its columns (type, size, digits, nullability, default, identity), primary key and indexes, as
     * sorted text lines.
     */
    public static Map<String, List<String>> of(DataSource dataSource, String... prefixes) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    String upper = t.toUpperCase(Locale.ROOT);
                    for (String p : prefixes) {
                        if (upper.startsWith(p.toUpperCase(Locale.ROOT))) {
                            tables.add(t);
                            break;
                        }
                    }
                }
            }
            for (String t : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = md.getColumns(null, schema, t, "%")) {
                    while (rs.next()) {
                        lines.add("column " + rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + " "
                                + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + ","
                                + rs.getInt("DECIMAL_DIGITS") + ") "
                                + (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls ? "NOT NULL" : "NULL")
                                + " default=" + rs.getString("COLUMN_DEF") + " identity="
                                + rs.getString("IS_AUTOINCREMENT"));
                    }
                }
                TreeMap<Integer, String> pk = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(null, schema, t)) {
                    while (rs.next()) {
                        pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                    }
                }
                lines.add("primary key " + pk.values());
                Map<String, TreeMap<Integer, String>> indexes = new TreeMap<>();
                Map<String, Boolean> unique = new HashMap<>();
                try (ResultSet rs = md.getIndexInfo(null, schema, t, false, false)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        if (name == null) {
                            continue;
                        }
                        indexes.computeIfAbsent(name, k -> new TreeMap<>()).put((int) rs.getShort("ORDINAL_POSITION"),
                                rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                        unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                    }
                }
                TreeSet<String> indexLines = new TreeSet<>();
                for (Map.Entry<String, TreeMap<Integer, String>> e : indexes.entrySet()) {
                    String name = e.getKey().toUpperCase(Locale.ROOT);
                    boolean generated = name.startsWith("SQL") || name.endsWith("_PKEY");
                    indexLines.add((unique.get(e.getKey()) ? "unique index " : "index ")
                            + (generated ? "" : name + " ") + e.getValue().values());
                }
                lines.addAll(indexLines);
                lines.sort(null);
                out.put(t.toUpperCase(Locale.ROOT), lines);
            }
        }
        return out;
    }

    /** The rows of {@code table}, for "no data lost" checks. */
    /** {@code derby} or {@code postgresql}: the folder of a change log's scripts for this database. */
    public static String dialect(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                    ? "postgresql" : "derby";
        }
    }

    /** Runs the statements of a migration script ({@code ;}-terminated, {@code --} comment lines) from the class path. */
    public static void runScript(DataSource dataSource, ClassLoader loader, String resource)
            throws SQLException {
        String text;
        try (java.io.InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no script " + resource);
            }
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement.strip());
                }
            }
        }
    }

    public static long count(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
