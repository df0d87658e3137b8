package org.jiandu.ledger.internal;

import javax.persistence.EntityManager;

/** Keeps {@link CaseSummaryEntity} rows in step with the entries, inside the appending transaction. */
final class CaseSummaries {
    private CaseSummaries() {
    }

    /**
     * The summary of the case an entry at {@code seq} is being appended to, for the append to fold that entry into:
     * found, or created and brought up to the entries before {@code seq} (a case recorded before summaries existed).
     * The caller holds the case head's lock.
     */
    static CaseSummaryEntity forAppend(EntityManager em, String caseNumber, String courtCode, long seq) {
        CaseSummaryEntity s = em.find(CaseSummaryEntity.class, caseNumber);
        if (s == null) {
            s = new CaseSummaryEntity(caseNumber, courtCode);
            if (seq > 1) {
                replay(em, s, seq);
            }
            em.persist(s);
        }
        return s;
    }

    /** Folds the case's entries before {@code beforeSeq} into {@code s}, in order. */
    static void replay(EntityManager em, CaseSummaryEntity s, long beforeSeq) {
        em.createQuery("SELECT e FROM EntryEntity e WHERE e.caseNumber = :cn AND e.seq < :seq ORDER BY e.seq",
                EntryEntity.class).setParameter("cn", s.getCaseNumber()).setParameter("seq", beforeSeq)
                .getResultList().forEach(s::apply);
    }
}
