package org.jiandu.monitor.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.ledger.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Evaluates the new entries of one case inside the caller's transaction: locks the case's monitor row, skips what
 * was evaluated before (so delivering an entry twice is harmless), asks every rule about each new entry in order,
 * and applies the answers to the case's deadlines and findings.
 *
 * <ul>
 * <li>{@code Open}: a new deadline, or — if the key is open — a new trigger (a corrected event); a closed key stays
 * closed (one key names one obligation).</li>
 * <li>{@code Close}: MET when the satisfying event occurred before the period ran out, MET_LATE otherwise (the
 * breach stays on record with the alerts already raised); a close of a key that is not open is ignored.</li>
 * <li>{@code Finding}: stored once per (case, rule, key).</li>
 * <li>An entry that changes the case's deducted periods recomputes every open deadline that stops for them.</li>
 * <li>A rule that throws is a defect of the rule: logged, recorded as a {@code RULE_ERROR} finding, the other
 * rules go on.</li>
 * </ul>
 */
final class CaseProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(CaseProcessor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The case's ledger entries 1..{@code upToSeq} (the ledger, possibly through a cache). */
    interface History {
        List<LedgerEntry> upTo(String caseNumber, long upToSeq, List<LedgerEntry> known);
    }

    /** What one pass produced that must be published after commit. */
    record Outcome(int evaluated, List<FindingEntity> findings, long ruleNanos) {
        static final Outcome NOTHING = new Outcome(0, List.of(), 0);
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final History history;
    private final java.util.function.LongConsumer ruleTime;

    /** @param ruleTime told, per evaluated entry, the nanoseconds all rules took on it */
    CaseProcessor(Scheduler scheduler, Clock clock, History history, java.util.function.LongConsumer ruleTime) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.history = history;
        this.ruleTime = ruleTime;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /**
     * Evaluates the entries of {@code caseNumber} up to the highest position in {@code known} that were not
     * evaluated yet. {@code known} are entries of that case the caller already has (any subset, any order).
     */
    Outcome process(EntityManager em, String caseNumber, List<LedgerEntry> known, Collection<DeadlineRule> rules) {
        long upTo = 0;
        for (LedgerEntry e : known) {
            upTo = Math.max(upTo, e.seq());
        }
        long now = clock.millis();
        CaseStateEntity state = em.find(CaseStateEntity.class, caseNumber, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new CaseStateEntity(caseNumber, CaseNumber.parse(caseNumber).courtCode(), now);
            em.persist(state);
            // a concurrent first evaluation of the same case fails here on the primary key, and is retried
            em.flush();
        }
        if (state.getLastSeq() >= upTo) {
            return Outcome.NOTHING;
        }
        List<LedgerEntry> entries = history.upTo(caseNumber, upTo, known);
        if (entries.size() < upTo) {
            throw new IllegalStateException("The ledger answered " + entries.size() + " entries of " + caseNumber
                    + " where " + upTo + " were expected");
        }
        long before = state.getLastSeq();
        Work work = new Work(em, state, load(em, caseNumber), now);
        long ruleNanos = 0;
        for (int i = (int) state.getLastSeq(); i < upTo; i++) {
            LedgerEntry entry = entries.get(i);
            List<LedgerEntry> upToEntry = entries.subList(0, i + 1);
            work.periods = null;
            if (CoreEventTypes.HANDLER_ASSIGNED.equals(entry.event().type())) {
                state.people(entry.event().payload().string("handler").orElse(null),
                        entry.event().payload().string("leader").orElse(null));
                for (DeadlineEntity d : work.deadlines.values()) {
                    if (d.getStatus().isOpen()) {
                        d.people(state.getHandler(), state.getLeader());
                    }
                }
            }
            long entryRuleNanos = 0;
            for (DeadlineRule rule : rules) {
                long t0 = System.nanoTime();
                List<DeadlineAction> actions;
                try {
                    actions = rule.onEntry(entry, upToEntry);
                } catch (RuntimeException e) {
                    entryRuleNanos += System.nanoTime() - t0;
                    ruleFailed(work, rule, entry, e);
                    continue;
                }
                entryRuleNanos += System.nanoTime() - t0;
                if (actions == null) {
                    continue;
                }
                for (DeadlineAction action : actions) {
                    try {
                        apply(work, rule, entry, upToEntry, action);
                    } catch (RuntimeException e) {
                        if (e instanceof javax.persistence.PersistenceException) {
                            throw e;
                        }
                        ruleFailed(work, rule, entry, e);
                    }
                }
            }
            ruleNanos += entryRuleNanos;
            ruleTime.accept(entryRuleNanos);
            if (CasePeriods.concerns(entry.event().type())) {
                for (DeadlineEntity d : work.deadlines.values()) {
                    if (d.isStopsForCasePeriods() && d.getStatus().isOpen()) {
                        scheduler.compute(d, work.periods(upToEntry));
                        d.touched(now);
                    }
                }
            }
        }
        state.advance(upTo, now);
        return new Outcome((int) (upTo - before), work.newFindings, ruleNanos);
    }

    /** State of one pass over a case. */
    private final class Work {
        final EntityManager em;
        final CaseStateEntity state;
        final Map<String, DeadlineEntity> deadlines;
        final long now;
        Set<String> findingKeys;
        final List<FindingEntity> newFindings = new ArrayList<>();
        CasePeriods periods;

        Work(EntityManager em, CaseStateEntity state, Map<String, DeadlineEntity> deadlines, long now) {
            this.em = em;
            this.state = state;
            this.deadlines = deadlines;
            this.now = now;
        }

        CasePeriods periods(List<LedgerEntry> upTo) {
            if (periods == null) {
                periods = CasePeriods.of(upTo);
            }
            return periods;
        }

        boolean newFinding(String ruleId, String key) {
            if (findingKeys == null) {
                findingKeys = new HashSet<>();
                for (Object[] row : em.createQuery("SELECT f.ruleId, f.key FROM FindingEntity f WHERE f.caseNumber = :cn",
                        Object[].class).setParameter("cn", state.getCaseNumber()).getResultList()) {
                    findingKeys.add(row[0] + "\u0000" + row[1]);
                }
            }
            return findingKeys.add(ruleId + "\u0000" + key);
        }
    }

    private static Map<String, DeadlineEntity> load(EntityManager em, String caseNumber) {
        Map<String, DeadlineEntity> out = new HashMap<>();
        for (DeadlineEntity d : em.createQuery("SELECT d FROM DeadlineEntity d WHERE d.caseNumber = :cn",
                DeadlineEntity.class).setParameter("cn", caseNumber).getResultList()) {
            out.put(d.getRuleId() + "\u0000" + d.getKey(), d);
        }
        return out;
    }

    private void apply(Work w, DeadlineRule rule, LedgerEntry entry, List<LedgerEntry> upTo, DeadlineAction action) {
        if (action.key() == null || action.key().isBlank() || action.key().length() > 200) {
            throw new IllegalArgumentException("A deadline key must be 1..200 characters, not " + action.key());
        }
        String mapKey = rule.id() + "\u0000" + action.key();
        CaseEvent ev = entry.event();
        if (action instanceof DeadlineAction.Open open) {
            DeadlineEntity d = w.deadlines.get(mapKey);
            if (d != null && !d.getStatus().isOpen()) {
                LOG.debug("{} {}: {} is closed; a new trigger does not reopen it", ev.caseNumber(), rule.id(),
                        action.key());
                return;
            }
            if (d == null) {
                d = new DeadlineEntity(w.state.getCaseNumber(), w.state.getCourtCode(), rule.id(), action.key(), w.now);
                d.people(w.state.getHandler(), w.state.getLeader());
                w.em.persist(d);
                w.deadlines.put(mapKey, d);
            }
            d.describe(cut(rule.title(), 300), cut(rule.article(), 200));
            var request = open.request();
            d.trigger(entry.seq(), ev.hostEventId(), ev.type(), request.triggerDate(),
                    request.triggerInstant() == null ? null : request.triggerInstant().toEpochMilli(),
                    request.amount(), request.unit().name(), open.stopsForCasePeriods(),
                    Scheduler.formatDeducted(request.deducted()));
            scheduler.compute(d, open.stopsForCasePeriods() ? w.periods(upTo) : CasePeriods.NONE);
            d.touched(w.now);
        } else if (action instanceof DeadlineAction.Close) {
            DeadlineEntity d = w.deadlines.get(mapKey);
            if (d == null || !d.getStatus().isOpen()) {
                return;
            }
            long occurred = ev.occurredAt().toInstant().toEpochMilli();
            boolean late = d.getStatus() == DeadlineStatus.OPEN && d.getExpiresAt() != null
                    && occurred >= d.getExpiresAt();
            d.close(late ? DeadlineStatus.MET_LATE : DeadlineStatus.MET, entry.seq(), ev.hostEventId(), ev.type(),
                    ev.occurredAt().toString(), w.now);
            d.touched(w.now);
        } else if (action instanceof DeadlineAction.Finding f) {
            if (w.newFinding(rule.id(), f.key())) {
                FindingEntity row = new FindingEntity(w.state.getCaseNumber(), w.state.getCourtCode(), rule.id(),
                        f.key(), f.severity() == null ? "WARN" : cut(f.severity(), 16), cut(f.message(), 2000),
                        json(f.details()), entry.seq(), ev.hostEventId(), w.now);
                w.em.persist(row);
                w.newFindings.add(row);
            }
        }
    }

    private void ruleFailed(Work w, DeadlineRule rule, LedgerEntry entry, RuntimeException e) {
        LOG.error("Rule {} failed on {} #{} ({}); recorded as a finding, the other rules go on", rule.id(),
                entry.event().caseNumber(), entry.seq(), entry.event().type(), e);
        String key = "rule-error:" + entry.seq();
        if (w.newFinding(rule.id(), key)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("exception", e.getClass().getName());
            details.put("message", String.valueOf(e.getMessage()));
            details.put("entryType", entry.event().type());
            FindingEntity row = new FindingEntity(w.state.getCaseNumber(), w.state.getCourtCode(), rule.id(), key,
                    "RULE_ERROR", cut("规则 " + rule.id() + " 处理第" + entry.seq() + "条记录（" + entry.event().type()
                            + "）时出错，该记录未按此规则评估：" + e, 2000), json(details), entry.seq(),
                    entry.event().hostEventId(), w.now);
            w.em.persist(row);
            w.newFindings.add(row);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String json(Map<String, Object> details) {
        try {
            String s = JSON.writeValueAsString(details == null ? Map.of() : details);
            return s.length() <= 8000 ? s : JSON.writeValueAsString(Map.of("truncated", true));
        } catch (JsonProcessingException e) {
            return "{\"unserialisable\":" + JSON.valueToTree(String.valueOf(details)) + "}";
        }
    }
}
