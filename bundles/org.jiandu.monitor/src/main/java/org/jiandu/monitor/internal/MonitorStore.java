package org.jiandu.monitor.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;

import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.query.CourtScope;
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

    /**
     * Alerts of a query service's request: the courts of {@code scope}, the other filters ({@code null}: any),
     * after the position ({@code afterRaisedAt}, {@code afterId}) in the order asked for — newest first for a page,
     * oldest first for a feed — at most {@code limit}.
     */
    record ScopedAlerts(CourtScope scope, String caseNumber, AlertLevel level, Boolean acknowledged, String ruleId,
            Long raisedFrom, Long raisedBefore, Long afterRaisedAt, Long afterId, boolean ascending, int limit) {
    }

    List<AlertEntity> alerts(ScopedAlerts f) {
        if (f.scope().none()) {
            return List.of();
        }
        StringBuilder q = new StringBuilder("SELECT a FROM AlertEntity a WHERE 1 = 1");
        Map<String, Object> p = new HashMap<>();
        scope(q, p, "a", f.scope());
        if (f.caseNumber() != null) {
            q.append(" AND a.caseNumber = :cn");
            p.put("cn", f.caseNumber());
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
        if (f.raisedFrom() != null) {
            q.append(" AND a.raisedAt >= :from");
            p.put("from", f.raisedFrom());
        }
        if (f.raisedBefore() != null) {
            q.append(" AND a.raisedAt < :to");
            p.put("to", f.raisedBefore());
        }
        if (f.afterRaisedAt() != null) {
            q.append(f.ascending() ? " AND (a.raisedAt > :br OR (a.raisedAt = :br AND a.id > :bid))"
                    : " AND (a.raisedAt < :br OR (a.raisedAt = :br AND a.id < :bid))");
            p.put("br", f.afterRaisedAt());
            p.put("bid", f.afterId());
        }
        q.append(f.ascending() ? " ORDER BY a.raisedAt, a.id" : " ORDER BY a.raisedAt DESC, a.id DESC");
        EntityManager em = emf.createEntityManager();
        try {
            TypedQuery<AlertEntity> query = em.createQuery(q.toString(), AlertEntity.class);
            p.forEach(query::setParameter);
            return query.setMaxResults(f.limit()).getResultList();
        } finally {
            em.close();
        }
    }

    /**
     * Findings of a query service's request: the courts of {@code scope}, one case, the rules of one kind
     * ({@code ruleIds}, {@code null}: any; {@code ruleErrors}: only rule errors, or none of them, or {@code null}:
     * both), after {@code afterId} in id order (descending for a page), at most {@code limit}.
     */
    record ScopedFindings(CourtScope scope, String caseNumber, List<String> ruleIds, Boolean ruleErrors,
            Long afterId, boolean ascending, int limit) {
    }

    List<FindingEntity> findings(ScopedFindings f) {
        if (f.scope().none() || f.ruleIds() != null && f.ruleIds().isEmpty()) {
            return List.of();
        }
        StringBuilder q = new StringBuilder("SELECT f FROM FindingEntity f WHERE 1 = 1");
        Map<String, Object> p = new HashMap<>();
        scope(q, p, "f", f.scope());
        if (f.caseNumber() != null) {
            q.append(" AND f.caseNumber = :cn");
            p.put("cn", f.caseNumber());
        }
        if (f.ruleIds() != null) {
            q.append(" AND f.ruleId IN :rules");
            p.put("rules", f.ruleIds());
        }
        if (f.ruleErrors() != null) {
            q.append(f.ruleErrors() ? " AND f.severity = :err" : " AND f.severity <> :err");
            p.put("err", MonitorFindings.RULE_ERROR);
        }
        if (f.afterId() != null) {
            q.append(f.ascending() ? " AND f.id > :after" : " AND f.id < :after");
            p.put("after", f.afterId());
        }
        q.append(f.ascending() ? " ORDER BY f.id" : " ORDER BY f.id DESC");
        EntityManager em = emf.createEntityManager();
        try {
            TypedQuery<FindingEntity> query = em.createQuery(q.toString(), FindingEntity.class);
            p.forEach(query::setParameter);
            return query.setMaxResults(f.limit()).getResultList();
        } finally {
            em.close();
        }
    }

    /** The rule ids that have findings (few: one per rule that ever raised one). */
    List<String> findingRuleIds() {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT DISTINCT f.ruleId FROM FindingEntity f", String.class).getResultList();
        } finally {
            em.close();
        }
    }

    private static void scope(StringBuilder q, Map<String, Object> p, String alias, CourtScope scope) {
        if (scope.any()) {
            return;
        }
        List<String> or = new ArrayList<>();
        if (!scope.courts().isEmpty()) {
            or.add(alias + ".courtCode IN :courts");
            p.put("courts", new ArrayList<>(scope.courts()));
        }
        int i = 0;
        for (String province : scope.provinces()) {
            or.add(alias + ".courtCode LIKE :prov" + i);
            p.put("prov" + i, province + "%");
            i++;
        }
        q.append(" AND (").append(String.join(" OR ", or)).append(')');
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

    static String day(Long millis) {
        return millis == null ? null
                : java.time.Instant.ofEpochMilli(millis).atZone(WorkingCalendar.ZONE).toOffsetDateTime().toString();
    }
}
