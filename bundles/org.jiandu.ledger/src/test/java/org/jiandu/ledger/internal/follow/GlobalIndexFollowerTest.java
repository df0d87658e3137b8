package org.jiandu.ledger.internal.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.LedgerConsumer.Scope;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.ledger.internal.EventTypeRegistry;
import org.jiandu.ledger.internal.JpaCaseLedger;
import org.jiandu.ledger.internal.LedgerSchema;
import org.jiandu.ledger.internal.TreeService;
import org.jiandu.ledger.internal.follow.LedgerReader.Indexed;
import org.jiandu.ledger.internal.follow.LedgerReader.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The follower on the real ledger (EclipseLink and JDBC on an in-memory Derby, the real sequencer): what the ledger
 * reads of its global index, and a consumer that gets an entry once the sequencer has indexed it, not before, when
 * EventAdmin's publication is lost.
 */
class GlobalIndexFollowerTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String A = "（2024）京0105执1号";
    private static final String B = "（2024）京0105执2号";

    @TempDir
    Path etc;
    private EmbeddedDataSource dataSource;
    private EntityManagerFactory emf;
    private JpaCaseLedger ledger;
    private TreeService tree;
    private LedgerFollowerService follower;
    private int hostIds;

    @BeforeEach
    void setUp() throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:globalindex" + DATABASES.incrementAndGet());
        dataSource.setCreateDatabase("create");
        LedgerSchema schema = new LedgerSchema(dataSource);
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        emf = Persistence.createEntityManagerFactory("jiandu-ledger", props);
        EventAdmin lost = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                // every publication lost: only the global index brings the entries
            }

            @Override
            public void sendEvent(Event event) {
            }
        };
        Clock clock = Clock.system(CaseEvent.ZONE);
        ledger = new JpaCaseLedger(emf, dataSource, lost, clock, new EventTypeRegistry());
        Map<String, Object> config = new HashMap<>();
        config.put("keystore.path", etc.resolve("signing.p12").toString());
        // no background pass: the test sequences when it says
        config.put("checkpoint.intervalSeconds", 86400);
        config.put("sequence.intervalMillis", 60000);
        tree = new TreeService(schema, dataSource, clock, config);
        follower = new LedgerFollowerService(ledger, new JpaCursorStore(emf), clock, Map.of("node.id", "n1",
                "catchUp.intervalSeconds", 3600, "poll.seconds", 0), false);
    }

    @AfterEach
    void tearDown() throws Exception {
        follower.deactivate();
        call("deactivate");
        emf.close();
        org.jiandu.ledger.internal.TestDatabases.drop(dataSource.getDatabaseName());
    }

    /** A package-private method of the sequencer (another package): a sequencing pass, or its deactivation. */
    private Object call(String method) throws Exception {
        Method m = TreeService.class.getDeclaredMethod(method);
        m.setAccessible(true);
        return m.invoke(tree);
    }

    private LedgerEntry append(String cn) {
        return ledger.append(new CaseEvent("h-" + (++hostIds), CaseNumber.parse(cn), "MONEY_RECEIVED",
                OffsetDateTime.now(CaseEvent.ZONE).minusDays(1), null, new Actor("p-7", "执行员", "京0105"),
                Payload.of(Map.of("amount", hostIds + ".50")), null)).entry();
    }

    @Test
    void theLedgerReadsItsGlobalIndexInOrderWithEachEntry() throws Exception {
        LedgerEntry a1 = append(A);
        LedgerEntry b1 = append(B);
        LedgerEntry a2 = append(A);
        Instant later = Instant.now().plusSeconds(3600);
        assertTrue(ledger.positionsFrom(0, 10).isEmpty(), "nothing indexed before the sequencer ran");
        assertTrue(ledger.waitingBefore(later));
        assertEquals(0, ledger.indexAt(Instant.EPOCH), "the tree is empty");
        assertEquals(3, call("sequence"));
        assertFalse(ledger.waitingBefore(later));
        List<Position> positions = ledger.positionsFrom(0, 10);
        assertEquals(List.of(0L, 1L, 2L), positions.stream().map(Position::index).toList());
        assertEquals(List.of(a1.event().caseNumber().canonical() + "#1", b1.event().caseNumber().canonical() + "#1",
                a2.event().caseNumber().canonical() + "#2"),
                positions.stream().map(p -> p.caseNumber() + "#" + p.seq()).toList(), "in recording order");
        List<Indexed> whole = ledger.entriesFrom(1, 1);
        assertEquals(1, whole.size());
        assertEquals(1, whole.get(0).index());
        assertEquals(b1, whole.get(0).entry());
        assertEquals(2, ledger.lastSeqBelow(a1.event().caseNumber().canonical(), 3));
        assertEquals(1, ledger.lastSeqBelow(a1.event().caseNumber().canonical(), 2));
        assertEquals(0, ledger.lastSeqBelow(b1.event().caseNumber().canonical(), 1));
        assertEquals(0, ledger.indexAt(a1.event().recordedAt()));
        assertEquals(3, ledger.indexAt(later), "none recorded after: the tree size");
    }

    @Test
    void aConsumerGetsWhatWasAppendedOnceTheSequencerIndexedItAndTheCursorIsStored() throws Exception {
        RecordingConsumer c = new RecordingConsumer("test.real", Scope.SHARED);
        follower.addConsumer(c);
        assertEquals(0, follower.catchUpNow("test.real", WAIT));
        append(A);
        append(B);
        append(A);
        assertEquals(0, follower.catchUpNow("test.real", WAIT), "not indexed yet, and the publications were lost");
        call("sequence");
        assertEquals(3, follower.catchUpNow("test.real", WAIT));
        assertEquals(List.of("京0105/1#1", "京0105/2#1", "京0105/1#2"), c.seen());
        assertEquals(3, follower.status("test.real").orElseThrow().position());
        follower.removeConsumer(c);
        // the stored cursor: a new run of the consumer starts after what was accepted
        append(B);
        call("sequence");
        RecordingConsumer again = new RecordingConsumer("test.real", Scope.SHARED);
        follower.addConsumer(again);
        assertEquals(1, follower.catchUpNow("test.real", WAIT));
        assertEquals(List.of("京0105/2#2"), again.seen());
    }
}
