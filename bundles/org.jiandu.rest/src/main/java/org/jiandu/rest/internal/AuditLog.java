package org.jiandu.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * The request audit, stored in the database ({@code JD_AUDIT}). One writer thread stores records in batches (group
 * commit). A read-only request enqueues its record and returns ({@link #record}); a request that changed something
 * waits until the batch holding its record is committed ({@link #recordDurably}), so a write that was acknowledged is
 * never missing from the audit, even after a kill -9 — concurrent writes share one commit, so the wait costs about
 * one commit, not one per request. A full queue makes requests wait (back-pressure) rather than drop records; a
 * failed write is retried, and whatever is still queued when the bundle stops is written before it goes.
 */
@Component(service = AuditLog.class)
public class AuditLog implements AuditSink {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private RestSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int BATCH = 500;

    private final EntityManagerFactory emf;
    /** How long a durable record may wait for its commit before the request is answered 503. */
    static final long DURABLE_WAIT_MILLIS = 30_000;

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(20_000);
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
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                writeAndComplete(rest);
            } catch (RuntimeException e) {
                LOG.error("{} audit records could not be written at shutdown", rest.size(), e);
                for (Pending p : rest) {
                    p.fail(e);
                }
            }
        }
    }

    /** Queues the record of a read-only (or refused) request and returns; it is stored with the next batch. */
    @Override
    public void record(AuditRecord record) {
        enqueue(new Pending(record, null));
    }

    /**
     * Stores the record of a request that changed something and returns once it is committed (with the batch the
     * writer thread is committing anyway).
     *
     * @throws AuditSink.AuditUnavailable when it is not committed within {@link #DURABLE_WAIT_MILLIS}
     */
    @Override
    public void recordDurably(AuditRecord record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            write(List.of(record));
            return;
        }
        enqueue(new Pending(record, done));
        try {
            done.get(DURABLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditSink.AuditUnavailable("interrupted while the audit record was stored", e);
        } catch (ExecutionException e) {
            throw new AuditSink.AuditUnavailable("the audit record could not be stored: " + e.getCause(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new AuditSink.AuditUnavailable("the audit record was not stored within " + DURABLE_WAIT_MILLIS
                    + " ms", e);
        }
    }

    private void enqueue(Pending pending) {
        try {
            if (!queue.offer(pending, 30, TimeUnit.SECONDS)) {
                LOG.error("Audit queue full for 30 s; writing synchronously: {}", pending.record);
                writeAndComplete(List.of(pending));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writeAndComplete(List.of(pending));
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                writeAndComplete(batch);
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

    /** Writes the batch in one transaction, then releases the requests waiting for it. */
    private void writeAndComplete(List<Pending> batch) {
        List<AuditRecord> records = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            records.add(p.record);
        }
        write(records);
        for (Pending p : batch) {
            if (p.done != null) {
                p.done.complete(null);
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

    /** A queued record; {@code done} is completed once it is committed when a request waits for it. */
    private record Pending(AuditRecord record, CompletableFuture<Void> done) {
        void fail(Throwable t) {
            if (done != null) {
                done.completeExceptionally(t);
            }
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
