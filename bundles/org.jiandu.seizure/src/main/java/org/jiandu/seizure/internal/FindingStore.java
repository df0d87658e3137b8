package org.jiandu.seizure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.query.CourtScope;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stores findings exactly once (unique key case + kind + key), one EntityManager and transaction per call. */
@Component(service = FindingStore.class)
public final class FindingStore {
    private static final int CHUNK = 500;
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private SeizureSchema schema;

    private final EntityManagerFactory emf;

    @Activate
    public FindingStore(@Reference(target = "(osgi.unit.name=jiandu-seizure)") EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** Stores the finding; answers its id, or empty when one with the same case, kind and key already exists. */
    Optional<Long> raise(FindingEntity finding) {
        if (exists(finding)) {
            return Optional.empty();
        }
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(finding);
            em.getTransaction().commit();
            return Optional.of(finding.getId());
        } catch (PersistenceException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            if (exists(finding)) {
                // another node or thread raised the same finding first: the unique key did its job
                return Optional.empty();
            }
            throw e;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /**
     * Findings in id order (ascending for a feed, descending for a page) after {@code afterId}, of one case and one
     * kind ({@code null}: any), whose case's court {@code scope} covers, at most {@code limit}. The table keeps no
     * court column, so rows are read in chunks and the court taken from the case number.
     */
    List<FindingEntity> scoped(CourtScope scope, String caseNumber, String kind, Long afterId, boolean ascending,
            int limit) {
        List<FindingEntity> out = new ArrayList<>();
        if (scope.none()) {
            return out;
        }
        Long after = afterId;
        EntityManager em = emf.createEntityManager();
        try {
            while (out.size() < limit) {
                StringBuilder q = new StringBuilder("SELECT f FROM FindingEntity f WHERE 1 = 1");
                if (caseNumber != null) {
                    q.append(" AND f.caseNumber = :cn");
                }
                if (kind != null) {
                    q.append(" AND f.kind = :kind");
                }
                if (after != null) {
                    q.append(ascending ? " AND f.id > :after" : " AND f.id < :after");
                }
                q.append(ascending ? " ORDER BY f.id" : " ORDER BY f.id DESC");
                TypedQuery<FindingEntity> query = em.createQuery(q.toString(), FindingEntity.class);
                if (caseNumber != null) {
                    query.setParameter("cn", caseNumber);
                }
                if (kind != null) {
                    query.setParameter("kind", kind);
                }
                if (after != null) {
                    query.setParameter("after", after);
                }
                List<FindingEntity> chunk = query.setMaxResults(CHUNK).getResultList();
                for (FindingEntity f : chunk) {
                    if (out.size() < limit && scope.covers(CaseNumber.parse(f.getCaseNumber()).courtCode())) {
                        out.add(f);
                    }
                }
                if (chunk.size() < CHUNK) {
                    break;
                }
                after = chunk.get(chunk.size() - 1).getId();
            }
            return out;
        } finally {
            em.close();
        }
    }

    private boolean exists(FindingEntity f) {
        EntityManager em = emf.createEntityManager();
        try {
            return !em.createQuery("SELECT f.id FROM FindingEntity f WHERE f.caseNumber = :cn AND f.kind = :k"
                    + " AND f.findingKey = :key", Long.class).setParameter("cn", f.getCaseNumber())
                    .setParameter("k", f.getKind()).setParameter("key", f.getFindingKey()).setMaxResults(1)
                    .getResultList().isEmpty();
        } finally {
            em.close();
        }
    }
}
