package org.jiandu.seizure.internal;

import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stores findings exactly once (unique key case + kind + key), one EntityManager and transaction per call. */
@Component(service = FindingStore.class)
public final class FindingStore {
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

    /** The case's findings, newest first. */
    List<FindingEntity> list(String caseNumber, int limit) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT f FROM FindingEntity f WHERE f.caseNumber = :cn ORDER BY f.id DESC",
                    FindingEntity.class).setParameter("cn", caseNumber).setMaxResults(limit).getResultList();
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
