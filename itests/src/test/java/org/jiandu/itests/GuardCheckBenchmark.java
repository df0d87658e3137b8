package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.GuardRegistry;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Benchmark, not a test (its name matches no Failsafe pattern, so {@code mvn install} does not run it): the latency
 * of {@code POST /api/v1/guard/check} with the node monitor's guards installed (jiandu-core + jiandu-node-monitor,
 * embedded Derby), against a case whose timeline holds 100 entries, among 300 other cases of 20 entries. Run with
 * <pre>
 * mvn -B -pl itests verify -Dit.test=GuardCheckBenchmark
 * </pre>
 * It prints p50/p90/p99/max per operation type and writes them to {@code itests/target/guard-check-bench.txt}.
 * See bundles/org.jiandu.monitor/PERFORMANCE-GUARDS.md.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GuardCheckBenchmark extends JianduTestSupport {
    private static final String CASE = "（2026）京0105执900号";
    private static final int WARM_UP = 300;
    private static final int MEASURED = 2_000;
    private static final int THREADS = 4;
    private static final String PAYEE = "6222 0200 0000 0001";

    private static final String TERMINATE = "{\"operationType\":\"TERMINATE_ROUND\",\"caseNumber\":\"" + CASE + "\","
            + "\"details\":{\"applicantConsent\":\"终本确认书\",\"firstSeizingCourtRequest\":true,"
            + "\"undisposedReasons\":{\"A-21\":\"未能实际扣押\",\"A-22\":\"未能实际扣押\",\"A-23\":\"拍卖流拍，申请执行人不接受抵债\"}}}";
    private static final String DISBURSE = "{\"operationType\":\"DISBURSE\",\"caseNumber\":\"" + CASE + "\","
            + "\"details\":{\"toAccount\":\"" + PAYEE + "\",\"amount\":\"12000.00\"}}";
    private static final String DISPOSE = "{\"operationType\":\"DISPOSE\",\"caseNumber\":\"" + CASE + "\","
            + "\"details\":{\"assetId\":\"A-25\",\"method\":\"ONLINE_AUCTION\"}}";

    @Inject
    private GuardRegistry registry;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(karafWith("jiandu-core", "jiandu-node-monitor"),
                editConfigurationFilePut("etc/system.properties", "jiandu.bench.out",
                        new File("target/guard-check-bench.txt").getAbsolutePath()));
    }

    @Test
    public void guardCheckLatency() throws Exception {
        awaitRest();
        loadCases();
        List<String> report = new ArrayList<>();
        report.add("load average before the run: " + Files.readString(Path.of("/proc/loadavg")).trim());
        report.add("timeline of " + CASE + ": " + get("supervisor", "/v1/cases/" + seg(CASE) + "/timeline").body()
                .get("entries").size() + " entries; 300 other cases of 20 entries");

        String[] bodies = {TERMINATE, DISBURSE, DISPOSE};
        for (int i = 0; i < WARM_UP * bodies.length; i++) {
            check(bodies[i % bodies.length]);
        }
        long[][] nanos = new long[bodies.length][MEASURED];
        for (int i = 0; i < MEASURED * bodies.length; i++) {
            int kind = i % bodies.length;
            long t0 = System.nanoTime();
            check(bodies[kind]);
            nanos[kind][i / bodies.length] = System.nanoTime() - t0;
        }
        long[] all = new long[MEASURED * bodies.length];
        String[] names = {"TERMINATE_ROUND", "DISBURSE", "DISPOSE"};
        for (int k = 0; k < bodies.length; k++) {
            report.add(line("HTTP, 1 client, " + names[k], nanos[k]));
            System.arraycopy(nanos[k], 0, all, k * MEASURED, MEASURED);
        }
        report.add(line("HTTP, 1 client, all three", all));

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    long[] n = new long[MEASURED / THREADS];
                    for (int i = 0; i < n.length; i++) {
                        long t0 = System.nanoTime();
                        check(TERMINATE);
                        n[i] = System.nanoTime() - t0;
                    }
                    return n;
                }));
            }
            long[] concurrent = new long[MEASURED];
            for (int t = 0; t < THREADS; t++) {
                System.arraycopy(futures.get(t).get(), 0, concurrent, t * (MEASURED / THREADS), MEASURED / THREADS);
            }
            report.add(line("HTTP, " + THREADS + " clients, TERMINATE_ROUND", concurrent));
        } finally {
            pool.shutdown();
        }

        // the same check in process: what the guards and the registry's record cost without HTTP, JSON and auth
        Operation op = new Operation("TERMINATE_ROUND", CaseNumber.parse(CASE), Payload.of(java.util.Map.of(
                "applicantConsent", "终本确认书")), null);
        long[] inProcess = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            registry.check(op);
            inProcess[i] = System.nanoTime() - t0;
        }
        report.add(line("in process, GuardRegistry.check, TERMINATE_ROUND", inProcess));

        // the guards alone (one timeline read and the rules), without the registry's record of the check
        List<OperationGuard> guards = new ArrayList<>();
        for (ServiceReference<OperationGuard> ref : context.getServiceReferences(OperationGuard.class, null)) {
            guards.add(context.getService(ref));
        }
        long[] guardsOnly = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            for (OperationGuard g : guards) {
                g.check(op);
            }
            guardsOnly[i] = System.nanoTime() - t0;
        }
        report.add(line("in process, " + guards.size() + " guards alone, TERMINATE_ROUND", guardsOnly));
        report.add("load average after the run: " + Files.readString(Path.of("/proc/loadavg")).trim());

        report.forEach(System.out::println);
        String out = System.getProperty("jiandu.bench.out");
        if (out != null) {
            Files.write(Path.of(out), report, StandardCharsets.UTF_8);
        }
    }

    private static void check(String body) {
        Reply r = post("host", "/v1/guard/check", body);
        if (r.status() != 200) {
            throw new AssertionError("guard check answered " + r.status() + ": " + r.text());
        }
    }

    private static String line(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%-52s n=%d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms", what,
                s.length, ms(s, 0.50), ms(s, 0.90), ms(s, 0.99), s[s.length - 1] / 1e6);
    }

    /** The nearest-rank percentile. */
    private static double ms(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private void loadCases() throws IOException {
        List<String> events = caseEvents(CASE, 100);
        assertEquals(100, events.size());
        batch(events);
        List<String> others = new ArrayList<>();
        for (int c = 1; c <= 300; c++) {
            others.addAll(caseEvents("（2026）京0105执" + (1000 + c) + "号", 20));
            if (others.size() >= 1000) {
                batch(others);
                others.clear();
            }
        }
        if (!others.isEmpty()) {
            batch(others);
        }
    }

    private static void batch(List<String> events) {
        Reply r = post("host", "/v1/events", "{\"events\":[" + String.join(",", events) + "]}");
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("batch refused: " + r.status() + " " + r.text());
        }
    }

    /** The first {@code n} (≤ 100) events of a realistic enforcement case filed on 2026-01-05. */
    private static List<String> caseEvents(String cn, int n) {
        List<String> e = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 5);
        String id = "BENCH-" + cn.replaceAll("\\D", "") + "-";
        e.add(ev(cn, id, e, "CASE_FILED", day, "{\"claimPrincipal\":\"860000.00\",\"applicantPayeeAccount\":\""
                + PAYEE + "\",\"applicants\":[\"北京某建材有限公司\"],\"respondents\":[\"王某\"]}"));
        e.add(ev(cn, id, e, "TRANSFERRED_TO_ENFORCEMENT", day.plusDays(1), "{}"));
        e.add(ev(cn, id, e, "CASE_CLASSIFIED", day.plusDays(2), "{\"track\":\"ORDINARY\"}"));
        e.add(ev(cn, id, e, "HANDLER_ASSIGNED", day.plusDays(2), "{\"handler\":\"京0105-ZXY12\"}"));
        e.add(ev(cn, id, e, "ENFORCEMENT_NOTICE_SERVED", day.plusDays(3), "{\"propertyReportOrder\":true}"));
        e.add(ev(cn, id, e, "PROPERTY_QUERY_STARTED", day.plusDays(4),
                "{\"propertyTypes\":[\"DEPOSIT\",\"REAL_ESTATE\",\"VEHICLE\",\"SECURITIES\"]}"));
        e.add(ev(cn, id, e, "PROPERTY_QUERY_STARTED", day.plusDays(5),
                "{\"propertyTypes\":[\"SHIP\",\"ONLINE_FUNDS\",\"WEALTH_PRODUCTS\"]}"));
        e.add(ev(cn, id, e, "PROPERTY_QUERY_FEEDBACK", day.plusDays(7), "{\"propertyFound\":true}"));
        e.add(ev(cn, id, e, "PROPERTY_QUERY_FEEDBACK", day.plusDays(8), "{\"propertyFound\":true}"));
        e.add(ev(cn, id, e, "CONSUMPTION_RESTRICTED", day.plusDays(9), "{}"));
        e.add(ev(cn, id, e, "DEFAULTER_LISTED", day.plusDays(9), "{}"));
        for (int i = 1; i <= 2; i++) {
            e.add(ev(cn, id, e, "PROPERTY_LEAD_RECEIVED", day.plusDays(10 + i), "{\"leadId\":\"L-" + i + "\"}"));
            e.add(ev(cn, id, e, "PROPERTY_LEAD_VERIFIED", day.plusDays(11 + i), "{\"leadId\":\"L-" + i + "\"}"));
        }
        String[] kinds = {"DEPOSIT", "REAL_ESTATE", "VEHICLE", "EQUITY", "SECURITIES"};
        for (int i = 1; i <= 30; i++) {
            e.add(ev(cn, id, e, "PROPERTY_CONTROLLED", day.plusDays(14 + i / 3), "{\"assetId\":\"A-" + i
                    + "\",\"assetKind\":\"" + kinds[i % 5] + "\",\"measure\":\"SEAL\",\"queued\":" + (i % 7 == 0) + "}"));
        }
        for (int i = 1; i <= 10; i++) {
            e.add(ev(cn, id, e, "CONTROL_RELEASED", day.plusDays(30 + i), "{\"assetId\":\"A-" + i + "\"}"));
        }
        for (int i = 11; i <= 20; i++) {
            e.add(ev(cn, id, e, "REFERENCE_PRICE_STARTED", day.plusDays(40 + i),
                    "{\"assetId\":\"A-" + i + "\",\"method\":\"NEGOTIATION\"}"));
        }
        for (int i = 11; i <= 15; i++) {
            e.add(ev(cn, id, e, "REFERENCE_PRICE_DETERMINED", day.plusDays(60 + i),
                    "{\"assetId\":\"A-" + i + "\",\"amount\":\"120000.00\"}"));
        }
        for (int i = 11; i <= 15; i++) {
            e.add(ev(cn, id, e, "DISPOSAL_STARTED", day.plusDays(80 + i),
                    "{\"assetId\":\"A-" + i + "\",\"method\":\"ONLINE_AUCTION\"}"));
        }
        for (int i = 11; i <= 15; i++) {
            e.add(ev(cn, id, e, "DISPOSAL_COMPLETED", day.plusDays(110 + i),
                    "{\"assetId\":\"A-" + i + "\",\"amount\":\"115000.00\"}"));
        }
        for (int i = 1; i <= 12; i++) {
            e.add(ev(cn, id, e, "MONEY_RECEIVED", day.plusDays(130 + i), "{\"amount\":\"" + (10000 + i * 1000)
                    + ".00\"" + (i % 4 == 0 ? ",\"disputedAmount\":\"2000.00\"" : "") + "}"));
        }
        for (int i = 1; i <= 3; i++) {
            e.add(ev(cn, id, e, "PAYMENT_NOTICE_SENT", day.plusDays(150 + i), "{\"amount\":\"20000.00\"}"));
            e.add(ev(cn, id, e, "MONEY_DISBURSED", day.plusDays(155 + i), "{\"amount\":\"20000.00\",\"payeeAccount\":\""
                    + PAYEE + "\"}"));
        }
        e.add(ev(cn, id, e, "PETITION_RECEIVED", day.plusDays(170), "{\"petitionId\":\"P-1\"}"));
        e.add(ev(cn, id, e, "PETITION_RECORDED", day.plusDays(172), "{\"petitionId\":\"P-1\"}"));
        return e.subList(0, n);
    }

    private static String ev(String cn, String idPrefix, List<String> sofar, String type, LocalDate day,
            String payload) {
        return "{\"caseNumber\":\"" + cn + "\",\"hostEventId\":\"" + idPrefix + (sofar.size() + 1) + "\",\"type\":\""
                + type + "\",\"occurredAt\":\"" + day + "T10:00:00+08:00\",\"actor\":{\"personId\":\"京0105-ZXY12\"},"
                + "\"payload\":" + payload + "}";
    }
}
