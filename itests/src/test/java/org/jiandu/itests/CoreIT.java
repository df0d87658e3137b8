package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.jiandu.api.Topics;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.Verdict;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * jiandu-core alone, in a vanilla Karaf, over HTTP: ingestion read back in order, idempotency, bad input, batch
 * atomicity, tampering detection behind the ledger's back, authentication and authorisation, the audit, EventAdmin
 * publication and the guard registry with guards that come and go.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreIT extends JianduTestSupport {

    @Inject
    private BundleContext context;

    @Inject
    @Filter(value = "(osgi.jndi.service.name=jiandu)", timeout = 120_000)
    private DataSource dataSource;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core");
    }

    @Before
    public void restIsUp() {
        awaitRest();
    }

    private static String event(String id, String type, String occurredAt, String payload) {
        return event(id, type, occurredAt, payload, "京0105");
    }

    /** An event whose actor is an officer of {@code organisation}. */
    private static String event(String id, String type, String occurredAt, String payload, String organisation) {
        return "{\"hostEventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"actor\":{\"personId\":\"" + organisation + "-ZXY01\",\"role\":\"执行员\",\"organisation\":\""
                + organisation + "\"},\"payload\":" + payload + "}";
    }

    private static String withCase(String caseNumber, String event) {
        return "{\"caseNumber\":\"" + caseNumber + "\"," + event.substring(1);
    }

    private Reply ingest(String caseNumber, String event) {
        return post("host", "/v1/cases/" + seg(caseNumber) + "/events", event);
    }

    @Test
    public void eventsAreReadBackInOrderWithAChainOfHashes() {
        String cn = "（2024）京0105执2001号";
        assertEquals(201, ingest(cn, event("IT-ORD-1", "CASE_FILED", "2024-09-27T09:00:00+08:00",
                "{\"claimPrincipal\":\"50000\"}")).status());
        assertEquals(201, ingest(cn, event("IT-ORD-2", "TRANSFERRED_TO_ENFORCEMENT", "2024-09-27T15:00:00+08:00",
                "{}")).status());
        assertEquals(201, ingest(cn, event("IT-ORD-3", "PROPERTY_QUERY_STARTED", "2024-10-08T10:00:00+08:00",
                "{\"propertyTypes\":[\"DEPOSIT\",\"VEHICLE\"]}")).status());
        Reply timeline = get("supervisor", "/v1/cases/" + seg(cn) + "/timeline");
        assertEquals(200, timeline.status());
        JsonNode entries = timeline.body().get("entries");
        assertEquals(3, entries.size());
        assertEquals("IT-ORD-1", entries.get(0).get("hostEventId").asText());
        assertEquals("IT-ORD-3", entries.get(2).get("hostEventId").asText());
        assertEquals("50000.00", entries.get(0).get("payload").get("claimPrincipal").decimalValue().toPlainString());
        assertTrue(timeline.text(), timeline.text().contains("\"claimPrincipal\":50000.00"));
        assertEquals("0".repeat(64), entries.get(0).get("prevHash").asText());
        for (int i = 1; i < 3; i++) {
            assertEquals(i + 1, entries.get(i).get("seq").asInt());
            assertEquals(entries.get(i - 1).get("hash").asText(), entries.get(i).get("prevHash").asText());
        }
        assertTrue(get("supervisor", "/v1/cases/" + seg(cn) + "/verification").body().get("intact").asBoolean());
    }

    /**
     * The case search ({@code CaseSearch}, {@code GET /api/v1/cases}) finds a case by its court, filing day, status
     * and flags as soon as its entries are recorded, within the courts the caller covers, and names a bad parameter.
     */
    @Test
    public void theCaseSearchFindsCasesByCourtFilingDayStatusAndFlags() {
        String cn = "（2024）京0105执2151号";
        String other = "（2024）沪0115执2151号";
        assertEquals(201, ingest(cn, event("IT-CS-1", "CASE_FILED", "2024-03-01T09:00:00+08:00",
                "{\"claimPrincipal\":\"50000\"}")).status());
        assertEquals(201, ingest(cn, event("IT-CS-2", "TRANSFERRED_TO_ENFORCEMENT", "2024-03-02T09:00:00+08:00",
                "{}")).status());
        assertEquals(201, ingest(cn, event("IT-CS-3", "MONEY_RECEIVED", "2024-03-05T09:00:00+08:00",
                "{\"amount\":\"100.00\"}")).status());
        assertEquals(201, ingest(other, event("IT-CS-4", "CASE_FILED", "2024-03-01T09:00:00+08:00",
                "{\"claimPrincipal\":\"1\"}", "沪0115")).status());
        String canonical = org.jiandu.api.CaseNumber.parse(cn).canonical();

        JsonNode found = get("supervisor", "/v1/cases?filedFrom=2024-03-01&filedTo=2024-03-01&status=IN_ENFORCEMENT"
                + "&flag=MONEY_RECEIVED").body();
        assertEquals(found.toString(), 1, found.get("count").asInt());
        JsonNode c = found.get("cases").get(0);
        assertEquals(canonical, c.get("caseNumber").asText());
        assertEquals("2024-03-01", c.get("filedOn").asText());
        assertEquals(3, c.get("entries").asInt());
        assertEquals("MONEY_RECEIVED", c.get("lastType").asText());
        assertEquals("[\"org.jiandu.ledger\"]", found.get("sources").get("contributed").toString());
        // 京0105's supervisor never sees 沪0115's case, even when asking for everything
        JsonNode all = get("supervisor", "/v1/cases?filedFrom=2024-03-01&filedTo=2024-03-01").body();
        all.get("cases").forEach(x -> assertEquals("京0105", x.get("court").asText()));
        assertEquals(403, get("supervisor", "/v1/cases?court=" + seg("沪0115")).status());
        JsonNode shanghai = get("shsupervisor", "/v1/cases?filedFrom=2024-03-01&filedTo=2024-03-01").body();
        assertEquals(shanghai.toString(), 1, shanghai.get("count").asInt());
        assertEquals(0, get("supervisor", "/v1/cases?status=CLOSED&flag=MONEY_RECEIVED&filedFrom=2024-03-01"
                + "&filedTo=2024-03-01").body().get("count").asInt());

        Reply bad = get("supervisor", "/v1/cases?status=OPENED");
        assertEquals(400, bad.status());
        assertEquals("status", bad.field());
        assertEquals("flag", get("supervisor", "/v1/cases?flag=URGENT").field());
        assertEquals("cursor", get("supervisor", "/v1/cases?cursor=%25%25").field());
    }

    @Test
    public void halfWidthBracketsNameTheSameCase() {
        String ev = event("IT-BR-1", "CASE_FILED", "2024-10-08T09:00:00+08:00", "{}");
        assertEquals(201, ingest("(2024)京0105执2002号", ev).status());
        Reply timeline = get("supervisor", "/v1/cases/" + seg("（2024）京0105执2002号") + "/timeline");
        assertEquals("（2024）京0105执2002号", timeline.body().get("caseNumber").asText());
    }

    @Test
    public void aDuplicateIsStoredOnceAndAnsweredTheSame() {
        String cn = "（2024）京0105执2003号";
        String ev = event("IT-DUP-1", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00", "{\"amount\":\"1200.5\"}");
        Reply first = ingest(cn, ev);
        Reply second = ingest(cn, ev);
        assertEquals(201, first.status());
        assertEquals(200, second.status());
        assertTrue(second.body().get("duplicate").asBoolean());
        assertEquals(first.body().get("hash"), second.body().get("hash"));
        assertEquals(first.body().get("seq"), second.body().get("seq"));
        assertEquals(first.body().get("recordedAt"), second.body().get("recordedAt"));
        assertEquals(1, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").body().get("count").asInt());
    }

    @Test
    public void aHostEventIdReusedForOtherContentIsRefused() {
        String cn = "（2024）京0105执2004号";
        assertEquals(201, ingest(cn, event("IT-REUSE-1", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00",
                "{\"amount\":\"100\"}")).status());
        Reply r = ingest(cn, event("IT-REUSE-1", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00",
                "{\"amount\":\"999\"}"));
        assertEquals(409, r.status());
        assertEquals("HOST_EVENT_ID_REUSED", r.code());
        assertEquals("hostEventId", r.field());
    }

    @Test
    public void badInputGets400NamingTheField() {
        String cn = "（2024）京0105执2005号";
        Reply r = ingest(cn, event("IT-BAD-1", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00", "{\"amount\":\"-5\"}"));
        assertEquals(400, r.status());
        assertEquals("NEGATIVE_AMOUNT", r.code());
        assertEquals("payload.amount", r.field());

        r = ingest(cn, event("IT-BAD-2", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00", "{}"));
        assertEquals("payload.amount", r.field());
        assertEquals("MISSING_FIELD", r.code());

        r = ingest(cn, event("IT-BAD-3", "NO_SUCH_TYPE", "2024-10-09T09:00:00+08:00", "{}"));
        assertEquals("UNKNOWN_EVENT_TYPE", r.code());
        assertEquals("type", r.field());

        r = ingest(cn, event("IT-BAD-4", "CASE_FILED", "2099-01-01T09:00:00+08:00", "{}"));
        assertEquals("EVENT_IN_FUTURE", r.code());
        assertEquals("occurredAt", r.field());

        r = post("host", "/v1/cases/" + seg("（2024）京0105X2005号") + "/events",
                event("IT-BAD-5", "CASE_FILED", "2024-10-09T09:00:00+08:00", "{}"));
        assertEquals(400, r.status());
        assertEquals("INVALID_CASE_NUMBER", r.code());
        assertEquals("caseNumber", r.field());

        r = ingest(cn, "{\"hostEventId\": ");
        assertEquals(400, r.status());
        assertEquals("MALFORMED_JSON", r.code());

        assertEquals(404, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").status());
    }

    @Test
    public void aBatchWithOneBadItemStoresNothingAndNamesTheItem() {
        String cn = "（2024）京0105执2006号";
        String good = withCase(cn, event("IT-BATCH-1", "CASE_FILED", "2024-10-09T09:00:00+08:00", "{}"));
        String bad = withCase(cn, event("IT-BATCH-2", "MONEY_RECEIVED", "2024-10-09T10:00:00+08:00",
                "{\"amount\":\"abc\"}"));
        Reply r = post("host", "/v1/events", "{\"events\":[" + good + "," + bad + "]}");
        assertEquals(400, r.status());
        assertEquals("events[1].payload.amount", r.field());
        assertEquals(404, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").status());

        String fixed = withCase(cn, event("IT-BATCH-2", "MONEY_RECEIVED", "2024-10-09T10:00:00+08:00",
                "{\"amount\":\"800\"}"));
        r = post("host", "/v1/events", "{\"events\":[" + good + "," + fixed + "," + good + "]}");
        assertEquals(200, r.status());
        assertEquals(2, r.body().get("stored").asInt());
        assertEquals(1, r.body().get("duplicates").asInt());
        assertEquals(2, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").body().get("count").asInt());
    }

    @Test
    public void aBatchOfMoreThanAThousandIsRefused() {
        StringBuilder sb = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1001; i++) {
            sb.append(i == 0 ? "" : ",").append(withCase("（2024）京0105执2007号",
                    event("IT-BIG-" + i, "CASE_FILED", "2024-10-09T09:00:00+08:00", "{}")));
        }
        Reply r = post("host", "/v1/events", sb.append("]}").toString());
        assertEquals(400, r.status());
        assertEquals("BATCH_TOO_LARGE", r.code());
    }

    @Test
    public void aCorrectionMustNameAnEarlierEntryOfTheSameCase() {
        String cn = "（2024）京0105执2008号";
        assertEquals(201, ingest(cn, event("IT-COR-1", "PROPERTY_QUERY_FEEDBACK", "2024-10-09T09:00:00+08:00",
                "{\"propertyFound\":false}")).status());
        String correction = ",\"correction\":{\"correctsHostEventId\":\"IT-COR-1\",\"approver\":\"京0105-TZ01\","
                + "\"reason\":\"录入有误\"}}";
        String ev = event("IT-COR-2", "PROPERTY_QUERY_FEEDBACK", "2024-10-09T09:00:00+08:00",
                "{\"propertyFound\":true}");
        assertEquals(201, ingest(cn, ev.substring(0, ev.length() - 1) + correction).status());
        JsonNode entries = get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").body().get("entries");
        assertEquals("IT-COR-2", entries.get(0).get("correctedBy").get(0).asText());
        assertFalse(entries.get(0).get("payload").get("propertyFound").asBoolean());

        String orphan = event("IT-COR-3", "PROPERTY_QUERY_FEEDBACK", "2024-10-09T09:00:00+08:00",
                "{\"propertyFound\":true}");
        Reply r = ingest(cn, orphan.substring(0, orphan.length() - 1) + correction.replace("IT-COR-1", "NOPE"));
        assertEquals(400, r.status());
        assertEquals("correction.correctsHostEventId", r.field());
    }

    @Test
    public void tamperingBehindTheLedgersBackIsDetected() throws Exception {
        String[] cases = {"（2024）京0105执2101号", "（2024）京0105执2102号", "（2024）京0105执2103号",
            "（2024）京0105执2104号"};
        for (String cn : cases) {
            for (int i = 1; i <= 3; i++) {
                assertEquals(201, ingest(cn, event("IT-T-" + cn.hashCode() + "-" + i, "MONEY_RECEIVED",
                        "2024-10-1" + i + "T09:00:00+08:00", "{\"amount\":\"" + i + "00\"}")).status());
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            exec(c, "UPDATE JD_LEDGER_ENTRY SET PAYLOAD = '{\"amount\":1.00}' WHERE CASE_NUMBER = ? AND SEQ = 2",
                    cases[0]);
            exec(c, "DELETE FROM JD_LEDGER_ENTRY WHERE CASE_NUMBER = ? AND SEQ = 2", cases[1]);
            exec(c, "UPDATE JD_LEDGER_ENTRY SET SEQ = 99 WHERE CASE_NUMBER = ? AND SEQ = 2", cases[2]);
            exec(c, "UPDATE JD_LEDGER_ENTRY SET SEQ = 2 WHERE CASE_NUMBER = ? AND SEQ = 3", cases[2]);
            exec(c, "UPDATE JD_LEDGER_ENTRY SET SEQ = 3 WHERE CASE_NUMBER = ? AND SEQ = 99", cases[2]);
            exec(c, "DELETE FROM JD_LEDGER_ENTRY WHERE CASE_NUMBER = ? AND SEQ = 3", cases[3]);
        }
        assertProblem(cases[0], "MODIFIED", 2);
        assertProblem(cases[1], "DELETED", 2);
        assertProblem(cases[2], "REORDERED", 2);
        assertProblem(cases[3], "TRUNCATED", 3);
    }

    private void assertProblem(String cn, String kind, int seq) {
        JsonNode report = get("supervisor", "/v1/cases/" + seg(cn) + "/verification").body();
        assertFalse(cn + " must not verify as intact", report.get("intact").asBoolean());
        List<String> found = new ArrayList<>();
        for (JsonNode p : report.get("problems")) {
            found.add(p.get("kind").asText() + "@" + p.get("seq").asInt());
        }
        assertTrue(cn + ": expected " + kind + "@" + seq + " in " + found, found.contains(kind + "@" + seq));
    }

    private static void exec(Connection c, String sql, String caseNumber) throws Exception {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, caseNumber);
            assertEquals(sql, 1, p.executeUpdate());
        }
    }

    @Test
    public void withoutCredentialsTheAnswerIs401() {
        Reply r = get(null, "/v1/event-types");
        assertEquals(401, r.status());
        assertEquals("NOT_AUTHENTICATED", r.code());
        assertEquals(401, get("nobody", "/v1/event-types").status());
    }

    @Test
    public void theWrongRoleOrOrganisationGets403() {
        String cn = "（2024）京0105执2009号";
        Reply r = post("officer", "/v1/cases/" + seg(cn) + "/events",
                event("IT-403-1", "CASE_FILED", "2024-10-09T09:00:00+08:00", "{}"));
        assertEquals(403, r.status());
        assertEquals("ROLE_REQUIRED", r.code());
        assertEquals(201, ingest(cn, event("IT-403-2", "CASE_FILED", "2024-10-09T09:00:00+08:00", "{}")).status());
        Reply foreign = get("shsupervisor", "/v1/cases/" + seg(cn) + "/timeline");
        assertEquals(403, foreign.status());
        assertEquals("ORGANISATION_MISMATCH", foreign.code());
        assertEquals(200, get("highcourt", "/v1/cases/" + seg(cn) + "/timeline").status());
        assertEquals(403, get("prosecutor", "/v1/cases/" + seg(cn) + "/timeline").status());
        Reply otherCourt = post("host0105", "/v1/cases/" + seg("（2024）沪0115执1号") + "/events",
                event("IT-403-3", "CASE_FILED", "2024-10-09T09:00:00+08:00", "{}"));
        assertEquals(403, otherCourt.status());
    }

    @Test
    public void everyRequestIsAuditedWithItsStatus() {
        assertEquals(401, get(null, "/v1/event-types").status());
        assertEquals(200, get("officer", "/v1/event-types").status());
        assertEquals(404, get("officer", "/v1/no-such-thing").status());
        await("audit rows for officer's requests", 30, () -> {
            JsonNode rows = get("admin", "/v1/audit?user=officer&limit=50").body().get("entries");
            boolean ok200 = false;
            boolean ok404 = false;
            for (JsonNode row : rows) {
                ok200 |= row.get("status").asInt() == 200 && row.get("path").asText().endsWith("/v1/event-types")
                        && "京0105".equals(row.get("organisation").asText()) && "GET".equals(row.get("method").asText());
                ok404 |= row.get("status").asInt() == 404;
            }
            return ok200 && ok404;
        });
        await("audit row for the unauthenticated request", 30, () -> {
            for (JsonNode row : get("admin", "/v1/audit?status=401&limit=50").body().get("entries")) {
                if (row.get("path").asText().endsWith("/v1/event-types") && row.get("user").isNull()) {
                    return true;
                }
            }
            return false;
        });
    }

    @Test
    public void anActorOfAnotherCourtIsRefusedUntilAnEntrustmentNamesItsCourt() {
        String cn = "（2024）京0105执2401号";
        assertEquals(201, ingest(cn, event("IT-AS-1", "CASE_FILED", "2024-03-01T09:00:00+08:00", "{}")).status());
        String shanghai = event("IT-AS-2", "PROPERTY_CONTROLLED", "2024-03-05T09:00:00+08:00",
                "{\"assetId\":\"SH-FLAT-1\"}", "沪0115");
        Reply refused = ingest(cn, shanghai);
        assertEquals(refused.text(), 400, refused.status());
        assertEquals("ACTOR_NOT_OF_CASE_COURT", refused.code());
        assertEquals("actor.organisation", refused.field());
        Reply batch = post("host", "/v1/events", "{\"events\":[" + withCase(cn, shanghai) + "]}");
        assertEquals(400, batch.status());
        assertEquals("events[0].actor.organisation", batch.field());
        // 京0105 entrusts 沪0115 with the seizure (执行事项委托, Art. 27): now its officer's event is recorded
        assertEquals(201, ingest(cn, event("IT-AS-3", "MATTER_ENTRUSTED", "2024-03-04T09:00:00+08:00",
                "{\"entrustedCourt\":\"沪0115\",\"matters\":[\"查封\"]}")).status());
        assertEquals(201, ingest(cn, shanghai).status());
        assertEquals(201, ingest(cn, event("IT-AS-4", "ENTRUSTMENT_ENDED", "2024-03-06T09:00:00+08:00",
                "{\"entrustedCourt\":\"沪0115\"}")).status());
        Reply after = ingest(cn, event("IT-AS-5", "PROPERTY_CONTROLLED", "2024-03-07T09:00:00+08:00",
                "{\"assetId\":\"SH-FLAT-2\"}", "沪0115"));
        assertEquals("ACTOR_NOT_OF_CASE_COURT", after.code());
        // nothing refused was stored: filed, entrusted, controlled, ended
        assertEquals(4, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").body().get("count").asInt());
        // the procuratorate paired with 京0105 may act in the case (here: it passes on a property lead)
        assertEquals(201, ingest(cn, event("IT-AS-6", "PROPERTY_LEAD_RECEIVED", "2024-03-08T09:00:00+08:00",
                "{\"leadId\":\"JC-1\"}", "京0105检")).status());
    }

    @Test
    public void theAuditIsScopedLikeEveryOtherViewAndOnlyAdminSeesFailedLogins() {
        assertEquals(200, get("officer", "/v1/event-types").status());
        assertEquals(200, get("shsupervisor", "/v1/event-types").status());
        assertEquals(401, get(null, "/v1/calendar/years").status());
        await("the three requests in the audit", 30, () -> {
            JsonNode rows = get("admin", "/v1/audit?limit=1000").body().get("entries");
            boolean officer = false;
            boolean shanghai = false;
            boolean anonymous = false;
            for (JsonNode row : rows) {
                officer |= "officer".equals(row.get("user").asText(null));
                shanghai |= "shsupervisor".equals(row.get("user").asText(null));
                anonymous |= row.get("user").isNull() && row.get("path").asText().endsWith("/v1/calendar/years");
            }
            return officer && shanghai && anonymous;
        });
        // an inspector of 京0105 sees the requests of 京0105's users, not Shanghai's, and no failed login
        JsonNode beijing = get("inspector", "/v1/audit?limit=1000").body().get("entries");
        assertTrue(beijing.size() > 0);
        boolean sawOfficer = false;
        for (JsonNode row : beijing) {
            assertEquals(row.toString(), "京0105", row.get("organisation").asText());
            assertFalse(row.toString(), row.get("user").isNull());
            sawOfficer |= "officer".equals(row.get("user").asText());
        }
        assertTrue("the inspector sees the officer's request", sawOfficer);
        for (JsonNode row : get("shinspector", "/v1/audit?limit=1000").body().get("entries")) {
            assertEquals(row.toString(), "沪0115", row.get("organisation").asText());
        }
        assertEquals(0, get("inspector", "/v1/audit?status=401&limit=1000").body().get("entries").size());
    }

    @Test
    public void aProsecutorReachesNothingOfTheCoreThatRevealsCases() {
        // the procuratorate reaches the courts' data through its own feature's endpoint (Art. 36)
        // (the calendar's answer to a prosecutor is CalendarIT's)
        for (String path : List.of("/v1/event-types", "/v1/cases", "/v1/findings", "/v1/audit")) {
            Reply r = get("prosecutor", path);
            assertEquals(path, 403, r.status());
            assertEquals(path, "ROLE_REQUIRED", r.body().get("code").asText());
        }
        assertEquals(200, get("officer", "/v1/event-types").status());
        assertEquals(200, get("host", "/v1/event-types").status());
    }

    @Test
    public void recordedEventsArePublishedOnEventAdmin() {
        List<org.osgi.service.event.Event> seen = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, Topics.CASE_ALL);
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, seen::add, props);
        try {
            String cn = "（2024）京0105执2010号";
            assertEquals(201, ingest(cn, event("IT-EA-1", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00",
                    "{\"amount\":\"10\"}")).status());
            assertEquals(200, ingest(cn, event("IT-EA-1", "MONEY_RECEIVED", "2024-10-09T09:00:00+08:00",
                    "{\"amount\":\"10\"}")).status());
            await("the event on jiandu/case/MONEY_RECEIVED", 30,
                    () -> seen.stream().anyMatch(e -> "IT-EA-1".equals(e.getProperty(Topics.PROP_HOST_EVENT_ID))));
            org.osgi.service.event.Event e = seen.stream()
                    .filter(x -> "IT-EA-1".equals(x.getProperty(Topics.PROP_HOST_EVENT_ID))).findFirst().orElseThrow();
            assertEquals("jiandu/case/MONEY_RECEIVED", e.getTopic());
            assertEquals(cn, e.getProperty(Topics.PROP_CASE_NUMBER));
            assertEquals("a duplicate is not published again", 1, seen.stream()
                    .filter(x -> "IT-EA-1".equals(x.getProperty(Topics.PROP_HOST_EVENT_ID))).count());
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void theGuardRegistryConsultsGuardsThatComeAndGo() {
        String body = "{\"operationType\":\"FREEZE\",\"caseNumber\":\"（2024）京0105执2011号\","
                + "\"details\":{\"amount\":\"5000.00\"}}";
        Reply none = post("host", "/v1/guard/check", body);
        assertEquals(200, none.status());
        assertEquals("ALLOW", none.body().get("decision").asText());
        assertEquals(0, none.body().get("guardsConsulted").asInt());
        assertNotNull(none.body().get("note"));

        OperationGuard warn = guard("it.warn", op -> Verdict.warn("it.warn", "法〔2021〕322号 第15条", "提示", Map.of()));
        OperationGuard deny = guard("it.deny", op -> "FREEZE".equals(op.type())
                ? Verdict.deny("it.deny", "法〔2021〕322号 第15条", "冻结金额 " + op.details().money("amount").orElseThrow()
                        + " 超过申请执行标的", Map.of("maxAllowed", "1000.00"))
                : Verdict.allow("it.deny", "法〔2021〕322号 第15条", "不涉及"));
        ServiceRegistration<OperationGuard> r1 = context.registerService(OperationGuard.class, warn, null);
        ServiceRegistration<OperationGuard> r2 = context.registerService(OperationGuard.class, deny, null);
        try {
            Reply both = post("host", "/v1/guard/check", body);
            assertEquals("DENY", both.body().get("decision").asText());
            assertEquals(2, both.body().get("guardsConsulted").asInt());
            assertNull(both.body().get("note"));
            boolean reasonShown = false;
            for (JsonNode v : both.body().get("verdicts")) {
                reasonShown |= v.get("reason").asText().contains("5000.00") && "1000.00".equals(
                        v.get("details").get("maxAllowed").asText());
            }
            assertTrue(both.text(), reasonShown);
            r2.unregister();
            r2 = null;
            Reply warned = post("host", "/v1/guard/check", body);
            assertEquals("WARN", warned.body().get("decision").asText());
            assertEquals(1, warned.body().get("guardsConsulted").asInt());
        } finally {
            r1.unregister();
            if (r2 != null) {
                r2.unregister();
            }
        }
        Reply history = get("supervisor", "/v1/guard/checks/" + seg("（2024）京0105执2011号"));
        assertEquals(200, history.status());
        assertEquals(3, history.body().get("count").asInt());
        assertEquals("host", history.body().get("checks").get(0).get("user").asText());
    }

    private static OperationGuard guard(String id, java.util.function.Function<Operation, Verdict> answer) {
        return new OperationGuard() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Verdict check(Operation operation) {
                return answer.apply(operation);
            }
        };
    }

    @Test
    public void openApiDescribesTheInstalledEndpoints() {
        Reply r = get(null, "/openapi.json");
        assertEquals(200, r.status());
        JsonNode paths = r.body().get("paths");
        assertNotNull(paths.get("/api/v1/cases/{caseNumber}/events").get("post"));
        assertNotNull(paths.get("/api/v1/events").get("post"));
        assertNotNull(paths.get("/api/v1/guard/check").get("post"));
        assertEquals("host-system",
                paths.get("/api/v1/events").get("post").get("x-roles").get(0).asText());
        assertNotEquals(0, paths.size());
    }

    /** Response schemas come from the DTO records the resources return, with the field names Jackson writes. */
    @Test
    public void openApiDescribesResponseBodiesFromTheirRecords() {
        JsonNode doc = get(null, "/openapi.json").body();
        JsonNode created = doc.at("/paths/~1api~1v1~1cases~1{caseNumber}~1events/post/responses/201/content"
                + "/application~1json/schema");
        assertEquals(doc.at("/paths").toString(), "#/components/schemas/AppendedDto", created.get("$ref").asText());
        JsonNode appended = doc.at("/components/schemas/AppendedDto/properties");
        for (String field : List.of("caseNumber", "seq", "hostEventId", "type", "occurredAt", "recordedAt", "actor",
                "payload", "correction", "prevHash", "hash", "duplicate")) {
            assertNotNull(field + " in " + appended, appended.get(field));
        }
        assertEquals("#/components/schemas/TimelineDto", doc.at("/paths/~1api~1v1~1cases~1{caseNumber}~1timeline"
                + "/get/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/RecordedCheckDto",
                doc.at("/components/schemas/GuardHistoryDto/properties/checks/items/$ref").asText());
        assertEquals("#/components/schemas/AuditEntryDto",
                doc.at("/components/schemas/AuditPageDto/properties/entries/items/$ref").asText());
    }
}
