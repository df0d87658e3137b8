package org.jiandu.ledger.internal.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
import org.jiandu.api.ledger.FollowerStatus;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerConsumer.Scope;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.ledger.internal.follow.LedgerReader.Indexed;
import org.jiandu.ledger.internal.follow.LedgerReader.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follower's delivery to one consumer: its own thread, its cursor, what it has delivered in this run, and (for a
 * shared consumer) its lease. Everything below runs on the track's thread except {@link #offer}, {@link #status},
 * {@link #catchUpNow} and {@link #stop}.
 *
 * <p><b>The cursor</b> is a global index ({@link LedgerReader}): every entry with a lower index was accepted. The
 * index is gapless and in commit order, so reading from the cursor to the end is a complete catch-up; an entry whose
 * commit lands late gets its index late, above the cursor, and is read then. Nothing is reread to be safe.
 *
 * <p><b>Reads.</b> Two ways an entry reaches the consumer: (1) EventAdmin hands it over ({@link #offer}, the fast
 * path: local appends, at once, before the sequencer has indexed them); (2) a read of the index from the cursor to
 * its end every {@code poll.seconds} (appends on other nodes, and what EventAdmin lost) and at every catch-up pass
 * ({@code catchUp.intervalSeconds}, which also persists the cursor and calls {@link LedgerConsumer#caughtUp}). Only
 * (2) moves the cursor. Reads go by position first: entries already delivered are not read again in whole.
 *
 * <p><b>Order and duplicates.</b> For each case seen in this run the track knows up to which position
 * ({@code hi}) everything was delivered or accepted before: when a case is first seen, that is its highest position
 * among the entries below the cursor (when an entry was accepted, so were the case's earlier ones). An entry at or
 * below {@code hi} is dropped; an entry beyond {@code hi + 1} first brings the missing ones from the case. A case's
 * mark is forgotten once every entry delivered of it was seen below the cursor and it was not touched for a pass
 * interval, so memory follows the active cases, not the ledger.
 */
final class Track {
    private static final Logger LOG = LoggerFactory.getLogger(Track.class);
    static final int PAGE = 1000;
    private static final long MAX_BACKOFF_MS = 5 * 60_000L;
    /**
     * A cursor stored before change set 5 is a recording time that was reread less the commit lag (at most 24 h
     * could be configured; 120 s was the default): it becomes the index of the first entry recorded this long before
     * it. At least once: an entry in that margin may come again, never one is skipped.
     */
    static final Duration FORMER_CURSOR_MARGIN = Duration.ofMinutes(10);

    /** What the track reads its settings from; a snapshot per pass. */
    record Settings(long intervalMs, long pollMs, long leaseMs, long degradedMs, int queueCapacity) {
        /** Reads the settings with {@code r}: a value outside the bounds of {@link FollowerConfig} is refused. */
        static Settings read(ConfigReader r) {
            return new Settings(r.integer("catchUp.intervalSeconds", 1, 86_400, "") * 1000L,
                    r.integer("poll.seconds", 0, 3600, "") * 1000L, r.integer("lease.seconds", 3, 3600, "") * 1000L,
                    r.integer("lag.degradedSeconds", 1, 604_800, "") * 1000L,
                    r.integer("queue.capacity", 1000, 10_000_000, ""));
        }
    }

    /** What was delivered of one case in this run: every position up to {@code hi}. */
    private static final class Mark {
        long hi;
        /** Positions delivered that no read of the index has shown yet (EventAdmin, gap fills); usually empty. */
        Set<Long> unindexed;
        /** The highest global index seen of the case in this run, -1 when none. */
        long lastIndex = -1;
        long touched;

        Mark(long hi, long now) {
            this.hi = hi;
            this.touched = now;
        }

        void delivered(long seq, long index, long now) {
            hi = Math.max(hi, seq);
            touched = now;
            if (index >= 0) {
                lastIndex = Math.max(lastIndex, index);
            } else {
                if (unindexed == null) {
                    unindexed = new HashSet<>();
                }
                unindexed.add(seq);
            }
        }

        void seen(long seq, long index) {
            if (index >= 0) {
                lastIndex = Math.max(lastIndex, index);
                if (unindexed != null) {
                    unindexed.remove(seq);
                }
            }
        }

        boolean forgettable(long cursor, long before) {
            return (unindexed == null || unindexed.isEmpty()) && lastIndex < cursor && touched < before;
        }
    }

    private final LedgerConsumer consumer;
    private final String id;
    private final Scope scope;
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
    /** The global index of the first entry not accepted yet; -1 until known. */
    private volatile long cursor = -1;
    /** The recording time of the newest entry delivered (epoch millis), for display. */
    private volatile long cursorAt;
    private volatile boolean active;
    private volatile String leaseHolder;
    private volatile boolean ready;
    private volatile boolean behind = true;
    private volatile long caughtUpAt;
    private volatile String lastError;
    private volatile boolean failing;
    private final long startedAt;
    private long persisted = -1;
    private long initialIndex = -1;
    private boolean waitingLogged;
    private long nextPassAt;
    private long nextPollAt;
    private long nextLeaseAt;
    private long backoffUntil;
    private long backoffMs;

    Track(LedgerConsumer consumer, String id, Scope scope, LedgerReader reader, CursorStore store, Clock clock,
            String node, Settings settings) {
        this.consumer = consumer;
        this.id = id;
        this.scope = scope;
        this.reader = reader;
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
        // a per-node cursor starts where the consumer says, found on the track's thread (a read of the index)
        active = scope == Scope.PER_NODE;
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
                Instant.ofEpochMilli(cursorAt), lag, queue.size(), delivered.get(), failures.get(), lastError,
                cursor);
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

    /** Where a cursor that does not exist yet starts: the index of {@link LedgerConsumer#startAt}. */
    private long initialIndex() {
        if (initialIndex >= 0) {
            return initialIndex;
        }
        Instant at;
        try {
            at = consumer.startAt(clock.instant());
        } catch (RuntimeException e) {
            LOG.error("Ledger consumer {} failed to tell where to start; it gets the whole ledger", id, e);
            at = Instant.EPOCH;
        }
        initialIndex = at == null || !at.isAfter(Instant.EPOCH) ? 0 : reader.indexAt(at);
        return initialIndex;
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
            clean = readToEnd() && persist(false);
            nextPollAt = clock.millis() + s.pollMs();
        }
        if (clean && queue.isEmpty() && !behind) {
            caughtUpAt = clock.millis();
        }
    }

    /** Readiness, the cursor and (shared) the lease; answers whether the track may deliver now. */
    private boolean prepare() {
        boolean r;
        try {
            r = consumer.ready();
        } catch (RuntimeException e) {
            LOG.error("Ledger consumer {} failed to tell whether it is ready; taken as not ready", id, e);
            r = false;
        }
        if (r && !ready) {
            // whatever was kept while it was not ready is read again by a pass
            nextPassAt = 0;
        }
        ready = r;
        if (!r) {
            return false;
        }
        if (scope == Scope.PER_NODE) {
            if (cursor < 0) {
                cursor = initialIndex();
                persisted = cursor;
            }
            return true;
        }
        long now = clock.millis();
        if (now < nextLeaseAt && active) {
            return true;
        }
        Settings s = settings;
        CursorStore.Lease lease = store.acquire(id, node, now, s.leaseMs(), initialIndex());
        nextLeaseAt = now + s.leaseMs() / 3;
        leaseHolder = lease.holder();
        if (lease.held() && !active) {
            long from;
            if (lease.nextIndex() != null) {
                from = lease.nextIndex();
            } else {
                OptionalLong converted = formerCursor(lease.position());
                if (converted.isEmpty()) {
                    return false;
                }
                from = converted.getAsLong();
            }
            LOG.info("Ledger follower {}: this node ({}) holds the lease; resuming at global index {}", id, node,
                    from);
            cursor = from;
            cursorAt = lease.position();
            persisted = lease.nextIndex() != null ? from : -1;
            resetRun();
            nextPassAt = 0;
        } else if (!lease.held() && active) {
            LOG.info("Ledger follower {}: the lease passed to {}; this node stops delivering", id, lease.holder());
            resetRun();
        }
        active = lease.held();
        return active;
    }

    /**
     * The global index a cursor stored as a recording time (before change set 5) becomes: the first entry recorded
     * {@link #FORMER_CURSOR_MARGIN} before it, once the sequencer has indexed every entry recorded before that
     * (after an upgrade it indexes the whole ledger first, oldest first); empty while it has not.
     */
    private OptionalLong formerCursor(long millis) {
        Instant from = Instant.ofEpochMilli(millis).minus(FORMER_CURSOR_MARGIN);
        if (millis <= 0 || !from.isAfter(Instant.EPOCH)) {
            return OptionalLong.of(0);
        }
        if (reader.waitingBefore(from)) {
            if (!waitingLogged) {
                LOG.info("Ledger follower {}: its cursor (recorded before {}) waits until the sequencer has given a "
                        + "global index to every entry recorded before {}", id, Instant.ofEpochMilli(millis), from);
                waitingLogged = true;
            }
            return OptionalLong.empty();
        }
        long index = reader.indexAt(from);
        LOG.info("Ledger follower {}: its cursor at recording time {} becomes global index {} (from {})", id,
                Instant.ofEpochMilli(millis), index, from);
        return OptionalLong.of(index);
    }

    private void resetRun() {
        marks.clear();
        queue.clear();
        behind = true;
    }

    /**
     * A catch-up pass: the index from the cursor to its end and what EventAdmin queued meanwhile; persists the
     * cursor and calls {@link LedgerConsumer#caughtUp} when everything was accepted. Answers the entries delivered.
     */
    private int pass() {
        Settings s = settings;
        long started = clock.millis();
        long before = delivered.get();
        nextPassAt = started + s.intervalMs();
        if (!readToEnd() || stopped || !drainQueue()) {
            behind = true;
            return (int) (delivered.get() - before);
        }
        if (!persist(true)) {
            return (int) (delivered.get() - before);
        }
        forgetOldMarks(started - s.intervalMs());
        behind = false;
        caughtUpAt = clock.millis();
        try {
            consumer.caughtUp();
        } catch (RuntimeException e) {
            LOG.error("Ledger consumer {}: caughtUp() failed", id, e);
        }
        return (int) (delivered.get() - before);
    }

    /** Reads the index from the cursor to its end; answers whether everything read was accepted. */
    private boolean readToEnd() {
        long lastPersist = clock.millis();
        while (!stopped) {
            Page page = read(cursor);
            if (page.size() == 0) {
                return true;
            }
            List<LedgerEntry> batch = plan(page.entries(), false);
            if (!batch.isEmpty() && !deliver(batch)) {
                return false;
            }
            cursor = page.last().index() + 1;
            if (clock.millis() - lastPersist > settings.leaseMs() / 3) {
                // progress through a long backlog survives a restart; renews the lease too
                if (!persist(false)) {
                    return false;
                }
                lastPersist = clock.millis();
            }
            if (page.size() < PAGE) {
                return true;
            }
        }
        return false;
    }

    /**
     * A page of the index read from {@code from}: its size and last position, and the entries of it not delivered
     * yet with their indexes. The positions are read first; when most of them are new (catching up) the page is read
     * whole, otherwise only the new entries are, case by case.
     */
    private record Page(List<Indexed> entries, Position last, int size) {
    }

    private Page read(long from) {
        List<Position> positions = reader.positionsFrom(from, PAGE);
        if (positions.isEmpty()) {
            return new Page(List.of(), null, 0);
        }
        Map<String, List<Position>> missing = new LinkedHashMap<>();
        int count = 0;
        for (Position p : positions) {
            Mark m = marks.get(p.caseNumber());
            if (m != null && p.seq() <= m.hi) {
                m.seen(p.seq(), p.index());
            } else {
                missing.computeIfAbsent(p.caseNumber(), k -> new ArrayList<>()).add(p);
                count++;
            }
        }
        Position last = positions.get(positions.size() - 1);
        if (count == 0) {
            return new Page(List.of(), last, positions.size());
        }
        if (count > positions.size() / 4) {
            List<Indexed> whole = reader.entriesFrom(from, PAGE);
            if (!whole.isEmpty()) {
                // the same page, perhaps longer by entries indexed between the two reads: plan() sorts it out
                Indexed end = whole.get(whole.size() - 1);
                return new Page(whole, new Position(end.index(), end.entry().event().caseNumber().canonical(),
                        end.entry().seq()), whole.size());
            }
        }
        List<Indexed> out = new ArrayList<>(count);
        for (Map.Entry<String, List<Position>> c : missing.entrySet()) {
            Map<Long, Long> wanted = new HashMap<>();
            long lo = Long.MAX_VALUE;
            long hi = 0;
            for (Position p : c.getValue()) {
                wanted.put(p.seq(), p.index());
                lo = Math.min(lo, p.seq());
                hi = Math.max(hi, p.seq());
            }
            for (LedgerEntry e : reader.entries(c.getKey(), lo, hi)) {
                Long index = wanted.get(e.seq());
                if (index != null) {
                    out.add(new Indexed(index, e));
                }
            }
        }
        out.sort(Comparator.comparingLong(Indexed::index));
        return new Page(out, last, positions.size());
    }

    private boolean drainQueue() {
        List<LedgerEntry> taken = new ArrayList<>(PAGE);
        while (!stopped) {
            taken.clear();
            queue.drainTo(taken, PAGE);
            if (taken.isEmpty()) {
                return true;
            }
            List<Indexed> items = new ArrayList<>(taken.size());
            for (LedgerEntry e : taken) {
                items.add(new Indexed(-1, e));
            }
            List<LedgerEntry> batch = plan(items, true);
            if (!batch.isEmpty() && !deliver(batch)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What to deliver for {@code entries}, in order per case, without what was delivered or accepted already; marks
     * it delivered (a refused batch unmarks its cases).
     *
     * @param unordered whether the entries come from EventAdmin (any order, index -1) rather than from the index
     */
    private List<LedgerEntry> plan(List<Indexed> entries, boolean unordered) {
        List<LedgerEntry> out = new ArrayList<>();
        if (unordered) {
            entries = new ArrayList<>(entries);
            entries.sort(Comparator.comparing((Indexed i) -> i.entry().event().caseNumber().canonical())
                    .thenComparingLong(i -> i.entry().seq()));
        }
        long now = clock.millis();
        for (Indexed item : entries) {
            LedgerEntry e = item.entry();
            String cn = e.event().caseNumber().canonical();
            Mark m = marks.get(cn);
            if (m == null) {
                // what an earlier run (or this one, before the mark was forgotten) accepted: the entries below the
                // cursor, and with each of them the case's earlier entries
                m = new Mark(e.seq() == 1 || cursor <= 0 ? 0 : reader.lastSeqBelow(cn, cursor), now);
                marks.put(cn, m);
            }
            if (e.seq() <= m.hi) {
                m.seen(e.seq(), item.index());
                continue;
            }
            if (e.seq() > m.hi + 1) {
                // a gap: a publication lost or overtaken, or an entry indexed before an earlier one of its case
                for (LedgerEntry t : reader.entries(cn, m.hi + 1, e.seq() - 1)) {
                    if (t.seq() == m.hi + 1) {
                        m.delivered(t.seq(), -1, now);
                        out.add(t);
                    }
                }
            }
            m.delivered(e.seq(), item.index(), now);
            out.add(e);
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
        long newest = cursorAt;
        for (LedgerEntry e : batch) {
            newest = Math.max(newest, e.event().recordedAt().toEpochMilli());
        }
        cursorAt = newest;
        if (failing) {
            LOG.info("Ledger consumer {} accepts entries again", id);
        }
        failing = false;
        backoffMs = 0;
        return true;
    }

    /** Forgets what was delivered of the batch's cases: the next read brings their entries from the cursor again. */
    private void unmark(List<LedgerEntry> batch) {
        for (LedgerEntry e : batch) {
            marks.remove(e.event().caseNumber().canonical());
        }
    }

    /**
     * Stores the cursor (shared consumers; a per-node cursor lives in memory only) when it moved or {@code always};
     * answers false when the lease was lost meanwhile.
     */
    private boolean persist(boolean always) {
        if (scope == Scope.PER_NODE || (!always && cursor == persisted)) {
            return true;
        }
        long now = clock.millis();
        if (!store.move(id, node, cursor, cursorAt, now, settings.leaseMs())) {
            LOG.info("Ledger follower {}: the lease was lost before the cursor could move; another node goes on", id);
            active = false;
            resetRun();
            return false;
        }
        persisted = cursor;
        nextLeaseAt = now + settings.leaseMs() / 3;
        return true;
    }

    private void forgetOldMarks(long before) {
        Iterator<Mark> it = marks.values().iterator();
        while (it.hasNext()) {
            if (it.next().forgettable(cursor, before)) {
                it.remove();
            }
        }
    }
}
