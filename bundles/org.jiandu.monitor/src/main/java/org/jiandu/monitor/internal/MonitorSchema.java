package org.jiandu.monitor.internal;

import java.util.List;

import javax.sql.DataSource;

import org.jiandu.schema.internal.SchemaMigrator;
import org.jiandu.schema.internal.SchemaMigrator.MigrationSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tables of this bundle, migrated to the version this code expects when the component activates (change log
 * {@code src/main/resources/org/jiandu/monitor/db/changelog.yaml}, history {@code JDMONCHANGELOG};
 * docs/MIGRATIONS.md). Every component that reads or writes these tables references this service, so none
 * touches them before the migration is done; a migration that fails leaves this component unsatisfied and those
 * components inactive.
 */
@Component(service = MonitorSchema.class, immediate = true)
public final class MonitorSchema {
    static final MigrationSet MIGRATIONS = new MigrationSet("org.jiandu.monitor", "JDMONCHANGELOG",
            "org/jiandu/monitor/db", List.of("JD_MON_DEADLINE", "JD_MON_ALERT", "JD_MON_FINDING", "JD_MON_CASE",
                    "JD_MON_CURSOR"));

    private final SchemaMigrator.Outcome outcome;

    @Activate
    public MonitorSchema(@Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource) {
        this.outcome = SchemaMigrator.migrate(dataSource, MonitorSchema.class.getClassLoader(), MIGRATIONS);
    }

    /** The database and the version the tables are at. */
    public SchemaMigrator.Outcome outcome() {
        return outcome;
    }
}
