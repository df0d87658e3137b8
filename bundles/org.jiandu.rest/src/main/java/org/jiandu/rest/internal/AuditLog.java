package org.jiandu.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.jiandu.api.query.CourtScope;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request audit, stored in the database ({@code JD_AUDIT}). Requests enqueue their record and return; one
 * writer thread stores them in batches, so auditing adds no database round trip to a request. A full queue makes
 * requests wait (back-pressure) rather than drop records; a failed write is retried, and whatever is still queued
 * when the bundle stops is written before it goes.
 */
@Component(service = AuditLog.class)
public class AuditLog implements AuditSink {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private RestSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;

    private final EntityManagerFactory emf;
    private final BlockingQueue<AuditRecord> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread writer;
    private volatile boolean running = true;

    @Activate
    public AuditLog(@Reference(target = "(osgi.unit.name=jiandu-rest)") EntityManagerFactory emf) {
        this.emf = emf;
        // create the tables now rather than on the first request (EclipseLink creates them lazily otherwise)
        emf.createEntityManager().close();
        this.writer = new Thread(this::drain, "jiandu-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Deactivate
    void stop() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(10_000);
        List<AuditRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                write(rest);
            } catch (RuntimeException e) {
                LOG.error("{} audit records could not be written at shutdown", rest.size(), e);
            }
        }
    }

    @Override
    public void record(AuditRecord record) {
        try {
            if (!queue.offer(record, 30, TimeUnit.SECONDS)) {
                LOG.error("Audit queue full for 30 s; writing synchronously: {}", record);
                write(List.of(record));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write(List.of(record));
        }
    }

    private void drain() {
        List<AuditRecord> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditRecord first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                if (!running) {
                    queue.addAll(batch);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("Writing {} audit records failed; retrying in 1 s", batch.size(), e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    if (!running) {
                        queue.addAll(batch);
                        return;
                    }
                }
            }
        }
    }

    private void write(List<AuditRecord> records) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            for (AuditRecord r : records) {
                em.persist(new AuditEntry(r));
            }
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** The newest records first, filtered by user and/or path prefix; at most {@code limit}. */
    /**
     * The newest records matching the filters, of the organisations {@code scope} covers (an audit record belongs to
     * the organisation of the user who made the request); records of unauthenticated requests (failed logins) only
     * with {@code anonymous}.
     */
    List<AuditEntry> search(String user, String pathPrefix, Integer status, int limit, CourtScope scope,
            boolean anonymous) {
        if (scope.none() && !anonymous) {
            return List.of();
        }
        EntityManager em = emf.createEntityManager();
        try {
            StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE 1 = 1");
            if (user != null) {
                jpql.append(" AND a.user = :user");
            }
            if (pathPrefix != null) {
                jpql.append(" AND a.path LIKE :path");
            }
            if (status != null) {
                jpql.append(" AND a.status = :status");
            }
            List<String> provinces = List.copyOf(scope.provinces());
            if (!scope.any()) {
                List<String> covered = new ArrayList<>();
                if (!scope.courts().isEmpty()) {
                    covered.add("a.organisation IN :courts");
                }
                for (int i = 0; i < provinces.size(); i++) {
                    covered.add("a.organisation LIKE :province" + i);
                }
                if (anonymous) {
                    covered.add("a.user IS NULL");
                }
                jpql.append(" AND (").append(String.join(" OR ", covered)).append(')');
            }
            if (!anonymous) {
                jpql.append(" AND a.user IS NOT NULL");
            }
            jpql.append(" ORDER BY a.id DESC");
            TypedQuery<AuditEntry> q = em.createQuery(jpql.toString(), AuditEntry.class).setMaxResults(limit);
            if (user != null) {
                q.setParameter("user", user);
            }
            if (pathPrefix != null) {
                q.setParameter("path", pathPrefix + "%");
            }
            if (status != null) {
                q.setParameter("status", status);
            }
            if (!scope.any()) {
                if (!scope.courts().isEmpty()) {
                    q.setParameter("courts", List.copyOf(scope.courts()));
                }
                for (int i = 0; i < provinces.size(); i++) {
                    q.setParameter("province" + i, provinces.get(i) + "%");
                }
            }
            return q.getResultList();
        } finally {
            em.close();
        }
    }
}
