package org.jiandu.monitor.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.finding.FindingTopics;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node monitor's evaluation: every rule in use ({@link RuleRegistry}) on every new ledger entry, keeping the
 * deadlines and findings they produce (Arts. 8, 13, 16, 17, 22, 27, 28, 30 of 法〔2021〕322号).
 *
 * <p><b>Delivery</b> is the ledger follower's: the monitor is a {@link LedgerConsumer} of scope
 * {@link LedgerConsumer.Scope#SHARED} (it writes to the database), so one node at a time evaluates, in order per
 * case, at least once, from a durable cursor, and a monitor installed late or stopped for a while catches up. It
 * takes entries only while {@link RuleRegistry#isReady()} (every required rule registered). Evaluating an entry
 * twice is harmless: each case's monitor row holds the last position evaluated, and is locked while the case is
 * evaluated (across nodes too).
 */
@Component(service = {LedgerConsumer.class, NodeMonitor.class, HealthIndicator.class},
        configurationPid = MonitorConfig.PID)
@Designate(ocd = MonitorConfig.class)
public class NodeMonitor implements LedgerConsumer, HealthIndicator {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private MonitorSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(NodeMonitor.class);
    /** The follower's consumer id: names the durable cursor and the health component {@code jiandu.follower.jiandu.monitor}. */
    public static final String CONSUMER_ID = "jiandu.monitor";
    private static final int ATTEMPTS = 3;
    /** Entries evaluated in one transaction, as the monitor did before the follower fed it pages. */
    static final int TRANSACTION_ENTRIES = 500;
    private static final int HISTORY_CACHE = 5000;

    private final EntityManagerFactory emf;
    private final CaseLedger ledger;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final EventAdmin eventAdmin;
    private final RuleRegistry registry;
    private final MonitorSettings config;
    private final CaseProcessor processor;
    private final MonitorStats stats = new MonitorStats();
    private final Map<String, List<LedgerEntry>> historyCache =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<LedgerEntry>> eldest) {
                    return size() > HISTORY_CACHE;
                }
            });
    private volatile List<?> coveredYears;

    @Activate
    public NodeMonitor(@Reference(target = "(osgi.unit.name=jiandu-monitor)") EntityManagerFactory emf,
            @Reference CaseLedger ledger, @Reference WorkingCalendar calendar,
            @Reference(target = "(jiandu.clock=true)") Clock clock, @Reference EventAdmin eventAdmin,
            @Reference RuleRegistry registry, Map<String, Object> properties) {
        MonitorSettings config = MonitorSettings.of(properties);
        for (String problem : config.report().messages()) {
            LOG.error("{}", problem);
        }
        this.config = config;
        this.emf = emf;
        this.ledger = ledger;
        this.calendar = calendar;
        this.clock = clock;
        this.eventAdmin = eventAdmin;
        this.registry = registry;
        this.processor = new CaseProcessor(Scheduler.of(calendar, config), clock, this::history, stats::ruleSample);
        // create the tables now, not on the first entry (EclipseLink creates them lazily)
        emf.createEntityManager().close();
        LOG.info("Node monitor started; the ledger follower delivers once the required rules are registered");
    }

    @Override
    public String id() {
        return CONSUMER_ID;
    }

    @Override
    public Scope scope() {
        return Scope.SHARED;
    }

    @Override
    public boolean ready() {
        return registry.isReady();
    }

    /** Evaluates what the follower delivers; a case that keeps failing is logged and left (see {@link #evaluate}). */
    @Override
    public void accept(List<LedgerEntry> entries) {
        deliver(entries);
    }

    /** Housekeeping after the follower caught up: deadlines waiting for a calendar year. */
    @Override
    public void caughtUp() {
        retryUncovered();
    }

    /** Evaluates the entries not evaluated yet; answers how many were new. */
    int deliver(List<LedgerEntry> entries) {
        long t = clock.millis();
        // the follower does not deliver an entry twice in a run; what a new run delivers again (after a restart or a
        // lease change) is skipped case by case under the case's lock. (A pre-filter that read the cases' positions
        // with one IN query made Derby scan the whole case table per page: 45% of the monitor's time.)
        int evaluated = 0;
        // one transaction per TRANSACTION_ENTRIES, in delivery order (so each case's entries stay in order): the
        // follower's pages hold thousands, and in one EclipseLink unit of work every query first flushes and
        // compares every entity the transaction has touched, which made a long page quadratic (a benchmark ingested
        // 3,501 events/s instead of 16,000)
        for (int from = 0; from < entries.size(); from += TRANSACTION_ENTRIES) {
            evaluated += evaluate(entries.subList(from, Math.min(entries.size(), from + TRANSACTION_ENTRIES)));
        }
        stats.catchUp(entries.size(), evaluated, t);
        return evaluated;
    }

    public MonitorStats stats() {
        return stats;
    }

    /**
     * The monitor's health: its configuration (refused values replaced by defaults) and the required rules; DEGRADED
     * while one is missing. How far the follower has delivered is the follower's own component
     * ({@code jiandu.follower.jiandu.monitor}).
     */
    @Override
    public List<ComponentHealth> health() {
        java.util.Set<String> missing = new java.util.TreeSet<>(registry.missing());
        List<String> reasons = new ArrayList<>();
        if (!missing.isEmpty()) {
            reasons.add("Required rules " + missing + " are not registered (rules.required of " + MonitorConfig.PID
                    + "): " + (registry.isReady() ? "entries are evaluated without them" : "evaluation waits for them"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("evaluating", registry.isReady());
        details.put("rules", registry.activeRuleIds().size());
        details.put("missingRequiredRules", List.copyOf(missing));
        return List.of(config.report().health("jiandu.monitor", reasons, details));
    }

    /**
     * Evaluates entries (any cases, any order) and answers how many were new. One transaction for the batch; if it
     * fails, each case again on its own, a few times, so that one case's trouble does not hold up the others. A
     * case that still fails is left for the catch-up.
     */
    int evaluate(List<LedgerEntry> entries) {
        Map<String, List<LedgerEntry>> byCase = new TreeMap<>();
        for (LedgerEntry e : entries) {
            byCase.computeIfAbsent(e.event().caseNumber().canonical(), k -> new ArrayList<>()).add(e);
        }
        List<DeadlineRule> rules = registry.rules();
        long t0 = System.nanoTime();
        try {
            int n = run(byCase, rules);
            stats.record(n, System.nanoTime() - t0);
            return n;
        } catch (RuntimeException e) {
            if (byCase.size() == 1) {
                LOG.debug("Evaluation of {} failed; retrying", byCase.keySet(), e);
            } else {
                LOG.debug("Evaluation of a batch of {} cases failed; retrying case by case", byCase.size(), e);
            }
        }
        int total = 0;
        for (Map.Entry<String, List<LedgerEntry>> one : byCase.entrySet()) {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    total += run(Map.of(one.getKey(), one.getValue()), rules);
                    break;
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS) {
                        LOG.error("Evaluation of case {} failed {} times; its entries are evaluated again when the"
                                + " case has its next entry", one.getKey(), ATTEMPTS, e);
                    }
                }
            }
        }
        stats.record(total, System.nanoTime() - t0);
        return total;
    }

    private int run(Map<String, List<LedgerEntry>> byCase, List<DeadlineRule> rules) {
        EntityManager em = emf.createEntityManager();
        List<FindingEntity> findings = new ArrayList<>();
        int evaluated = 0;
        long ruleNanos = 0;
        try {
            em.getTransaction().begin();
            for (Map.Entry<String, List<LedgerEntry>> c : byCase.entrySet()) {
                CaseProcessor.Outcome o = processor.process(em, c.getKey(), c.getValue(), rules);
                evaluated += o.evaluated();
                ruleNanos += o.ruleNanos();
                findings.addAll(o.findings());
                // write this case's changes and let go of its entities: a unit of work compares every entity it
                // holds at each flush and query, so holding all the transaction's cases made it quadratic in them
                // (a profile of the single-event benchmark: 85% of the monitor's time in EclipseLink change
                // detection). The case's row lock is kept until commit.
                em.flush();
                em.clear();
            }
            em.getTransaction().commit();
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
        stats.recordRules(evaluated, ruleNanos);
        for (FindingEntity f : findings) {
            eventAdmin.postEvent(FindingTopics.toEvent(
                    MonitorFindings.toFinding(f, MonitorFindings.articleOf(rules, f.getRuleId()))));
        }
        return evaluated;
    }

    /** The case's entries 1..upTo: from the cache, extended by the entries at hand, or read from the ledger. */
    private List<LedgerEntry> history(String caseNumber, long upTo, List<LedgerEntry> known) {
        List<LedgerEntry> cached = historyCache.get(caseNumber);
        if (cached != null && cached.size() >= upTo) {
            return cached.subList(0, (int) upTo);
        }
        Map<Long, LedgerEntry> bySeq = new HashMap<>();
        for (LedgerEntry e : known) {
            bySeq.put(e.seq(), e);
        }
        List<LedgerEntry> built = new ArrayList<>(cached == null ? List.of() : cached);
        while (built.size() < upTo && bySeq.containsKey((long) built.size() + 1)) {
            built.add(bySeq.get((long) built.size() + 1));
        }
        if (built.size() < upTo) {
            built = new ArrayList<>(ledger.timeline(CaseNumber.parse(caseNumber)));
        }
        List<LedgerEntry> immutable = List.copyOf(built);
        historyCache.put(caseNumber, immutable);
        return immutable.subList(0, (int) Math.min(upTo, immutable.size()));
    }

    /**
     * When the calendar's covered years change (next year's notice loaded), deadlines that could not be computed
     * (status NO_CALENDAR) are computed again.
     */
    void retryUncovered() {
        List<?> years = calendar.coverage().years();
        if (years.equals(coveredYears)) {
            return;
        }
        EntityManager em = emf.createEntityManager();
        int done = 0;
        try {
            em.getTransaction().begin();
            for (DeadlineEntity d : em.createQuery("SELECT d FROM DeadlineEntity d WHERE d.status = :s",
                    DeadlineEntity.class).setParameter("s", DeadlineStatus.NO_CALENDAR).getResultList()) {
                CasePeriods periods = d.isStopsForCasePeriods()
                        ? CasePeriods.of(history(d.getCaseNumber(), Long.MAX_VALUE, List.of()))
                        : CasePeriods.NONE;
                processor.scheduler().compute(d, periods);
                d.touched(clock.millis());
                if (d.getStatus() != DeadlineStatus.NO_CALENDAR) {
                    done++;
                }
            }
            em.getTransaction().commit();
            coveredYears = years;
            if (done > 0) {
                LOG.info("Node monitor: {} deadlines computed now that the calendar covers more years", done);
            }
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    /** Evaluates the given entries now on the calling thread (tests). */
    public int evaluateNow(List<LedgerEntry> entries) {
        return evaluate(entries);
    }
}
