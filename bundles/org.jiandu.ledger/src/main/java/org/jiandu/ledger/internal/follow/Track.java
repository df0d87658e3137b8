package org.jiandu.ledger.internal.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.FollowerStatus;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerConsumer.Scope;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.ledger.internal.follow.LedgerReader.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follower's delivery to one consumer: its own thread, its cursor, what it has delivered in this run, and (for a
 * shared consumer) its lease. Everything below runs on the track's thread except {@link #offer}, {@link #status},
 * {@link #catchUpNow} and {@link #stop}.
 *
 * <p><b>Reads.</b> Three ways an entry reaches the consumer: (1) EventAdmin hands it over ({@link #offer}, the fast
 * path: local appends, at once); (2) a head read every {@code poll.seconds} of the entries after the last one read
 * (appends on other nodes); (3) a catch-up pass every {@code catchUp.intervalSeconds} from the cursor less
 * {@code catchUp.commitLagSeconds} to the end. Only (3) moves the cursor: a commit that lands after a later entry
 * was read (a long transaction) is older than the head but younger than the cursor less the lag, so the next pass
 * finds it. Reads (2) and (3) go by position first ({@link LedgerReader}): entries already delivered are not read
 * again in whole.
 *
 * <p><b>Order and duplicates.</b> For each case seen in this run the track knows which positions it delivered (a
 * contiguous run {@code lo..hi} and, rarely, earlier positions delivered late). An entry already delivered is
 * dropped; an entry beyond {@code hi + 1} first brings the missing ones from the case's timeline; an entry of a
 * case not seen yet is delivered as it comes when read from the ledger (whose order is per case ascending), and,
 * from EventAdmin, together with its earlier entries recorded since the cursor less the lag (read from the
 * timeline), since publications of one case may overtake each other.
 */
final class Track {
    private static final Logger LOG = LoggerFactory.getLogger(Track.class);
    static final int PAGE = 1000;
    private static final long MAX_BACKOFF_MS = 5 * 60_000L;

    /** What the track reads its settings from; a snapshot per pass. */
    record Settings(long intervalMs, long lagMs, long pollMs, long leaseMs, long degradedMs, int queueCapacity) {
        /** Reads the settings with {@code r}: a value outside the bounds of {@link FollowerConfig} is refused. */
        static Settings read(ConfigReader r) {
            return new Settings(r.integer("catchUp.intervalSeconds", 1, 86_400, "") * 1000L,
                    r.integer("catchUp.commitLagSeconds", 0, 86_400, "") * 1000L,
                    r.integer("poll.seconds", 0, 3600, "") * 1000L, r.integer("lease.seconds", 3, 3600, "") * 1000L,
                    r.integer("lag.degradedSeconds", 1, 604_800, "") * 1000L,
                    r.integer("queue.capacity", 1000, 10_000_000, ""));
        }
    }

    /** What was delivered of one case in this run. */
    private static final class Mark {
        long lo;
        long hi;
        Set<Long> early;
        long touched;

        Mark(long seq, long at) {
            lo = seq;
            hi = seq;
            touched = at;
        }

        boolean has(long seq) {
            return (seq >= lo && seq <= hi) || (early != null && early.contains(seq));
        }

        void add(long seq, long at) {
            touched = Math.max(touched, at);
            if (seq == hi + 1) {
                hi = seq;
            } else if (seq == lo - 1) {
                lo = seq;
            } else if (seq < lo) {
                if (early == null) {
                    early = new HashSet<>();
                }
                early.add(seq);
            } else if (seq > hi) {
                // only after a gap was filled; keep the run honest
                lo = seq;
                hi = seq;
            }
        }
    }

    private final LedgerConsumer consumer;
    private final String id;
    private final Scope scope;
    private final CaseLedger ledger;
    private final LedgerReader reader;
    private final CursorStore store;
    private final Clock clock;
    private final String node;
    private volatile Settings settings;
    private final BlockingQueue<LedgerEntry> queue;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Map<String, Mark> marks = new HashMap<>();
    private volatile Thread worker;
    private volatile boolean stopped;

    // state read by status(); written on the track's thread
    private volatile long cursor;
    private volatile boolean active;
    private volatile String leaseHolder;
    private volatile boolean ready;
    private volatile boolean behind = true;
    private volatile long caughtUpAt;
    private volatile String lastError;
    private volatile boolean failing;
    private final long startedAt;
    private Position head;
    private long nextPassAt;
    private long nextPollAt;
    private long nextLeaseAt;
    private long backoffUntil;
    private long backoffMs;

    Track(LedgerConsumer consumer, String id, Scope scope, CaseLedger ledger, CursorStore store, Clock clock,
            String node, Settings settings) {
        this.consumer = consumer;
        this.id = id;
        this.scope = scope;
        this.ledger = ledger;
        this.reader = LedgerReader.over(ledger);
        this.store = store;
        this.clock = clock;
        this.node = node;
        this.settings = settings;
        this.queue = new LinkedBlockingQueue<>(settings.queueCapacity());
        this.startedAt = clock.millis();
        this.caughtUpAt = startedAt;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jiandu-follower-" + id);
            t.setDaemon(true);
            worker = t;
            return t;
        });
        if (scope == Scope.PER_NODE) {
            cursor = startAt();
            active = true;
        }
    }

    String id() {
        return id;
    }

    LedgerConsumer consumer() {
        return consumer;
    }

    /** Starts the track's thread: a first pass at once, then a tick every second (each tick does what is due). */
    void start() {
        thread.scheduleWithFixedDelay(this::tickSafely, 0, 1, TimeUnit.SECONDS);
    }

    void reconfigure(Settings s) {
        settings = s;
    }

    /** EventAdmin's fast path: queues the entry and wakes the thread. Never blocks. */
    void offer(LedgerEntry entry) {
        if (stopped || !active) {
            return;
        }
        if (!queue.offer(entry)) {
            if (dropped.incrementAndGet() % 10_000 == 1) {
                LOG.warn("Ledger follower {}: queue full ({} entries); entries left to the next read of the ledger",
                        id, settings.queueCapacity());
            }
            return;
        }
        if (wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    tickSafely();
                });
            } catch (RejectedExecutionException e) {
                wakePending.set(false);
            }
        }
    }

    /** Runs a catch-up pass now on the track's thread and waits for it. */
    int catchUpNow(Duration timeout) throws TimeoutException, InterruptedException {
        if (Thread.currentThread() == worker) {
            throw new IllegalStateException("catchUpNow called on the delivery thread of " + id);
        }
        Future<Integer> f = thread.submit(() -> {
            if (!prepare()) {
                return 0;
            }
            return pass();
        });
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Catch-up of " + id + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(false);
            throw e;
        }
    }

    /** Stops the thread (waiting for a delivery in progress) and gives up the lease. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.shutdownNow();
        if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
            LOG.warn("Ledger follower {}: delivery did not stop within 30 s", id);
        }
        if (scope == Scope.SHARED && active) {
            try {
                store.release(id, node, clock.millis());
            } catch (RuntimeException e) {
                LOG.warn("Ledger follower {}: could not give up the lease; it expires by itself", id, e);
            }
        }
        active = false;
    }

    FollowerStatus status() {
        long now = clock.millis();
        long lag = behind || !queue.isEmpty() ? Math.max(0, now - caughtUpAt) : 0;
        return new FollowerStatus(id, scope, node, active, scope == Scope.SHARED ? leaseHolder : null, ready,
                Instant.ofEpochMilli(cursor), lag, queue.size(), delivered.get(), failures.get(), lastError);
    }

    boolean failing() {
        return failing;
    }

    Settings settings() {
        return settings;
    }

    long startedAt() {
        return startedAt;
    }

    private long startAt() {
        try {
            return consumer.startAt(clock.instant()).toEpochMilli();
        } catch (RuntimeException e) {
            LOG.error("Ledger consumer {} failed to tell where to start; it gets the whole ledger", id, e);
            return 0;
        }
    }

    private void tickSafely() {
        if (stopped) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            // reading the ledger or the cursor failed (database down): nothing was lost, try again later
            lastError = "reading the ledger failed: " + e;
            LOG.error("Ledger follower {}: reading the ledger failed; next attempt in a second", id, e);
        }
    }

    private void tick() {
        if (!prepare()) {
            return;
        }
        long now = clock.millis();
        if (now < backoffUntil) {
            return;
        }
        Settings s = settings;
        if (now >= nextPassAt) {
            pass();
            nextPollAt = clock.millis() + s.pollMs();
            return;
        }
        boolean clean = drainQueue();
        if (clean && s.pollMs() > 0 && now >= nextPollAt) {
            clean = pollHead();
            nextPollAt = clock.millis() + s.pollMs();
        }
        if (clean && queue.isEmpty() && !behind) {
            caughtUpAt = clock.millis();
        }
    }

    /** Readiness and (shared) the lease; answers whether the track may deliver now. */
    private boolean prepare() {
        boolean r;
        try {
            r = consumer.ready();
        } catch (RuntimeException e) {
            LOG.error("Ledger consumer {} failed to tell whether it is ready; taken as not ready", id, e);
            r = false;
        }
        if (r && !ready) {
            // whatever was kept while it was not ready is reread by a pass
            nextPassAt = 0;
        }
        ready = r;
        if (!r) {
            return false;
        }
        if (scope == Scope.PER_NODE) {
            return true;
        }
        long now = clock.millis();
        if (now < nextLeaseAt && active) {
            return true;
        }
        Settings s = settings;
        CursorStore.Lease lease = store.acquire(id, node, now, s.leaseMs(), startAt());
        nextLeaseAt = now + s.leaseMs() / 3;
        leaseHolder = lease.holder();
        if (lease.held() && !active) {
            LOG.info("Ledger follower {}: this node ({}) holds the lease; resuming from {}", id, node,
                    Instant.ofEpochMilli(lease.position()));
            cursor = lease.position();
            resetRun();
            nextPassAt = 0;
        } else if (!lease.held() && active) {
            LOG.info("Ledger follower {}: the lease passed to {}; this node stops delivering", id, lease.holder());
            resetRun();
        }
        active = lease.held();
        return active;
    }

    private void resetRun() {
        marks.clear();
        queue.clear();
        head = null;
        behind = true;
    }

    /** A catch-up pass: the ledger from the cursor less the lag to its end; moves the cursor when all is accepted. */
    private int pass() {
        Settings s = settings;
        long started = clock.millis();
        long windowStart = Math.max(0, cursor - s.lagMs());
        nextPassAt = started + s.intervalMs();
        Position after = null;
        int count = 0;
        long lastPersist = started;
        while (!stopped) {
            Page page = read(Instant.ofEpochMilli(windowStart), after);
            if (page.size() == 0) {
                break;
            }
            List<LedgerEntry> batch = plan(page.entries(), false, windowStart);
            if (!batch.isEmpty()) {
                if (!deliver(batch)) {
                    behind = true;
                    return count;
                }
                count += batch.size();
            }
            after = page.last();
            advanceHead(after);
            long reached = Math.min(started, Instant.parse(after.recordedAt()).toEpochMilli());
            if (reached > cursor && clock.millis() - lastPersist > s.leaseMs() / 3) {
                // progress through a long backlog survives a restart; renews the lease too
                if (!persist(reached)) {
                    return count;
                }
                lastPersist = clock.millis();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (stopped) {
            return count;
        }
        if (!drainQueue()) {
            behind = true;
            return count;
        }
        if (!persist(Math.max(cursor, started))) {
            return count;
        }
        forgetOldMarks(Math.max(0, cursor - s.lagMs() - s.intervalMs()));
        behind = false;
        caughtUpAt = clock.millis();
        try {
            consumer.caughtUp();
        } catch (RuntimeException e) {
            LOG.error("Ledger consumer {}: caughtUp() failed", id, e);
        }
        return count;
    }

    /** Entries newer than the last one read: appends on other nodes, between passes. */
    private boolean pollHead() {
        if (head == null) {
            return true;
        }
        while (!stopped) {
            Page page = read(Instant.parse(head.recordedAt()), head);
            if (page.size() == 0) {
                return true;
            }
            List<LedgerEntry> batch = plan(page.entries(), false, Math.max(0, cursor - settings.lagMs()));
            if (!batch.isEmpty() && !deliver(batch)) {
                return false;
            }
            advanceHead(page.last());
            if (page.size() < PAGE) {
                return true;
            }
        }
        return true;
    }

    /**
     * A page of the ledger read after {@code after}: its size and last position, and the entries of it not delivered
     * yet. The positions are read first; when most of them are new (catching up) the page is read whole, otherwise
     * only the new entries are, case by case.
     */
    private record Page(List<LedgerEntry> entries, Position last, int size) {
    }

    private Page read(Instant since, Position after) {
        List<Position> positions = reader.positionsSince(since, after, PAGE);
        if (positions.isEmpty()) {
            return new Page(List.of(), after, 0);
        }
        Map<String, List<Position>> missing = new java.util.LinkedHashMap<>();
        int count = 0;
        for (Position p : positions) {
            Mark m = marks.get(p.caseNumber());
            if (m == null || !m.has(p.seq())) {
                missing.computeIfAbsent(p.caseNumber(), k -> new ArrayList<>()).add(p);
                count++;
            }
        }
        Position last = positions.get(positions.size() - 1);
        if (count == 0) {
            return new Page(List.of(), last, positions.size());
        }
        if (count > positions.size() / 4) {
            List<LedgerEntry> whole = reader.entriesSince(since, after, PAGE);
            if (!whole.isEmpty()) {
                // the same page, perhaps with an entry committed between the two reads: plan() sorts it out
                return new Page(whole, Position.of(whole.get(whole.size() - 1)), whole.size());
            }
        }
        List<LedgerEntry> out = new ArrayList<>(count);
        for (Map.Entry<String, List<Position>> c : missing.entrySet()) {
            List<Position> ps = c.getValue();
            Set<Long> wanted = new HashSet<>();
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (Position p : ps) {
                wanted.add(p.seq());
                lo = Math.min(lo, p.seq());
                hi = Math.max(hi, p.seq());
            }
            for (LedgerEntry e : reader.entries(c.getKey(), lo, hi)) {
                if (wanted.contains(e.seq())) {
                    out.add(e);
                }
            }
        }
        out.sort((a, b) -> Position.ORDER.compare(Position.of(a), Position.of(b)));
        return new Page(out, last, positions.size());
    }

    private void advanceHead(Position p) {
        if (head == null || Position.ORDER.compare(p, head) > 0) {
            head = p;
        }
    }

    private boolean drainQueue() {
        List<LedgerEntry> taken = new ArrayList<>(PAGE);
        while (!stopped) {
            taken.clear();
            queue.drainTo(taken, PAGE);
            if (taken.isEmpty()) {
                return true;
            }
            List<LedgerEntry> batch = plan(taken, true, Math.max(0, cursor - settings.lagMs()));
            if (!batch.isEmpty() && !deliver(batch)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What to deliver for {@code entries}, in order per case, without what was delivered already; marks it
     * delivered (a refused batch unmarks its cases).
     *
     * @param unordered whether the entries come from EventAdmin (any order) rather than from a read of the ledger
     * @param windowStart entries recorded before it were accepted by an earlier run (cursor less the lag)
     */
    private List<LedgerEntry> plan(List<LedgerEntry> entries, boolean unordered, long windowStart) {
        List<LedgerEntry> out = new ArrayList<>();
        if (unordered) {
            entries = new ArrayList<>(entries);
            entries.sort((a, b) -> {
                int c = a.event().caseNumber().canonical().compareTo(b.event().caseNumber().canonical());
                return c != 0 ? c : Long.compare(a.seq(), b.seq());
            });
        }
        for (LedgerEntry e : entries) {
            String cn = e.event().caseNumber().canonical();
            long at = e.event().recordedAt().toEpochMilli();
            Mark m = marks.get(cn);
            if (m != null && m.has(e.seq())) {
                continue;
            }
            if (m == null && (e.seq() == 1 || !unordered)) {
                marks.put(cn, new Mark(e.seq(), at));
                out.add(e);
            } else if (m != null && (e.seq() == m.hi + 1 || e.seq() < m.lo)) {
                m.add(e.seq(), at);
                out.add(e);
            } else {
                // a gap after what was delivered, or a case first seen through EventAdmin past its first entry
                long from = m != null ? m.hi + 1 : 1;
                for (LedgerEntry t : ledger.timeline(e.event().caseNumber())) {
                    if (t.seq() < from || t.seq() > e.seq()) {
                        continue;
                    }
                    if (m == null && t.seq() < e.seq() && t.event().recordedAt().toEpochMilli() < windowStart) {
                        continue;
                    }
                    if (m == null) {
                        m = new Mark(t.seq(), t.event().recordedAt().toEpochMilli());
                        marks.put(cn, m);
                    } else {
                        m.add(t.seq(), t.event().recordedAt().toEpochMilli());
                    }
                    out.add(t);
                }
                if (m == null || !m.has(e.seq())) {
                    // not in the timeline read just now (cannot happen for a committed entry): deliver it anyway
                    if (m == null) {
                        marks.put(cn, new Mark(e.seq(), at));
                    } else {
                        m.add(e.seq(), at);
                    }
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Hands a batch to the consumer; answers whether it was accepted. */
    private boolean deliver(List<LedgerEntry> batch) {
        try {
            consumer.accept(Collections.unmodifiableList(batch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unmark(batch);
            return false;
        } catch (Exception | LinkageError e) {
            unmark(batch);
            failures.incrementAndGet();
            failing = true;
            lastError = e.toString();
            backoffMs = backoffMs == 0 ? 1000 : Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            backoffUntil = clock.millis() + backoffMs;
            // the refused entries and what was queued after them come back through the next pass
            queue.clear();
            nextPassAt = backoffUntil;
            LOG.error("Ledger consumer {} refused a batch of {} entries (first: case {} seq {}); delivered again in {}"
                    + " ms", id, batch.size(), batch.get(0).event().caseNumber().canonical(), batch.get(0).seq(),
                    backoffMs, e);
            return false;
        }
        delivered.addAndGet(batch.size());
        if (failing) {
            LOG.info("Ledger consumer {} accepts entries again", id);
        }
        failing = false;
        backoffMs = 0;
        return true;
    }

    private void unmark(List<LedgerEntry> batch) {
        for (LedgerEntry e : batch) {
            marks.remove(e.event().caseNumber().canonical());
        }
    }

    private boolean persist(long position) {
        if (scope == Scope.PER_NODE) {
            cursor = Math.max(cursor, position);
            return true;
        }
        long now = clock.millis();
        if (!store.move(id, node, position, now, settings.leaseMs())) {
            LOG.info("Ledger follower {}: the lease was lost before the cursor could move; another node goes on", id);
            active = false;
            resetRun();
            return false;
        }
        nextLeaseAt = now + settings.leaseMs() / 3;
        cursor = Math.max(cursor, position);
        return true;
    }

    private void forgetOldMarks(long before) {
        Iterator<Mark> it = marks.values().iterator();
        while (it.hasNext()) {
            if (it.next().touched < before) {
                it.remove();
            }
        }
    }
}
