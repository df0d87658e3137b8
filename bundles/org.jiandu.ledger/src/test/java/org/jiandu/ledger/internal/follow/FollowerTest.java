package org.jiandu.ledger.internal.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthState;
import org.jiandu.api.ledger.LedgerConsumer.Scope;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/**
 * The ledger follower over an in-memory ledger and a real cursor table (EclipseLink on an in-memory Derby): order
 * per case, at least once, the durable shared cursor, the lease, per-node cursors, readiness and health.
 */
class FollowerTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String A = "（2024）京0105执1号";
    private static final String B = "（2024）京0105执2号";

    private final MutableClock clock = new MutableClock(Instant.parse("2024-09-27T02:00:00Z"));
    private final TestLedger ledger = new TestLedger(clock);
    private final List<LedgerFollowerService> services = new ArrayList<>();
    private EntityManagerFactory emf;
    private EmbeddedDataSource dataSource;
    private CursorStore store;

    @BeforeEach
    void database() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:follower" + DATABASES.incrementAndGet());
        dataSource.setCreateDatabase("create");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        // the tables as the bundle's migrations create them (docs/MIGRATIONS.md)
        new org.jiandu.ledger.internal.LedgerSchema(dataSource);
        emf = Persistence.createEntityManagerFactory("jiandu-ledger", props);
        emf.createEntityManager().close();
        store = new JpaCursorStore(emf);
    }

    @AfterEach
    void close() throws Exception {
        for (LedgerFollowerService s : services) {
            s.deactivate();
        }
        emf.close();
        org.jiandu.ledger.internal.TestDatabases.drop(dataSource.getDatabaseName());
    }

    /** A follower as DS starts it; ticks are left to the tests (catchUpNow, EventAdmin) so nothing runs by itself. */
    private LedgerFollowerService follower(String node) {
        return follower(Map.of("node.id", node, "catchUp.intervalSeconds", 3600, "poll.seconds", 0,
                "lag.degradedSeconds", 60));
    }

    /** A follower with these raw Config Admin properties (a {@code .cfg} file gives strings). */
    private LedgerFollowerService follower(Map<String, ?> properties) {
        LedgerFollowerService s = new LedgerFollowerService(ledger, store, clock, properties, false);
        services.add(s);
        return s;
    }

    /** The health component of one consumer. */
    private static ComponentHealth consumerHealth(LedgerFollowerService s, String consumerId) {
        return s.health().stream().filter(h -> h.component().equals("jiandu.follower." + consumerId)).findFirst()
                .orElseThrow(() -> new AssertionError("no health for " + consumerId + " in " + s.health()));
    }

    /** The health component of the follower's configuration. */
    private static ComponentHealth configHealth(LedgerFollowerService s) {
        return s.health().stream().filter(h -> h.component().equals("jiandu.follower")).findFirst()
                .orElseThrow(() -> new AssertionError("no jiandu.follower in " + s.health()));
    }

    private static void publish(LedgerFollowerService s, LedgerEntry e) {
        s.handleEvent(new Event("jiandu/case/CASE_FILED", Map.of("entry", e)));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    @Test
    void aConsumerRegisteredLateGetsTheWholeLedgerInOrderPerCase() throws Exception {
        ledger.record(A);
        ledger.record(B);
        clock.advance(Duration.ofSeconds(1));
        ledger.record(A);
        ledger.record(B);
        ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.late", Scope.SHARED);
        s.addConsumer(c);
        assertEquals(5, s.catchUpNow("test.late", WAIT));
        List<Long> a = c.received.stream().filter(e -> e.event().caseNumber().canonical().contains("执1号"))
                .map(LedgerEntry::seq).toList();
        List<Long> b = c.received.stream().filter(e -> e.event().caseNumber().canonical().contains("执2号"))
                .map(LedgerEntry::seq).toList();
        assertEquals(List.of(1L, 2L, 3L), a);
        assertEquals(List.of(1L, 2L), b);
    }

    @Test
    void aPublicationAfterAGapBringsTheMissedEntriesFirst() throws Exception {
        ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.gap", Scope.SHARED);
        s.addConsumer(c);
        s.catchUpNow("test.gap", WAIT);
        ledger.record(A);
        LedgerEntry third = ledger.record(A);
        // the publication of the second entry was lost; the third arrives
        publish(s, third);
        await(() -> c.count() == 3, "entries 2 and 3");
        assertEquals(List.of(1L, 2L, 3L), c.received.stream().map(LedgerEntry::seq).toList());
    }

    @Test
    void anEntryAcceptedOnceIsNotDeliveredAgainInTheSameRun() throws Exception {
        LedgerEntry first = ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.once", Scope.SHARED);
        s.addConsumer(c);
        assertEquals(1, s.catchUpNow("test.once", WAIT));
        publish(s, first);
        // a publication that comes late (EventAdmin is asynchronous) after the pass delivered the entry
        assertEquals(0, s.catchUpNow("test.once", WAIT));
        assertEquals(1, c.count());
    }

    @Test
    void rereadsOfEntriesAlreadyDeliveredReadOnlyTheirPositions() throws Exception {
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.positions", Scope.SHARED);
        s.addConsumer(c);
        s.catchUpNow("test.positions", WAIT);
        List<LedgerEntry> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            published.add(ledger.record(i % 2 == 0 ? A : B));
        }
        for (LedgerEntry e : published) {
            publish(s, e);
        }
        await(() -> c.count() == 12, "the published entries");
        ledger.entriesRead.set(0);
        // the next pass reads the index, all of it delivered already
        assertEquals(0, s.catchUpNow("test.positions", WAIT));
        assertEquals(0, ledger.entriesRead.get(), "no whole entry is read again");
        // one entry whose publication was lost is read alone, from its case
        LedgerEntry lost = ledger.record("（2024）京0105执3号");
        assertEquals(1, s.catchUpNow("test.positions", WAIT));
        assertEquals(1, ledger.entriesRead.get());
        assertEquals(lost, c.received.get(12));
    }

    @Test
    void aRefusedBatchIsDeliveredAgainAndHealthSaysWhy() throws Exception {
        ledger.record(A);
        ledger.record(B);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.refuse", Scope.SHARED);
        c.refuse.set(1);
        s.addConsumer(c);
        assertEquals(0, s.catchUpNow("test.refuse", WAIT));
        ComponentHealth h = consumerHealth(s, "test.refuse");
        assertEquals("jiandu.follower.test.refuse", h.component());
        assertEquals(HealthState.DEGRADED, h.state());
        assertTrue(h.reasons().get(0).contains("database unavailable"), h.reasons().toString());
        assertEquals(0, s.status("test.refuse").orElseThrow().position(), "the cursor stays before the refused batch");
        assertEquals(2, s.catchUpNow("test.refuse", WAIT));
        assertEquals(HealthState.UP, consumerHealth(s, "test.refuse").state());
        assertEquals(0, s.status("test.refuse").orElseThrow().lagMillis());
    }

    @Test
    void theSharedCursorSurvivesARestart() throws Exception {
        ledger.record(A);
        ledger.record(B);
        clock.advance(Duration.ofMinutes(1));
        LedgerFollowerService first = follower("n1");
        RecordingConsumer c1 = new RecordingConsumer("test.durable", Scope.SHARED);
        first.addConsumer(c1);
        assertEquals(2, first.catchUpNow("test.durable", WAIT));
        first.deactivate();
        services.remove(first);
        // an hour later, a new entry; the restarted follower resumes from the stored cursor
        clock.advance(Duration.ofHours(1));
        LedgerEntry later = ledger.record(A);
        LedgerFollowerService second = follower("n1");
        RecordingConsumer c2 = new RecordingConsumer("test.durable", Scope.SHARED);
        second.addConsumer(c2);
        assertEquals(1, second.catchUpNow("test.durable", WAIT));
        assertEquals(List.of(later), c2.received);
    }

    @Test
    void onlyTheNodeHoldingTheLeaseDeliversAndAnotherTakesOverWhenItStops() throws Exception {
        ledger.record(A);
        clock.advance(Duration.ofMinutes(10));
        LedgerFollowerService n1 = follower("n1");
        LedgerFollowerService n2 = follower("n2");
        RecordingConsumer c1 = new RecordingConsumer("test.lease", Scope.SHARED);
        RecordingConsumer c2 = new RecordingConsumer("test.lease", Scope.SHARED);
        n1.addConsumer(c1);
        assertEquals(1, n1.catchUpNow("test.lease", WAIT));
        n2.addConsumer(c2);
        assertEquals(0, n2.catchUpNow("test.lease", WAIT));
        assertFalse(n2.status("test.lease").orElseThrow().active());
        assertEquals("n1", n2.status("test.lease").orElseThrow().leaseHolder());
        // a publication on the node without the lease is not processed there (n1 does not see it either)
        publish(n2, ledger.record(A));
        clock.advance(Duration.ofMinutes(5));
        n1.deactivate();
        services.remove(n1);
        LedgerEntry third = ledger.record(A);
        // n2 takes over from n1's cursor: entry 2 (which n1 never saw) and 3
        assertEquals(2, n2.catchUpNow("test.lease", WAIT));
        assertEquals(List.of(2L, 3L), c2.received.stream().map(LedgerEntry::seq).toList());
        assertEquals(third, c2.received.get(1));
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheFormerHolderCannotMoveTheCursor() {
        CursorStore.Lease a = store.acquire("test.expiry", "n1", 1_000, 30_000, 0);
        assertTrue(a.held());
        CursorStore.Lease b = store.acquire("test.expiry", "n2", 20_000, 30_000, 0);
        assertFalse(b.held());
        assertEquals("n1", b.holder());
        // n1 stalls past its lease
        CursorStore.Lease later = store.acquire("test.expiry", "n2", 40_000, 30_000, 0);
        assertTrue(later.held());
        assertFalse(store.move("test.expiry", "n1", 39, 0, 41_000, 30_000));
        assertTrue(store.move("test.expiry", "n2", 39, 0, 41_000, 30_000));
        assertEquals(39L, store.acquire("test.expiry", "n2", 42_000, 30_000, 0).nextIndex());
    }

    @Test
    void aPerNodeConsumerStartsWhereItSaysOnEveryNode() throws Exception {
        ledger.record(A);
        clock.advance(Duration.ofMinutes(10));
        LedgerFollowerService n1 = follower("n1");
        LedgerFollowerService n2 = follower("n2");
        RecordingConsumer c1 = new RecordingConsumer("test.model", Scope.PER_NODE);
        RecordingConsumer c2 = new RecordingConsumer("test.model", Scope.PER_NODE);
        c1.startAt = clock.instant();
        c2.startAt = clock.instant();
        n1.addConsumer(c1);
        n2.addConsumer(c2);
        LedgerEntry fresh = ledger.record(A);
        assertEquals(1, n1.catchUpNow("test.model", WAIT));
        assertEquals(1, n2.catchUpNow("test.model", WAIT));
        assertEquals(List.of(fresh), c1.received);
        assertEquals(List.of(fresh), c2.received);
    }

    @Test
    void aConsumerThatIsNotReadyGetsNothingUntilItIs() throws Exception {
        ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.ready", Scope.SHARED);
        c.ready = false;
        s.addConsumer(c);
        publish(s, ledger.record(A));
        assertEquals(0, s.catchUpNow("test.ready", WAIT));
        assertEquals(0, c.count());
        assertEquals(HealthState.DEGRADED, consumerHealth(s, "test.ready").state());
        c.ready = true;
        assertEquals(2, s.catchUpNow("test.ready", WAIT));
        assertEquals(HealthState.UP, consumerHealth(s, "test.ready").state());
    }

    @Test
    void aSecondConsumerWithTheSameIdGetsNothing() throws Exception {
        ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c1 = new RecordingConsumer("test.twice", Scope.SHARED);
        RecordingConsumer c2 = new RecordingConsumer("test.twice", Scope.PER_NODE);
        s.addConsumer(c1);
        s.addConsumer(c2);
        assertEquals(1, s.statuses().size());
        assertEquals(1, s.catchUpNow("test.twice", WAIT));
        assertEquals(0, c2.count());
    }

    @Test
    void anEntryCommittedLateIsDeliveredOnceItIsIndexedHoweverLate() throws Exception {
        ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.late-commit", Scope.SHARED);
        s.addConsumer(c);
        // a long transaction stamped its entry an hour before it committed, after the pass had read past it: no
        // commit-lag window reaches that far back, the global index does
        LedgerEntry late = ledger.recordUnindexed(B);
        clock.advance(Duration.ofHours(1));
        ledger.record("（2024）京0105执3号");
        assertEquals(2, s.catchUpNow("test.late-commit", WAIT));
        assertEquals(2, s.status("test.late-commit").orElseThrow().position());
        ledger.index(late);
        assertEquals(1, s.catchUpNow("test.late-commit", WAIT));
        assertEquals(late, c.received.get(2));
        assertEquals(3, s.status("test.late-commit").orElseThrow().position());
        assertEquals(0, s.catchUpNow("test.late-commit", WAIT), "nothing is read twice");
    }

    @Test
    void entriesOfACaseIndexedOutOfOrderAreDeliveredInOrderAndOnce() throws Exception {
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.order", Scope.SHARED);
        s.addConsumer(c);
        LedgerEntry first = ledger.recordUnindexed(A);
        LedgerEntry second = ledger.recordUnindexed(A);
        ledger.index(second);
        assertEquals(2, s.catchUpNow("test.order", WAIT), "the second brings the first");
        ledger.index(first);
        assertEquals(0, s.catchUpNow("test.order", WAIT));
        assertEquals(List.of(first, second), c.received);
    }

    @Test
    void afterARestartAPublicationBringsOnlyWhatTheCursorHasNotAccepted() throws Exception {
        ledger.record(A);
        ledger.record(A);
        LedgerFollowerService first = follower("n1");
        first.addConsumer(new RecordingConsumer("test.resume", Scope.SHARED));
        assertEquals(2, first.catchUpNow("test.resume", WAIT));
        first.deactivate();
        services.remove(first);
        // the restarted node delivers through EventAdmin before the sequencer indexed the new entries
        LedgerFollowerService second = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.resume", Scope.SHARED);
        second.addConsumer(c);
        assertEquals(0, second.catchUpNow("test.resume", WAIT));
        LedgerEntry third = ledger.recordUnindexed(A);
        LedgerEntry fourth = ledger.recordUnindexed(A);
        // the publication of the third was lost
        publish(second, fourth);
        await(() -> c.count() == 2, "entries 3 and 4");
        assertEquals(List.of(third, fourth), c.received, "not the entries accepted before the restart");
        ledger.index(third, fourth);
        assertEquals(0, second.catchUpNow("test.resume", WAIT));
        assertEquals(4, second.status("test.resume").orElseThrow().position());
    }

    @Test
    void aCursorStoredAsARecordingTimeBecomesTheIndexOfEntriesRecordedTenMinutesBefore() throws Exception {
        ledger.record(A);
        clock.advance(Duration.ofHours(1));
        Instant cursorTime = clock.instant();
        clock.advance(Duration.ofMinutes(-5));
        LedgerEntry withinMargin = ledger.record(B);
        clock.advance(Duration.ofMinutes(-10));
        LedgerEntry waiting = ledger.recordUnindexed("（2024）京0105执3号");
        clock.advance(Duration.ofMinutes(30));
        LedgerEntry after = ledger.record(A);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // a row as the follower stored it before change set 5: a recording time, no index
            st.executeUpdate("INSERT INTO JD_FOLLOWER_CURSOR (CONSUMER_ID, LEASE_OWNER, LEASE_UNTIL, POSITION_MILLIS,"
                    + " UPDATED_AT) VALUES ('test.former', NULL, 0, " + cursorTime.toEpochMilli() + ", 0)");
        }
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.former", Scope.SHARED);
        s.addConsumer(c);
        // an entry recorded 15 minutes before the cursor still waits for the sequencer: so does the conversion
        assertEquals(0, s.catchUpNow("test.former", WAIT));
        assertEquals(-1, s.status("test.former").orElseThrow().position());
        ledger.index(waiting);
        assertEquals(3, s.catchUpNow("test.former", WAIT));
        // from ten minutes before the former cursor, not the first entry (accepted long before); the entry indexed
        // last comes too, although recorded before the margin: at least once, never one skipped
        assertEquals(List.of(withinMargin, after, waiting), c.received);
        assertEquals(4, s.status("test.former").orElseThrow().position());
        assertEquals(0, s.catchUpNow("test.former", WAIT));
    }

    // ---------------------------------------------------------------- configuration (ConfigReader's policy)

    @Test
    void valuesFromACfgFileAreReadAndShownWithThePidInHealth() {
        LedgerFollowerService s = follower(Map.of("catchUp.intervalSeconds", "61", "poll.seconds", "0",
                "lease.seconds", "3", "queue.capacity", "1000", "node.id", "court-a.node_1@host-2"));
        assertEquals("court-a.node_1@host-2", s.node());
        ComponentHealth h = configHealth(s);
        assertEquals(HealthState.UP, h.state(), h.toString());
        assertEquals("org.jiandu.ledger.follower", h.details().get("pid"));
        Map<?, ?> config = (Map<?, ?>) h.details().get("config");
        assertEquals(61, config.get("catchUp.intervalSeconds"));
        assertEquals(0, config.get("poll.seconds"));
        assertEquals(3, config.get("lease.seconds"));
        assertEquals(1000, config.get("queue.capacity"));
        assertEquals(300, config.get("lag.degradedSeconds"), "the default, shown as in effect");
        assertEquals("court-a.node_1@host-2", config.get("node.id"));
    }

    @Test
    void aValueOutOfBoundsOrABadNodeIdIsRefusedNamingPidAndKeyAndTheDefaultIsUsed() {
        LedgerFollowerService s = follower(Map.of("catchUp.intervalSeconds", "0", "lease.seconds", "2",
                "queue.capacity", "999", "lag.degradedSeconds", "WX", "poll.seconds", "3601",
                "node.id", "Bad Id!"));
        ComponentHealth h = configHealth(s);
        assertEquals(HealthState.DEGRADED, h.state());
        String reasons = h.reasons().toString();
        for (String key : List.of("catchUp.intervalSeconds", "lease.seconds", "queue.capacity",
                "lag.degradedSeconds", "poll.seconds", "node.id")) {
            assertTrue(reasons.contains("Configuration org.jiandu.ledger.follower: " + key + " = "),
                    key + " in " + reasons);
        }
        assertEquals(6, h.reasons().size(), reasons);
        Map<?, ?> config = (Map<?, ?>) h.details().get("config");
        assertEquals(60, config.get("catchUp.intervalSeconds"));
        assertEquals(30, config.get("lease.seconds"));
        assertEquals(100_000, config.get("queue.capacity"));
        assertEquals(300, config.get("lag.degradedSeconds"));
        assertEquals(5, config.get("poll.seconds"));
        assertFalse(s.node().contains(" "), s.node());
        assertEquals(s.node(), config.get("node.id"), "the default node id, karaf.name@host name");
    }

    @Test
    void aNodeIdOfMoreThan100CharactersIsRefused() {
        LedgerFollowerService s = follower(Map.of("node.id", "n".repeat(101)));
        assertEquals(HealthState.DEGRADED, configHealth(s).state());
        assertFalse(s.node().equals("n".repeat(101)));
        assertEquals("n".repeat(100), follower(Map.of("node.id", "n".repeat(100))).node());
    }

    @Test
    void aNewNodeIdRestartsTheTracksUnderItAndHandsTheLeaseOver() throws Exception {
        ledger.record(A);
        LedgerFollowerService s = follower("n1");
        RecordingConsumer c = new RecordingConsumer("test.rename", Scope.SHARED);
        s.addConsumer(c);
        assertEquals(1, s.catchUpNow("test.rename", WAIT));
        assertEquals("n1", s.status("test.rename").orElseThrow().leaseHolder());
        Map<String, Object> renamed = new HashMap<>(Map.of("node.id", "n2", "catchUp.intervalSeconds", 3600,
                "poll.seconds", 0));
        s.modified(renamed);
        await(() -> "n2".equals(s.node()) && s.status("test.rename").isPresent(), "the tracks restarted as n2");
        LedgerEntry b = ledger.record(B);
        s.catchUpNow("test.rename", WAIT);
        assertTrue(c.received.contains(b), "the entry recorded after the restart is delivered");
        assertEquals("n2", s.status("test.rename").orElseThrow().leaseHolder());
        assertEquals(HealthState.UP, configHealth(s).state());
        s.modified(Map.of("node.id", "n 3"));
        await(() -> !"n2".equals(s.node()) && s.status("test.rename").isPresent(),
                "the tracks restarted under the default node id");
        assertEquals(HealthState.DEGRADED, configHealth(s).state());
        assertTrue(configHealth(s).reasons().get(0).contains("node.id = n 3"), configHealth(s).reasons().toString());
    }
}
