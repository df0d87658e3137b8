package org.jiandu.ledger.internal;

import org.jiandu.schema.testing.SchemaChecks;
import org.jiandu.schema.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The migrations of this bundle's tables (docs/MIGRATIONS.md): change set 1 creates exactly what EclipseLink's DDL
 * generation created before migrations existed, and a database EclipseLink created keeps its rows. The PostgreSQL
 * cases run when {@code -Djiandu.test.postgresql.url=…} names a server.
 */
class LedgerSchemaTest {
    private static final String UNIT = "jiandu-ledger";
    private static final String[] TABLES = {"JD_LEDGER", "JD_GUARD", "JD_FOLLOWER"};
    /** The Merkle tree and checkpoints, which TreeService reads and writes with plain JDBC. */
    private static final java.util.Set<String> JDBC_TABLES = java.util.Set.of("JD_LEDGER_LEAF", "JD_LEDGER_NODE",
            "JD_LEDGER_TREE", "JD_LEDGER_CHECKPOINT");

    @Test
    void anEmptyDerbyGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, LedgerSchema.MIGRATIONS, LedgerSchema.class.getClassLoader(),
                TestDatabases.derby(), TestDatabases.derby(), JDBC_TABLES, TABLES);
    }

    @Test
    void aDerbyWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, LedgerSchema.MIGRATIONS, LedgerSchema.class.getClassLoader(),
                TestDatabases.derby(), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void anEmptyPostgresqlGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, LedgerSchema.MIGRATIONS, LedgerSchema.class.getClassLoader(),
                TestDatabases.postgresql("ledger"), TestDatabases.postgresql("ledger"), JDBC_TABLES, TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void aPostgresqlWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, LedgerSchema.MIGRATIONS, LedgerSchema.class.getClassLoader(),
                TestDatabases.postgresql("ledger"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void twoNodesStartingAtOnceOnOnePostgresqlMigrateOnce() throws Exception {
        String schema = TestDatabases.schemaOf(TestDatabases.postgresql("ledger"));
        String url = System.getProperty(TestDatabases.POSTGRESQL);
        SchemaChecks.nodesStartingAtOnceMigrateOnce(LedgerSchema.MIGRATIONS, LedgerSchema.class.getClassLoader(),
                () -> TestDatabases.postgresqlSchema(url, schema), 2);
    }
}
