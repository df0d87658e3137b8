package org.jiandu.seizure.internal;

import org.jiandu.schema.testing.SchemaChecks;
import org.jiandu.schema.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The migrations of this bundle's tables (docs/MIGRATIONS.md): change set 1 creates exactly what EclipseLink's DDL
 * generation created before migrations existed, and a database EclipseLink created keeps its rows. The PostgreSQL
 * cases run when {@code -Djiandu.test.postgresql.url=…} names a server.
 */
class SeizureSchemaTest {
    private static final String UNIT = "jiandu-seizure";
    private static final String[] TABLES = {"JD_SEIZURE"};

    @Test
    void anEmptyDerbyGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, SeizureSchema.MIGRATIONS, SeizureSchema.class.getClassLoader(),
                TestDatabases.derby(), TestDatabases.derby(), TABLES);
    }

    @Test
    void aDerbyWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, SeizureSchema.MIGRATIONS, SeizureSchema.class.getClassLoader(),
                TestDatabases.derby(), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void anEmptyPostgresqlGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, SeizureSchema.MIGRATIONS, SeizureSchema.class.getClassLoader(),
                TestDatabases.postgresql("seizure"), TestDatabases.postgresql("seizure"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void aPostgresqlWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, SeizureSchema.MIGRATIONS, SeizureSchema.class.getClassLoader(),
                TestDatabases.postgresql("seizure"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void twoNodesStartingAtOnceOnOnePostgresqlMigrateOnce() throws Exception {
        String schema = TestDatabases.schemaOf(TestDatabases.postgresql("seizure"));
        String url = System.getProperty(TestDatabases.POSTGRESQL);
        SchemaChecks.nodesStartingAtOnceMigrateOnce(SeizureSchema.MIGRATIONS, SeizureSchema.class.getClassLoader(),
                () -> TestDatabases.postgresqlSchema(url, schema), 2);
    }
}
