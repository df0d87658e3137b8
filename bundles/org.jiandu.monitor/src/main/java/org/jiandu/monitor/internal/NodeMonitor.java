package org.jiandu.monitor.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Topics;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node monitor: evaluates every registered {@link DeadlineRule} on every new ledger entry and keeps the
 * deadlines and findings they produce (Arts. 8, 13, 16, 17, 22, 27, 28, 30 of 法〔2021〕322号).
 *
 * <p><b>Delivery.</b> Entries arrive on EventAdmin ({@code jiandu/case/*}, property {@code entry}); the handler
 * only queues them, and one worker thread evaluates them in batches, one transaction per batch. EventAdmin delivery
 * is not durable (a stop between the ledger's commit and the handler loses it), so a catch-up pass reads the
 * ledger's entries recorded since the shared cursor ({@link CaseLedger#recordedSince}) at activation and every
 * {@code catchUp.intervalSeconds}. Evaluating an entry twice is harmless: each case's monitor row holds the last
 * position evaluated, and is locked while the case is evaluated (across nodes too).
 *
 * <p><b>Rules.</b> Whiteboard: a rule registered by any bundle is consulted from then on; when it goes away its
 * deadlines stay on record but are no longer alerted (the sweeper only alerts rules that are registered), and they
 * resume if it comes back. Evaluation waits until every rule listed in {@code rules.required} (the built-in ones)
 * is registered, so that a restart never evaluates an entry while they are still starting. Two rules with the same
 * id: the first registered is used, the other ignored with a warning.
 */
@Component(service = {EventHandler.class, NodeMonitor.class}, configurationPid = MonitorConfig.PID,
        property = EventConstants.EVENT_TOPIC + "=" + Topics.CASE_ALL)
@Designate(ocd = MonitorConfig.class)
public class NodeMonitor implements EventHandler {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private MonitorSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(NodeMonitor.class);
    static final String CURSOR = "ledger";
    private static final int QUEUE_CAPACITY = 200_000;
    private static final int BATCH = 500;
    private static final int PAGE = 1000;
    private static final int ATTEMPTS = 3;
    private static final int HISTORY_CACHE = 5000;

    /** A registered rule and its service properties (its parameters, for {@code GET /api/v1/rules}). */
    public record RegisteredRule(DeadlineRule rule, Map<String, Object> properties) {
    }

    private final EntityManagerFactory emf;
    private final CaseLedger ledger;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final EventAdmin eventAdmin;
    private final MonitorConfig config;
    private final CaseProcessor processor;
    private final Set<String> required;
    private final MonitorStats stats = new MonitorStats();
    private final BlockingQueue<LedgerEntry> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ScheduledExecutorService worker;
    private final List<RegisteredRule> registered = new CopyOnWriteArrayList<>();
    private volatile List<DeadlineRule> effective = List.of();
    private volatile boolean ready;
    private volatile boolean active = true;
    private final Map<String, List<LedgerEntry>> historyCache =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<LedgerEntry>> eldest) {
                    return size() > HISTORY_CACHE;
                }
            });
    private final AtomicLong lost = new AtomicLong();
    private volatile List<?> coveredYears;

    @Activate
    public NodeMonitor(@Reference(target = "(osgi.unit.name=jiandu-monitor)") EntityManagerFactory emf,
            @Reference CaseLedger ledger, @Reference WorkingCalendar calendar,
            @Reference(target = "(jiandu.clock=true)") Clock clock, @Reference EventAdmin eventAdmin,
            MonitorConfig config) {
        this.emf = emf;
        this.ledger = ledger;
        this.calendar = calendar;
        this.clock = clock;
        this.eventAdmin = eventAdmin;
        this.config = config;
        this.required = Set.of(config.rules_required());
        this.processor = new CaseProcessor(Scheduler.of(calendar, config), clock, this::history, stats::ruleSample);
        // create the tables now, not on the first entry (STACK.md pitfall 10)
        emf.createEntityManager().close();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jiandu-monitor");
            t.setDaemon(true);
            return t;
        });
        int interval = Math.max(1, config.catchUp_intervalSeconds());
        worker.scheduleWithFixedDelay(this::catchUpSafely, interval, interval, TimeUnit.SECONDS);
        LOG.info("Node monitor started; evaluation waits for the required rules {}", required);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        active = false;
        worker.shutdownNow();
        if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("The monitor's worker did not stop within 30 s; the catch-up will evaluate what it left");
        }
    }

    @Reference(service = DeadlineRule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeRule")
    void addRule(DeadlineRule rule, Map<String, Object> properties) {
        registered.add(new RegisteredRule(rule, Map.copyOf(properties)));
        refreshRules();
    }

    void removeRule(DeadlineRule rule, Map<String, Object> properties) {
        registered.removeIf(r -> r.rule() == rule);
        refreshRules();
    }

    private synchronized void refreshRules() {
        Map<String, DeadlineRule> byId = new LinkedHashMap<>();
        for (RegisteredRule r : registered) {
            String id;
            try {
                id = r.rule().id();
            } catch (RuntimeException e) {
                LOG.error("A DeadlineRule service failed to tell its id; it is ignored", e);
                continue;
            }
            if (byId.putIfAbsent(id, r.rule()) != null) {
                LOG.warn("Two DeadlineRule services have the id {}; the second (service {}) is ignored", id,
                        r.properties().get(Constants.SERVICE_ID));
            }
        }
        effective = List.copyOf(byId.values());
        boolean wasReady = ready;
        ready = byId.keySet().containsAll(required);
        if (ready && !wasReady && active) {
            LOG.info("Node monitor: {} rules registered; evaluating", byId.size());
            worker.execute(this::catchUpSafely);
            scheduleDrain();
        } else if (!ready && wasReady) {
            Set<String> missing = new HashSet<>(required);
            missing.removeAll(byId.keySet());
            LOG.warn("Node monitor: required rules {} are gone; evaluation waits until they are back", missing);
        }
    }

    /** The rules in use, in registration order. */
    public List<DeadlineRule> rules() {
        return effective;
    }

    /** Every registered rule service with its properties (duplicates included). */
    public List<RegisteredRule> registeredRules() {
        return List.copyOf(registered);
    }

    /** Ids of the rules in use: the sweeper alerts only their deadlines. */
    public Set<String> activeRuleIds() {
        Set<String> ids = new HashSet<>();
        for (DeadlineRule r : effective) {
            ids.add(r.id());
        }
        return ids;
    }

    public boolean isReady() {
        return ready;
    }

    public MonitorStats stats() {
        return stats;
    }

    public long lostDeliveries() {
        return lost.get();
    }

    int escalationWorkingDays() {
        return processor.scheduler().escalationWorkingDays();
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(Topics.PROP_ENTRY) instanceof LedgerEntry entry)) {
            return;
        }
        if (!queue.offer(entry)) {
            // the catch-up reads it from the ledger
            if (lost.incrementAndGet() % 10_000 == 1) {
                LOG.warn("Node monitor queue full ({} entries); entries left to the catch-up", QUEUE_CAPACITY);
            }
            return;
        }
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (ready && active && drainScheduled.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                drainScheduled.set(false);
            }
        }
    }

    private void drain() {
        try {
            List<LedgerEntry> batch = new ArrayList<>(BATCH);
            while (ready && active) {
                batch.clear();
                queue.drainTo(batch, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                evaluate(batch);
            }
        } finally {
            drainScheduled.set(false);
        }
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
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
        List<DeadlineRule> rules = effective;
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
                        LOG.error("Evaluation of case {} failed {} times; the catch-up will try again", one.getKey(),
                                ATTEMPTS, e);
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
            Map<String, Object> props = new HashMap<>();
            props.put("findingId", f.getId());
            props.put(Topics.PROP_CASE_NUMBER, f.getCaseNumber());
            props.put("court", f.getCourtCode());
            props.put("ruleId", f.getRuleId());
            props.put("severity", f.getSeverity());
            props.put("message", f.getMessage());
            eventAdmin.postEvent(new Event(Topics.FINDING_PREFIX + f.getSeverity().replaceAll("[^A-Za-z0-9_-]", "_"),
                    props));
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

    private void catchUpSafely() {
        try {
            catchUp();
            retryUncovered();
        } catch (RuntimeException e) {
            LOG.error("Node monitor catch-up failed; next attempt in {} s", config.catchUp_intervalSeconds(), e);
        }
    }

    /**
     * Evaluates every ledger entry recorded since the shared cursor (minus the commit lag), then moves the cursor
     * to the start of this pass minus the lag. Answers how many entries were new.
     */
    int catchUp() {
        if (!ready || !active) {
            return 0;
        }
        long started = clock.millis();
        long lag = Math.max(0, config.catchUp_commitLagSeconds()) * 1000L;
        long since = Math.max(0, cursor() - lag);
        LedgerEntry after = null;
        int evaluated = 0;
        int read = 0;
        while (active) {
            List<LedgerEntry> page = ledger.recordedSince(Instant.ofEpochMilli(since), after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            read += page.size();
            List<LedgerEntry> unseen = unevaluated(page);
            if (!unseen.isEmpty()) {
                evaluated += evaluate(unseen);
            }
            after = page.get(page.size() - 1);
            if (page.size() < PAGE) {
                break;
            }
        }
        moveCursor(Math.max(0, started - lag));
        stats.catchUp(read, evaluated, started);
        if (evaluated > 0) {
            LOG.info("Node monitor catch-up: {} ledger entries read, {} of them not evaluated yet (delivery lost or still queued)",
                    read, evaluated);
        }
        return evaluated;
    }

    /**
     * The entries of {@code page} beyond their case's evaluated position, read without locks: the catch-up rereads
     * the commit-lag window every pass, and most of it was delivered by EventAdmin already. (A case evaluated
     * meanwhile is skipped again under its lock.)
     */
    private List<LedgerEntry> unevaluated(List<LedgerEntry> page) {
        Map<String, Long> last = new HashMap<>();
        List<String> cases = page.stream().map(e -> e.event().caseNumber().canonical()).distinct().toList();
        EntityManager em = emf.createEntityManager();
        try {
            for (int from = 0; from < cases.size(); from += 500) {
                for (Object[] row : em.createQuery("SELECT c.caseNumber, c.lastSeq FROM CaseStateEntity c "
                        + "WHERE c.caseNumber IN :cns", Object[].class)
                        .setParameter("cns", cases.subList(from, Math.min(cases.size(), from + 500))).getResultList()) {
                    last.put((String) row[0], (Long) row[1]);
                }
            }
        } finally {
            em.close();
        }
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : page) {
            if (e.seq() > last.getOrDefault(e.event().caseNumber().canonical(), 0L)) {
                out.add(e);
            }
        }
        return out;
    }

    private long cursor() {
        EntityManager em = emf.createEntityManager();
        try {
            CursorEntity c = em.find(CursorEntity.class, CURSOR);
            return c == null ? 0 : c.getPosition();
        } finally {
            em.close();
        }
    }

    private void moveCursor(long position) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            CursorEntity c = em.find(CursorEntity.class, CURSOR, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (c == null) {
                em.persist(new CursorEntity(CURSOR, position, clock.millis()));
            } else {
                c.moveTo(position, clock.millis());
            }
            em.getTransaction().commit();
        } catch (javax.persistence.PersistenceException e) {
            // another node created the row at the same moment: its position is as good; ours moves next time
            LOG.debug("Cursor update conflicted", e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
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

    /** Runs the catch-up now on the worker thread and waits for it (commands, tests). */
    public int catchUpNow() throws Exception {
        return worker.submit(this::catchUp).get(10, TimeUnit.MINUTES);
    }

    /** Evaluates the given entries now on the worker thread and waits (benchmarks). */
    public int evaluateNow(List<LedgerEntry> entries) throws Exception {
        return worker.submit(() -> evaluate(entries)).get(10, TimeUnit.MINUTES);
    }

    /** Entries waiting in the queue. */
    public int queued() {
        return queue.size();
    }
}
