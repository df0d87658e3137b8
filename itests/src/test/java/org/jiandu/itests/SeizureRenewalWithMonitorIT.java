package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingTopics;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 5's cross-feature promise: with the seizure guard and the node monitor both installed, a controlled asset
 * gets a renewal deadline (民诉法解释 Art. 485) from the seizure bundle's DeadlineRule, computed and monitored by the
 * node monitor, due before the measure's expiry shown in the seizure register; a renewal or release closes it.
 * And issue 8's one meaning of an Art. 12 correction: both bundles read a corrected case the same way.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeizureRenewalWithMonitorIT extends JianduTestSupport {
    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor", "jiandu-seizure-guard");
    }

    @Before
    public void up() {
        awaitRest();
        awaitEndpoints("/api/v1/cases/{caseNumber}/deadlines", "/api/v1/cases/{caseNumber}/seizures");
        await("the renewal rule installed in the monitor", 60, () -> {
            JsonNode rules = get("supervisor", "/v1/rules").body();
            if (rules == null) {
                return false;
            }
            for (JsonNode r : rules.get("rules")) {
                if ("seizure.renewal".equals(r.get("id").asText())) {
                    return true;
                }
            }
            return false;
        });
    }

    private static String event(String id, String type, String at, String payload) {
        return "{\"hostEventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + at
                + "\",\"actor\":{\"personId\":\"京0105-ZXY01\"},\"payload\":" + payload + "}";
    }

    private JsonNode renewalDeadline(String cn, String assetId) {
        JsonNode body = get("supervisor", "/v1/cases/" + seg(cn) + "/deadlines").body();
        if (body == null || body.get("deadlines") == null) {
            return null;
        }
        for (JsonNode d : body.get("deadlines")) {
            if ("seizure.renewal".equals(d.get("ruleId").asText()) && assetId.equals(d.get("key").asText())) {
                return d;
            }
        }
        return null;
    }

    /**
     * One subscriber on every finding reads the node monitor's (a network query leaving out property types, Art. 13)
     * and the seizure bundle's (over-seizure after a payment, Art. 15) as the same {@link Finding}, and
     * {@code GET /api/v1/findings} lists both with both sources.
     */
    @Test
    public void oneSubscriberReadsTheMonitorsAndTheSeizureBundlesFindingsAlike() {
        String cn = "（2025）京0105执5302号";
        String path = "/v1/cases/" + seg(cn) + "/events";
        List<Finding> received = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, FindingTopics.ALL);
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class,
                e -> received.add(FindingTopics.from(e)), props);
        try {
            // days relative to today: a deposit freeze lapses after a year, and a lapsed one controls nothing
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            assertEquals(201, post("host", path, event("SRF-1", "CASE_FILED", at(today.minusDays(20)),
                    "{\"claimPrincipal\":\"50000.00\",\"performanceDeadline\":\"" + today.minusDays(30) + "\"}"))
                    .status());
            assertEquals(201, post("host", path, event("SRF-2", "PROPERTY_QUERY_STARTED", at(today.minusDays(19)),
                    "{\"propertyTypes\":[\"DEPOSIT\"]}")).status());
            assertEquals(201, post("host", path, event("SRF-3", "PROPERTY_CONTROLLED", at(today.minusDays(10)),
                    "{\"assetId\":\"ACC-A\",\"assetKind\":\"DEPOSIT\",\"measure\":\"FREEZE\",\"amount\":\"30000.00\"}"))
                    .status());
            assertEquals(201, post("host", path, event("SRF-4", "PROPERTY_CONTROLLED", at(today.minusDays(9)),
                    "{\"assetId\":\"ACC-B\",\"assetKind\":\"DEPOSIT\",\"measure\":\"FREEZE\",\"amount\":\"71400.00\"}"))
                    .status());
            // 50,000 paid: the claim is down to the fee and interest, 101,400 frozen clearly exceeds it
            assertEquals(201, post("host", path, event("SRF-5", "MONEY_RECEIVED", at(today.minusDays(2)),
                    "{\"amount\":\"50000.00\"}")).status());
            String canonical = org.jiandu.api.CaseNumber.parse(cn).canonical();
            try {
                await("a finding of each bundle", 90, () -> sources(received, cn).size() == 2);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; received " + received + "; listed "
                        + get("supervisor", "/v1/findings?case=" + seg(cn)).text(), e);
            }
            assertEquals(List.of("org.jiandu.monitor", "org.jiandu.seizure"), sources(received, cn));
            Finding query = received.stream().filter(f -> f.caseNumber().equals(canonical)
                    && "org.jiandu.monitor".equals(f.source())).findFirst().orElseThrow();
            assertEquals("ART13_QUERY_COVERAGE", query.kind());
            Finding over = received.stream().filter(f -> f.caseNumber().equals(canonical)
                    && "org.jiandu.seizure".equals(f.source())).findFirst().orElseThrow();
            assertEquals("OVER_SEIZURE", over.kind());

            // every finding a subscriber received is listed by the read side, with both sources
            await("the received findings listed by GET /api/v1/findings", 30, () -> {
                JsonNode l = get("supervisor", "/v1/findings?case=" + seg(cn)).body();
                List<Long> ids = new java.util.ArrayList<>();
                l.get("findings").forEach(f -> ids.add(f.get("id").asLong()));
                return received.stream().filter(f -> f.caseNumber().equals(canonical))
                        .allMatch(f -> ids.contains(f.id()));
            });
            JsonNode listed = get("supervisor", "/v1/findings?case=" + seg(cn)).body();
            assertEquals("[\"org.jiandu.monitor\",\"org.jiandu.seizure\"]",
                    listed.get("sources").get("contributed").toString());
            assertEquals("the credit bundle is the one producer not installed", "[\"org.jiandu.credit\"]",
                    listed.get("sources").get("notInstalled").toString());
            // the feed from its start reaches both; reading on from its cursor repeats nothing it gave
            JsonNode feed = get("supervisor", "/v1/findings?since=&limit=100").body();
            List<String> first = new java.util.ArrayList<>();
            feed.get("findings").forEach(f -> first.add(f.get("source").asText() + "/" + f.get("id").asLong()));
            assertTrue(feed.toString(), first.contains("org.jiandu.monitor/" + query.id())
                    && first.contains("org.jiandu.seizure/" + over.id()));
            JsonNode next = get("supervisor", "/v1/findings?since=" + feed.get("nextCursor").asText()).body();
            next.get("findings").forEach(f -> assertTrue(next.toString(),
                    !first.contains(f.get("source").asText() + "/" + f.get("id").asLong())));
        } finally {
            reg.unregister();
        }
    }

    private static String at(LocalDate day) {
        return day + "T10:00:00+08:00";
    }

    private static List<String> sources(List<Finding> received, String cn) {
        String canonical = org.jiandu.api.CaseNumber.parse(cn).canonical();
        return received.stream().filter(f -> f.caseNumber().equals(canonical)).map(Finding::source).distinct()
                .sorted().toList();
    }

    @Test
    public void aFrozenDepositGetsARenewalDeadlineBeforeItsExpiryAndARenewalClosesIt() {
        String cn = "（2025）京0105执5301号";
        String path = "/v1/cases/" + seg(cn) + "/events";
        assertEquals(201, post("host", path, event("SRM-1", "CASE_FILED", "2025-03-03T09:00:00+08:00",
                "{\"claimPrincipal\":\"300000.00\",\"performanceDeadline\":\"2025-02-01\"}")).status());
        assertEquals(201, post("host", path, event("SRM-2", "PROPERTY_CONTROLLED", "2025-03-10T10:00:00+08:00",
                "{\"assetId\":\"ACC-5301\",\"assetKind\":\"DEPOSIT\",\"measure\":\"FREEZE\",\"amount\":\"120000.00\"}"))
                .status());

        await("the renewal deadline of ACC-5301", 60, () -> renewalDeadline(cn, "ACC-5301") != null);
        JsonNode deadline = renewalDeadline(cn, "ACC-5301");
        assertEquals(deadline.toString(), "OPEN", deadline.get("status").asText());
        assertNotNull(deadline.toString(), deadline.get("due"));
        LocalDate due = LocalDate.parse(deadline.get("due").asText());

        JsonNode asset = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures").body().get("assets").get(0);
        LocalDate expiry = LocalDate.parse(asset.get("expiry").asText());
        assertEquals("a deposit freeze lasts one year (民诉法解释 Art. 485)", LocalDate.of(2026, 3, 10), expiry);
        assertTrue("renewal due " + due + " must fall before expiry " + expiry, due.isBefore(expiry));

        assertEquals(201, post("host", path, event("SRM-3", "CONTROL_RENEWED", "2026-02-20T10:00:00+08:00",
                "{\"assetId\":\"ACC-5301\"}")).status());
        await("the renewal closing the first deadline", 60, () -> {
            JsonNode d = renewalDeadline(cn, "ACC-5301");
            return d != null && !"OPEN".equals(d.get("status").asText())
                    || d != null && !due.toString().equals(d.get("due").asText());
        });
    }

    private JsonNode seizedAsset(String cn, String assetId) {
        JsonNode body = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures").body();
        for (JsonNode a : body.get("assets")) {
            if (assetId.equals(a.get("assetId").asText())) {
                return a;
            }
        }
        return null;
    }

    /**
     * A deposit frozen, released, then frozen again; the release is corrected afterwards: it was a partial release
     * of 20,000 yuan, not of the whole account. The correction restates the release at the release's position (Art.
     * 12 of 法〔2021〕322号, {@code CaseHistory.effective}): 120,000 frozen, 20,000 released, 80,000 more frozen. The
     * seizure register and the monitor's termination guard read it alike: the account is still frozen. Read with
     * the correction at its own, later position, the release would follow the second freeze (and the monitor would
     * see the account released).
     */
    @Test
    public void aCorrectedReleaseStaysBeforeTheLaterFreezeForBothBundles() {
        String cn = "（2025）京0105执5302号";
        String path = "/v1/cases/" + seg(cn) + "/events";
        // dates relative to today, so that the deposit's one-year term is running whenever the test runs
        LocalDate frozen = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(60);
        String at = "T10:00:00+08:00";
        assertEquals(201, post("host", path, event("SRC-1", "CASE_FILED", frozen.minusDays(7) + at,
                "{\"claimPrincipal\":\"300000.00\",\"performanceDeadline\":\"" + frozen.minusDays(30) + "\"}"))
                .status());
        assertEquals(201, post("host", path, event("SRC-2", "PROPERTY_CONTROLLED", frozen + at,
                "{\"assetId\":\"ACC-5302\",\"assetKind\":\"DEPOSIT\",\"measure\":\"FREEZE\",\"amount\":\"120000.00\"}"))
                .status());
        assertEquals(201, post("host", path, event("SRC-3", "CONTROL_RELEASED", frozen.plusDays(8) + at,
                "{\"assetId\":\"ACC-5302\"}")).status());
        assertEquals(201, post("host", path, event("SRC-4", "PROPERTY_CONTROLLED", frozen.plusDays(22) + at,
                "{\"assetId\":\"ACC-5302\",\"assetKind\":\"DEPOSIT\",\"measure\":\"FREEZE\",\"amount\":\"80000.00\"}"))
                .status());
        String correction = "{\"hostEventId\":\"SRC-5\",\"type\":\"CONTROL_RELEASED\","
                + "\"occurredAt\":\"" + frozen.plusDays(8) + at + "\",\"actor\":{\"personId\":\"京0105-ZXY01\"},"
                + "\"payload\":{\"assetId\":\"ACC-5302\",\"amount\":\"20000.00\"},"
                + "\"correction\":{\"correctsHostEventId\":\"SRC-3\",\"approver\":\"京0105-TZ01\","
                + "\"reason\":\"部分解除误录为全部解除\"}}";
        assertEquals(201, post("host", path, correction).status());

        // before the correction the account was released and frozen afresh 22 days after the first freeze; after
        // it, the first control never ended
        await("the seizure register showing the correction", 60, () -> {
            JsonNode a = seizedAsset(cn, "ACC-5302");
            return a != null && frozen.toString().equals(a.path("controlledOn").asText());
        });
        JsonNode asset = seizedAsset(cn, "ACC-5302");
        assertEquals(asset.toString(), "IN_FORCE", asset.get("status").asText());
        assertEquals("120,000 − 20,000 + 80,000 frozen: " + asset, 180000.0, asset.get("grossValue").asDouble(), 0.001);

        Reply check = post("host", "/v1/guard/check", "{\"operationType\":\"TERMINATE_ROUND\",\"caseNumber\":\""
                + cn + "\",\"details\":{}}");
        assertEquals(check.text(), 200, check.status());
        boolean undisposed = false;
        for (JsonNode v : check.body().get("verdicts")) {
            for (JsonNode a : v.path("details").path("undisposedAssets")) {
                undisposed |= "ACC-5302".equals(a.path("assetId").asText());
            }
        }
        assertTrue("the monitor's termination guard must see ACC-5302 still frozen: " + check.text(), undisposed);
    }
}
