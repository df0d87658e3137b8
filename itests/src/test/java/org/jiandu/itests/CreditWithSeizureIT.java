package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;

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
 * jiandu-credit together with the others (node monitor, seizure guard): the credit guard reads the seizure
 * register through the API's query service (公布失信规定 Art. 3 (2)); the node monitor picks up the credit rules and
 * holds the same due date as the credit view; what was recorded against the rules becomes a finding in the API's
 * schema.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditWithSeizureIT extends JianduTestSupport {
    private static final String ADULT = "110105198001011238";
    private static final String SHA = "c".repeat(64);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor", "jiandu-seizure-guard", "jiandu-credit");
    }

    @Before
    public void up() {
        awaitRest();
        await("the credit, seizure and monitor resources", 120, () ->
                "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg("（2025）京0105执950号") + "/credit").code())
                        && "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg("（2025）京0105执950号")
                                + "/seizures").code())
                        && get("supervisor", "/v1/rules").text().contains("credit.lift"));
    }

    private static int ids;

    private static void ingest(String cn, String type, String occurredOn, String payload) {
        String ev = "{\"hostEventId\":\"CRS-IT-" + (++ids) + "-" + System.nanoTime() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + occurredOn + "T10:00:00+08:00\",\"actor\":{\"personId\":\"京0105-ZXY01\","
                + "\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":" + payload + "}";
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", ev);
        assertEquals(r.text(), 201, r.status());
    }

    private static String signed(String number) {
        return "\"documentNumber\":\"" + number + "\",\"signedBy\":\"张院长\",\"signerRole\":\"PRESIDENT\","
                + "\"documentSha256\":\"" + SHA + "\"";
    }

    private static String restriction(String measureId) {
        return "{\"measureId\":\"" + measureId + "\",\"personIdentifiers\":[{\"kind\":\"RESIDENT_ID\",\"value\":\""
                + ADULT + "\"}],\"items\":[\"TRAVEL_HOLIDAY\"],\"period\":\"至履行完毕\",\"consequences\":\"罚款、拘留\","
                + signed(measureId) + "}";
    }

    private static JsonNode creditVerdict(String type, String cn, String details) {
        Reply r = post("host", "/v1/guard/check", "{\"operationType\":\"" + type + "\",\"caseNumber\":\"" + cn
                + "\",\"details\":" + details + "}");
        assertEquals(r.text(), 200, r.status());
        for (JsonNode v : r.body().get("verdicts")) {
            if ("credit.measures".equals(v.get("guard").asText())) {
                return v;
            }
        }
        throw new AssertionError("no credit verdict in " + r.text());
    }

    @Test
    public void controlledPropertyCoveringTheClaimBarsGroundOne() {
        String cn = "（2025）京0105执951号";
        ingest(cn, "CASE_FILED", TODAY.minusDays(30).toString(), "{\"claimPrincipal\":\"100000.00\","
                + "\"performanceDeadline\":\"" + TODAY.plusDays(30) + "\"}");
        ingest(cn, "PROPERTY_CONTROLLED", TODAY.minusDays(10).toString(), "{\"assetId\":\"ACC-1\",\"assetKind\":"
                + "\"DEPOSIT\",\"measure\":\"FREEZE\",\"amount\":\"150000.00\"}");
        String listing = "{\"measureId\":\"SX-1\",\"personIdentifiers\":[{\"kind\":\"RESIDENT_ID\",\"value\":\"" + ADULT
                + "\"}],\"grounds\":[\"ABLE_BUT_REFUSES\"],\"restrictionOrderNumber\":\"号\"," + signed("号") + "}";
        await("the seizure register counts the frozen deposit", 30, () -> {
            JsonNode reg = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures").body();
            return reg != null && reg.get("lastSeq") != null && reg.get("lastSeq").asInt() >= 2;
        });
        JsonNode v = creditVerdict("LIST_DEFAULTER", cn, listing);
        assertEquals(v.toString(), "DENY", v.get("decision").asText());
        assertTrue(v.toString(), v.toString().contains("C-02") && v.toString().contains("足以清偿"));
        // ground (2) is not barred by Art. 3
        JsonNode other = creditVerdict("LIST_DEFAULTER", cn, listing.replace("ABLE_BUT_REFUSES",
                "OBSTRUCTS_BY_FALSE_EVIDENCE_OR_VIOLENCE").replace("\"restrictionOrderNumber\"",
                        "\"periodMonths\":24,\"restrictionOrderNumber\""));
        assertEquals(other.toString(), "ALLOW", other.get("decision").asText());
    }

    @Test
    public void theMonitorHoldsTheCreditDueDatesAndTheFindings() {
        String cn = "（2025）京0105执952号";
        ingest(cn, "CASE_FILED", "2025-06-01", "{\"claimPrincipal\":\"80000.00\"}");
        ingest(cn, "CONSUMPTION_RESTRICTED", "2025-06-20", restriction("XF-1"));
        ingest(cn, "DEFAULTER_LISTED", "2025-06-20", "{\"measureId\":\"SX-1\",\"personIdentifiers\":[{\"kind\":"
                + "\"RESIDENT_ID\",\"value\":\"" + ADULT + "\"}],\"grounds\":[\"ABLE_BUT_REFUSES\"]," + signed("SX") + "}");
        ingest(cn, "credit.MEASURE_PUBLISHED", "2025-06-21", "{\"measureId\":\"SX-1\"}");
        ingest(cn, "PERFORMANCE_COMPLETED", "2025-09-30", "{}");
        JsonNode[] deadline = new JsonNode[1];
        await("the monitor's credit.lift deadline", 60, () -> {
            Reply r = get("supervisor", "/v1/cases/" + seg(cn) + "/deadlines");
            if (r.status() != 200) {
                return false;
            }
            for (JsonNode d : r.body().get("deadlines")) {
                if ("credit.lift".equals(d.get("ruleId").asText()) && "XF-1".equals(d.get("key").asText())) {
                    deadline[0] = d;
                    return true;
                }
            }
            return false;
        });
        String[] due = new String[1];
        await("the credit view's lift due", 30, () -> {
            Reply credit = get("supervisor", "/v1/cases/" + seg(cn) + "/credit?asOf=2025-10-01");
            for (JsonNode m : credit.body().get("measures")) {
                if ("XF-1".equals(m.get("measureId").asText()) && !m.get("liftDue").isNull()) {
                    due[0] = m.get("liftDue").get("due").asText();
                }
            }
            return due[0] != null;
        });
        String viewDue = due[0];
        assertEquals("2025-10-11", viewDue);
        assertEquals("the monitor and the credit view agree", viewDue, deadline[0].get("due").asText());
        // published before service: a finding of credit.conduct, in the API's findings
        await("the C-09 finding", 60, () -> get("supervisor", "/v1/findings?case=" + seg(cn)).text().contains("C-09"));
        JsonNode found = null;
        for (JsonNode f : get("supervisor", "/v1/findings?case=" + seg(cn)).body().get("findings")) {
            if ("C-09".equals(f.path("details").path("row").asText())) {
                found = f;
            }
        }
        assertNotNull("a finding with row C-09", found);
        assertEquals("raised by the credit bundle, not twice by the monitor", "org.jiandu.credit",
                found.get("source").asText());
        assertTrue(found.toString(), found.toString().contains("未送达"));
    }
}
