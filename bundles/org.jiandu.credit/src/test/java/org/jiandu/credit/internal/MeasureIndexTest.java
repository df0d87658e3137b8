package org.jiandu.credit.internal;

import static org.jiandu.credit.internal.CreditCase.ADULT;
import static org.jiandu.credit.internal.CreditCase.CALENDAR;
import static org.jiandu.credit.internal.CreditCase.POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.query.CourtScope;
import org.jiandu.schema.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The cross-case index on a real Derby, migrated by the bundle's change log. */
class MeasureIndexTest {
    private final Map<CaseNumber, List<LedgerEntry>> ledger = new HashMap<>();
    private DataSource db = TestDatabases.derby();

    private MeasureIndex index() {
        new CreditSchema(db);
        CaseLedger stub = (CaseLedger) Proxy.newProxyInstance(CaseLedger.class.getClassLoader(),
                new Class<?>[] {CaseLedger.class}, (p, m, args) -> {
                    if (m.getName().equals("timeline")) {
                        return ledger.getOrDefault(args[0], List.of());
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        return new MeasureIndex(db, stub, CALENDAR, new CreditSettings(new HashMap<>()),
                CreditCase.EVENTS, CreditCase.CLOCK);
    }

    private void record(MeasureIndex index, CreditCase c, String caseNumber) throws Exception {
        ledger.put(CaseNumber.parse(caseNumber), c.entries());
        index.accept(List.of(c.last()));
    }

    @Test
    void personOverdueAndPublicationAreAnsweredFromTheIndex() throws Exception {
        answersFromTheIndex();
    }

    /** The same on PostgreSQL: its migration, and the court index hint that is a comment to it. */
    @Test
    @EnabledIfSystemProperty(named = TestDatabases.POSTGRESQL, matches = ".+")
    void theSameOnPostgreSQL() throws Exception {
        db = TestDatabases.postgresql("credit_index");
        answersFromTheIndex();
    }

    private void answersFromTheIndex() throws Exception {
        MeasureIndex index = index();
        CreditCase a = CreditCase.of("（2025）京0105执1号").restricted("2025-03-03", "XF-1", ADULT)
                .on("2025-03-04", "PERFORMANCE_COMPLETED");
        record(index, a, "（2025）京0105执1号");
        CreditCase b = CreditCase.of("（2025）沪0115执2号").restricted("2025-03-03", "XF-9", ADULT)
                .listed("2025-03-03", "SX-9", ADULT)
                .on("2025-03-04", "credit.DECISION_SERVED", "measureId", "SX-9")
                .on("2025-03-05", "credit.MEASURE_PUBLISHED", "measureId", "SX-9");
        record(index, b, "（2025）沪0115执2号");
        assertEquals(3, index.size());

        List<MeasureFacts> everywhere = index.person(ADULT, CourtScope.all());
        assertEquals(List.of("XF-1", "SX-9", "XF-9"), everywhere.stream().map(m -> m.measureId).toList());
        assertEquals(List.of("XF-1"), index.person(ADULT, CourtScope.court("京0105")).stream().map(m -> m.measureId)
                .toList(), "a court sees its own cases only");

        List<MeasureFacts> late = index.overdue(CourtScope.all(), LocalDate.parse("2025-03-10"), 50);
        assertEquals(List.of("XF-1"), late.stream().map(m -> m.measureId).toList(), "due 2025-03-07");
        assertTrue(index.overdue(CourtScope.all(), LocalDate.parse("2025-03-07"), 50).isEmpty(), "due that day");
        assertTrue(index.overdue(CourtScope.province("沪"), LocalDate.parse("2025-03-10"), 50).isEmpty());
        assertEquals(List.of("XF-1"), index.overdue(CourtScope.court("京0105"), LocalDate.parse("2025-03-10"), 50)
                .stream().map(m -> m.measureId).toList(), "one court, through its index");
        assertEquals(List.of("XF-1"), index.overdue(CourtScope.courts(java.util.Set.of("京0105", "京0101")),
                LocalDate.parse("2025-03-10"), 50).stream().map(m -> m.measureId).toList(), "several courts");

        assertEquals(List.of("SX-9"), index.published(CourtScope.all(), LocalDate.parse("2025-03-06"), 50).stream()
                .map(m -> m.measureId).toList());

        a.on("2025-03-06", "CONSUMPTION_RESTRICTION_LIFTED", "measureId", "XF-1");
        record(index, a, "（2025）京0105执1号");
        assertTrue(index.overdue(CourtScope.all(), LocalDate.parse("2025-03-10"), 50).isEmpty(), "lifted");
        assertEquals(3, index.size(), "a case's rows are replaced, not added");
    }

    /** The facts stored as JSON give the same view as the facts folded from the timeline (history aside). */
    @Test
    void storedFactsGiveTheSameView() throws Exception {
        CreditCase c = CreditCase.newCase().restricted("2025-06-20", "XF-1", ADULT)
                .on("2025-06-20", "credit.GRACE_PERIOD_SET", "measureId", "XF-1", "months", 3L)
                .on("2025-06-23", "credit.DECISION_SERVED", "measureId", "XF-1")
                .on("2025-07-01", "credit.TEMPORARY_LIFT_GRANTED", CreditCase.signed("批", "PRESIDENT", "measureId",
                        "XF-1", "from", "2025-07-02", "until", "2025-07-20", "reason", "FUNERAL", "transport",
                        List.of("FLIGHT")))
                .on("2025-09-30", "PERFORMANCE_COMPLETED");
        MeasureFacts folded = c.measure("XF-1");
        MeasureFacts read = MeasureIndex.JSON.readValue(MeasureIndex.json(folded), MeasureFacts.class);
        LocalDate day = LocalDate.parse("2025-10-12");
        CreditMeasure a = MeasureView.of(folded, day, CALENDAR, POLICY);
        CreditMeasure b = MeasureView.of(read, day, CALENDAR, POLICY);
        assertEquals(a.deadlines(), b.deadlines());
        assertEquals(a.liftDue(), b.liftDue());
        assertEquals(a.person(), b.person());
        assertEquals(a.decision(), b.decision());
        assertEquals(a.temporaryLift(), b.temporaryLift());
        assertEquals(a.status(), b.status());
        assertEquals(5, a.history().size());
        assertTrue(b.history().isEmpty(), "the index keeps no history: a case's view reads it from the timeline");
    }

    /** C-09 and C-51 as stored findings: raised once, published once, read newest first and as a feed. */
    @Test
    void findingsAreStoredOncePublishedOnceAndReadAsAFeed() throws Exception {
        MeasureIndex index = index();
        CreditCase c = CreditCase.newCase().restricted("2025-06-10", "XF-1", ADULT).listed("2025-06-10", "SX-1", ADULT)
                .on("2025-06-10", "credit.GRACE_PERIOD_SET", "measureId", "SX-1", "months", 1L)
                .on("2025-06-12", "credit.MEASURE_PUBLISHED", "measureId", "SX-1");
        ledger.put(CreditCase.CASE, c.entries());
        int posted = CreditCase.POSTED.size();
        index.accept(c.entries());
        index.accept(c.entries());
        List<org.osgi.service.event.Event> events = CreditCase.POSTED.subList(posted, CreditCase.POSTED.size());
        assertEquals(List.of("jiandu/finding/CREDIT_PUBLISHED_IN_GRACE", "jiandu/finding/CREDIT_PUBLISHED_UNSERVED"),
                events.stream().map(org.osgi.service.event.Event::getTopic).toList(), "each once, though delivered twice");
        CreditQueries q = new CreditQueries(null, index, CALENDAR, new CreditSettings(new HashMap<>()));
        var newest = q.findings(org.jiandu.api.query.FindingFilter.of(CourtScope.court("京0105"), 10));
        assertEquals(List.of("CREDIT_PUBLISHED_UNSERVED", "CREDIT_PUBLISHED_IN_GRACE"), newest.items().stream()
                .map(org.jiandu.api.finding.Finding::kind).toList());
        assertEquals("C-09", newest.items().get(0).details().get("row"));
        assertEquals("org.jiandu.credit", newest.items().get(0).source());
        var feed = q.findingsSince(null, CourtScope.all(), 1);
        assertEquals("CREDIT_PUBLISHED_IN_GRACE", feed.items().get(0).kind());
        assertTrue(feed.more());
        var next = q.findingsSince(feed.positions().get(0), CourtScope.all(), 10);
        assertEquals(List.of("CREDIT_PUBLISHED_UNSERVED"), next.items().stream()
                .map(org.jiandu.api.finding.Finding::kind).toList());
        assertTrue(q.findings(org.jiandu.api.query.FindingFilter.of(CourtScope.province("沪"), 10)).items().isEmpty());
    }
}
