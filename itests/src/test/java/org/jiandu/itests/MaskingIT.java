package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Dictionary;
import java.util.Hashtable;

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
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Least privilege over HTTP (个人信息保护法 Arts. 28, 34, 51; Art. 12 of 法〔2021〕322号): timelines and guard-check
 * history show identifiers of natural persons and bank accounts masked for every role, by one policy — a check's
 * verdict and its record mask the same account alike; {@code ?reveal=true&reason=…} shows the full values to the
 * court's officers and supervisors (403 for others, 400 without a reason), and every reveal is in the audit with who,
 * what and why. CASE_FILED's {@code respondentIdentifiers} are checked by kind.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MaskingIT extends JianduTestSupport {
    private static final String RESIDENT = "11010519491231002X";
    private static final String CREDIT = "91110000802100433B";
    private static final String PAYEE = "6222 0200 0000 0001";
    /** {@code PAYEE} as every view shows it: 19 characters, the last 4 kept. */
    private static final String PAYEE_MASKED = "***************0001";
    private static final String MONEY = "monitor.case-money";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor");
    }

    @Before
    public void restIsUp() {
        awaitRest();
        awaitEndpoints("/api/v1/guard/checks/{caseNumber}", "/api/v1/audit");
    }

    private void file(String cn, String id) {
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", filing(id, "{\"applicantPayeeAccount\":\"" + PAYEE
                + "\",\"respondents\":[\"张三\",\"北京某建材有限公司\"],\"respondentIds\":[\"" + RESIDENT + "\"],"
                + "\"respondentIdentifiers\":[{\"kind\":\"RESIDENT_ID\",\"value\":\"" + RESIDENT + "\"},"
                + "{\"kind\":\"CREDIT_CODE\",\"value\":\"" + CREDIT + "\"}]}"));
        assertEquals(r.text(), 201, r.status());
    }

    private static String filing(String id, String payload) {
        return "{\"hostEventId\":\"MASK-" + id + "\",\"type\":\"CASE_FILED\",\"occurredAt\":\"2026-03-02T09:30:00+08:00\","
                + "\"actor\":{\"personId\":\"京0105-LA01\",\"role\":\"立案庭\",\"organisation\":\"京0105\"},"
                + "\"payload\":" + payload + "}";
    }

    @Test
    public void theTimelineMasksForEveryRoleAndRevealsToTheCourtsOfficerWithAReasonAudited() {
        String cn = "（2026）京0105执901号";
        file(cn, "901");
        String path = "/v1/cases/" + seg(cn) + "/timeline";

        for (String user : new String[] {"officer", "supervisor", "inspector", "highcourt", "host", "admin"}) {
            Reply t = get(user, path);
            assertEquals(user + ": " + t.text(), 200, t.status());
            JsonNode payload = t.body().at("/entries/0/payload");
            assertEquals(user, PAYEE_MASKED, payload.get("applicantPayeeAccount").asText());
            assertEquals(user, "**************002X", payload.at("/respondentIds/0").asText());
            assertEquals(user, "**************002X", payload.at("/respondentIdentifiers/0/value").asText());
            // a unit's credit code is not personal
            assertEquals(user, CREDIT, payload.at("/respondentIdentifiers/1/value").asText());
            assertEquals(user, "张三", payload.at("/respondents/0").asText());
            assertFalse(user, t.text().contains(RESIDENT));
            assertFalse(t.body().get("revealed").asBoolean());
        }

        Reply noReason = get("officer", path + "?reveal=true");
        assertEquals(noReason.text(), 400, noReason.status());
        assertEquals("REASON_REQUIRED", noReason.code());
        assertEquals("reason", noReason.field());
        for (String user : new String[] {"inspector", "host", "prosecutor"}) {
            Reply refused = get(user, path + "?reveal=true&reason=" + seg("核查"));
            assertEquals(user + ": " + refused.text(), 403, refused.status());
            assertTrue(refused.text(), refused.code().equals("REVEAL_FORBIDDEN") || "prosecutor".equals(user));
            assertFalse(refused.text().contains(RESIDENT));
        }
        Reply otherCourt = get("shsupervisor", path + "?reveal=true&reason=" + seg("核查"));
        assertEquals(otherCourt.text(), 403, otherCourt.status());

        Reply revealed = get("officer", path + "?reveal=true&reason=" + seg("核对申请执行人收款账户"));
        assertEquals(revealed.text(), 200, revealed.status());
        assertTrue(revealed.body().get("revealed").asBoolean());
        JsonNode full = revealed.body().at("/entries/0/payload");
        assertEquals(PAYEE, full.get("applicantPayeeAccount").asText());
        assertEquals(RESIDENT, full.at("/respondentIdentifiers/0/value").asText());
        // the hashes are those of the stored values, masked or not
        assertEquals(get("officer", path).body().at("/entries/0/hash"), revealed.body().at("/entries/0/hash"));

        // the reveal is on record: who, which case and fields, why
        Reply audit = get("admin", "/v1/audit?user=officer&limit=50");
        assertEquals(audit.text(), 200, audit.status());
        JsonNode reveal = null;
        for (JsonNode e : audit.body().get("entries")) {
            if ("REVEAL".equals(e.get("method").asText()) && cn.equals(e.at("/detail/caseNumber").asText())) {
                reveal = e;
                break;
            }
        }
        assertTrue(audit.text(), reveal != null);
        assertEquals("京0105", reveal.get("organisation").asText());
        assertEquals("核对申请执行人收款账户", reveal.at("/detail/reason").asText());
        String what = reveal.at("/detail/revealed").toString();
        assertTrue(what, what.contains("seq 1: payload.applicantPayeeAccount"));
        assertTrue(what, what.contains("seq 1: payload.respondentIdentifiers"));
        // and the inspector of the court sees it in the court's audit
        Reply courtAudit = get("inspector", "/v1/audit?user=officer&limit=50");
        assertTrue(courtAudit.text(), courtAudit.text().contains("核对申请执行人收款账户"));
    }

    @Test
    public void theVerdictAndTheRecordedCheckMaskTheAccountAlike() {
        String cn = "（2026）京0105执902号";
        await("the case-money guard consulted", 120, () -> {
            Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"FILE_CASE\",\"caseNumber\":\"" + cn
                    + "\",\"details\":{\"applicantPayeeAccount\":\"" + PAYEE + "\"}}");
            return r.status() == 200 && r.text().contains(MONEY);
        });
        Reply history = get("supervisor", "/v1/guard/checks/" + seg(cn) + "?limit=1");
        assertEquals(history.text(), 200, history.status());
        JsonNode check = history.body().at("/checks/0");
        assertEquals(PAYEE_MASKED, check.at("/details/applicantPayeeAccount").asText());
        JsonNode money = null;
        for (JsonNode v : check.get("verdicts")) {
            if (MONEY.equals(v.get("guard").asText())) {
                money = v;
            }
        }
        assertTrue(check.toString(), money != null);
        // the guard's figure reads as the recorded detail does: one rule
        assertEquals(PAYEE_MASKED, money.at("/details/applicantPayeeAccount").asText());
        assertFalse(history.text(), history.text().contains("6222"));

        Reply revealed = get("supervisor", "/v1/guard/checks/" + seg(cn) + "?limit=1&reveal=true&reason="
                + seg("复核立案账户"));
        assertEquals(revealed.text(), 200, revealed.status());
        assertEquals(PAYEE, revealed.body().at("/checks/0/details/applicantPayeeAccount").asText());
    }

    @Test
    public void respondentIdentifiersAreCheckedByKindNamingTheItem() {
        String cn = "（2026）京0105执903号";
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", filing("903", "{\"respondentIdentifiers\":["
                + "{\"kind\":\"CREDIT_CODE\",\"value\":\"" + CREDIT + "\"},{\"kind\":\"RESIDENT_ID\",\"value\":\"123\"}]}"));
        assertEquals(r.text(), 400, r.status());
        assertTrue(r.text(), r.text().contains("payload.respondentIdentifiers[1].value"));
        Reply other = post("host", "/v1/cases/" + seg(cn) + "/events", filing("903b", "{\"respondentIdentifiers\":["
                + "{\"kind\":\"OTHER\",\"value\":\"军官证 第123号\"}],\"respondentIds\":[\"123\"]}"));
        assertEquals(other.text(), 201, other.status());
    }

    @Test
    public void theShellTimelineMasksAndTheConfigurationChangesWhatIsKept() throws Exception {
        String cn = "（2026）京0105执904号";
        file(cn, "904");
        String printed = shell(sessions, "jiandu:timeline \"" + cn + "\"");
        assertTrue(printed, printed.contains(PAYEE_MASKED));
        assertFalse(printed, printed.contains(RESIDENT));

        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("org.jiandu.mask", null);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("bankAccount.keep", "6");
        c.update(props);
        try {
            await("accounts keeping 6 characters", 60, () -> "************00 0001".equals(
                    get("officer", "/v1/cases/" + seg(cn) + "/timeline").body()
                            .at("/entries/0/payload/applicantPayeeAccount").asText()));
        } finally {
            c.delete();
        }
    }
}
