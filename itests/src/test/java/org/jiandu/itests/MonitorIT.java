package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * jiandu-node-monitor installed alone on jiandu-core (+ jiandu-calendar, which it brings): a realistic case walks
 * through its nodes over HTTP around the 2024 National Day holiday; each due date is checked against a date
 * computed by hand (in the comments); the clock is moved and REMINDER, OVERDUE and ESCALATED alerts appear exactly
 * once however often the sweep runs; an alert is acknowledged; the coverage finding appears; a late query closes its
 * deadline with the breach kept; 终本 opens the half-yearly queries; a third-party rule plugs in and out live.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MonitorIT extends JianduTestSupport {
    private static final String CASE = "（2024）京0105执1001号";

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Inject
    private CaseLedger ledger;

    @Inject
    private org.osgi.service.cm.ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor");
    }

    @Before
    public void restIsUp() {
        awaitRest();
        await("the monitor's endpoints", 60, () -> get("supervisor", "/v1/rules").status() == 200
                && get("supervisor", "/v1/rules").body().get("count").asInt() >= 16);
    }

    private static String event(String id, String type, String occurredAt, String payload) {
        return "{\"hostEventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"actor\":{\"personId\":\"京0105-ZXY12\",\"role\":\"执行员\",\"organisation\":\"京0105\"},"
                + "\"payload\":" + payload + "}";
    }

    private static void ingest(String caseNumber, String event) {
        Reply r = post("host0105", "/v1/cases/" + seg(caseNumber) + "/events", event);
        assertEquals(r.text(), 201, r.status());
    }

    /** Moves the Jiandu clock (configuration org.jiandu.clock) to {@code iso} and waits until it shows. */
    private void clockAt(String iso) throws Exception {
        Instant target = OffsetDateTime.parse(iso).toInstant();
        Duration offset = Duration.between(Instant.now(), target);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("offset", offset.toString());
        configurations.getConfiguration("org.jiandu.clock", null).update(props);
        ServiceReference<Clock> ref = context.getServiceReferences(Clock.class, "(jiandu.clock=true)").iterator()
                .next();
        Clock clock = context.getService(ref);
        try {
            await("the clock at " + iso, 30,
                    () -> Math.abs(clock.instant().getEpochSecond() - Instant.now().plus(offset).getEpochSecond()) < 5);
        } finally {
            context.ungetService(ref);
        }
    }

    private static JsonNode deadlines(String caseNumber) {
        Reply r = get("supervisor", "/v1/cases/" + seg(caseNumber) + "/deadlines");
        assertEquals(r.text(), 200, r.status());
        return r.body();
    }

    private static JsonNode deadline(String caseNumber, String rule, String key) {
        for (JsonNode d : deadlines(caseNumber).get("deadlines")) {
            if (d.get("ruleId").asText().equals(rule) && d.get("key").asText().equals(key)) {
                return d;
            }
        }
        return null;
    }

    private static JsonNode awaitDeadline(String caseNumber, String rule, String key) {
        await(rule + "/" + key + " on " + caseNumber, 30, () -> deadline(caseNumber, rule, key) != null);
        return deadline(caseNumber, rule, key);
    }

    private static JsonNode alerts(String query) {
        Reply r = get("supervisor", "/v1/alerts?limit=100&" + query);
        assertEquals(r.text(), 200, r.status());
        return r.body().get("alerts");
    }

    private static List<String> levels(String caseNumber, String rule) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : alerts("case=" + seg(caseNumber) + "&rule=" + rule)) {
            out.add(a.get("level").asText());
        }
        out.sort(null);
        return out;
    }

    private void sweepTwice() {
        String first = shell(sessions, "jiandu:sweep");
        String second = shell(sessions, "jiandu:sweep");
        assertTrue(first, first.startsWith("sweep:"));
        assertTrue("the second sweep finds nothing left: " + second, second.startsWith("sweep: 0 alert(s)"));
    }

    /** A third party's rule: a petition must be answered by a call-back within 2 working days. */
    public static final class CallbackRule implements DeadlineRule {
        @Override
        public String id() {
            return "acme.petition-callback";
        }

        @Override
        public String article() {
            return "某高院信访工作细则 第5条";
        }

        @Override
        public String title() {
            return "收到信访后2个工作日内电话回访";
        }

        @Override
        public List<DeadlineAction> onEntry(LedgerEntry entry, List<LedgerEntry> history) {
            String id = entry.event().payload().string("petitionId").orElse(null);
            if ("PETITION_RECEIVED".equals(entry.event().type()) && id != null) {
                LocalDate day = entry.event().occurredAt().toLocalDate();
                return List.of(new DeadlineAction.Open("callback:" + id, DeadlineRequest.ofDate(day, 2, PeriodUnit.WD),
                        false));
            }
            return List.of();
        }
    }

    /**
     * With no configuration at all, every built-in rule runs on the law's defaults and says so in health: Declarative
     * Services once activated two rules through their typed test constructor, whose unset values were 0 and empty.
     */
    @Test
    public void withoutConfigurationEveryBuiltInRuleIsUpWithTheLawsDefaults() throws Exception {
        await("every built-in rule in health", 60, () -> {
            JsonNode components = get("admin", "/v1/health").body().get("components");
            int rules = 0;
            for (JsonNode c : components) {
                if (c.get("component").asText().startsWith("jiandu.monitor.rule.")
                        && !c.get("component").asText().equals("jiandu.monitor.rule-pids")) {
                    rules++;
                }
            }
            return rules >= 16;
        });
        for (JsonNode c : get("admin", "/v1/health").body().get("components")) {
            String name = c.get("component").asText();
            if (name.startsWith("jiandu.monitor.rule.")) {
                assertEquals(name + " " + c.get("reasons"), "UP", c.get("state").asText());
            }
        }
        JsonNode dispute = null;
        for (JsonNode c : get("admin", "/v1/health").body().get("components")) {
            if (c.get("component").asText().equals("jiandu.monitor.rule.art27.court-dispute")) {
                dispute = c;
            }
        }
        assertNotNull(dispute);
        assertEquals(1, dispute.at("/details/config/resolve.months").asInt());
        assertEquals(15, dispute.at("/details/config/implement.workingDays").asInt());
    }

    @Test
    public void aCaseWalksThroughItsNodesAroundNationalDay() throws Exception {
        clockAt("2024-09-27T12:00:00+08:00");
        ingest(CASE, event("MON-1", "CASE_FILED", "2024-09-20T09:30:00+08:00",
                "{\"claimPrincipal\":\"125000.00\",\"applicantPayeeAccount\":\"6222 0200 0000 0001\"}"));
        ingest(CASE, event("MON-2", "HANDLER_ASSIGNED", "2024-09-23T09:00:00+08:00",
                "{\"handler\":\"京0105-ZXY12\",\"leader\":\"京0105-TZ01\"}"));
        ingest(CASE, event("MON-3", "TRANSFERRED_TO_ENFORCEMENT", "2024-09-27T10:00:00+08:00", "{}"));
        ingest(CASE, event("MON-4", "PROPERTY_LEAD_RECEIVED", "2024-09-27T11:00:00+08:00",
                "{\"leadId\":\"L1\",\"urgent\":true,\"clearAndSpecific\":true}"));

        // transfer Friday 2024-09-27 + 5 WD: 09-29 (make-up Sunday) 1, 09-30 2, 10-01..07 National Day,
        // 10-08 3, 10-09 4, 10-10 5
        JsonNode query = awaitDeadline(CASE, "art13.network-query", "main");
        assertEquals("2024-10-10", query.get("due").asText());
        assertEquals("OPEN", query.get("status").asText());
        assertEquals("2024-10-11T00:00+08:00", query.get("expiresAt").asText());
        assertFalse(query.get("explanation").get("steps").isEmpty());
        assertFalse(query.get("calendarVersions").isEmpty());
        // filing 2024-09-20 + 6 months = 2025-03-20, a Thursday
        assertEquals("2025-03-20", awaitDeadline(CASE, "b7.time-limit", "main").get("due").asText());
        assertEquals("2025-03-20", awaitDeadline(CASE, "art28.unexecuted-six-months", "main").get("due").asText());
        // urgent, clear lead: 24 hours, through the weekend: 2024-09-28 11:00
        assertEquals("2024-09-28T11:00+08:00",
                awaitDeadline(CASE, "art13.property-lead", "lead:L1").get("expiresAt").asText());

        // a third party's rule, registered while running, sees the next entries
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("acme.period", "2 WD");
        ServiceRegistration<DeadlineRule> acme = context.registerService(DeadlineRule.class, new CallbackRule(), props);
        await("the third-party rule listed", 30, () -> get("officer", "/v1/rules").text().contains("acme.petition-callback"));
        JsonNode listed = null;
        for (JsonNode r : get("officer", "/v1/rules").body().get("rules")) {
            if (r.get("id").asText().equals("acme.petition-callback")) {
                listed = r;
            }
        }
        assertNotNull(listed);
        assertEquals("2 WD", listed.get("parameters").get("acme.period").asText());
        ingest(CASE, event("MON-5", "PETITION_RECEIVED", "2024-09-27T11:30:00+08:00", "{\"petitionId\":\"P1\"}"));
        // 2 WD after Friday 09-27: 09-29 (make-up Sunday) 1, 09-30 2
        assertEquals("2024-09-30", awaitDeadline(CASE, "acme.petition-callback", "callback:P1").get("due").asText());
        // the petition itself: record within 5 WD (→ 2024-10-10, as above), conclude within 30 WD
        assertEquals("2024-10-10", awaitDeadline(CASE, "art30.petition", "record:P1").get("due").asText());

        // 2024-10-09: the day before the query's due date
        clockAt("2024-10-09T08:00:00+08:00");
        sweepTwice();
        assertEquals(List.of("REMINDER"), levels(CASE, "art13.network-query"));
        assertEquals(List.of("OVERDUE"), levels(CASE, "acme.petition-callback"));

        // the third party stops its rule: its deadline stays on record, unmonitored
        acme.unregister();
        await("the third-party rule gone", 30, () -> !get("officer", "/v1/rules").text().contains("acme.petition-callback"));
        assertFalse(deadline(CASE, "acme.petition-callback", "callback:P1").get("ruleInstalled").asBoolean());

        // 2024-10-11: the query deadline has run out
        clockAt("2024-10-11T09:00:00+08:00");
        sweepTwice();
        assertEquals(List.of("OVERDUE", "REMINDER"), levels(CASE, "art13.network-query"));
        // 3 WD after 09-30: 10-08, 10-09, 10-10 → escalation due from 10-11, but the rule is gone
        assertEquals(List.of("OVERDUE"), levels(CASE, "acme.petition-callback"));

        // the supervisor acknowledges the overdue alert, once, with a comment
        JsonNode overdue = alerts("case=" + seg(CASE) + "&rule=art13.network-query&level=OVERDUE").get(0);
        String ackPath = "/v1/alerts/" + overdue.get("id").asText() + "/acknowledgement";
        Reply missing = post("supervisor", ackPath, "{}");
        assertEquals(400, missing.status());
        assertEquals("comment", missing.field());
        Reply ack = post("supervisor", ackPath, "{\"comment\":\"已督促承办人当日发起网络查控\"}");
        assertEquals(ack.text(), 200, ack.status());
        assertEquals("acknowledged", ack.body().get("status").asText());
        assertEquals("supervisor", ack.body().get("acknowledgement").get("by").asText());
        assertEquals(409, post("supervisor", ackPath, "{\"comment\":\"again\"}").status());
        assertEquals(1, alerts("case=" + seg(CASE) + "&status=acknowledged").size());

        // 2024-10-15: 3 working days after the due date (10-11, 10-12 make-up Saturday, 10-14) and still open
        clockAt("2024-10-15T09:00:00+08:00");
        sweepTwice();
        assertEquals(List.of("ESCALATED", "OVERDUE", "REMINDER"), levels(CASE, "art13.network-query"));
        JsonNode escalated = alerts("case=" + seg(CASE) + "&rule=art13.network-query&level=ESCALATED").get(0);
        assertEquals("京0105-TZ01", escalated.get("addressee").asText());
        assertTrue(escalated.get("message").asText().contains("第13条"));

        // the late query closes the deadline, keeps the breach, and leaves out queryable types
        ingest(CASE, event("MON-6", "PROPERTY_QUERY_STARTED", "2024-10-15T08:30:00+08:00",
                "{\"propertyTypes\":[\"DEPOSIT\",\"REAL_ESTATE\",\"VEHICLE\"],\"channel\":\"BOTH\"}"));
        await("the query deadline closed", 30,
                () -> "MET_LATE".equals(deadline(CASE, "art13.network-query", "main").get("status").asText()));
        JsonNode closed = deadline(CASE, "art13.network-query", "main");
        assertTrue(closed.get("breach").asBoolean());
        assertEquals("MON-6", closed.get("closedBy").get("hostEventId").asText());
        assertEquals(3, closed.get("alerts").size());
        JsonNode finding = deadlines(CASE).get("findings").get(0);
        assertEquals("art13.query-coverage", finding.get("ruleId").asText());
        Set<String> missingTypes = new HashSet<>();
        finding.get("details").get("missingTypes").forEach(t -> missingTypes.add(t.asText()));
        assertEquals(Set.of("SECURITIES", "SHIP", "ONLINE_FUNDS", "WEALTH_PRODUCTS"), missingTypes);

        // a seized flat needs its reference price within 30 days: 2024-10-15 + 30 = 2024-11-14, a Thursday
        ingest(CASE, event("MON-7", "PROPERTY_CONTROLLED", "2024-10-15T08:45:00+08:00",
                "{\"assetId\":\"F1\",\"assetKind\":\"REAL_ESTATE\",\"measure\":\"SEAL\"}"));
        assertEquals("2024-11-14", awaitDeadline(CASE, "art16.reference-price", "asset:F1").get("due").asText());

        // 终本 on 2024-12-20: queries due every 6 months, the first on 2025-06-20 (a Friday)
        clockAt("2025-01-06T10:00:00+08:00");
        ingest(CASE, event("MON-8", "TERMINATION_RULED", "2024-12-20T10:00:00+08:00", "{\"served\":true}"));
        assertEquals("2025-06-20", awaitDeadline(CASE, "b1.post-termination-query", "q1").get("due").asText());
        await("the time limit met by 终本", 30,
                () -> "MET".equals(deadline(CASE, "b7.time-limit", "main").get("status").asText()));
        assertEquals("MET_LATE", deadline(CASE, "art16.reference-price", "asset:F1").get("status").asText());

        // the shell shows the same
        String printed = shell(sessions, "jiandu:deadlines \"" + CASE + "\"");
        assertTrue(printed, printed.contains("MET_LATE") && printed.contains("art13.network-query"));
        assertTrue(shell(sessions, "jiandu:alerts --court 京0105 --level ESCALATED").contains(CaseNumber.parse(CASE).canonical()));
    }

    @Test
    public void callersSeeOnlyTheirCourtsAndBadFiltersNameTheField() {
        Reply other = get("shsupervisor", "/v1/alerts");
        assertEquals(200, other.status());
        for (JsonNode a : other.body().get("alerts")) {
            assertTrue(a.get("court").asText().startsWith("沪"));
        }
        assertEquals("court", get("shsupervisor", "/v1/alerts?court=京0105").field());
        assertEquals(403, get("shsupervisor", "/v1/alerts?court=京0105").status());
        assertEquals(403, get("shsupervisor", "/v1/cases/" + seg(CASE) + "/deadlines").status());
        assertEquals(200, get("highcourt", "/v1/alerts?court=京0105").status());
        assertEquals(403, get("prosecutor", "/v1/alerts").status());
        assertEquals(403, get("prosecutor", "/v1/rules").status());
        assertEquals("level", get("supervisor", "/v1/alerts?level=URGENT").field());
        assertEquals("status", get("supervisor", "/v1/alerts?status=closed").field());
        assertEquals("limit", get("supervisor", "/v1/alerts?limit=101").field());
        assertEquals("from", get("supervisor", "/v1/alerts?from=2024-13-01").field());
        assertEquals("cursor", get("supervisor", "/v1/alerts?cursor=abc").field());
        assertEquals(400, get("supervisor", "/v1/alerts?limit=0").status());
        assertEquals(401, get(null, "/v1/alerts").status());
    }

    @Test
    public void theLedgerPagesThroughEntriesByRecordingTimeWithoutGapsOrRepeats() {
        String cn = "（2024）京0105执1500号";
        for (int i = 1; i <= 5; i++) {
            ingest(cn, event("MON-PAGE-" + i, "MONEY_RECEIVED", "2024-03-0" + i + "T10:00:00+08:00",
                    "{\"amount\":\"" + i + "00.00\"}"));
        }
        List<String> seen = new ArrayList<>();
        LedgerEntry after = null;
        while (true) {
            List<LedgerEntry> page = ledger.recordedSince(Instant.EPOCH, after, 2);
            if (page.isEmpty()) {
                break;
            }
            for (LedgerEntry e : page) {
                seen.add(e.event().hostEventId());
            }
            after = page.get(page.size() - 1);
        }
        assertEquals(seen.size(), new HashSet<>(seen).size());
        List<String> mine = seen.stream().filter(s -> s.startsWith("MON-PAGE-")).toList();
        assertEquals(List.of("MON-PAGE-1", "MON-PAGE-2", "MON-PAGE-3", "MON-PAGE-4", "MON-PAGE-5"), mine);
        assertTrue(ledger.recordedSince(Instant.now().plus(Duration.ofDays(3650)), null, 10).isEmpty());
    }
}
