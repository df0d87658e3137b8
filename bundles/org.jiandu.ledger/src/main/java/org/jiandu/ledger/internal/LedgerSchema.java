package org.jiandu.ledger.internal;

import java.util.List;

import javax.sql.DataSource;

import org.jiandu.schema.internal.SchemaMigrator;
import org.jiandu.schema.internal.SchemaMigrator.MigrationSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tables of this bundle, migrated to the version this code expects when the component activates (change log
 * {@code src/main/resources/org/jiandu/ledger/db/changelog.yaml}, history {@code JDLEDGERCHANGELOG};
 * docs/MIGRATIONS.md). Every component that reads or writes these tables references this service, so none
 * touches them before the migration is done; a migration that fails leaves this component unsatisfied and those
 * components inactive.
 */
@Component(service = LedgerSchema.class, immediate = true)
public final class LedgerSchema {
    static final MigrationSet MIGRATIONS = new MigrationSet("org.jiandu.ledger", "JDLEDGERCHANGELOG",
            "org/jiandu/ledger/db",
            List.of("JD_LEDGER_ENTRY", "JD_LEDGER_CASE", "JD_GUARD_CHECK", "JD_LEDGER_SEQUENCE"));

    private final SchemaMigrator.Outcome outcome;

    @Activate
    public LedgerSchema(@Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource) {
        this.outcome = SchemaMigrator.migrate(dataSource, LedgerSchema.class.getClassLoader(), MIGRATIONS);
    }

    /** The database and the version the tables are at. */
    public SchemaMigrator.Outcome outcome() {
        return outcome;
    }
}
