package org.jiandu.credit.internal;

import java.util.List;

import javax.sql.DataSource;

import org.jiandu.schema.internal.SchemaMigrator;
import org.jiandu.schema.internal.SchemaMigrator.MigrationSet;
import org.jiandu.schema.internal.SchemaService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The tables of this bundle, migrated to the version this code expects when the component activates (change log
 * {@code src/main/resources/org/jiandu/credit/db/changelog.yaml}, history {@code JDCREDITCHANGELOG};
 * docs/MIGRATIONS.md). Every component that reads or writes these tables references this service, so none
 * touches them before the migration is done; a migration that fails leaves this component unsatisfied and those
 * components inactive.
 */
// registered as a service by SchemaService once the tables are migrated, not by DS
@Component(service = {}, immediate = true)
public final class CreditSchema {
    static final MigrationSet MIGRATIONS = new MigrationSet("org.jiandu.credit", "JDCREDITCHANGELOG",
            "org/jiandu/credit/db", List.of("JD_CREDIT_MEASURE", "JD_CREDIT_FINDING"));

    private final SchemaService.Handle handle;
    private volatile SchemaMigrator.Outcome outcome;

    @Activate
    public CreditSchema(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource) {
        this.handle = SchemaService.start(context, CreditSchema.class, this, dataSource, MIGRATIONS,
                CreditSchema.class.getClassLoader(), o -> outcome = o);
    }

    /** Migrates on the caller's thread (unit tests). */
    CreditSchema(DataSource dataSource) {
        this.handle = null;
        this.outcome = SchemaMigrator.migrate(dataSource, CreditSchema.class.getClassLoader(), MIGRATIONS);
    }

    @Deactivate
    void deactivate() {
        if (handle != null) {
            handle.close();
        }
    }

    /** The database and the version the tables are at (null while the migration runs). */
    public SchemaMigrator.Outcome outcome() {
        return outcome;
    }
}
