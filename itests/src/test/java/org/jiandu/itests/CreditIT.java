package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;


import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * jiandu-credit installed alone on jiandu-core (it brings jiandu-calendar): one debtor walked through grace →
 * activation → performance → lift within 3 working days across the 2025 National Day block, over HTTP with the
 * credit event types the bundle registers; the guard's interceptions over {@code POST /api/v1/guard/check}; the
 * cross-case views (a person, the overdue lifts, the publication list) from the bundle's index; bad details and bad
 * events answered 400 with the field; {@code jiandu:credit}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditIT extends JianduTestSupport {
    private static final String GUARD = "credit.measures";
    /** Born 1980-01-01. */
    private static final String ADULT = "110105198001011238";
    /** Born 2010-05-05. */
    private static final String MINOR = "110105201005051231";
    private static final String SHA = "b".repeat(64);

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-credit");
    }

    @Before
    public void creditIsUp() {
        awaitRest();
        await("the credit guard and resource", 120, () -> {
            Reply r = post("host", "/v1/guard/check", "{\"operationType\":\"SET_GRACE_PERIOD\",\"caseNumber\":"
                    + "\"（2025）京0105执901号\",\"details\":{\"measureId\":\"X\",\"months\":2}}");
            return r.status() == 200 && verdictOf(r.body()) != null
                    && "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg("（2025）京0105执901号") + "/credit")
                            .code());
        });
    }

    private static int ids;

    private static Reply event(String cn, String type, String occurredOn, String payload) {
        String ev = "{\"hostEventId\":\"CR-IT-" + (++ids) + "-" + System.nanoTime() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + occurredOn + "T10:00:00+08:00\",\"actor\":{\"personId\":\"京0105-ZXY01\","
                + "\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":" + payload + "}";
        return post("host", "/v1/cases/" + seg(cn) + "/events", ev);
    }

    /** The last seq ingested per case: a read waits until the credit view includes it (the follower is async). */
    private static final java.util.Map<String, Long> LAST = new java.util.concurrent.ConcurrentHashMap<>();

    private static void ingest(String cn, String type, String occurredOn, String payload) {
        Reply r = event(cn, type, occurredOn, payload);
        assertEquals(r.text(), 201, r.status());
        LAST.merge(cn, r.body().get("seq").asLong(), Math::max);
    }

    private static String person(String id) {
        return "[{\"kind\":\"RESIDENT_ID\",\"value\":\"" + id + "\"}]";
    }

    private static String signed(String number) {
        return "\"documentNumber\":\"" + number + "\",\"signedBy\":\"张院长\",\"signerRole\":\"PRESIDENT\","
                + "\"documentSha256\":\"" + SHA + "\",\"documentUri\":\"oss://court/" + number + ".ofd\"";
    }

    private static JsonNode verdictOf(JsonNode answer) {
        for (JsonNode v : answer.get("verdicts")) {
            if (GUARD.equals(v.get("guard").asText())) {
                return v;
            }
        }
        return null;
    }

    private static JsonNode verdict(String type, String cn, String details) {
        Reply r = post("host", "/v1/guard/check", "{\"operationType\":\"" + type + "\",\"caseNumber\":\"" + cn
                + "\",\"details\":" + details + "}");
        assertEquals(r.text(), 200, r.status());
        JsonNode v = verdictOf(r.body());
        assertNotNull("no verdict of " + GUARD + " in " + r.text(), v);
        return v;
    }

    private static boolean hasFinding(JsonNode verdict, String code) {
        JsonNode f = verdict.get("details").get("findings");
        if (f == null) {
            return false;
        }
        for (JsonNode x : f) {
            if (code.equals(x.get("code").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the credit view (and so the guard, which reads the same timelines) includes the last ingest. */
    private static void settled(String cn) {
        long last = LAST.getOrDefault(cn, 0L);
        await("the credit view of " + cn + " at seq " + last, 30, () -> {
            Reply r = get("supervisor", "/v1/cases/" + seg(cn) + "/credit");
            return r.status() == 200 && r.body().get("lastSeq").asLong() >= last;
        });
    }

    private static JsonNode measure(String cn, String id, String asOf) {
        long last = LAST.getOrDefault(cn, 0L);
        Reply[] answer = new Reply[1];
        await("the credit view of " + cn + " at seq " + last, 30, () -> {
            answer[0] = get("supervisor", "/v1/cases/" + seg(cn) + "/credit?asOf=" + asOf);
            return answer[0].status() == 200 && answer[0].body().get("lastSeq").asLong() >= last;
        });
        Reply r = answer[0];
        for (JsonNode m : r.body().get("measures")) {
            if (id.equals(m.get("measureId").asText())) {
                return m;
            }
        }
        throw new AssertionError("no measure " + id + " in " + r.text());
    }

    private static JsonNode due(JsonNode m, String rule) {
        for (JsonNode d : m.get("deadlines")) {
            if (rule.equals(d.get("rule").asText())) {
                return d;
            }
        }
        throw new AssertionError("no deadline " + rule + " in " + m);
    }

    @Test
    public void oneDebtorThroughGraceActivationPerformanceAndLiftAcrossNationalDay() {
        String cn = "（2025）京0105执910号";
        ingest(cn, "CASE_FILED", "2025-06-01", "{\"claimPrincipal\":\"80000.00\"}");
        ingest(cn, "CONSUMPTION_RESTRICTED", "2025-06-20", "{\"measureId\":\"XF-1\",\"personIdentifiers\":"
                + person(ADULT) + ",\"personName\":\"李四\",\"items\":[\"FLIGHT_SOFT_SLEEPER_SHIP_BERTH\","
                + "\"HIGH_SPEED_RAIL_AND_OTHER\"],\"period\":\"至履行完毕之日止\",\"consequences\":\"违反的，依法予以罚款、拘留\","
                + signed("（2025）京0105执910号之一") + "}");
        ingest(cn, "credit.GRACE_PERIOD_SET", "2025-06-20", "{\"measureId\":\"XF-1\",\"months\":3}");
        ingest(cn, "credit.DECISION_SERVED", "2025-06-23", "{\"measureId\":\"XF-1\",\"method\":\"DIRECT\"}");

        assertEquals("IN_GRACE", measure(cn, "XF-1", "2025-09-20").get("status").asText());
        JsonNode active = measure(cn, "XF-1", "2025-09-21");
        assertEquals("the grace period ends without an event", "ACTIVE", active.get("status").asText());
        assertEquals("2025-09-22", due(active, "credit.grace-activation").get("due").asText());

        ingest(cn, "credit.PUSHED_TO_ASSISTING_UNITS", "2025-09-22", "{\"measureId\":\"XF-1\",\"recipients\":"
                + "[\"民航\",\"铁路\"]}");
        ingest(cn, "PERFORMANCE_COMPLETED", "2025-09-30", "{}");
        JsonNode waiting = measure(cn, "XF-1", "2025-10-10");
        assertEquals("FULL_PERFORMANCE", waiting.get("liftDue").get("ground").asText());
        assertEquals("10-09, 10-10 and the make-up Saturday 10-11", "2025-10-11",
                waiting.get("liftDue").get("due").asText());
        assertFalse(waiting.get("liftDue").get("overdue").asBoolean());
        assertTrue(due(waiting, "credit.lift").get("explanation").toString().contains("国庆"));
        assertTrue(measure(cn, "XF-1", "2025-10-12").get("liftDue").get("overdue").asBoolean());

        // not lifted yet: the supervisor's list of late lifts shows it, and the person's view across cases
        await("the index holds the case", 60, () -> overdueHas(cn));
        Reply person = get("supervisor", "/v1/credit/persons/" + ADULT);
        assertEquals(person.text(), 200, person.status());
        assertTrue(person.text(), person.text().contains("XF-1"));
        assertFalse("identifiers are masked: " + person.text(), person.text().contains(ADULT));

        ingest(cn, "CONSUMPTION_RESTRICTION_LIFTED", "2025-10-11", "{\"measureId\":\"XF-1\",\"reason\":"
                + "\"FULL_PERFORMANCE\",\"recipients\":[\"民航\",\"铁路\"]," + signed("（2025）京0105执910号之二") + "}");
        JsonNode lifted = measure(cn, "XF-1", "2025-10-12");
        assertEquals("LIFTED", lifted.get("status").asText());
        assertTrue(lifted.get("liftDue").isNull());
        assertFalse("lifted on the due day", due(lifted, "credit.lift").get("overdue").asBoolean());
        await("the index drops the lifted measure from the late lifts", 60, () -> !overdueHas(cn));

        String printed = shell(sessions, "jiandu:credit --as-of 2025-10-12 \"" + cn + "\"");
        assertTrue(printed, printed.contains("XF-1") && printed.contains("LIFTED"));
    }

    private static boolean overdueHas(String cn) {
        Reply r = get("supervisor", "/v1/credit/overdue-lifts?court=京0105");
        return r.status() == 200 && r.text().contains(cn);
    }

    @Test
    public void theGuardInterceptsWhatTheRulesForbid() {
        String cn = "（2025）京0105执911号";
        ingest(cn, "CASE_FILED", "2025-06-01", "{\"claimPrincipal\":\"50000.00\"}");
        // C-03: a minor is never listed, whatever the ground
        JsonNode minor = verdict("LIST_DEFAULTER", cn, "{\"measureId\":\"SX-1\",\"personIdentifiers\":" + person(MINOR)
                + ",\"grounds\":[\"OBSTRUCTS_BY_FALSE_EVIDENCE_OR_VIOLENCE\"],\"periodMonths\":24,"
                + "\"restrictionOrderNumber\":\"号\"," + signed("号") + "}");
        assertEquals("DENY", minor.get("decision").asText());
        assertTrue(minor.toString(), hasFinding(minor, "C-03"));
        assertTrue(minor.get("article").asText().contains("民法典 第17条"));
        // C-32: restriction grounds only
        JsonNode onlyRestriction = verdict("LIST_DEFAULTER", cn, "{\"measureId\":\"SX-2\",\"personIdentifiers\":"
                + person(ADULT) + ",\"restrictionGrounds\":[\"NOT_PERFORMED_IN_TIME\"],"
                + "\"restrictionOrderNumber\":\"号\"," + signed("号") + "}");
        assertTrue(onlyRestriction.toString(), hasFinding(onlyRestriction, "C-32"));
        // C-09: publication before service
        ingest(cn, "CONSUMPTION_RESTRICTED", "2025-06-10", "{\"measureId\":\"XF-1\",\"personIdentifiers\":"
                + person(ADULT) + ",\"items\":[\"TRAVEL_HOLIDAY\"],\"period\":\"至履行完毕\",\"consequences\":\"罚款、拘留\","
                + signed("之一") + "}");
        ingest(cn, "DEFAULTER_LISTED", "2025-06-10", "{\"measureId\":\"SX-3\",\"personIdentifiers\":" + person(ADULT)
                + ",\"personName\":\"李四\",\"sex\":\"MALE\",\"grounds\":[\"ABLE_BUT_REFUSES\"],\"conduct\":\"有履行能力而拒不履行\","
                + signed("之二") + "}");
        settled(cn);
        JsonNode unserved = verdict("PUBLISH_DEFAULTER", cn, "{\"measureId\":\"SX-3\"}");
        assertEquals("DENY", unserved.get("decision").asText());
        assertTrue(unserved.toString(), hasFinding(unserved, "C-09"));
        ingest(cn, "credit.DECISION_SERVED", "2025-06-11", "{\"measureId\":\"SX-3\"}");
        settled(cn);
        assertEquals("ALLOW", verdict("PUBLISH_DEFAULTER", cn, "{\"measureId\":\"SX-3\"}").get("decision").asText());
        ingest(cn, "credit.MEASURE_PUBLISHED", "2025-06-12", "{\"measureId\":\"SX-3\"}");
        // recorded against the rules without the node monitor: a listing of a person nobody restricts (C-31) is the
        // credit bundle's own finding, in the API's findings
        ingest(cn, "DEFAULTER_LISTED", "2025-06-13", "{\"measureId\":\"SX-4\",\"personIdentifiers\":" + person(MINOR)
                + ",\"grounds\":[\"ABLE_BUT_REFUSES\"]," + signed("之三") + "}");
        await("the C-31 finding", 60, () -> get("supervisor", "/v1/findings?case=" + seg(cn)).text()
                .contains("CREDIT_LISTED_UNRESTRICTED"));
        JsonNode findings = get("supervisor", "/v1/findings?case=" + seg(cn)).body();
        assertEquals("org.jiandu.credit", findings.get("findings").get(0).get("source").asText());
        assertEquals("C-31", findings.get("findings").get(0).get("details").get("row").asText());
        // C-50: a grace period of 4 months
        assertTrue(hasFinding(verdict("SET_GRACE_PERIOD", cn, "{\"measureId\":\"XF-1\",\"months\":4}"), "C-50"));

        // the public list: name, sex, age, the id masked by the court's pattern; nothing it may not show
        await("the publication list", 60, () -> get("supervisor", "/v1/credit/publication?court=京0105").text()
                .contains(cn));
        Reply pub = get("supervisor", "/v1/credit/publication?court=京0105");
        assertTrue(pub.text(), pub.text().contains("1101**********1238"));
        assertFalse(pub.text(), pub.text().contains(ADULT));
        assertFalse(pub.text(), pub.text().contains("address") || pub.text().contains("phone")
                || pub.text().contains("account"));
        // a 沪 supervisor sees no 京 court's list
        assertEquals(403, get("shsupervisor", "/v1/credit/publication?court=京0105").status());
    }

    @Test
    public void badDetailsAndBadEventsGetA400NamingTheField() {
        String cn = "（2025）京0105执912号";
        Reply badGround = post("host", "/v1/guard/check", "{\"operationType\":\"LIST_DEFAULTER\",\"caseNumber\":\"" + cn
                + "\",\"details\":{\"measureId\":\"SX-1\",\"grounds\":[\"LAZY\"]}}");
        assertEquals(badGround.text(), 400, badGround.status());
        assertEquals("details.grounds", badGround.field());
        Reply badId = post("host", "/v1/guard/check", "{\"operationType\":\"LIST_DEFAULTER\",\"caseNumber\":\"" + cn
                + "\",\"details\":{\"measureId\":\"SX-1\",\"personIdentifiers\":[{\"kind\":\"RESIDENT_ID\","
                + "\"value\":\"110105198001011239\"}]}}");
        assertEquals(badId.text(), 400, badId.status());
        assertEquals("details.personIdentifiers[0].value", badId.field());
        Reply noMonths = event(cn, "credit.GRACE_PERIOD_SET", "2025-06-20", "{\"measureId\":\"XF-1\"}");
        assertEquals(noMonths.text(), 400, noMonths.status());
        assertEquals("payload.months", noMonths.field());
        Reply badItem = event(cn, "CONSUMPTION_RESTRICTED", "2025-06-20", "{\"measureId\":\"XF-1\",\"items\":"
                + "[\"CINEMA\"]}");
        assertEquals(badItem.text(), 400, badItem.status());
        assertTrue(badItem.field(), badItem.field().startsWith("payload.items"));
        Reply badAsOf = get("supervisor", "/v1/cases/" + seg(cn) + "/credit?asOf=yesterday");
        assertEquals(badAsOf.text(), 400, badAsOf.status());
        assertEquals("asOf", badAsOf.field());
        Reply badParty = get("supervisor", "/v1/credit/persons/12345");
        assertEquals(badParty.text(), 400, badParty.status());
        assertEquals("partyId", badParty.field());
        Reply badLimit = get("supervisor", "/v1/credit/overdue-lifts?limit=0");
        assertEquals(badLimit.text(), 400, badLimit.status());
        assertEquals("limit", badLimit.field());
        assertEquals("nothing was half-stored", "CASE_NOT_FOUND", get("supervisor", "/v1/cases/" + seg(cn)
                + "/credit").code());
    }

    /** A court officer records decisions through Jiandu: the officer is the actor; a denied act is not recorded. */
    @Test
    public void anOfficerRecordsDecisionsThroughTheGuards() {
        String cn = "（2025）京0105执913号";
        ingest(cn, "CASE_FILED", "2025-06-01", "{\"claimPrincipal\":\"30000.00\"}");
        String path = "/v1/cases/" + seg(cn) + "/credit/decisions";
        Reply restricted = post("officer", path, "{\"type\":\"CONSUMPTION_RESTRICTED\",\"hostEventId\":\"OFF-1\","
                + "\"occurredAt\":\"2025-06-10T10:00:00+08:00\",\"payload\":{\"measureId\":\"XF-1\","
                + "\"personIdentifiers\":" + person(ADULT) + ",\"items\":[\"TRAVEL_HOLIDAY\"],\"period\":\"至履行完毕\","
                + "\"consequences\":\"罚款、拘留\"," + signed("之一") + "}}");
        assertEquals(restricted.text(), 201, restricted.status());
        assertEquals("ALLOW", restricted.body().get("check").get("decision").asText());
        Reply timeline = get("supervisor", "/v1/cases/" + seg(cn) + "/timeline");
        assertTrue(timeline.text(), timeline.text().contains("\"personId\":\"officer\""));
        Reply again = post("officer", path, "{\"type\":\"CONSUMPTION_RESTRICTED\",\"hostEventId\":\"OFF-1\","
                + "\"occurredAt\":\"2025-06-10T10:00:00+08:00\",\"payload\":{\"measureId\":\"XF-1\","
                + "\"personIdentifiers\":" + person(ADULT) + ",\"items\":[\"TRAVEL_HOLIDAY\"],\"period\":\"至履行完毕\","
                + "\"consequences\":\"罚款、拘留\"," + signed("之一") + "}}");
        assertEquals("a retry with the same hostEventId is stored once", 200, again.status());
        // listing a minor: 409, every verdict in the answer, nothing recorded
        Reply minor = post("officer", path, "{\"type\":\"DEFAULTER_LISTED\",\"occurredAt\":\"2025-06-11T10:00:00+08:00\","
                + "\"payload\":{\"measureId\":\"SX-1\",\"personIdentifiers\":" + person(MINOR) + ",\"grounds\":"
                + "[\"ABLE_BUT_REFUSES\"],\"restrictionOrderNumber\":\"之一\"," + signed("之二") + "}}");
        assertEquals(minor.text(), 409, minor.status());
        assertEquals("OPERATION_DENIED", minor.code());
        assertTrue(minor.text(), minor.text().contains("C-03"));
        assertEquals("nothing recorded", 2, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").body()
                .get("entries").size());
        // a bad detail names the payload's field; a type that is no credit event is refused
        Reply bad = post("officer", path, "{\"type\":\"credit.GRACE_PERIOD_SET\",\"payload\":{\"measureId\":\"XF-1\","
                + "\"months\":\"two\"}}");
        assertEquals(bad.text(), 400, bad.status());
        assertEquals("payload.months", bad.field());
        Reply notCredit = post("officer", path, "{\"type\":\"MONEY_RECEIVED\",\"payload\":{}}");
        assertEquals(notCredit.text(), 400, notCredit.status());
        assertEquals("type", notCredit.field());
        assertEquals("a 沪 officer may not record on a 京 case", 403, post("shsupervisor", path,
                "{\"type\":\"credit.DECISION_SERVED\",\"payload\":{\"measureId\":\"XF-1\"}}").status());
        assertEquals("a host system records through the ingestion endpoint", 403, post("host", path,
                "{\"type\":\"credit.DECISION_SERVED\",\"payload\":{\"measureId\":\"XF-1\"}}").status());
    }
}
