package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
 * Bad input never gets a 5xx, and every error under /api is the JSON error shape (README, "Errors"): the documented
 * limits answer 400/413 naming the field; a guard check with long details is answered and recorded; what Jetty
 * refuses before any servlet sees it (a {@code %00} in the path, an overlong URI, oversized headers) and the methods
 * the API does not answer (TRACE, OPTIONS) answer JSON with a stable code. Requests go over a raw socket where an
 * HTTP client would refuse to send them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InputHardeningIT extends JianduTestSupport {
    private static final String CASE = "（2026）京0105执901号";

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor", "jiandu-seizure-guard");
    }

    @Before
    public void restIsUp() {
        awaitRest();
        // every resource of the three features, so no rebuild of the endpoint falls inside a test
        awaitEndpoints("/api/v1/alerts", "/api/v1/cases/{caseNumber}/seizures", "/api/v1/calendar/deadline",
                "/api/v1/cases", "/api/v1/guard/checks/{caseNumber}");
        await("the node monitor's and the seizure guards consulted", 120, () -> {
            Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"SEIZE\",\"caseNumber\":\"" + CASE
                    + "\",\"details\":{\"assetId\":\"A\",\"assetKind\":\"VEHICLE\",\"amount\":\"1.00\"}}");
            return r.status() == 200 && r.body().get("guardsConsulted").asInt() >= 4;
        });
    }

    // ------------------------------------------------------------------------------------- limits and records

    @Test
    public void anAuctionAnnouncementOfSeventeenThousandCharactersIsCheckedAndItsRecordIsKept() {
        String text = "本院将于2026年6月1日10时至2026年6月2日10时止在人民法院诉讼资产网公开拍卖被执行人名下位于北京市朝阳区的房产一套。".repeat(300);
        assertTrue(text.length() > 16_000);
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"PUBLISH_AUCTION_ANNOUNCEMENT\","
                + "\"caseNumber\":\"" + CASE + "\",\"details\":{\"assetId\":\"FLAT-1\",\"text\":\"" + text + "\"}}");
        assertEquals(r.text(), 200, r.status());
        assertEquals("ALLOW", r.body().get("decision").asText());

        Reply history = get("officer", "/v1/guard/checks/" + seg(CASE) + "?limit=1");
        assertEquals(history.text(), 200, history.status());
        JsonNode stored = history.body().path("checks").path(0).path("details");
        assertEquals(history.text(), true, stored.path("truncated").asBoolean());
        assertEquals(64, stored.path("sha256").asText().length());
    }

    @Test
    public void aSeizureWithFiftyCandidatesAndFiftyPriorEncumbrancesWithLongIdsIsChecked() {
        StringBuilder candidates = new StringBuilder();
        StringBuilder priors = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String sep = i == 0 ? "" : ",";
            candidates.append(sep).append("{\"assetId\":\"ACC-").append("9".repeat(110)).append(i)
                    .append("\",\"assetKind\":\"DEPOSIT\",\"amount\":\"").append(1000 + i).append(".00\"}");
            priors.append(sep).append("{\"kind\":\"MORTGAGE\",\"amount\":\"10.00\",\"holder\":\"")
                    .append("抵押权人".repeat(30)).append("\"}");
        }
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"SEIZE\",\"caseNumber\":\"" + CASE
                + "\",\"details\":{\"assetId\":\"FLAT-" + "1".repeat(120) + "\",\"assetKind\":\"REAL_ESTATE\","
                + "\"amount\":\"1000000.00\",\"valueBasis\":\"APPRAISAL\",\"valueDate\":\"2026-04-20\","
                + "\"priorEncumbrances\":[" + priors + "],\"candidates\":[" + candidates + "]}}");
        assertTrue(r.text(), r.status() < 500);
        assertEquals(r.text(), 200, r.status());
    }

    @Test
    public void aBodyAboveTheLimitAnswers413BodyTooLarge() {
        String big = "{\"events\":[\"" + "x".repeat(4 * 1024 * 1024) + "\"]}";
        Reply r = post("host", "/v1/events", big);
        assertEquals(r.text(), 413, r.status());
        assertEquals("BODY_TOO_LARGE", r.code());
    }

    @Test
    public void jsonNestedTooDeepIsRefusedNamingWhereItWent() {
        String deep = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"FREEZE\",\"caseNumber\":\"" + CASE
                + "\",\"details\":" + deep + "}");
        assertEquals(r.text(), 400, r.status());
        assertEquals("NESTING_TOO_DEEP", r.code());
        assertTrue(r.field(), r.field().startsWith("details.a.a"));
    }

    @Test
    public void aTextFieldAboveTheLimitIsRefusedNamingIt() {
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"PUBLISH_AUCTION_ANNOUNCEMENT\","
                + "\"caseNumber\":\"" + CASE + "\",\"details\":{\"text\":\"" + "拍".repeat(70_000) + "\"}}");
        assertEquals(r.text(), 400, r.status());
        assertEquals("FIELD_TOO_LONG", r.code());
        assertEquals("details.text", r.field());
    }

    // ---------------------------------------------------------------- money, ids and text: one check for every path

    @Test
    public void moneyIsAsciiDigitsNeverSignedOrNegativeZeroInEventsAndGuardDetails() {
        String[] amounts = {"１００.００", "+100", "-0.00"};
        for (int i = 0; i < amounts.length; i++) {
            Reply r = post("host", "/v1/cases/" + seg(CASE) + "/events", event("IT-IH-M" + i, "MONEY_RECEIVED",
                    "{\"amount\":\"" + amounts[i] + "\"}"));
            assertEquals(r.text(), 400, r.status());
            assertEquals(r.text(), "payload.amount", r.field());
            Reply g = post("officer", "/v1/guard/check", "{\"operationType\":\"FREEZE\",\"caseNumber\":\"" + CASE
                    + "\",\"details\":{\"assetId\":\"ACC-1\",\"assetKind\":\"DEPOSIT\",\"amount\":\"" + amounts[i]
                    + "\"}}");
            assertEquals(g.text(), 400, g.status());
            assertEquals(g.text(), "details.amount", g.field());
        }
    }

    @Test
    public void nulAndZeroWidthCharactersAreRefusedInIdsAndText() {
        Reply id = post("host", "/v1/cases/" + seg(CASE) + "/events", event("IT-IH-\\u200B1", "PROPERTY_LEAD_RECEIVED",
                "{\"leadId\":\"L-1\"}"));
        assertEquals(id.text(), 400, id.status());
        assertEquals("hostEventId", id.field());
        Reply text = post("host", "/v1/cases/" + seg(CASE) + "/events", event("IT-IH-T1", "PROPERTY_LEAD_RECEIVED",
                "{\"leadId\":\"L-1\",\"note\":\"线索\\u0000说明\"}"));
        assertEquals(text.text(), 400, text.status());
        assertEquals("payload.note", text.field());
        Reply detail = post("officer", "/v1/guard/check", "{\"operationType\":\"PUBLISH_AUCTION_ANNOUNCEMENT\","
                + "\"caseNumber\":\"" + CASE + "\",\"details\":{\"text\":\"不负责\\uFEFF腾退交付\"}}");
        assertEquals(detail.text(), 400, detail.status());
        assertEquals("details.text", detail.field());
    }

    @Test
    public void anUnknownPropertyTypeIsRefused() {
        Reply r = post("host", "/v1/cases/" + seg(CASE) + "/events", event("IT-IH-P1", "PROPERTY_QUERY_STARTED",
                "{\"propertyTypes\":[\"DEPOSIT\",\"BITCOIN\"]}"));
        assertEquals(r.text(), 400, r.status());
        assertEquals("payload.propertyTypes[1]", r.field());
    }

    // ------------------------------------------------------ malformed guard details: 400 in every guard, like seizure

    @Test
    public void aDeductionOfMinusFiveIsRefusedNamingTheAmount() {
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"DEDUCT\",\"caseNumber\":\"" + CASE
                + "\",\"details\":{\"toAccount\":\"0200001209024000601\",\"amount\":\"-5\"}}");
        assertEquals(r.text(), 400, r.status());
        assertEquals("details.amount", r.field());
    }

    @Test
    public void aValuationByAnUnknownMethodIsRefusedNamingTheMethod() {
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"START_VALUATION\",\"caseNumber\":\"" + CASE
                + "\",\"details\":{\"assetId\":\"FLAT-1\",\"method\":\"GUESS\"}}");
        assertEquals(r.text(), 400, r.status());
        assertEquals("details.method", r.field());
    }

    // -------------------------------------------------------------------------------- registered operation types

    @Test
    public void anUnknownOperationTypeIsRefusedInsteadOfSlippingPastEveryGuard() {
        Reply r = post("officer", "/v1/guard/check", "{\"operationType\":\"dispose\",\"caseNumber\":\"" + CASE
                + "\",\"details\":{\"method\":\"SALE\"}}");
        assertEquals(r.text(), 400, r.status());
        assertEquals("UNKNOWN_OPERATION_TYPE", r.code());
        assertEquals("operationType", r.field());
    }

    private static String event(String id, String type, String payload) {
        return "{\"hostEventId\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2026-03-05T09:00:00+08:00\","
                + "\"actor\":{\"personId\":\"京0105-ZXY01\",\"role\":\"执行员\",\"organisation\":\"京0105\"},"
                + "\"payload\":" + payload + "}";
    }

    // ------------------------------------------------------------------ what never reaches a resource: JSON too

    @Test
    public void aNulInThePathAnswersJson() throws IOException {
        Raw r = raw("GET /api/v1/cases/%00/timeline HTTP/1.1\r\n" + auth("officer") + "\r\n");
        assertJsonError(r, 400, 404);
    }

    @Test
    public void anOverlongUriAnswers414Json() throws IOException {
        Raw r = raw("GET /api/v1/cases/" + "x".repeat(70_000) + "/timeline HTTP/1.1\r\n" + auth("officer") + "\r\n");
        assertJsonError(r, 414, 414);
        assertEquals(r.text, "URI_TOO_LONG", r.json.get("code").asText());
    }

    @Test
    public void aTwentyKilobyteHeaderAnswers431Json() throws IOException {
        Raw r = raw("GET /api/v1/event-types HTTP/1.1\r\n" + auth("officer") + "X-Padding: " + "p".repeat(20_480)
                + "\r\n\r\n");
        assertJsonError(r, 431, 431);
        assertEquals(r.text, "HEADERS_TOO_LARGE", r.json.get("code").asText());
    }

    @Test
    public void aPathNoEndpointServesAnswersJsonNotCxfsHtml() throws IOException {
        Raw r = raw("GET /api/v2/nothing HTTP/1.1\r\n" + auth("officer") + "\r\n");
        assertJsonError(r, 404, 404);
        Raw list = raw("GET /api/services HTTP/1.1\r\n" + auth("officer") + "\r\n");
        assertJsonError(list, 404, 404);
    }

    @Test
    public void traceAndOptionsAnswer405Json() throws IOException {
        for (String method : new String[] {"TRACE", "OPTIONS"}) {
            Raw r = raw(method + " /api/v1/event-types HTTP/1.1\r\n" + auth("officer") + "\r\n");
            assertJsonError(r, 405, 405);
            assertEquals(r.text, "METHOD_NOT_ALLOWED", r.json.get("code").asText());
        }
    }

    private static void assertJsonError(Raw r, int lowest, int highest) {
        assertTrue(r.text, r.status >= lowest && r.status <= highest);
        assertTrue(r.text, r.contentType != null && r.contentType.startsWith("application/json"));
        assertNotNull(r.text, r.json);
        assertEquals(r.text, r.status, r.json.get("status").asInt());
        assertTrue(r.text, r.json.get("code").asText().matches("[A-Z][A-Z0-9_]+"));
    }

    private static String auth(String user) {
        return "Host: 127.0.0.1\r\nConnection: close\r\nAuthorization: Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** A raw HTTP exchange: status, Content-Type, body parsed as JSON when it is. */
    private record Raw(int status, String contentType, JsonNode json, String text) {
    }

    private static Raw raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", httpPort())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before it read everything we sent; read what it answered
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0;) {
                    bytes.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                // a reset after the answer: keep what arrived
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            int headerEnd = text.indexOf("\r\n\r\n");
            assertTrue("no HTTP answer: " + text, text.startsWith("HTTP/1.1 ") && headerEnd > 0);
            int status = Integer.parseInt(text.substring(9, 12));
            String contentType = null;
            for (String line : text.substring(0, headerEnd).split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring(13).trim();
                }
            }
            String body = text.substring(headerEnd + 4);
            if (text.substring(0, headerEnd).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            JsonNode json = null;
            if (body.trim().startsWith("{")) {
                json = JSON.readTree(body);
            }
            return new Raw(status, contentType, json, text.length() > 2000 ? text.substring(0, 2000) : text);
        }
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
