package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.jiandu.api.Topics;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.finding.FindingSeverity;
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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * jiandu-seizure-guard installed alone on jiandu-core: a case's seizures recorded over HTTP, each rule of the guard
 * answering ALLOW, WARN or DENY with the computed figures through {@code POST /api/v1/guard/check}, the register at
 * {@code GET /api/v1/cases/{case}/seizures}, the over-seizure finding after a payment, {@code jiandu:seizures}, bad
 * operation details answered 400 with the field, and the renewal deadline rule registered for the node monitor.
 *
 * <p>Claim of every case: principal 100,000.00, performance deadline 30 days ahead (no doubled interest today),
 * application fee 50 + 90,000 × 1.5% = 1,400.00 → claim total 101,400.00.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeizureIT extends JianduTestSupport {
    private static final String GUARD = "seizure.over-seizure";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-seizure-guard");
    }

    @Before
    public void guardIsUp() {
        awaitRest();
        await("the seizure guard consulted", 120, () -> {
            Reply r = post("host", "/v1/guard/check", "{\"operationType\":\"SEIZE\",\"caseNumber\":\"（2025）京0105执900号\","
                    + "\"details\":{\"assetId\":\"X\",\"assetKind\":\"VEHICLE\",\"amount\":\"1.00\"}}");
            return r.status() == 200 && r.body().get("guardsConsulted").asInt() >= 1;
        });
        // resources register one by one and the server picks each up: wait for the ledger's and this bundle's
        await("the events and seizures resources", 120, () ->
                "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg("（2025）京0105执900号") + "/timeline").code())
                        && "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg("（2025）京0105执900号")
                                + "/seizures").code()));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String day(int offset) {
        return TODAY.plusDays(offset) + "T10:00:00+08:00";
    }

    private static int ids;

    private static void ingest(String cn, String type, int dayOffset, String payload) {
        String ev = "{\"hostEventId\":\"SZ-IT-" + (++ids) + "-" + System.nanoTime() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + day(dayOffset) + "\",\"actor\":{\"personId\":\"京0105-ZXY01\","
                + "\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":" + payload + "}";
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", ev);
        assertEquals(r.text(), 201, r.status());
    }

    /** Files the case: principal 100,000, deadline 30 days ahead. */
    private static void file(String cn) {
        ingest(cn, "CASE_FILED", -20, "{\"claimPrincipal\":\"100000.00\",\"performanceDeadline\":\""
                + TODAY.plusDays(30) + "\"}");
    }

    private static void control(String cn, String assetId, String kind, String measure, String amount,
            String extra) {
        ingest(cn, "PROPERTY_CONTROLLED", -10, "{\"assetId\":\"" + assetId + "\",\"assetKind\":\"" + kind
                + "\",\"measure\":\"" + measure + "\",\"amount\":\"" + amount + "\"" + extra + "}");
    }

    /** Waits until the register includes the case's {@code seq}-th entry (the ledger publishes after commit). */
    private static JsonNode awaitRegister(String cn, int seq) {
        JsonNode[] last = new JsonNode[1];
        await("register of " + cn + " at seq " + seq, 30, () -> {
            Reply r = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures");
            last[0] = r.body();
            return r.status() == 200 && r.body().get("lastSeq").asInt() >= seq;
        });
        return last[0];
    }

    /** The seizure guard's verdict on the operation. */
    private static JsonNode verdict(String type, String cn, String details) {
        Reply r = post("host", "/v1/guard/check", "{\"operationType\":\"" + type + "\",\"caseNumber\":\"" + cn
                + "\",\"details\":" + details + "}");
        assertEquals(r.text(), 200, r.status());
        for (JsonNode v : r.body().get("verdicts")) {
            if (GUARD.equals(v.get("guard").asText())) {
                return v;
            }
        }
        throw new AssertionError("no verdict of " + GUARD + " in " + r.text());
    }

    private static void assertVerdict(JsonNode v, String decision, String rule) {
        assertEquals(v.toString(), decision, v.get("decision").asText());
        assertEquals(v.toString(), rule, v.get("details").get("rule").asText());
    }

    private static String money(JsonNode node, String field) {
        assertNotNull("missing " + field + " in " + node, node.get(field));
        return node.get(field).decimalValue().toPlainString();
    }

    // ---- the rules --------------------------------------------------------------------------------------------

    @Test
    public void freezeRulesShowTheLargestAllowedAmount() {
        String cn = "（2025）京0105执901号";
        file(cn);
        control(cn, "ACC-0", "DEPOSIT", "FREEZE", "30000.00", "");
        awaitRegister(cn, 2);

        JsonNode noAmount = verdict("FREEZE", cn, "{\"assetId\":\"ACC-1\"}");
        assertVerdict(noAmount, "DENY", "FREEZE_AMOUNT_REQUIRED");
        assertTrue(noAmount.get("article").asText().contains("第15条"));

        JsonNode tooMuch = verdict("FREEZE", cn, "{\"assetId\":\"ACC-1\",\"amount\":\"80000.00\"}");
        assertVerdict(tooMuch, "DENY", "FREEZE_EXCEEDS_UNCOVERED");
        assertEquals("101400.00", money(tooMuch.get("details"), "claimTotal"));
        assertEquals("30000.00", money(tooMuch.get("details"), "controlledValue"));
        assertEquals("71400.00", money(tooMuch.get("details"), "maxAllowedAmount"));
        assertTrue(tooMuch.get("reason").asText().contains("最多可冻结 71400.00 元"));

        assertVerdict(verdict("FREEZE", cn, "{\"assetId\":\"ACC-1\",\"amount\":\"71400.00\"}"), "ALLOW",
                "WITHIN_CLAIM");

        JsonNode shares = verdict("FREEZE", cn, "{\"assetId\":\"SEC-1\",\"assetKind\":\"SECURITIES\","
                + "\"amount\":\"200000.00\",\"quantity\":10000}");
        assertVerdict(shares, "DENY", "DIVISIBLE_EXCEEDS_UNCOVERED");
        // 20.00 a share: ⌈71,400 / 20⌉
        assertEquals(3570, shares.get("details").get("allowedQuantity").asInt());
    }

    @Test
    public void indivisibleAndRealEstateRulesWithTheirFigures() {
        String cn = "（2025）京0105执902号";
        file(cn);
        awaitRegister(cn, 1);

        JsonNode car = verdict("DETAIN", cn, "{\"assetId\":\"CAR-1\",\"assetKind\":\"VEHICLE\",\"amount\":\"150000.00\"}");
        assertVerdict(car, "WARN", "INDIVISIBLE_CLEARLY_EXCEEDS");
        assertEquals("121680.00", money(car.get("details"), "clearlyExceedsThreshold"));

        JsonNode carWithDeposit = verdict("DETAIN", cn, "{\"assetId\":\"CAR-1\",\"assetKind\":\"VEHICLE\","
                + "\"amount\":\"150000.00\",\"candidates\":[{\"assetId\":\"ACC-9\",\"assetKind\":\"DEPOSIT\","
                + "\"amount\":\"110000.00\"}]}");
        assertVerdict(carWithDeposit, "DENY", "LOWER_IMPACT_SUFFICES");
        assertEquals("ACC-9", carWithDeposit.get("details").get("ranking").get(0).get("assetId").asText());

        JsonNode flat = verdict("SEIZE", cn, "{\"assetId\":\"FLAT-1\",\"assetKind\":\"REAL_ESTATE\","
                + "\"amount\":\"1000000.00\",\"priorEncumbrances\":[{\"kind\":\"MORTGAGE\",\"amount\":\"400000.00\"}]}");
        assertVerdict(flat, "DENY", "PARTIAL_SEIZURE_REQUIRED");
        assertEquals("600000.00", money(flat.get("details"), "availableValue"));
        assertEquals("0.1690", flat.get("details").get("requiredShare").asText());

        JsonNode whole = verdict("SEIZE", cn, "{\"assetId\":\"FLAT-1\",\"assetKind\":\"REAL_ESTATE\","
                + "\"amount\":\"600000.00\",\"registryRefusesSplit\":true}");
        assertVerdict(whole, "ALLOW", "SPLIT_REFUSED_WHOLE_SEIZURE");
        assertEquals("COORDINATE_SPLIT_REGISTRATION", whole.get("details").get("task").get("kind").asText());

        assertVerdict(verdict("DETAIN", cn, "{\"assetId\":\"W\",\"assetKind\":\"MOVABLE\",\"amount\":\"8000.00\","
                + "\"exemptCategory\":\"DISABILITY_AIDS\"}"), "DENY", "EXEMPT_PROPERTY");
    }

    @Test
    public void onceTheClaimIsCoveredFurtherSeizureIsDenied() {
        String cn = "（2025）京0105执903号";
        file(cn);
        control(cn, "ACC-0", "DEPOSIT", "FREEZE", "101400.00", "");
        awaitRegister(cn, 2);
        JsonNode v = verdict("SEIZE", cn, "{\"assetId\":\"CAR-1\",\"assetKind\":\"VEHICLE\",\"amount\":\"5000.00\"}");
        assertVerdict(v, "DENY", "CLAIM_COVERED");
        assertEquals("0.00", money(v.get("details"), "uncoveredClaim"));
    }

    @Test
    public void theNecessaryHomeMayBeSeizedButNotAuctioned() {
        String cn = "（2025）京0105执904号";
        file(cn);
        control(cn, "HOME", "REAL_ESTATE", "SEAL", "3000000.00", ",\"necessaryHome\":true");
        awaitRegister(cn, 2);
        JsonNode dispose = verdict("DISPOSE", cn, "{\"assetId\":\"HOME\",\"method\":\"ONLINE_AUCTION\"}");
        assertVerdict(dispose, "DENY", "NECESSARY_HOME_DISPOSAL");
        assertTrue(dispose.get("article").asText().contains("第4条"));
        assertVerdict(verdict("DISPOSE", cn, "{\"assetId\":\"CAR\"}"), "ALLOW", "NOT_NECESSARY_HOME");
        // the other steps towards its disposal are denied too, until an Art. 20 ground is recorded
        assertVerdict(verdict("PUBLISH_AUCTION_ANNOUNCEMENT", cn, "{\"assetId\":\"HOME\",\"text\":\"拍卖公告\"}"),
                "DENY", "NECESSARY_HOME_DISPOSAL");
        assertVerdict(verdict("SELF_DISPOSAL", cn, "{\"assetId\":\"HOME\",\"periodDays\":60}"), "DENY",
                "NECESSARY_HOME_DISPOSAL");
        ingest(cn, "HOME_DISPOSAL_GROUND_RECORDED", -1, "{\"assetId\":\"HOME\",\"ground\":\"RENT_DEDUCTED\","
                + "\"rentYears\":6,\"basis\":\"申请执行人同意扣除六年租金\"}");
        awaitRegister(cn, 3);
        JsonNode allowed = verdict("PUBLISH_AUCTION_ANNOUNCEMENT", cn, "{\"assetId\":\"HOME\",\"text\":\"拍卖公告\"}");
        assertVerdict(allowed, "ALLOW", "NECESSARY_HOME_ART20_GROUND");
        assertEquals("RENT_DEDUCTED", allowed.get("details").get("ground").asText());
        assertTrue(allowed.get("article").asText().contains("第20条"));
    }

    @Test
    public void badOperationDetailsAnswer400WithTheField() {
        String cn = "（2025）京0105执905号";
        file(cn);
        awaitRegister(cn, 1);
        Reply negative = post("host", "/v1/guard/check", "{\"operationType\":\"FREEZE\",\"caseNumber\":\"" + cn
                + "\",\"details\":{\"assetId\":\"A\",\"amount\":\"-5\"}}");
        assertEquals(negative.text(), 400, negative.status());
        assertEquals("NEGATIVE_AMOUNT", negative.code());
        assertEquals("details.amount", negative.field());

        Reply absurd = post("host", "/v1/guard/check", "{\"operationType\":\"FREEZE\",\"caseNumber\":\"" + cn
                + "\",\"details\":{\"assetId\":\"A\",\"amount\":\"99999999999999\"}}");
        assertEquals(400, absurd.status());
        assertEquals("ABSURD_AMOUNT", absurd.code());

        Reply noKind = post("host", "/v1/guard/check", "{\"operationType\":\"SEIZE\",\"caseNumber\":\"" + cn
                + "\",\"details\":{\"assetId\":\"A\",\"amount\":\"5.00\"}}");
        assertEquals(400, noKind.status());
        assertEquals("details.assetKind", noKind.field());

        Reply candidate = post("host", "/v1/guard/check", "{\"operationType\":\"SEIZE\",\"caseNumber\":\"" + cn
                + "\",\"details\":{\"assetId\":\"A\",\"assetKind\":\"VEHICLE\",\"amount\":\"5.00\",\"candidates\":["
                + "{\"assetId\":\"B\",\"assetKind\":\"DEPOSIT\",\"amount\":\"1.00\"},"
                + "{\"assetId\":\"C\",\"assetKind\":\"VEHICLE\",\"amount\":\"abc\"}]}}");
        assertEquals(400, candidate.status());
        assertEquals("details.candidates[1].amount", candidate.field());
    }

    // ---- the register, findings, command ----------------------------------------------------------------------

    @Test
    public void theRegisterShowsTheClaimPartsCoverageAndTerms() {
        String cn = "（2025）京0105执906号";
        file(cn);
        control(cn, "ACC-0", "DEPOSIT", "FREEZE", "30000.00", "");
        control(cn, "FLAT-0", "REAL_ESTATE", "SEAL", "90000.00", ",\"queued\":true");
        ingest(cn, "ENCUMBRANCE_RECORDED", -9, "{\"assetId\":\"ACC-0\",\"encumbranceId\":\"E1\",\"kind\":\"PLEDGE\","
                + "\"amount\":\"5000.00\"}");
        awaitRegister(cn, 4);

        JsonNode reg = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures").body();
        assertEquals("101400.00", money(reg.get("claim"), "total"));
        assertEquals("1400.00", money(reg.get("claim").get("parts").get("applicationFee"), "amount"));
        JsonNode coverage = reg.get("coverage");
        assertEquals("25000.00", money(coverage, "controlledValue"));
        assertEquals("76400.00", money(coverage, "uncoveredClaim"));
        assertFalse(coverage.get("clearlyExceeds").asBoolean());
        JsonNode acc = reg.get("assets").get(0);
        assertEquals("IN_FORCE", acc.get("status").asText());
        assertEquals("5000.00", money(acc, "priorClaims"));
        assertEquals(TODAY.plusDays(-10).plusYears(1).toString(), acc.get("expiry").asText());
        JsonNode flat = reg.get("assets").get(1);
        assertEquals("QUEUED", flat.get("status").asText());
        assertEquals("轮候查封", flat.get("measureLabel").asText());

        // 10 days after the deadline: 100,000 × 0.0175% × 10 = 175.00
        JsonNode later = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures?asOf=" + TODAY.plusDays(40)).body();
        assertEquals("175.00", money(later.get("claim").get("parts").get("doubledInterest"), "amount"));
        assertEquals(10, later.get("claim").get("parts").get("doubledInterest").get("days").asInt());
        assertEquals("101575.00", money(later.get("claim"), "total"));

        String printed = shell(sessions, "jiandu:seizures \"" + cn + "\"");
        assertTrue(printed, printed.contains("claim total 101400.00"));
        assertTrue(printed, printed.contains("ACC-0"));
        assertTrue(printed, printed.contains("QUEUED"));

        Reply badDate = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures?asOf=someday");
        assertEquals(400, badDate.status());
        assertEquals("asOf", badDate.field());
        assertEquals(403, get("shsupervisor", "/v1/cases/" + seg(cn) + "/seizures").status());
        assertEquals(404, get("supervisor", "/v1/cases/" + seg("（2025）京0105执999999号") + "/seizures").status());
        assertEquals(200, get("supervisor", "/v1/cases/" + seg(cn) + "/timeline").status());
    }

    @Test
    public void aPaymentRaisesAnOverSeizureFindingNamingWhatToRelease() {
        String cn = "（2025）京0105执907号";
        List<Event> findings = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, Topics.FINDING_PREFIX + "*");
        ServiceRegistration<EventHandler> reg = context.registerService(EventHandler.class, findings::add, props);
        try {
            file(cn);
            control(cn, "ACC-0", "DEPOSIT", "FREEZE", "30000.00", "");
            control(cn, "ACC-1", "DEPOSIT", "FREEZE", "71400.00", "");
            ingest(cn, "OVER_SEIZURE_OBJECTION", -5, "{\"objectionId\":\"OBJ-1\",\"valuationRequested\":true}");
            ingest(cn, "MONEY_RECEIVED", -1, "{\"amount\":\"50000.00\"}");
            await("an over-seizure finding for " + cn, 30, () -> findings.stream().anyMatch(
                    e -> cn.equals(e.getProperty(Topics.PROP_CASE_NUMBER))
                            && "OVER_SEIZURE".equals(e.getProperty("kind"))));
            Event event = findings.stream().filter(e -> cn.equals(e.getProperty(Topics.PROP_CASE_NUMBER)))
                    .findFirst().orElseThrow();
            assertEquals("jiandu/finding/OVER_SEIZURE", event.getTopic());
            Finding finding = FindingTopics.from(event);
            assertEquals("org.jiandu.seizure", finding.source());
            assertEquals(FindingSeverity.VIOLATION, finding.severity());
            assertEquals("京0105", finding.court());
            assertEquals("MONEY_RECEIVED", finding.trigger().type());
            assertTrue(finding.message(), finding.message().contains("ACC-1（解除 50000.00 元）"));

            // the same finding through the read side; the node monitor and the credit bundle are not installed, and
            // the answer says so
            JsonNode listed = get("supervisor", "/v1/findings?case=" + seg(cn)).body();
            assertEquals(listed.toString(), 1, listed.get("count").asInt());
            assertEquals(finding.id(), listed.get("findings").get(0).get("id").asLong());
            assertEquals("[\"org.jiandu.seizure\"]", listed.get("sources").get("contributed").toString());
            assertEquals("[\"org.jiandu.credit\",\"org.jiandu.monitor\"]",
                    listed.get("sources").get("notInstalled").toString());
            assertEquals(400, get("supervisor", "/v1/findings?kind=over-seizure").status());

            JsonNode register = awaitRegister(cn, 5);
            // principal 50,000 + fee 1,400 = 51,400; control 101,400 > 51,400 × 1.2
            assertEquals("51400.00", money(register.get("claim"), "total"));
            assertTrue(register.get("coverage").get("clearlyExceeds").asBoolean());
            JsonNode release = register.get("releasable").get(0);
            assertEquals("ACC-1", release.get("assetId").asText());
            assertEquals("RELEASE_PART", release.get("action").asText());
            assertEquals("50000.00", money(release, "amount"));
            JsonNode stored = register.get("findings").get(0);
            assertEquals("OVER_SEIZURE", stored.get("kind").asText());
            // the objection with a valuation request does not suspend the seizure (Art. 15 ¶3)
            JsonNode objection = register.get("objections").get(0);
            assertEquals("PENDING", objection.get("status").asText());
            assertFalse(objection.get("suspendsSeizure").asBoolean());
            register.get("assets").forEach(a -> assertEquals("IN_FORCE", a.get("status").asText()));
        } finally {
            reg.unregister();
        }
    }

    // ---- renewal -----------------------------------------------------------------------------------------------

    @Test
    public void theRenewalDeadlineRuleIsRegisteredForTheNodeMonitor() throws Exception {
        await("the renewal rule", 30, () -> {
            try {
                for (ServiceReference<DeadlineRule> r : context.getServiceReferences(DeadlineRule.class, null)) {
                    DeadlineRule rule = context.getService(r);
                    try {
                        if ("seizure.renewal".equals(rule.id())) {
                            return rule.article().contains("485");
                        }
                    } finally {
                        context.ungetService(r);
                    }
                }
                return false;
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    public void renewalWithinTheTermIsAllowedAndBeyondItDenied() {
        String cn = "（2025）京0105执908号";
        file(cn);
        control(cn, "ACC-0", "DEPOSIT", "FREEZE", "30000.00", "");
        awaitRegister(cn, 2);
        LocalDate expiry = TODAY.plusDays(-10).plusYears(1);
        JsonNode ok = verdict("RENEW", cn, "{\"assetId\":\"ACC-0\"}");
        assertVerdict(ok, "ALLOW", "RENEWAL_WITHIN_TERM");
        assertEquals(expiry.plusYears(1).toString(), ok.get("details").get("newExpiry").asText());
        JsonNode tooLong = verdict("RENEW", cn, "{\"assetId\":\"ACC-0\",\"until\":\"" + expiry.plusYears(1).plusDays(1)
                + "\"}");
        assertVerdict(tooLong, "DENY", "RENEWAL_TERM_TOO_LONG");
    }
}
