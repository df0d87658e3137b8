package org.jiandu.itests;

import static org.junit.Assert.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.CoreOptions;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The HTTP latency driver of the credit guard (issue 10: guard check over HTTP p99 ≤ 20 ms). Not a test — its name
 * does not end in IT, so {@code mvn verify} skips it; run it with
 * {@code mvn -pl itests verify -Dit.test=CreditHttpBench}. It boots jiandu-core and jiandu-credit in Karaf (embedded
 * Derby), records a case of about 100 entries over HTTP (a restriction and a listing of the debtor among the other
 * nodes of the case), then sends, one after the other, {@code LIST_DEFAULTER} checks (every condition evaluated, the
 * longest path) and {@code PUBLISH_DEFAULTER} checks through {@code POST /api/v1/guard/check} (which records every
 * check in the database) and {@code GET /api/v1/cases/{case}/credit}. Baseline in the same run: a check of an
 * operation type no installed guard examines ({@code HOLD}), which costs the HTTP exchange, the registry and the
 * check's record and nothing of the credit guard. Writes {@code itests/target/credit-http-bench.txt}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CreditHttpBench extends JianduTestSupport {
    private static final String CASE = "（2025）京0105执8899号";
    private static final String ADULT = "110105198001011238";
    private static final String SHA = "d".repeat(64);
    private static final int WARMUP = Integer.getInteger("credit.bench.warmup", 500);
    private static final int MEASURED = Integer.getInteger("credit.bench.requests", 3000);

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(karafWith("jiandu-core", "jiandu-credit"),
                CoreOptions.vmOption("-Dcredit.bench.warmup=" + WARMUP),
                CoreOptions.vmOption("-Dcredit.bench.requests=" + MEASURED),
                CoreOptions.vmOption("-Dcredit.bench.out=" + new File("target/credit-http-bench.txt")
                        .getAbsolutePath()));
    }

    @Before
    public void restIsUp() {
        awaitRest();
        await("the credit resource", 120, () -> "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg(CASE)
                + "/credit").code()));
    }

    private static String event(int n, String type, LocalDate day, String payload) {
        return "{\"hostEventId\":\"CBENCH-" + n + "\",\"caseNumber\":\"" + CASE + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + day + "T10:00:00+08:00\",\"actor\":{\"personId\":\"京0105-ZXY01\"},"
                + "\"payload\":" + payload + "}";
    }

    private static String signed(String number) {
        return "\"documentNumber\":\"" + number + "\",\"signedBy\":\"张院长\",\"signerRole\":\"PRESIDENT\","
                + "\"documentSha256\":\"" + SHA + "\"";
    }

    private static String person() {
        return "\"personIdentifiers\":[{\"kind\":\"RESIDENT_ID\",\"value\":\"" + ADULT + "\"}]";
    }

    /** About 100 entries: filing, 90 payments and costs, a restriction, a listing, its service and a grace period. */
    private static String batch() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        StringBuilder sb = new StringBuilder("{\"events\":[");
        int n = 0;
        sb.append(event(++n, "CASE_FILED", today.minusDays(300), "{\"claimPrincipal\":\"900000.00\"}"));
        for (int i = 0; i < 90; i++) {
            sb.append(',').append(event(++n, "MONEY_RECEIVED", today.minusDays(290 - i * 3), "{\"amount\":\"100.00\"}"));
        }
        sb.append(',').append(event(++n, "CONSUMPTION_RESTRICTED", today.minusDays(20), "{\"measureId\":\"XF-1\","
                + person() + ",\"items\":[\"TRAVEL_HOLIDAY\"],\"period\":\"至履行完毕\",\"consequences\":\"罚款、拘留\","
                + signed("之一") + "}"));
        sb.append(',').append(event(++n, "DEFAULTER_LISTED", today.minusDays(20), "{\"measureId\":\"SX-1\"," + person()
                + ",\"grounds\":[\"ABLE_BUT_REFUSES\"]," + signed("之二") + "}"));
        sb.append(',').append(event(++n, "credit.DECISION_SERVED", today.minusDays(19), "{\"measureId\":\"SX-1\"}"));
        sb.append(',').append(event(++n, "credit.GRACE_PERIOD_SET", today.minusDays(19),
                "{\"measureId\":\"XF-1\",\"months\":1}"));
        return sb.append("]}").toString();
    }

    @Test
    public void measureGuardCheckLatency() throws IOException {
        Reply stored = post("host", "/v1/events", batch());
        assertEquals(stored.text(), 200, stored.status());
        int events = stored.body().get("stored").asInt();
        String listing = "{\"operationType\":\"LIST_DEFAULTER\",\"caseNumber\":\"" + CASE + "\",\"details\":{"
                + "\"measureId\":\"SX-2\"," + person() + ",\"grounds\":[\"ABLE_BUT_REFUSES\"],\"exclusions\":[],"
                + "\"applicantRequested\":true,\"fullTimeStudent\":true,\"campusLoan\":true,\"campusLoanReason\":\"有能力\","
                + signed("之三") + "}}";
        String publish = "{\"operationType\":\"PUBLISH_DEFAULTER\",\"caseNumber\":\"" + CASE + "\",\"details\":{"
                + "\"measureId\":\"SX-1\"}}";
        String hold = "{\"operationType\":\"HOLD\",\"caseNumber\":\"" + CASE + "\",\"details\":{\"amount\":\"1.00\"}}";
        Reply first = post("host", "/v1/guard/check", listing);
        assertEquals(first.text(), 200, first.status());
        StringBuilder out = new StringBuilder();
        out.append("case: ").append(events).append(" entries (a restriction and a listing among them)\n");
        out.append("LIST_DEFAULTER decision: ").append(first.body().get("decision").asText()).append('\n');
        out.append(latency("POST /api/v1/guard/check LIST_DEFAULTER", WARMUP, MEASURED,
                () -> post("host", "/v1/guard/check", listing)));
        out.append(latency("POST /api/v1/guard/check PUBLISH_DEFAULTER", WARMUP, MEASURED,
                () -> post("host", "/v1/guard/check", publish)));
        out.append(latency("baseline: POST /api/v1/guard/check HOLD (no guard examines it)", WARMUP, MEASURED,
                () -> post("host", "/v1/guard/check", hold)));
        out.append(latency("GET /api/v1/cases/{case}/credit", WARMUP, MEASURED,
                () -> get("host", "/v1/cases/" + seg(CASE) + "/credit")));
        String file = System.getProperty("credit.bench.out", "credit-http-bench.txt");
        Files.writeString(new File(file).toPath(), out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }
}
