package org.jiandu.monitor.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.jiandu.api.calendar.WorkingCalendar;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The read side of the monitor's tables, and the one write a person makes: acknowledging an alert. One
 * EntityManager per call.
 */
@Component(service = MonitorStore.class)
public class MonitorStore {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private MonitorSchema schema;

    private final EntityManagerFactory emf;

    @Activate
    public MonitorStore(@Reference(target = "(osgi.unit.name=jiandu-monitor)") EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * Filters of the alert list; {@code null} means "any". {@code courtPrefix} restricts to courts whose code
     * starts with it (a high court's province abbreviation), {@code court} to one court.
     */
    public record AlertFilter(String court, String courtPrefix, AlertLevel level, Boolean acknowledged, String ruleId,
            LocalDate from, LocalDate to, String caseNumber, Long beforeRaisedAt, Long beforeId, int limit) {
    }

    public List<AlertEntity> alerts(AlertFilter f) {
        StringBuilder q = new StringBuilder("SELECT a FROM AlertEntity a WHERE 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (f.court() != null) {
            q.append(" AND a.courtCode = :court");
            p.put("court", f.court());
        }
        if (f.courtPrefix() != null) {
            q.append(" AND a.courtCode LIKE :prefix");
            p.put("prefix", f.courtPrefix() + "%");
        }
        if (f.level() != null) {
            q.append(" AND a.level = :level");
            p.put("level", f.level().name());
        }
        if (f.acknowledged() != null) {
            q.append(f.acknowledged() ? " AND a.acknowledgedAt IS NOT NULL" : " AND a.acknowledgedAt IS NULL");
        }
        if (f.ruleId() != null) {
            q.append(" AND a.ruleId = :rule");
            p.put("rule", f.ruleId());
        }
        if (f.caseNumber() != null) {
            q.append(" AND a.caseNumber = :cn");
            p.put("cn", f.caseNumber());
        }
        if (f.from() != null) {
            q.append(" AND a.raisedAt >= :from");
            p.put("from", Scheduler.startOf(f.from()));
        }
        if (f.to() != null) {
            q.append(" AND a.raisedAt < :to");
            p.put("to", Scheduler.startOf(f.to().plusDays(1)));
        }
        if (f.beforeRaisedAt() != null) {
            q.append(" AND (a.raisedAt < :br OR (a.raisedAt = :br AND a.id < :bid))");
            p.put("br", f.beforeRaisedAt());
            p.put("bid", f.beforeId());
        }
        q.append(" ORDER BY a.raisedAt DESC, a.id DESC");
        EntityManager em = emf.createEntityManager();
        try {
            TypedQuery<AlertEntity> query = em.createQuery(q.toString(), AlertEntity.class);
            p.forEach(query::setParameter);
            return query.setMaxResults(f.limit()).getResultList();
        } finally {
            em.close();
        }
    }

    public AlertEntity alert(long id) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(AlertEntity.class, id);
        } finally {
            em.close();
        }
    }

    /**
     * Acknowledges an alert once: answers the alert as acknowledged, or {@code null} when it does not exist; throws
     * {@link IllegalStateException} when it was acknowledged before (the first acknowledgement stands).
     */
    public AlertEntity acknowledge(long id, String user, String comment, long at) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            int n = em.createQuery("UPDATE AlertEntity a SET a.acknowledgedBy = :u, a.acknowledgedAt = :t, "
                    + "a.acknowledgementComment = :c WHERE a.id = :id AND a.acknowledgedAt IS NULL")
                    .setParameter("u", user).setParameter("t", at).setParameter("c", comment).setParameter("id", id)
                    .executeUpdate();
            em.getTransaction().commit();
            AlertEntity a = em.find(AlertEntity.class, id);
            if (a == null) {
                return null;
            }
            em.refresh(a);
            if (n == 0) {
                throw new IllegalStateException("Alert " + id + " was already acknowledged by " + a.getAcknowledgedBy()
                        + " at " + java.time.Instant.ofEpochMilli(a.getAcknowledgedAt()));
            }
            return a;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public List<DeadlineEntity> deadlines(String caseNumber) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT d FROM DeadlineEntity d WHERE d.caseNumber = :cn ORDER BY d.triggerSeq, d.id",
                    DeadlineEntity.class).setParameter("cn", caseNumber).getResultList();
        } finally {
            em.close();
        }
    }

    public List<FindingEntity> findings(String caseNumber) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT f FROM FindingEntity f WHERE f.caseNumber = :cn ORDER BY f.entrySeq, f.id",
                    FindingEntity.class).setParameter("cn", caseNumber).getResultList();
        } finally {
            em.close();
        }
    }

    /** The alerts raised on the given deadlines, by primary key (alert ids derive from deadline ids). */
    public Map<Long, List<AlertEntity>> alertsOf(List<DeadlineEntity> deadlines) {
        Map<Long, List<AlertEntity>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (DeadlineEntity d : deadlines) {
            for (AlertLevel l : AlertLevel.values()) {
                ids.add(l.alertId(d.getId()));
            }
        }
        if (ids.isEmpty()) {
            return out;
        }
        EntityManager em = emf.createEntityManager();
        try {
            for (int from = 0; from < ids.size(); from += 300) {
                for (AlertEntity a : em.createQuery("SELECT a FROM AlertEntity a WHERE a.id IN :ids ORDER BY a.id",
                        AlertEntity.class).setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 300)))
                        .getResultList()) {
                    out.computeIfAbsent(a.getDeadlineId(), k -> new ArrayList<>()).add(a);
                }
            }
            return out;
        } finally {
            em.close();
        }
    }

    /** Counts alerts of one level raised at or after {@code since} (benchmarks). */
    public long countAlerts(AlertLevel level, long since) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT COUNT(a) FROM AlertEntity a WHERE a.level = :l AND a.raisedAt >= :s",
                    Long.class).setParameter("l", level.name()).setParameter("s", since).getSingleResult();
        } finally {
            em.close();
        }
    }

    static String day(Long millis) {
        return millis == null ? null
                : java.time.Instant.ofEpochMilli(millis).atZone(WorkingCalendar.ZONE).toOffsetDateTime().toString();
    }
}
