package org.jiandu.ledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.query.Batch;
import org.jiandu.api.query.CaseFilter;
import org.jiandu.api.query.CaseSearch;
import org.jiandu.api.query.CaseSummary;
import org.jiandu.api.query.CourtScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The case search ({@link CaseSearch}) over {@code JD_LEDGER_CASE_SUMMARY}, one row per case kept by every append.
 * At activation it builds the rows of cases recorded before the table existed (each under its head's lock, as an
 * append would), so that the search never misses a case. A case's position is its case number.
 */
@Component(service = CaseSearch.class)
public class LedgerCaseSearch implements CaseSearch {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private LedgerSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCaseSearch.class);
    private final EntityManagerFactory emf;

    @Activate
    public LedgerCaseSearch(@Reference(target = "(osgi.unit.name=jiandu-ledger)") EntityManagerFactory emf) {
        this.emf = emf;
        int built = backfill();
        if (built > 0) {
            LOG.info("Case search: summaries built for {} cases recorded before the summary table existed", built);
        }
    }

    /** Builds the summary of every case that has none; answers how many were built. */
    int backfill() {
        int built = 0;
        while (true) {
            List<String> missing;
            EntityManager em = emf.createEntityManager();
            try {
                missing = em.createQuery("SELECT h.caseNumber FROM CaseHeadEntity h WHERE h.entryCount > 0 AND "
                        + "NOT EXISTS (SELECT s.caseNumber FROM CaseSummaryEntity s WHERE s.caseNumber = h.caseNumber)"
                        + " ORDER BY h.caseNumber", String.class).setMaxResults(200).getResultList();
            } finally {
                em.close();
            }
            if (missing.isEmpty()) {
                return built;
            }
            for (String cn : missing) {
                em = emf.createEntityManager();
                try {
                    em.getTransaction().begin();
                    CaseHeadEntity head = em.find(CaseHeadEntity.class, cn, LockModeType.PESSIMISTIC_WRITE);
                    if (em.find(CaseSummaryEntity.class, cn) == null) {
                        CaseSummaryEntity s = new CaseSummaryEntity(cn, head.getCourtCode());
                        CaseSummaries.replay(em, s, Long.MAX_VALUE);
                        em.persist(s);
                        built++;
                    }
                    em.getTransaction().commit();
                } finally {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                    em.close();
                }
            }
        }
    }

    @Override
    public Batch<CaseSummary> search(CaseFilter f) {
        if (f.courts().none()) {
            return Batch.empty();
        }
        StringBuilder q = new StringBuilder("SELECT s FROM CaseSummaryEntity s WHERE 1 = 1");
        Map<String, Object> p = new HashMap<>();
        CourtScope scope = f.courts();
        if (!scope.any()) {
            List<String> or = new ArrayList<>();
            if (!scope.courts().isEmpty()) {
                or.add("s.courtCode IN :courts");
                p.put("courts", new ArrayList<>(scope.courts()));
            }
            int i = 0;
            for (String province : scope.provinces()) {
                or.add("s.courtCode LIKE :prov" + i);
                p.put("prov" + i, province + "%");
                i++;
            }
            q.append(" AND (").append(String.join(" OR ", or)).append(')');
        }
        if (f.filedFrom() != null) {
            q.append(" AND s.filedOn >= :ff");
            p.put("ff", f.filedFrom());
        }
        if (f.filedTo() != null) {
            q.append(" AND s.filedOn <= :ft");
            p.put("ft", f.filedTo());
        }
        if (f.status() != null) {
            q.append(" AND s.status = :st");
            p.put("st", f.status().code());
        }
        for (CaseSummary.Flag flag : f.flags()) {
            q.append(switch (flag) {
                case CORRECTED -> " AND s.corrected = TRUE";
                case PERIOD_RUNNING -> " AND s.openPeriods > 0";
                case PROPERTY_CONTROLLED -> " AND s.propertyControlled = TRUE";
                case MONEY_RECEIVED -> " AND s.moneyReceived = TRUE";
                case PETITION -> " AND s.petition = TRUE";
            });
        }
        if (f.cursor() != null) {
            q.append(" AND s.caseNumber > :after");
            p.put("after", f.cursor());
        }
        q.append(" ORDER BY s.caseNumber");
        EntityManager em = emf.createEntityManager();
        try {
            TypedQuery<CaseSummaryEntity> query = em.createQuery(q.toString(), CaseSummaryEntity.class);
            p.forEach(query::setParameter);
            List<CaseSummaryEntity> rows = query.setMaxResults(f.limit() + 1).getResultList();
            boolean more = rows.size() > f.limit();
            List<CaseSummaryEntity> kept = more ? rows.subList(0, f.limit()) : rows;
            return new Batch<>(kept.stream().map(CaseSummaryEntity::toSummary).toList(),
                    kept.stream().map(CaseSummaryEntity::getCaseNumber).toList(), more);
        } finally {
            em.close();
        }
    }

    @Override
    public Optional<CaseSummary> find(CaseNumber caseNumber) {
        EntityManager em = emf.createEntityManager();
        try {
            return Optional.ofNullable(em.find(CaseSummaryEntity.class, caseNumber.canonical()))
                    .map(CaseSummaryEntity::toSummary);
        } finally {
            em.close();
        }
    }
}
