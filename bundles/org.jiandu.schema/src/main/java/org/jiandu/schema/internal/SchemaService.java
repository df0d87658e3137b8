package org.jiandu.schema.internal;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.jiandu.schema.internal.SchemaMigrator.MigrationSet;
import org.jiandu.schema.internal.SchemaMigrator.Outcome;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrates a bundle's tables on a thread of its own and registers the bundle's schema service when they are at the
 * expected version. The components that use the tables reference that service, so they start then; the thread that
 * activated the schema component (often the one starting every bundle of a feature) is not held for the migration.
 */
public final class SchemaService {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaService.class);

    /** A migration under way or done; {@link #close} unregisters the service and stops waiting for the migration. */
    public static final class Handle implements AutoCloseable {
        private final Thread worker;
        private ServiceRegistration<?> registration;
        private boolean closed;

        private Handle(Thread worker) {
            this.worker = worker;
        }

        private synchronized void register(BundleContext context, Class<?> type, Object service) {
            if (!closed) {
                registration = context.registerService(type.getName(), service, null);
            }
        }

        @Override
        public void close() {
            ServiceRegistration<?> r;
            synchronized (this) {
                closed = true;
                r = registration;
                registration = null;
            }
            if (r != null) {
                try {
                    r.unregister();
                } catch (IllegalStateException alreadyGone) {
                    LOG.debug("schema service already unregistered", alreadyGone);
                }
            }
            try {
                worker.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private SchemaService() {
    }

    /**
     * Starts migrating {@code set}; when done, hands the outcome to {@code done} and registers {@code service} as
     * {@code type}. A failed migration is logged at ERROR and registers nothing, so the bundle's components that use
     * the tables stay inactive rather than work on tables of the wrong version.
     */
    public static <T> Handle start(BundleContext context, Class<T> type, T service, DataSource dataSource,
            MigrationSet set, ClassLoader loader, Consumer<Outcome> done) {
        Handle[] handle = new Handle[1];
        Thread worker = new Thread(() -> {
            try {
                done.accept(SchemaMigrator.migrate(dataSource, loader, set));
                handle[0].register(context, type, service);
            } catch (RuntimeException e) {
                LOG.error("Schema of {}: migration failed; the bundle's tables are not used until it succeeds "
                        + "(restart the bundle after fixing the cause; docs/MIGRATIONS.md)", set.owner(), e);
            }
        }, "jiandu-schema-" + set.owner());
        worker.setDaemon(true);
        handle[0] = new Handle(worker);
        worker.start();
        return handle[0];
    }
}
