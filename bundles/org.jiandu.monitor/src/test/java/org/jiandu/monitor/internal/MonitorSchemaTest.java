package org.jiandu.monitor.internal;

import org.jiandu.schema.testing.SchemaChecks;
import org.jiandu.schema.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The migrations of this bundle's tables (docs/MIGRATIONS.md): change set 1 creates exactly what EclipseLink's DDL
 * generation created before migrations existed, and a database EclipseLink created keeps its rows. The PostgreSQL
 * cases run when {@code -Djiandu.test.postgresql.url=…} names a server.
 */
class MonitorSchemaTest {
    private static final String UNIT = "jiandu-monitor";
    private static final String[] TABLES = {"JD_MON"};

    @Test
    void anEmptyDerbyGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, MonitorSchema.MIGRATIONS, MonitorSchema.class.getClassLoader(),
                TestDatabases.derby(), TestDatabases.derby(), TABLES);
    }

    @Test
    void aDerbyWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, MonitorSchema.MIGRATIONS, MonitorSchema.class.getClassLoader(),
                TestDatabases.derby(), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void anEmptyPostgresqlGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, MonitorSchema.MIGRATIONS, MonitorSchema.class.getClassLoader(),
                TestDatabases.postgresql("monitor"), TestDatabases.postgresql("monitor"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void aPostgresqlWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, MonitorSchema.MIGRATIONS, MonitorSchema.class.getClassLoader(),
                TestDatabases.postgresql("monitor"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void twoNodesStartingAtOnceOnOnePostgresqlMigrateOnce() throws Exception {
        String schema = TestDatabases.schemaOf(TestDatabases.postgresql("monitor"));
        String url = System.getProperty(TestDatabases.POSTGRESQL);
        SchemaChecks.nodesStartingAtOnceMigrateOnce(MonitorSchema.MIGRATIONS, MonitorSchema.class.getClassLoader(),
                () -> TestDatabases.postgresqlSchema(url, schema), 2);
    }
}
