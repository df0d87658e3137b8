package org.jiandu.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;
import javax.sql.DataSource;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Topics;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Correction;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.HostEventConflictException;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;
import org.jiandu.ledger.internal.follow.LedgerReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The case ledger on JPA: entries in {@code JD_LEDGER_ENTRY}, one head row per case in {@code JD_LEDGER_CASE}.
 *
 * <p>An append locks the heads of the cases it touches (in case-number order, so concurrent batches cannot
 * deadlock), chains each new entry to the head's hash, and commits before anything is answered or published. A
 * race on a new case or on the same host event id surfaces as a constraint violation and the whole attempt is
 * retried, so nothing is ever half-stored.
 */
@Component(service = CaseLedger.class)
public class JpaCaseLedger implements CaseLedger, LedgerReader {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private LedgerSchema schema;
    /** Who may act in a case ({@link ActorScope}); without a directory only the case's court and recorded ones. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile org.jiandu.api.court.CourtDirectory directory;
    /** Checkpoints to verify against; without it (no signing key could be opened) only the chains are checked. */
    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile TreeService tree;

    private static final Logger LOG = LoggerFactory.getLogger(JpaCaseLedger.class);
    private static final int ATTEMPTS = 5;

    private final EntityManagerFactory emf;
    private final EventAdmin eventAdmin;
    private final Clock clock;
    private final Verifier verifier;
    private final DataSource dataSource;
    private final EventValidator validator;
    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);

    @Activate
    public JpaCaseLedger(@Reference(target = "(osgi.unit.name=jiandu-ledger)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource,
            @Reference EventAdmin eventAdmin, @Reference(target = "(jiandu.clock=true)") Clock clock,
            @Reference EventTypeRegistry types) {
        this.emf = emf;
        this.validator = new EventValidator(types::get, clock);
        this.eventAdmin = eventAdmin;
        this.clock = clock;
        this.verifier = new Verifier(dataSource, clock);
        this.dataSource = dataSource;
        // create the tables at activation, not on the first request (EclipseLink creates them lazily otherwise)
        emf.createEntityManager().close();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The one path in, for the REST resources (whose {@link EventParser} has only read the JSON) and in-process
     * callers alike: the event is validated once ({@link EventValidator}), and the entry answered and published is
     * that validated event with its position, time and hashes — never a re-read of what was just written.
     */
    @Override
    public AppendResult append(CaseEvent event) {
        return store(List.of(event), false).get(0);
    }

    @Override
    public List<AppendResult> appendAll(List<CaseEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new ValidationException("BATCH_TOO_LARGE", "events", "A batch holds at most " + MAX_BATCH
                    + " events; this one has " + events.size());
        }
        if (events.isEmpty()) {
            return List.of();
        }
        return store(events, true);
    }

    /** A row to store and the validated event it was made from. */
    private record Pending(EntryEntity row, CaseEvent event) {
    }

    private List<AppendResult> store(List<CaseEvent> events, boolean batch) {
        List<Pending> rows = new ArrayList<>(events.size());
        List<ValidationException> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            try {
                EventValidator.Valid valid = validator.validate(events.get(i));
                rows.add(new Pending(toEntity(valid), valid.event()));
            } catch (ValidationException e) {
                String prefix = "events[" + i + "]";
                e.all().forEach(one -> errors.add(batch ? one.under(prefix) : one));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        PersistenceException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                Outcome outcome = appendRows(em, rows, batch);
                em.getTransaction().commit();
                publish(outcome.fresh);
                return outcome.results;
            } catch (PersistenceException e) {
                // a concurrent writer created the same case head or stored the same host event id: try again
                last = e;
                LOG.debug("Append attempt {} conflicted; retrying", attempt, e);
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
        throw new IllegalStateException("The ledger could not append after " + ATTEMPTS + " attempts", last);
    }

    private record Outcome(List<AppendResult> results, List<LedgerEntry> fresh) {
    }

    private Outcome appendRows(EntityManager em, List<Pending> rows, boolean batch) {
        Map<String, EntryEntity> stored = existing(em, rows);
        // lock every touched case head, in a fixed order
        Map<String, CaseNumber> touched = new TreeMap<>();
        for (Pending p : rows) {
            touched.put(p.row().getCaseNumber(), p.event().caseNumber());
        }
        Map<String, CaseHeadEntity> heads = new HashMap<>();
        for (Map.Entry<String, CaseNumber> cn : touched.entrySet()) {
            CaseHeadEntity head = em.find(CaseHeadEntity.class, cn.getKey(), LockModeType.PESSIMISTIC_WRITE);
            if (head == null) {
                head = new CaseHeadEntity(cn.getKey(), cn.getValue().courtCode(), LedgerEntry.GENESIS);
                em.persist(head);
            }
            heads.put(cn.getKey(), head);
        }
        Instant now = clock.instant();
        String recordedAt = now.toString();
        Map<String, EntryEntity> inBatch = new HashMap<>();
        Map<String, CaseSummaryEntity> summaries = new HashMap<>();
        List<AppendResult> results = new ArrayList<>(rows.size());
        List<LedgerEntry> fresh = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            EntryEntity row = rows.get(i).row();
            String prefix = batch ? "events[" + i + "]" : null;
            EntryEntity earlier = stored.get(row.getHostEventId());
            if (earlier == null) {
                earlier = inBatch.get(row.getHostEventId());
            }
            if (earlier != null) {
                if (!Canonical.content(earlier).equals(Canonical.content(row))) {
                    throw new HostEventConflictException(row.getHostEventId(), field(prefix, "hostEventId"),
                            "Host event id " + row.getHostEventId() + " was already recorded (case "
                                    + earlier.getCaseNumber() + ", entry " + earlier.getSeq()
                                    + ") with different content; a correction needs a new id and a correction block");
                }
                results.add(new AppendResult(toEntry(earlier), true));
                continue;
            }
            if (row.getCorrects() != null) {
                checkCorrectionTarget(em, row, inBatch, prefix);
            }
            CaseHeadEntity head = heads.get(row.getCaseNumber());
            CaseEvent event = rows.get(i).event();
            Set<String> acting = head.actingOrganisations();
            ActorScope.check(event, acting, directory, field(prefix, "actor.organisation"));
            Set<String> next = ActorScope.after(event, acting);
            if (!next.equals(acting)) {
                head.actingOrganisations(next);
            }
            row.chain(head.getEntryCount() + 1, recordedAt, head.getHeadHash());
            head.advance(row.getHash());
            em.persist(row);
            // queued for its global index and Merkle leaf in the same transaction: nothing committed is left out
            em.persist(new QueuedEntryEntity(row));
            summaries.computeIfAbsent(row.getCaseNumber(),
                    cn -> CaseSummaries.forAppend(em, cn, head.getCourtCode(), row.getSeq())).apply(row);
            inBatch.put(row.getHostEventId(), row);
            LedgerEntry entry = new LedgerEntry(row.getSeq(), rows.get(i).event().recorded(now), row.getPrevHash(),
                    row.getHash());
            results.add(new AppendResult(entry, false));
            fresh.add(entry);
        }
        return new Outcome(results, fresh);
    }

    private static String field(String prefix, String field) {
        return prefix == null ? field : prefix + "." + field;
    }

    private static void checkCorrectionTarget(EntityManager em, EntryEntity row, Map<String, EntryEntity> inBatch,
            String prefix) {
        EntryEntity target = inBatch.get(row.getCorrects());
        if (target == null) {
            List<EntryEntity> found = em.createQuery("SELECT e FROM EntryEntity e WHERE e.hostEventId = :id",
                    EntryEntity.class).setParameter("id", row.getCorrects()).getResultList();
            target = found.isEmpty() ? null : found.get(0);
        }
        if (target == null || !target.getCaseNumber().equals(row.getCaseNumber())) {
            throw new ValidationException("CORRECTION_TARGET_NOT_FOUND", field(prefix, "correction.correctsHostEventId"),
                    "The corrected event " + row.getCorrects() + " is not recorded on case " + row.getCaseNumber()
                            + "; a correction must name an earlier event of the same case");
        }
    }

    private static Map<String, EntryEntity> existing(EntityManager em, List<Pending> rows) {
        Map<String, EntryEntity> found = new HashMap<>();
        List<String> ids = rows.stream().map(p -> p.row().getHostEventId()).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            em.createQuery("SELECT e FROM EntryEntity e WHERE e.hostEventId IN :ids", EntryEntity.class)
                    .setParameter("ids", chunk).getResultList().forEach(e -> found.put(e.getHostEventId(), e));
        }
        return found;
    }

    private static EntryEntity toEntity(EventValidator.Valid valid) {
        CaseEvent e = valid.event();
        Actor a = e.actor();
        Correction c = e.correction();
        return new EntryEntity(e.caseNumber().canonical(), e.hostEventId(), e.type(), EventParser.format(e.occurredAt()),
                a == null ? null : a.personId(), a == null ? null : a.role(), a == null ? null : a.organisation(),
                valid.payloadJson(), c == null ? null : c.correctsHostEventId(),
                c == null ? null : c.approver(), c == null ? null : c.reason());
    }

    LedgerEntry toEntry(EntryEntity r) {
        Payload payload;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = json.readValue(r.getPayload(), LinkedHashMap.class);
            payload = Payload.of(map);
        } catch (Exception e) {
            throw new IllegalStateException("Stored payload of " + r.getCaseNumber() + " #" + r.getSeq()
                    + " is not JSON; run verification", e);
        }
        Actor actor = r.getActorPerson() == null ? null
                : new Actor(r.getActorPerson(), r.getActorRole(), r.getActorOrganisation());
        Correction correction = r.getCorrects() == null ? null
                : new Correction(r.getCorrects(), r.getApprover(), r.getReason());
        CaseEvent event = new CaseEvent(r.getHostEventId(), CaseNumber.parse(r.getCaseNumber()), r.getType(),
                OffsetDateTime.parse(r.getOccurredAt()), Instant.parse(r.getRecordedAt()), actor, payload, correction);
        return new LedgerEntry(r.getSeq(), event, r.getPrevHash(), r.getHash());
    }

    private void publish(List<LedgerEntry> entries) {
        for (LedgerEntry e : entries) {
            Map<String, Object> props = new HashMap<>();
            props.put(Topics.PROP_CASE_NUMBER, e.event().caseNumber().canonical());
            props.put(Topics.PROP_TYPE, e.event().type());
            props.put(Topics.PROP_SEQ, e.seq());
            props.put(Topics.PROP_HOST_EVENT_ID, e.event().hostEventId());
            props.put(Topics.PROP_OCCURRED_AT, e.event().occurredAt().toString());
            props.put(Topics.PROP_HASH, e.hash());
            props.put(Topics.PROP_ENTRY, e);
            eventAdmin.postEvent(new Event(Topics.forCaseEvent(e.event().type()), props));
        }
    }

    @Override
    public List<LedgerEntry> timeline(CaseNumber caseNumber) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT e FROM EntryEntity e WHERE e.caseNumber = :cn ORDER BY e.seq",
                    EntryEntity.class).setParameter("cn", caseNumber.canonical()).getResultList().stream()
                    .map(this::toEntry).toList();
        } finally {
            em.close();
        }
    }

    @Override
    public Optional<LedgerEntry> findByHostEventId(String hostEventId) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT e FROM EntryEntity e WHERE e.hostEventId = :id", EntryEntity.class)
                    .setParameter("id", hostEventId).getResultList().stream().findFirst().map(this::toEntry);
        } finally {
            em.close();
        }
    }

    /** Recording times are stored as {@link Instant#toString()}; this prefix sorts before every instant of its second. */
    private static final java.time.format.DateTimeFormatter SECOND_PREFIX =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(java.time.ZoneOffset.UTC);

    @Override
    public List<LedgerEntry> recordedSince(Instant since, LedgerEntry after, int limit) {
        EntityManager em = emf.createEntityManager();
        try {
            return pageSince(em, "e", EntryEntity.class, since, after, limit).stream().map(this::toEntry).toList();
        } finally {
            em.close();
        }
    }

    // ------------------------------------------------------------------ LedgerReader: the global index (JDBC)

    /** {@inheritDoc} Read from {@code JD_LEDGER_LEAF} alone (its key and two short columns). */
    @Override
    public List<Position> positionsFrom(long from, int limit) {
        return query("SELECT GLOBAL_INDEX, CASE_NUMBER, SEQ FROM JD_LEDGER_LEAF WHERE GLOBAL_INDEX >= ? "
                + "ORDER BY GLOBAL_INDEX", limit, r -> new Position(r.getLong(1), r.getString(2), r.getLong(3)),
                from);
    }

    @Override
    public List<Indexed> entriesFrom(long from, int limit) {
        return query("SELECT l.GLOBAL_INDEX, " + Verifier.columns("e") + " FROM JD_LEDGER_LEAF l JOIN "
                + "JD_LEDGER_ENTRY e ON e.CASE_NUMBER = l.CASE_NUMBER AND e.SEQ = l.SEQ WHERE l.GLOBAL_INDEX >= ? "
                + "ORDER BY l.GLOBAL_INDEX", limit, r -> new Indexed(r.getLong(1), toEntry(Verifier.entryAt(r, 1))),
                from);
    }

    @Override
    public long lastSeqBelow(String caseNumber, long index) {
        List<Long> max = query("SELECT MAX(SEQ) FROM JD_LEDGER_LEAF WHERE CASE_NUMBER = ? AND GLOBAL_INDEX < ?", 1,
                r -> r.getLong(1), caseNumber, index);
        return max.isEmpty() ? 0 : max.get(0);
    }

    @Override
    public long indexAt(Instant at) {
        String from = SECOND_PREFIX.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        List<Long> first = query("SELECT MIN(l.GLOBAL_INDEX) FROM JD_LEDGER_LEAF l JOIN JD_LEDGER_ENTRY e ON "
                + "e.CASE_NUMBER = l.CASE_NUMBER AND e.SEQ = l.SEQ WHERE e.RECORDED_AT >= ?", 1, r -> {
                    long v = r.getLong(1);
                    return r.wasNull() ? null : v;
                }, from);
        if (!first.isEmpty() && first.get(0) != null) {
            return first.get(0);
        }
        return query("SELECT TREE_SIZE FROM JD_LEDGER_TREE WHERE ID = 1", 1, r -> r.getLong(1)).get(0);
    }

    @Override
    public boolean waitingBefore(Instant at) {
        String before = SECOND_PREFIX.format(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        return !query("SELECT CASE_NUMBER FROM JD_LEDGER_QUEUE WHERE RECORDED_AT < ?", 1, r -> r.getString(1),
                before).isEmpty();
    }

    private interface Row<T> {
        T read(java.sql.ResultSet r) throws java.sql.SQLException;
    }

    /** A read-only query of at most {@code limit} rows; a database failure is thrown unchecked. */
    private <T> List<T> query(String sql, int limit, Row<T> row, Object... args) {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, (String) args[i]);
                }
            }
            ps.setMaxRows(limit);
            List<T> out = new ArrayList<>();
            try (java.sql.ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.add(row.read(r));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new PersistenceException("Reading the global index failed: " + e.getMessage(), e);
        }
    }

    /**
     * A page in the order of the stored strings: {@code RECORDED_AT} (an ISO instant, whose text order can differ
     * from time order within one second when fractions have different lengths), case number, position. It is a
     * total order on stored rows, so paging is complete; the lower bound is the second's prefix, which no instant of
     * that second sorts before.
     */
    private static <T> List<T> pageSince(EntityManager em, String select, Class<T> type, Instant since,
            LedgerEntry after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", not " + limit);
        }
        String from = SECOND_PREFIX.format(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        javax.persistence.TypedQuery<T> q;
        if (after == null) {
            q = em.createQuery("SELECT " + select + " FROM EntryEntity e WHERE e.recordedAt >= :from "
                    + "ORDER BY e.recordedAt, e.caseNumber, e.seq", type);
        } else {
            String r = after.event().recordedAt().toString();
            String cn = after.event().caseNumber().canonical();
            // one lower bound, the later of the two, is the index scan's start key: with "recordedAt >= :from" alone
            // the database scanned the index from :from on every page and filtered with the OR, and paging through
            // a window became quadratic (a follower's pass over three minutes of entries took a quarter of a core)
            if (r.compareTo(from) > 0) {
                from = r;
            }
            q = em.createQuery("SELECT " + select + " FROM EntryEntity e WHERE e.recordedAt >= :from "
                    + "AND (e.recordedAt > :r OR (e.recordedAt = :r AND (e.caseNumber > :cn OR (e.caseNumber = :cn "
                    + "AND e.seq > :seq)))) ORDER BY e.recordedAt, e.caseNumber, e.seq", type)
                    .setParameter("r", r).setParameter("cn", cn)
                    .setParameter("seq", after.seq());
        }
        return q.setParameter("from", from).setMaxResults(limit).getResultList();
    }

    @Override
    public List<LedgerEntry> entries(String caseNumber, long from, long to) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("SELECT e FROM EntryEntity e WHERE e.caseNumber = :cn AND e.seq >= :lo "
                    + "AND e.seq <= :hi ORDER BY e.seq", EntryEntity.class).setParameter("cn", caseNumber)
                    .setParameter("lo", from).setParameter("hi", to).getResultList().stream().map(this::toEntry)
                    .toList();
        } finally {
            em.close();
        }
    }

    /** The stored row of one entry, exactly as hashed (the proof resource shows its fields). */
    EntryEntity storedEntry(String caseNumber, long seq) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.find(EntryEntity.class, new EntryEntity.Key(caseNumber, seq));
        } finally {
            em.close();
        }
    }

    @Override
    public VerificationReport verify(CaseNumber caseNumber) {
        return verifier.verify(caseNumber.canonical(), tree);
    }

    @Override
    public VerificationReport verifyAll() {
        return verifier.verify(null, tree);
    }
}
