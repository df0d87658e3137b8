package org.jiandu.rest.internal;

import org.jiandu.schema.testing.SchemaChecks;
import org.jiandu.schema.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The migrations of this bundle's tables (docs/MIGRATIONS.md): change set 1 creates exactly what EclipseLink's DDL
 * generation created before migrations existed, and a database EclipseLink created keeps its rows. The PostgreSQL
 * cases run when {@code -Djiandu.test.postgresql.url=…} names a server.
 */
class RestSchemaTest {
    private static final String UNIT = "jiandu-rest";
    private static final String[] TABLES = {"JD_AUDIT", "JD_SEQUENCE", "JD_CONFIG"};

    @Test
    void anEmptyDerbyGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, RestSchema.MIGRATIONS, RestSchema.class.getClassLoader(),
                TestDatabases.derby(), TestDatabases.derby(), TABLES);
    }

    @Test
    void aDerbyWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, RestSchema.MIGRATIONS, RestSchema.class.getClassLoader(),
                TestDatabases.derby(), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void anEmptyPostgresqlGetsExactlyTheTablesEclipseLinkGenerated() throws Exception {
        SchemaChecks.migrationEqualsEclipseLink(UNIT, RestSchema.MIGRATIONS, RestSchema.class.getClassLoader(),
                TestDatabases.postgresql("rest"), TestDatabases.postgresql("rest"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void aPostgresqlWhoseTablesEclipseLinkCreatedIsAdoptedWithEveryRow() throws Exception {
        SchemaChecks.eclipseLinkDatabaseIsAdoptedWithItsRows(UNIT, RestSchema.MIGRATIONS, RestSchema.class.getClassLoader(),
                TestDatabases.postgresql("rest"), TABLES);
    }

    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void twoNodesStartingAtOnceOnOnePostgresqlMigrateOnce() throws Exception {
        String schema = TestDatabases.schemaOf(TestDatabases.postgresql("rest"));
        String url = System.getProperty(TestDatabases.POSTGRESQL);
        SchemaChecks.nodesStartingAtOnceMigrateOnce(RestSchema.MIGRATIONS, RestSchema.class.getClassLoader(),
                () -> TestDatabases.postgresqlSchema(url, schema), 2);
    }
}
