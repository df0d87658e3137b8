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
 * The HTTP latency driver of the seizure guard (issue 5: ≤ 20 ms p99 over HTTP for a case with 50 controlled assets
 * and 20 candidates). Not a test — its name does not end in IT, so {@code mvn verify} skips it; run it with
 * {@code mvn -pl itests verify -Dit.test=SeizureHttpBench}. It boots jiandu-core and
 * jiandu-seizure-guard in Karaf (embedded Derby), records the case over HTTP, then sends guard checks one after the
 * other through {@code POST /api/v1/guard/check} (which also records every check in the database) and register
 * reads through {@code GET /api/v1/cases/{case}/seizures}, and writes the latency percentiles to
 * {@code itests/target/seizure-http-bench.txt}. No timing is asserted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SeizureHttpBench extends JianduTestSupport {
    @javax.inject.Inject
    private org.jiandu.api.ledger.CaseLedger ledger;

    private static final String CASE = "（2025）京0105执8888号";
    private static final int WARMUP = Integer.getInteger("seizure.bench.warmup", 500);
    private static final int MEASURED = Integer.getInteger("seizure.bench.requests", 3000);

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(karafWith("jiandu-core", "jiandu-seizure-guard"),
                CoreOptions.vmOption("-Dseizure.bench.warmup=" + WARMUP),
                CoreOptions.vmOption("-Dseizure.bench.requests=" + MEASURED),
                CoreOptions.vmOption("-Dseizure.bench.out="
                        + new File("target/seizure-http-bench.txt").getAbsolutePath()));
    }

    @Before
    public void restIsUp() {
        awaitRest();
        // resources register one by one and the server picks each up: wait for the ledger's and this bundle's
        await("the events and seizures resources", 120, () ->
                "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg(CASE) + "/timeline").code())
                        && "CASE_NOT_FOUND".equals(get("host", "/v1/cases/" + seg(CASE) + "/seizures").code()));
    }

    private static String event(int n, String type, LocalDate day, String payload) {
        return "{\"hostEventId\":\"BENCH-" + n + "\",\"caseNumber\":\"" + CASE + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + day + "T10:00:00+08:00\",\"actor\":{\"personId\":\"京0105-ZXY01\"},"
                + "\"payload\":" + payload + "}";
    }

    /** The benchmark case, dated back from today so that every control is in force. */
    private static String batch() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        StringBuilder sb = new StringBuilder("{\"events\":[");
        int n = 0;
        sb.append(event(++n, "CASE_FILED", today.minusDays(200), "{\"claimPrincipal\":\"10000000.00\","
                + "\"judgmentInterest\":\"250000.00\",\"performanceDeadline\":\"" + today.minusDays(180) + "\"}"));
        for (int i = 0; i < 3; i++) {
            sb.append(',').append(event(++n, "COSTS_RECORDED", today.minusDays(150), "{\"costId\":\"C" + i
                    + "\",\"amount\":\"3500.00\",\"kind\":\"APPRAISAL\"}"));
        }
        for (int i = 0; i < 50; i++) {
            LocalDate day = today.minusDays(100 - i % 28);
            String p = switch (i % 5) {
                case 0, 1 -> "{\"assetId\":\"ACC-" + i + "\",\"assetKind\":\"DEPOSIT\",\"measure\":\"FREEZE\","
                        + "\"amount\":\"10000.00\"}";
                case 2 -> "{\"assetId\":\"CAR-" + i + "\",\"assetKind\":\"VEHICLE\",\"measure\":\"DETAIN\","
                        + "\"amount\":\"50000.00\",\"valueBasis\":\"ESTIMATE\"}";
                case 3 -> "{\"assetId\":\"SEC-" + i + "\",\"assetKind\":\"SECURITIES\",\"measure\":\"FREEZE\","
                        + "\"amount\":\"20000.00\",\"valueBasis\":\"MARKET_QUOTE\"}";
                default -> "{\"assetId\":\"FLAT-" + i + "\",\"assetKind\":\"REAL_ESTATE\",\"measure\":\"SEAL\","
                        + "\"amount\":\"300000.00\",\"residential\":" + (i % 2 == 0) + ",\"queued\":" + (i == 49) + "}";
            };
            if (i % 5 == 4) {
                sb.append(',').append(event(++n, "ENCUMBRANCE_RECORDED", day, "{\"assetId\":\"FLAT-" + i
                        + "\",\"encumbranceId\":\"M" + i + "\",\"kind\":\"MORTGAGE\",\"amount\":\"100000.00\"}"));
            }
            sb.append(',').append(event(++n, "PROPERTY_CONTROLLED", day, p));
        }
        for (int i = 0; i < 12; i++) {
            sb.append(',').append(event(++n, "MONEY_RECEIVED", today.minusDays(170 - i * 10),
                    "{\"amount\":\"20000.00\"}"));
        }
        return sb.append("]}").toString();
    }

    private static String check() {
        StringBuilder c = new StringBuilder("[");
        String[] kinds = {"DEPOSIT", "SECURITIES", "VEHICLE", "MOVABLE", "EQUITY", "REAL_ESTATE", "OTHER"};
        for (int i = 0; i < 20; i++) {
            c.append(i == 0 ? "" : ",").append("{\"assetId\":\"CAND-").append(i).append("\",\"assetKind\":\"")
                    .append(kinds[i % kinds.length]).append("\",\"amount\":\"")
                    .append(i == 7 ? "9500000.00" : (100000 + i * 25000) + ".00").append('"')
                    .append(i % 4 == 0 ? ",\"priorEncumbrances\":[{\"kind\":\"PLEDGE\",\"amount\":\"10000.00\"}]" : "")
                    .append('}');
        }
        return "{\"operationType\":\"SEIZE\",\"caseNumber\":\"" + CASE + "\",\"details\":{\"assetId\":\"FLAT-X\","
                + "\"assetKind\":\"REAL_ESTATE\",\"amount\":\"12000000.00\",\"valueBasis\":\"APPRAISAL\","
                + "\"priorEncumbrances\":[{\"kind\":\"MORTGAGE\",\"amount\":\"1000000.00\"}],\"candidates\":"
                + c.append(']') + "}}";
    }

    @Test
    public void measureGuardCheckAndRegisterLatency() throws IOException {
        Reply stored = post("host", "/v1/events", batch());
        assertEquals(stored.text(), 200, stored.status());
        int events = stored.body().get("stored").asInt();
        await("the register of the bench case", 60, () -> {
            Reply r = get("host", "/v1/cases/" + seg(CASE) + "/seizures");
            return r.status() == 200 && r.body().get("lastSeq").asInt() == events;
        });
        String body = check();
        Reply first = post("host", "/v1/guard/check", body);
        assertEquals(first.text(), "DENY", first.body().get("decision").asText());

        StringBuilder out = new StringBuilder();
        out.append("case: 50 controlled assets (49 in force), 12 payments, 3 costs; check: SEIZE with 20 candidates\n");
        out.append("decision of the check: ").append(first.body().get("verdicts").get(0).get("details").get("rule"))
                .append('\n');
        out.append(measure("POST /api/v1/guard/check", () -> post("host", "/v1/guard/check", body)));
        out.append(measure("GET /api/v1/cases/{case}/seizures",
                () -> get("host", "/v1/cases/" + seg(CASE) + "/seizures")));
        // what an on-demand register would pay first on every check: reading the case's timeline (in-process)
        org.jiandu.api.CaseNumber cn = org.jiandu.api.CaseNumber.parse(CASE);
        out.append(measure("CaseLedger.timeline (in-process, " + events + " entries)", () -> {
            ledger.timeline(cn);
            return new Reply(200, null, null);
        }));
        String file = System.getProperty("seizure.bench.out", "seizure-http-bench.txt");
        Files.writeString(new File(file).toPath(), out.toString(), StandardCharsets.UTF_8);
        System.out.println(out);
    }

    private static String measure(String what, java.util.function.Supplier<Reply> call) {
        return latency(what, WARMUP, MEASURED, call);
    }
}
