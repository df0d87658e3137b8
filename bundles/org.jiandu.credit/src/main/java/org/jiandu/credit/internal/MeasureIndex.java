package org.jiandu.credit.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingTopics;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.credit.MeasureStatus;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.query.CourtScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The index of credit measures across cases ({@code JD_CREDIT_MEASURE}): one row per measure with what the
 * cross-case queries select on — the person, the court, the next lift or deletion due, whether it ended, whether it
 * was published — and the measure's facts as JSON, so that a person's measures, the overdue lifts and the
 * publication list are answered from the index alone, without reading timelines.
 *
 * <p>The same follower raises the findings of what was recorded against the rules ({@link CreditFindings},
 * {@code JD_CREDIT_FINDING}), published on {@code jiandu/finding/<kind>} after the commit.
 *
 * <p>Written by the ledger follower (a {@link LedgerConsumer} of scope {@link LedgerConsumer.Scope#SHARED}, from
 * the start of the ledger, so a court that installs the bundle on a running ledger gets every measure already
 * recorded): for each case a batch touches, the case's measures are folded again from its timeline and its rows
 * replaced in one transaction. A projection of the ledger, never the record: dropping the table's rows and the
 * follower's cursor rebuilds it.
 */
@Component(service = {MeasureIndex.class, LedgerConsumer.class})
public final class MeasureIndex implements LedgerConsumer {
    static final String CONSUMER_ID = "jiandu.credit.index";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The tables exist at the version this code expects before this component touches them. */
    @Reference
    private CreditSchema schema;

    private final DataSource dataSource;
    private final CaseLedger ledger;
    private final WorkingCalendar calendar;
    private final CreditSettings settings;
    private final EventAdmin events;
    private final Clock clock;

    @Activate
    public MeasureIndex(@Reference(target = "(osgi.jndi.service.name=jiandu)") DataSource dataSource,
            @Reference CaseLedger ledger, @Reference WorkingCalendar calendar, @Reference CreditSettings settings,
            @Reference EventAdmin events, @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.calendar = calendar;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String id() {
        return CONSUMER_ID;
    }

    @Override
    public Scope scope() {
        return Scope.SHARED;
    }

    /**
     * Re-indexes every case the batch touches and raises the findings of its entries ({@link CreditFindings}), in one
     * transaction; the findings stored anew are published on EventAdmin after the commit. A finding already stored
     * (a batch delivered again) is neither stored nor published twice.
     */
    @Override
    public void accept(List<LedgerEntry> entries) throws SQLException {
        Map<CaseNumber, List<LedgerEntry>> touched = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            String type = e.event().type();
            if (MeasureFacts.concerns(type) || CreditFindings.TYPES.contains(type)) {
                touched.computeIfAbsent(e.event().caseNumber(), k -> new ArrayList<>()).add(e);
            }
        }
        if (touched.isEmpty()) {
            return;
        }
        Map<CaseNumber, Collection<MeasureFacts>> cases = new LinkedHashMap<>();
        List<Pending> findings = new ArrayList<>();
        CreditSettings.Policy policy = settings.policy();
        for (Map.Entry<CaseNumber, List<LedgerEntry>> t : touched.entrySet()) {
            List<LedgerEntry> timeline = ledger.timeline(t.getKey());
            cases.put(t.getKey(), MeasureFacts.fold(timeline, null).values());
            for (LedgerEntry e : t.getValue()) {
                if (e.seq() <= timeline.size()) {
                    for (CreditFindings.Raised r : CreditFindings.on(e, timeline.subList(0, (int) e.seq()), policy)) {
                        findings.add(new Pending(e, r));
                    }
                }
            }
        }
        for (Finding f : write(cases, findings)) {
            events.postEvent(FindingTopics.toEvent(f));
        }
    }

    /** A finding to store with the index. */
    record Pending(LedgerEntry entry, CreditFindings.Raised raised) {
    }

    /** Replaces the rows of each case by its measures, in one transaction. */
    void write(Map<CaseNumber, Collection<MeasureFacts>> cases) throws SQLException {
        write(cases, List.of());
    }

    /**
     * Replaces the rows of each case by its measures and stores the findings not yet stored, in one transaction;
     * answers the findings stored.
     */
    List<Finding> write(Map<CaseNumber, Collection<MeasureFacts>> cases, List<Pending> findings) throws SQLException {
        CreditSettings.Policy policy = settings.policy();
        List<Finding> raised = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM JD_CREDIT_MEASURE WHERE CASE_NUMBER = ?");
                    PreparedStatement ins = c.prepareStatement("INSERT INTO JD_CREDIT_MEASURE (CASE_NUMBER,"
                            + " MEASURE_ID, COURT, PERSON_KEY, KIND, LIFT_DUE, GRACE_UNTIL, EXPIRES_ON, ENDED, PUBLISHED,"
                            + " LAST_SEQ, FACTS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<CaseNumber, Collection<MeasureFacts>> e : cases.entrySet()) {
                    del.setString(1, e.getKey().canonical());
                    del.executeUpdate();
                    for (MeasureFacts m : e.getValue()) {
                        if (m.kind == null) {
                            continue; // an event naming a measure never proposed or decided
                        }
                        LocalDate due = MeasureView.nextLiftDue(m, calendar, policy);
                        MeasureStatus now = MeasureView.status(m, LocalDate.MAX);
                        ins.setString(1, m.caseNumber);
                        ins.setString(2, m.measureId);
                        ins.setString(3, m.court);
                        ins.setString(4, m.personKey());
                        ins.setString(5, m.kind);
                        ins.setDate(6, date(due));
                        ins.setDate(7, date(MeasureView.graceUntil(m)));
                        ins.setDate(8, date(MeasureView.expiresOn(m)));
                        ins.setShort(9, (short) (now.ended() ? 1 : 0));
                        ins.setShort(10, (short) (m.publishedOn != null ? 1 : 0));
                        ins.setLong(11, m.lastSeq);
                        ins.setString(12, json(m));
                        ins.addBatch();
                    }
                }
                ins.executeBatch();
                Instant at = clock.instant();
                for (Pending p : findings) {
                    Finding f = FindingRows.raise(c, p.entry(), p.raised(), at);
                    if (f != null) {
                        raised.add(f);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        }
        return raised;
    }

    /** The findings of {@code scope}: newest first below {@code before}, or the feed above {@code after}. */
    List<Finding> findings(CourtScope scope, String caseNumber, String kind, Long before, Long after, int limit) {
        return FindingRows.select(dataSource, scope, caseNumber, kind, before, after, limit);
    }

    /** A person's measures (key: the first identifier's value), in courts of {@code scope}. */
    List<MeasureFacts> person(String key, CourtScope scope) {
        return select("SELECT FACTS, COURT FROM JD_CREDIT_MEASURE WHERE PERSON_KEY = ? ORDER BY CASE_NUMBER,"
                + " MEASURE_ID", List.of(key), scope, Integer.MAX_VALUE);
    }

    /**
     * Measures not ended whose next lift or deletion fell due before {@code asOf}, oldest first. For listed courts
     * the court's index is named (Derby's optimizer otherwise reads the due lifts of every court and filters them
     * row by row; the hint is a comment to PostgreSQL).
     */
    List<MeasureFacts> overdue(CourtScope scope, LocalDate asOf, int limit) {
        Scoped s = scoped(scope);
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(asOf));
        args.addAll(s.args());
        String table = scope.provinces().isEmpty() && !scope.any()
                ? "JD_CREDIT_MEASURE --DERBY-PROPERTIES index=JD_CREDIT_MEASURE_COURT_LIFT\n" : "JD_CREDIT_MEASURE";
        return select("SELECT FACTS, COURT FROM " + table + " WHERE ENDED = 0 AND LIFT_DUE < ?" + s.sql()
                + " ORDER BY LIFT_DUE, CASE_NUMBER, MEASURE_ID", args, scope, limit);
    }

    /** Listings published, not ended, out of grace and not expired on {@code asOf}, by court and case. */
    List<MeasureFacts> published(CourtScope scope, LocalDate asOf, int limit) {
        Scoped s = scoped(scope);
        List<Object> args = new ArrayList<>();
        args.add(Date.valueOf(asOf));
        args.add(Date.valueOf(asOf));
        args.addAll(s.args());
        return select("SELECT FACTS, COURT FROM JD_CREDIT_MEASURE WHERE PUBLISHED = 1 AND ENDED = 0 AND KIND = 'LISTING'"
                + " AND (GRACE_UNTIL IS NULL OR GRACE_UNTIL < ?) AND (EXPIRES_ON IS NULL OR EXPIRES_ON >= ?)"
                + s.sql() + " ORDER BY COURT, CASE_NUMBER, MEASURE_ID", args, scope, limit);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** How many rows the index holds. */
    long size() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM JD_CREDIT_MEASURE");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the credit index", e);
        }
    }

    /** A court filter as a SQL condition ({@code " AND (…)"}, or empty for every court) and its arguments. */
    record Scoped(String sql, List<Object> args) {
    }

    /** The court filter in SQL: exact codes (an IN list Derby probes the index with) and province prefixes. */
    static Scoped scoped(CourtScope scope) {
        if (scope.any()) {
            return new Scoped("", List.of());
        }
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>(scope.courts());
        if (!scope.courts().isEmpty()) {
            parts.add("COURT IN (" + String.join(", ", java.util.Collections.nCopies(scope.courts().size(), "?")) + ")");
        }
        for (String p : scope.provinces()) {
            parts.add("COURT LIKE ?");
            args.add(p + "%");
        }
        if (parts.isEmpty()) {
            return new Scoped(" AND 1 = 0", List.of());
        }
        return new Scoped(" AND (" + String.join(" OR ", parts) + ")", args);
    }

    private List<MeasureFacts> select(String sql, List<Object> args, CourtScope scope, int limit) {
        List<MeasureFacts> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) {
                    if (scope.covers(rs.getString(2))) {
                        out.add(JSON.readValue(rs.getString(1), MeasureFacts.class));
                    }
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not read the credit index", e);
        }
        return out;
    }

    static String json(MeasureFacts m) {
        List<org.jiandu.api.credit.CreditMeasure.Step> history = m.history;
        try {
            m.history = List.of();
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A measure's facts are not JSON-serialisable", e);
        } finally {
            m.history = history;
        }
    }
}
