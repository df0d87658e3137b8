package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The node monitor's guards (Art. 12 违规操作自动拦截) installed on jiandu-core, over HTTP: a realistic case is
 * recorded event by event and each guard allows, warns and denies with its article and a reason in Chinese —
 * 终本 denied listing every missing condition, then allowed once they are met, and denied again when the Jiandu
 * clock is moved back before three months had passed; a deduction to a private account denied; an announcement
 * saying 不负责腾退交付 denied; 120 days of self-disposal denied; configuration picked up live; jiandu:check.
 * Uses only the guards of the node-monitor bundle (not its deadline components).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GuardsIT extends JianduTestSupport {
    private static final String TERMINATION = "monitor.termination";
    private static final String MONEY = "monitor.case-money";
    private static final String DISPOSAL = "monitor.disposal";
    private static final String PAYEE = "6222 0200 0000 0001";
    private static final String CASE_ACCOUNT = "0200 0012 0902 4000 601";
    private static final String PRIVATE = "6217 0000 1111 2222 333";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor");
    }

    @Before
    public void guardsAreUp() {
        awaitRest();
        await("the node monitor's three guards consulted", 120, () -> {
            Reply r = check("officer", "TERMINATE_ROUND", "（2026）京0105执600号", "{}");
            return r.status() == 200 && verdictOrNull(r, TERMINATION) != null && verdictOrNull(r, MONEY) != null
                    && verdictOrNull(r, DISPOSAL) != null;
        });
    }

    // ---------------------------------------------------------------------------------------------- 终本

    @Test
    public void terminationIsDeniedListingEveryMissingConditionThenAllowedOnceTheyAreMet() {
        String cn = "（2026）京0105执601号";
        recordAnEnforcedCaseWithPropertyControlled(cn, "601");

        Reply denied = check("officer", "TERMINATE_ROUND", cn, "{}");
        assertEquals(denied.text(), "DENY", denied.body().get("decision").asText());
        JsonNode v = verdict(denied, TERMINATION);
        assertEquals("DENY", v.get("decision").asText());
        List<String> codes = codes(v);
        assertEquals(codes.toString(), List.of("CONSUMPTION_NOT_RESTRICTED", "QUERY_TYPES_MISSING",
                "PROPERTY_UNDISPOSED", "FIRST_COURT_NOT_REQUESTED", "NO_CONSENT_OR_PANEL"), codes);
        String reason = v.get("reason").asText();
        assertTrue(reason, reason.startsWith("不得终结本次执行程序：（1）未记录向被执行人发出限制消费令"));
        assertTrue(reason, reason.contains("证券（SECURITIES）"));
        assertTrue(reason, reason.contains("A-CAR-1（车辆）"));
        assertTrue(reason, reason.contains("商请首封法院移送处置权：A-HOUSE-2"));
        String article = v.get("article").asText();
        assertTrue(article, article.contains("法〔2016〕373号 第1条第（二）项"));
        assertTrue(article, article.contains("法〔2021〕322号 第24条第3款"));
        assertTrue(article, article.contains("民诉法解释 第517条"));
        assertEquals("2026-06-03", v.get("details").get("earliestTerminationDay").asText());
        assertEquals("[\"SECURITIES\",\"SHIP\",\"ONLINE_FUNDS\",\"WEALTH_PRODUCTS\"]",
                v.get("details").get("missingPropertyTypes").toString());
        // the other guards do not handle 终本 and say so
        assertEquals("ALLOW", verdict(denied, MONEY).get("decision").asText());

        // the handler restricts consumption and queries the remaining types
        ingest(cn, "601-9", "CONSUMPTION_RESTRICTED", "2026-03-20T10:00:00+08:00", "{\"subject\":\"被执行人王某\"}");
        ingest(cn, "601-10", "PROPERTY_QUERY_STARTED", "2026-03-21T10:00:00+08:00",
                "{\"propertyTypes\":[\"SECURITIES\",\"SHIP\",\"ONLINE_FUNDS\",\"WEALTH_PRODUCTS\"],\"channel\":\"LOCAL\"}");

        // "the applicant did not apply for auction" is no reason to leave the car undisposed
        Reply refused = check("officer", "TERMINATE_ROUND", cn, "{\"undisposedReasons\":{"
                + "\"A-CAR-1\":\"申请执行人未申请拍卖\","
                + "\"A-HOUSE-2\":\"轮候查封，已商请首封法院移送处置权，首封法院未同意移送\"},"
                + "\"firstSeizingCourtRequest\":[\"A-HOUSE-2\"],\"applicantConsent\":\"终本确认书（2026）京0105执601号\"}");
        JsonNode r = verdict(refused, TERMINATION);
        assertEquals(List.of("UNDISPOSED_REASON_REFUSED"), codes(r));
        assertTrue(r.get("reason").asText(), r.get("reason").asText().contains("不得以申请执行人未申请拍卖为由"));

        Reply allowed = check("officer", "TERMINATE_ROUND", cn, "{\"undisposedReasons\":{"
                + "\"A-CAR-1\":\"车辆已在登记机关查封，未能实际扣押（终本规定第4条）\","
                + "\"A-HOUSE-2\":\"轮候查封，已商请首封法院移送处置权，首封法院未同意移送\"},"
                + "\"firstSeizingCourtRequest\":[\"A-HOUSE-2\"],\"applicantConsent\":\"终本确认书（2026）京0105执601号\"}");
        assertEquals(allowed.text(), "ALLOW", decision(allowed, TERMINATION));

        // every check is on record for the supervisor (Art. 12: 全流程可追溯)
        Reply history = get("supervisor", "/v1/guard/checks/" + seg(cn));
        assertEquals(200, history.status());
        assertEquals(3, history.body().get("count").asInt());
        JsonNode latest = history.body().get("checks").get(0);
        assertEquals("TERMINATE_ROUND", latest.get("operationType").asText());
        assertEquals(allowed.body().get("decision").asText(), latest.get("decision").asText());
    }

    @Test
    public void terminationWithinThreeMonthsOfFilingIsDeniedOnTheJianduClock() throws Exception {
        String cn = "（2026）京0105执602号";
        recordAnEnforcedCaseWithPropertyControlled(cn, "602");
        ingest(cn, "602-9", "CONSUMPTION_RESTRICTED", "2026-03-20T10:00:00+08:00", "{}");
        ingest(cn, "602-10", "PROPERTY_QUERY_STARTED", "2026-03-21T10:00:00+08:00",
                "{\"propertyTypes\":[\"SECURITIES\",\"SHIP\",\"ONLINE_FUNDS\",\"WEALTH_PRODUCTS\"]}");
        ingest(cn, "602-11", "CONTROL_RELEASED", "2026-04-01T10:00:00+08:00", "{\"assetId\":\"A-CAR-1\"}");
        ingest(cn, "602-12", "DISPOSAL_COMPLETED", "2026-05-10T10:00:00+08:00",
                "{\"assetId\":\"A-HOUSE-2\",\"amount\":\"830000.00\"}");
        String details = "{\"collegialPanelRecord\":\"合议庭评议笔录 2026-05-18\",\"presidentApproval\":\"院长审批 2026-05-19\"}";
        assertEquals("ALLOW", verdict(check("officer", "TERMINATE_ROUND", cn, details), TERMINATION)
                .get("decision").asText());

        // rehearse the check as of 2026-05-20: less than three months after filing on 2026-03-02
        moveClockTo(OffsetDateTime.parse("2026-05-20T10:00:00+08:00"));
        try {
            await("the guard to see the moved clock", 30, () -> "2026-05-20".equals(verdict(check("officer",
                    "TERMINATE_ROUND", cn, details), TERMINATION).get("details").get("today").asText()));
            JsonNode v = verdict(check("officer", "TERMINATE_ROUND", cn, details), TERMINATION);
            assertEquals("DENY", v.get("decision").asText());
            assertEquals(List.of("TOO_SOON_AFTER_FILING"), codes(v));
            assertEquals("法〔2016〕373号 第1条第（四）项", v.get("article").asText());
            assertTrue(v.get("reason").asText(), v.get("reason").asText().contains("最早可于2026-06-03"));
        } finally {
            resetClock();
        }
        await("the guard to see the real clock again", 30, () -> "ALLOW".equals(verdict(check("officer",
                "TERMINATE_ROUND", cn, details), TERMINATION).get("decision").asText()));
    }

    // ---------------------------------------------------------------------------------------------- case money

    @Test
    public void filingWithoutThePayeeAccountIsDenied() {
        Reply denied = check("host", "FILE_CASE", "（2026）京0105执604号", "{\"claimPrincipal\":\"80000.00\"}");
        assertEquals("DENY", denied.body().get("decision").asText());
        JsonNode v = verdict(denied, MONEY);
        assertEquals("法〔2021〕322号 第20条", v.get("article").asText());
        assertTrue(v.get("reason").asText(), v.get("reason").asText().contains("必须向申请执行人确认接受案款的方式和具体账户"));

        Reply allowed = check("host", "FILE_CASE", "（2026）京0105执604号",
                "{\"claimPrincipal\":\"80000.00\",\"applicantPayeeAccount\":\"" + PAYEE + "\"}");
        assertEquals("ALLOW", decision(allowed, MONEY));
    }

    @Test
    public void caseMoneyGoesOnlyToTheCaseAccountAndTheUndisputedPartIsPaidFirst() {
        String cn = "（2026）京0105执603号";
        ingest(cn, "603-1", "CASE_FILED", "2026-03-02T09:30:00+08:00",
                "{\"claimPrincipal\":\"125000.00\",\"applicantPayeeAccount\":\"" + PAYEE + "\"}");
        ingest(cn, "603-2", "MONEY_RECEIVED", "2026-04-01T10:00:00+08:00",
                "{\"amount\":\"100000.00\",\"disputedAmount\":\"30000.00\",\"account\":\"" + CASE_ACCOUNT + "\"}");

        // 扣划 to an officer's private account
        Reply toPrivate = check("officer", "DEDUCT", cn, "{\"toAccount\":\"" + PRIVATE + "\",\"caseAccount\":\""
                + CASE_ACCOUNT + "\",\"amount\":\"20000.00\"}");
        assertEquals("DENY", toPrivate.body().get("decision").asText());
        JsonNode v = verdict(toPrivate, MONEY);
        assertEquals(List.of("DEDUCT_TO_OTHER_ACCOUNT"), codes(v));
        assertTrue(v.get("reason").asText(), v.get("reason").asText().contains("严禁将案款扣划至文书指定账户以外的其他账户"));
        assertEquals("ALLOW", decision(check("officer", "DEDUCT", cn, "{\"toAccount\":\"" + CASE_ACCOUNT
                + "\",\"caseAccount\":\"" + CASE_ACCOUNT + "\",\"amount\":\"20000.00\"}"), MONEY));

        // paying 50,000 while 70,000 is undisputed: warned; all 70,000: allowed; to another account: denied
        Reply part = check("host", "DISBURSE", cn, "{\"toAccount\":\"" + PAYEE + "\",\"amount\":\"50000.00\"}");
        assertEquals("WARN", decision(part, MONEY));
        JsonNode w = verdict(part, MONEY);
        assertEquals("法〔2021〕322号 第22条第1款", w.get("article").asText());
        assertEquals("70000.00", w.get("details").get("undisputedOutstanding").decimalValue().toPlainString());
        assertEquals("ALLOW", decision(check("host", "DISBURSE", cn,
                "{\"toAccount\":\"" + PAYEE + "\",\"amount\":\"70000.00\"}"), MONEY));
        assertEquals(List.of("DISBURSE_TO_OTHER_ACCOUNT"), codes(verdict(check("host", "DISBURSE", cn,
                "{\"toAccount\":\"" + PRIVATE + "\",\"amount\":\"70000.00\"}"), MONEY)));

        // holding everything back: warned
        assertEquals("WARN", decision(check("host", "HOLD", cn, "{\"reason\":\"案外人对部分案款提出异议\"}"), MONEY));
    }

    @Test
    public void theCourtsConfiguredCaseAccountIsPickedUpLiveAndOverridesTheRequest() throws Exception {
        String cn = "（2026）京0105执606号";
        ingest(cn, "606-1", "CASE_FILED", "2026-03-02T09:30:00+08:00",
                "{\"applicantPayeeAccount\":\"" + PAYEE + "\"}");
        String toPrivate = "{\"toAccount\":\"" + PRIVATE + "\",\"caseAccount\":\"" + PRIVATE + "\"}";
        assertEquals("ALLOW", decision(check("officer", "DEDUCT", cn, toPrivate), MONEY));

        org.osgi.service.cm.Configuration cfg = configAdmin.getConfiguration("org.jiandu.monitor.guards", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("money.caseAccounts", "京0105=" + CASE_ACCOUNT);
        cfg.update(props);
        try {
            await("the configured case account in force", 30,
                    () -> "DENY".equals(decision(check("officer", "DEDUCT", cn, toPrivate), MONEY)));
            JsonNode v = verdict(check("officer", "DEDUCT", cn, toPrivate), MONEY);
            assertEquals(List.of("CASE_ACCOUNT_MISMATCH", "DEDUCT_TO_OTHER_ACCOUNT"), codes(v));
            assertEquals("configuration", v.get("details").get("caseAccountSource").asText());
            assertEquals("ALLOW", decision(check("officer", "DEDUCT", cn,
                    "{\"toAccount\":\"" + CASE_ACCOUNT + "\"}"), MONEY));
        } finally {
            cfg.delete();
        }
        await("the configuration removed", 30,
                () -> "ALLOW".equals(decision(check("officer", "DEDUCT", cn, toPrivate), MONEY)));
    }

    // ---------------------------------------------------------------------------------------------- disposal

    @Test
    public void disposalMustBeOnlineAuctionWithoutDisclaimersValuationInOrderAndSelfDisposalAtMost90Days() {
        String cn = "（2026）京0105执605号";
        ingest(cn, "605-1", "CASE_FILED", "2026-03-02T09:30:00+08:00", "{\"applicantPayeeAccount\":\"" + PAYEE + "\"}");
        ingest(cn, "605-2", "PROPERTY_CONTROLLED", "2026-03-10T10:00:00+08:00",
                "{\"assetId\":\"A-HOUSE-1\",\"assetKind\":\"REAL_ESTATE\",\"measure\":\"SEAL\"}");

        // valuation: appraisal straight away is warned; after a negotiation attempt it is allowed
        Reply appraisal = check("officer", "START_VALUATION", cn, "{\"assetId\":\"A-HOUSE-1\",\"method\":\"APPRAISAL\"}");
        assertEquals("WARN", decision(appraisal, DISPOSAL));
        assertTrue(verdict(appraisal, DISPOSAL).get("article").asText().startsWith("法〔2021〕322号 第16条"));
        ingest(cn, "605-3", "REFERENCE_PRICE_STARTED", "2026-03-20T10:00:00+08:00",
                "{\"assetId\":\"A-HOUSE-1\",\"method\":\"NEGOTIATION\"}");
        assertEquals("ALLOW", decision(check("officer", "START_VALUATION", cn,
                "{\"assetId\":\"A-HOUSE-1\",\"method\":\"APPRAISAL\"}"), DISPOSAL));

        // disposal: an auction house without a recorded exception is denied; online auction is allowed
        Reply offline = check("officer", "DISPOSE", cn, "{\"assetId\":\"A-HOUSE-1\",\"method\":\"AUCTION\"}");
        assertEquals("DENY", offline.body().get("decision").asText());
        JsonNode d = verdict(offline, DISPOSAL);
        assertEquals(List.of("NOT_ONLINE_AUCTION"), codes(d));
        assertTrue(d.get("article").asText(), d.get("article").asText().contains("第18条第1款"));
        assertEquals("ALLOW", decision(check("officer", "DISPOSE", cn, "{\"assetId\":\"A-HOUSE-1\",\"method\":\"AUCTION\","
                + "\"exception\":\"法律、行政法规规定必须通过其他途径处置\"}"), DISPOSAL));
        assertEquals("ALLOW", decision(check("officer", "DISPOSE", cn,
                "{\"assetId\":\"A-HOUSE-1\",\"method\":\"ONLINE_AUCTION\"}"), DISPOSAL));

        // the announcement may not disclaim vacating the premises
        Reply disclaimer = check("officer", "PUBLISH_AUCTION_ANNOUNCEMENT", cn, "{\"assetId\":\"A-HOUSE-1\","
                + "\"text\":\"标的物现由案外人占用，本院不负责腾退交付，由买受人自行处理。\"}");
        assertEquals("DENY", disclaimer.body().get("decision").asText());
        JsonNode a = verdict(disclaimer, DISPOSAL);
        assertEquals("法〔2021〕322号 第18条第3款", a.get("article").asText());
        assertTrue(a.get("reason").asText(), a.get("reason").asText().contains("不得在公示信息中载明“不负责腾退交付”"));
        assertEquals("ALLOW", decision(check("officer", "PUBLISH_AUCTION_ANNOUNCEMENT", cn,
                "{\"assetId\":\"A-HOUSE-1\",\"text\":\"标的物由本院依法负责腾退交付。\"}"), DISPOSAL));

        // self-disposal: 120 days denied, 90 allowed
        Reply longSelf = check("officer", "SELF_DISPOSAL", cn, "{\"assetId\":\"A-HOUSE-1\",\"periodDays\":120}");
        assertEquals("DENY", longSelf.body().get("decision").asText());
        JsonNode s = verdict(longSelf, DISPOSAL);
        assertEquals("法〔2021〕322号 第17条", s.get("article").asText());
        assertTrue(s.get("reason").asText(), s.get("reason").asText().contains("最长不得超过90日，本次为120日"));
        assertEquals("ALLOW", decision(check("officer", "SELF_DISPOSAL", cn,
                "{\"assetId\":\"A-HOUSE-1\",\"periodDays\":90}"), DISPOSAL));
    }

    // ---------------------------------------------------------------------------------------------- shell

    @Test
    public void theShellCommandPrintsTheDecisionAndEachVerdict() {
        String cn = "（2026）京0105执607号";
        ingest(cn, "607-1", "CASE_FILED", "2026-03-02T09:30:00+08:00", "{\"applicantPayeeAccount\":\"" + PAYEE + "\"}");
        String out = shell(sessions, "jiandu:check SELF_DISPOSAL \"(2026)京0105执607号\" assetId=A-HOUSE-1 periodDays=120");
        assertTrue(out, out.startsWith("SELF_DISPOSAL （2026）京0105执607号: DENY"));
        assertTrue(out, out.contains("monitor.disposal  [法〔2021〕322号 第17条]"));
        assertTrue(out, out.contains("本次为120日"));
        String termination = shell(sessions, "jiandu:check TERMINATE_ROUND \"(2026)京0105执607号\" applicantConsent=true");
        assertTrue(termination, termination.contains("DENY  monitor.termination"));
        assertFalse(termination, termination.contains("未记录执行立案"));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /**
     * A case filed on 2026-03-02 and enforced: notice with property-report order, a network query of three types,
     * a car sealed and a house under a queued seizure with priority. Not yet restricted, not fully queried.
     */
    private void recordAnEnforcedCaseWithPropertyControlled(String cn, String p) {
        ingest(cn, p + "-1", "CASE_FILED", "2026-03-02T09:30:00+08:00", "{\"claimPrincipal\":\"860000.00\","
                + "\"applicantPayeeAccount\":\"" + PAYEE + "\",\"applicants\":[\"北京某建材有限公司\"],"
                + "\"respondents\":[\"王某\"],\"source\":\"FIRST\"}");
        ingest(cn, p + "-2", "TRANSFERRED_TO_ENFORCEMENT", "2026-03-03T10:00:00+08:00", "{}");
        ingest(cn, p + "-3", "HANDLER_ASSIGNED", "2026-03-03T15:00:00+08:00",
                "{\"handler\":\"京0105-ZXY12\",\"leader\":\"京0105-ZXJ01\"}");
        ingest(cn, p + "-4", "ENFORCEMENT_NOTICE_SERVED", "2026-03-05T10:00:00+08:00",
                "{\"propertyReportOrder\":true,\"includesCaseAccount\":true}");
        ingest(cn, p + "-5", "PROPERTY_QUERY_STARTED", "2026-03-06T10:00:00+08:00",
                "{\"propertyTypes\":[\"DEPOSIT\",\"REAL_ESTATE\",\"VEHICLE\"],\"channel\":\"NATIONAL\"}");
        ingest(cn, p + "-6", "PROPERTY_QUERY_FEEDBACK", "2026-03-09T10:00:00+08:00",
                "{\"propertyFound\":true,\"propertyTypes\":[\"VEHICLE\",\"REAL_ESTATE\"]}");
        ingest(cn, p + "-7", "PROPERTY_CONTROLLED", "2026-03-10T10:00:00+08:00",
                "{\"assetId\":\"A-CAR-1\",\"assetKind\":\"VEHICLE\",\"measure\":\"SEAL\",\"online\":true}");
        ingest(cn, p + "-8", "PROPERTY_CONTROLLED", "2026-03-11T10:00:00+08:00",
                "{\"assetId\":\"A-HOUSE-2\",\"assetKind\":\"REAL_ESTATE\",\"measure\":\"SEAL\",\"queued\":true,"
                        + "\"priority\":true}");
    }

    private void ingest(String cn, String id, String type, String occurredAt, String payload) {
        String body = "{\"hostEventId\":\"GIT-" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"actor\":{\"personId\":\"京0105-ZXY12\",\"role\":\"执行员\",\"organisation\":\"京0105\"},"
                + "\"payload\":" + payload + "}";
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", body);
        assertEquals(r.text(), 201, r.status());
    }

    private static Reply check(String user, String type, String cn, String details) {
        Reply r = post(user, "/v1/guard/check", "{\"operationType\":\"" + type + "\",\"caseNumber\":\"" + cn
                + "\",\"details\":" + details + "}");
        assertEquals(r.text(), 200, r.status());
        return r;
    }

    /** One guard's decision: other guards (a seizure guard, a third party's) may be installed too. */
    private static String decision(Reply r, String guard) {
        return verdict(r, guard).get("decision").asText();
    }

    private static JsonNode verdict(Reply r, String guard) {
        JsonNode v = verdictOrNull(r, guard);
        if (v == null) {
            throw new AssertionError("No verdict of " + guard + " in " + r.text());
        }
        return v;
    }

    private static JsonNode verdictOrNull(Reply r, String guard) {
        if (r.body() == null || r.body().get("verdicts") == null) {
            return null;
        }
        for (JsonNode v : r.body().get("verdicts")) {
            if (guard.equals(v.get("guard").asText())) {
                return v;
            }
        }
        return null;
    }

    private static List<String> codes(JsonNode verdict) {
        List<String> out = new ArrayList<>();
        JsonNode findings = verdict.get("details").get("findings");
        if (findings != null) {
            findings.forEach(f -> out.add(f.get("code").asText()));
        }
        return out;
    }

    private void moveClockTo(OffsetDateTime asOf) throws Exception {
        Duration offset = Duration.between(Instant.now(), asOf.toInstant());
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("offset", offset.toString());
        configAdmin.getConfiguration("org.jiandu.clock", null).update(props);
    }

    private void resetClock() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("offset", "PT0S");
        configAdmin.getConfiguration("org.jiandu.clock", null).update(props);
    }
}
