package org.jiandu.bench.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.jiandu.api.alert.AlertLevel;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.CaseLedger;

/**
 * Benchmarks of the node monitor, run inside Karaf against the database it uses (embedded Derby can be opened by one
 * JVM only). See {@code bundles/org.jiandu.monitor/PERFORMANCE.md}. They write rows marked as bench rows (deadline
 * key {@code bench}, cases of the fictitious courts 京0191–京0199 and host event ids {@code BENCH-…}) into the
 * append-only ledger and the monitor's tables: run them on a bench database, never on a court's. That is why they
 * live in this bundle, which no distribution carries (feature {@code jiandu-bench}).
 *
 * <p>They reach the monitor only as an integrator could: events go in through {@link CaseLedger}; what the monitor
 * did is read from its tables ({@code JD_MON_DEADLINE}, {@code JD_MON_ALERT}, {@code JD_MON_CASE}) through the
 * DataSource. The monitor's own evaluation figures are printed by {@code jiandu:monitor-stats}, which
 * {@code bench/run.sh} calls around each run.
 */
public final class MonitorBenchCommands {
    private MonitorBenchCommands() {
    }

    /** The monitor's alert level names and the bit of REMINDER in {@code JD_MON_DEADLINE.FIRED}. */
    static final String OVERDUE = "OVERDUE";
    static final int REMINDER_BIT = 1;

    static final String BENCH_RULE = "art13.network-query";
    static final String[] COURTS = {"京0191", "京0192", "京0193", "京0194", "京0195", "京0196", "京0197", "京0198",
        "京0199"};

    /**
     * {@code jiandu:monitor-bench-seed --open 1000000 --due 200000 --in 120}: inserts open deadlines straight into
     * the table with JDBC: {@code due} of them expire together {@code in} seconds from now (their reminder counted as
     * done, so the storm is OVERDUE alerts only), the others 30–60 days later.
     */
    @Command(scope = "jiandu", name = "monitor-bench-seed",
            description = "Benchmark: seed open deadlines, many expiring at one instant (bench database only)")
    @Service
    public static class Seed implements Action {
        @Reference(filter = "(osgi.jndi.service.name=jiandu)")
        private DataSource dataSource;

        @Reference(filter = "(jiandu.clock=true)")
        private Clock clock;

        @Option(name = "--open", description = "open deadlines to insert (default 1,000,000)")
        private int open = 1_000_000;

        @Option(name = "--due", description = "how many of them expire at the same instant (default 200,000)")
        private int due = 200_000;

        @Option(name = "--in", description = "seconds from now until that instant (default 120)")
        private int in = 120;

        @Option(name = "--batch", description = "rows per transaction (default 5000)")
        private int batch = 5000;

        @Override
        public Object execute() throws Exception {
            Clock jianduClock = clock;
            long storm = jianduClock.millis() + in * 1000L;
            LocalDate dueDay = Instant.ofEpochMilli(storm).atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1);
            long start = System.nanoTime();
            String sql = "INSERT INTO JD_MON_DEADLINE (VERSION, CASE_NUMBER, COURT_CODE, RULE_ID, DKEY, TITLE, ARTICLE, "
                    + "STATUS, TRIGGER_SEQ, TRIGGER_EVENT_ID, TRIGGER_TYPE, TRIGGER_DATE, AMOUNT, UNIT, STOPS, DUE_DATE, "
                    + "DEDUCTED_DAYS, EXPIRES_AT, REMIND_AT, ESCALATE_AT, NEXT_ALERT_AT, NEXT_LEVEL, FIRED, OPENED_AT, "
                    + "UPDATED_AT) VALUES (1, ?, ?, ?, 'bench', ?, ?, 'OPEN', 1, ?, 'TRANSFERRED_TO_ENFORCEMENT', ?, 5, "
                    + "'WD', 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
                c.setAutoCommit(false);
                for (int i = 0; i < open; i++) {
                    String court = COURTS[i % COURTS.length];
                    p.setString(1, "（2025）" + court + "执" + (i / COURTS.length + 1) + "号");
                    p.setString(2, court);
                    p.setString(3, BENCH_RULE);
                    p.setString(4, "执行部门收到移送的案件后5个工作日内发起网络查控（基准测试）");
                    p.setString(5, "法〔2021〕322号 第13条");
                    p.setString(6, "BENCH-" + i);
                    boolean storming = i < due;
                    long expires = storming ? storm : storm + (30L + i % 30) * 86_400_000L;
                    LocalDate day = storming ? dueDay : dueDay.plusDays(30 + i % 30);
                    p.setDate(7, java.sql.Date.valueOf(day.minusDays(7)));
                    p.setDate(8, java.sql.Date.valueOf(day));
                    p.setLong(9, expires);
                    p.setLong(10, expires - 86_400_000L);
                    p.setLong(11, expires + 5 * 86_400_000L);
                    p.setLong(12, expires);
                    p.setString(13, OVERDUE);
                    p.setInt(14, REMINDER_BIT);
                    p.setLong(15, jianduClock.millis());
                    p.setLong(16, jianduClock.millis());
                    p.addBatch();
                    if ((i + 1) % batch == 0 || i == open - 1) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                c.setAutoCommit(true);
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("seeded %,d open deadlines in %.1f s (%,.0f rows/s); %,d expire at %s (Jiandu clock)%n",
                    open, s, open / s, due, Instant.ofEpochMilli(storm));
            return null;
        }
    }

    /**
     * {@code jiandu:monitor-bench-storm [--http http://127.0.0.1:8181/api --user host --password host]}: waits for
     * the seeded instant, then, while the sweeper raises the storm's alerts, ingests events one after another
     * (over HTTP when {@code --http} is given, else through the CaseLedger service) and reports how long the alerts
     * took, whether any was raised twice, and the ingestion latencies during the storm.
     */
    @Command(scope = "jiandu", name = "monitor-bench-storm",
            description = "Benchmark: time the OVERDUE storm and measure ingestion latency meanwhile (bench database only)")
    @Service
    public static class Storm implements Action {
        @Reference(filter = "(osgi.jndi.service.name=jiandu)")
        private DataSource dataSource;

        @Reference
        private CaseLedger ledger;

        @Reference(filter = "(jiandu.clock=true)")
        private Clock clock;

        @Option(name = "--expect", description = "alerts the storm must raise (default 200,000)")
        private int expect = 200_000;

        @Option(name = "--timeout", description = "seconds to wait for them (default 300)")
        private int timeout = 300;

        @Option(name = "--http", description = "ingest over HTTP at this API base, e.g. http://127.0.0.1:8181/api")
        private String http;

        @Option(name = "--user", description = "HTTP user with role host-system (default host)")
        private String user = "host";

        @Option(name = "--password", description = "its password (default host)")
        private String password = "host";

        @Override
        public Object execute() throws Exception {
            long storm;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MIN(EXPIRES_AT) FROM JD_MON_DEADLINE WHERE DKEY = 'bench' "
                            + "AND NEXT_LEVEL = 'OVERDUE'")) {
                rs.next();
                storm = rs.getLong(1);
                if (rs.wasNull()) {
                    System.out.println("no seeded storm: run jiandu:monitor-bench-seed first");
                    return null;
                }
            }
            long wait = storm - clock.millis();
            System.out.printf("storm at %s, in %.1f s; ingesting %s meanwhile%n", Instant.ofEpochMilli(storm),
                    wait / 1000.0, http == null ? "through the CaseLedger service" : "over HTTP at " + http);
            List<Long> before = new ArrayList<>();
            List<Long> during = new ArrayList<>();
            AtomicBoolean stormOver = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            Thread ingest = new Thread(() -> ingestLoop(storm, before, during, stormOver, stop), "bench-ingest");
            ingest.start();
            long firstSeen = -1;
            long done = -1;
            long count = 0;
            long deadline = System.nanoTime() + (Math.max(0, wait) / 1000 + timeout) * 1_000_000_000L;
            try {
                while (System.nanoTime() < deadline) {
                    count = countAlerts(storm);
                    long now = clock.millis();
                    if (count > 0 && firstSeen < 0) {
                        firstSeen = now;
                    }
                    if (count >= expect) {
                        done = now;
                        break;
                    }
                    LockSupport.parkNanos(250_000_000L);
                }
            } finally {
                stormOver.set(true);
                LockSupport.parkNanos(2_000_000_000L);
                stop.set(true);
                ingest.join();
            }
            long duplicates;
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT DEADLINE_ID) FROM JD_MON_ALERT "
                            + "WHERE ALERT_LEVEL = 'OVERDUE' AND RAISED_AT >= " + storm)) {
                rs.next();
                duplicates = rs.getLong(1);
            }
            if (done < 0) {
                System.out.printf("NOT DONE: %,d of %,d alerts after the timeout%n", count, expect);
            } else {
                System.out.printf("storm: %,d OVERDUE alerts raised %.1f s after the instant (first seen after %.1f s); "
                        + "%,d raised twice%n", count, (done - storm) / 1000.0, (firstSeen - storm) / 1000.0, duplicates);
            }
            print("ingestion before the storm", before);
            print("ingestion during the storm", during);
            return null;
        }

        private long countAlerts(long storm) throws Exception {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM JD_MON_ALERT "
                            + "WHERE ALERT_LEVEL = 'OVERDUE' AND RAISED_AT >= ?")) {
                s.setLong(1, storm);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void ingestLoop(long storm, List<Long> before, List<Long> during, AtomicBoolean stormOver,
                AtomicBoolean stop) {
            HttpClient client = http == null ? null : HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            long run = System.currentTimeMillis();
            int i = 0;
            while (!stop.get()) {
                i++;
                String cn = "（2025）京0199执" + (900_000 + i % 5000) + "号";
                OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(1);
                String id = "BENCH-STORM-" + run + "-" + i;
                long t0 = System.nanoTime();
                try {
                    if (client == null) {
                        ledger.append(new CaseEvent(id, CaseNumber.parse(cn), "MONEY_RECEIVED", at, null,
                                new Actor("bench", "执行员", "京0199"),
                                Payload.of(java.util.Map.of("amount", new java.math.BigDecimal("100.00"))), null));
                    } else {
                        String body = "{\"hostEventId\":\"" + id + "\",\"type\":\"MONEY_RECEIVED\",\"occurredAt\":\""
                                + at + "\",\"actor\":{\"personId\":\"bench\"},\"payload\":{\"amount\":\"100.00\"}}";
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http + "/v1/cases/"
                                + URLEncoder.encode(cn, StandardCharsets.UTF_8).replace("+", "%20") + "/events"))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            System.out.printf("ingestion answered %d: %s%n", r.statusCode(), r.body());
                        }
                    }
                } catch (Exception e) {
                    System.out.printf("ingestion failed: %s%n", e);
                }
                long micros = (System.nanoTime() - t0) / 1000;
                long now = clock.millis();
                if (now < storm) {
                    before.add(micros);
                } else if (!stormOver.get()) {
                    during.add(micros);
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    static void print(String what, List<Long> micros) {
        if (micros.isEmpty()) {
            System.out.printf("%s: no sample%n", what);
            return;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("%s: %,d events, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.size(),
                q(sorted, 0.5), q(sorted, 0.9), q(sorted, 0.99), sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double q(List<Long> sorted, double q) {
        int i = Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        return sorted.get(i) / 1000.0;
    }

    /**
     * {@code jiandu:monitor-bench-ingest --cases 2000 [--sync]}: appends realistic case histories (12 events per case)
     * through the CaseLedger service: with {@code --sync} each append waits until the monitor has evaluated and
     * committed it (its case row in {@code JD_MON_CASE} reaches the entry's position), so every entry is evaluated in
     * a transaction of its own; otherwise entries are evaluated in the batches that accumulate, and the command waits
     * until every case is evaluated. What the evaluation cost is printed by {@code jiandu:monitor-stats} (run it with
     * {@code --reset} before).
     */
    @Command(scope = "jiandu", name = "monitor-bench-ingest",
            description = "Benchmark: the rule work added to ingesting one event (bench database only)")
    @Service
    public static class Ingest implements Action {
        private static final int EVENTS_PER_CASE = 12;

        @Reference
        private CaseLedger ledger;

        @Reference(filter = "(osgi.jndi.service.name=jiandu)")
        private DataSource dataSource;

        @Reference(filter = "(jiandu.clock=true)")
        private Clock clock;

        @Option(name = "--cases", description = "cases to ingest, 12 events each (default 2000)")
        private int cases = 2000;

        @Option(name = "--sync", description = "wait for each entry's evaluation before the next append")
        private boolean sync;

        @Override
        public Object execute() throws Exception {
            long run = System.currentTimeMillis() % 9_000;
            OffsetDateTime base = OffsetDateTime.now(clock).minusDays(60);
            List<Long> appendMicros = new ArrayList<>();
            long start = System.nanoTime();
            int events = 0;
            int late = 0;
            try (Connection c = dataSource.getConnection();
                    PreparedStatement evaluated = c.prepareStatement(
                            "SELECT LAST_SEQ FROM JD_MON_CASE WHERE CASE_NUMBER = ?")) {
                for (int k = 0; k < cases; k++) {
                    CaseNumber cn = CaseNumber.parse(caseNumber(run, k));
                    Object[][] script = script(k);
                    int seq = 0;
                    for (Object[] step : script) {
                        seq++;
                        Object[] kv = (Object[]) step[2];
                        java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
                        for (int i = 0; i < kv.length; i += 2) {
                            payload.put((String) kv[i], kv[i + 1]);
                        }
                        long t0 = System.nanoTime();
                        long position = ledger.append(new CaseEvent("BENCH-ING-" + run + "-" + k + "-" + seq, cn,
                                (String) step[0], base.plusDays((Integer) step[1]), null,
                                new Actor("京0198-ZXY01", "执行员", "京0198"), Payload.of(payload), null))
                                .entry().seq();
                        appendMicros.add((System.nanoTime() - t0) / 1000);
                        events++;
                        if (sync && !waitEvaluated(evaluated, cn.canonical(), position, 10_000_000_000L)) {
                            late++;
                        }
                    }
                }
            }
            long unevaluated = waitAllEvaluated(run, 600_000_000_000L);
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("%,d events on %,d cases in %.1f s (%,.0f events/s), evaluation %s%n", events, cases, s,
                    events / s, sync ? "one entry at a time" : "in the batches that accumulated");
            if (late > 0 || unevaluated > 0) {
                System.out.printf("NOT EVALUATED in time: %,d entries waited more than 10 s; %,d cases unevaluated "
                        + "at the end%n", late, unevaluated);
            }
            print("ledger append (CaseLedger.append, commit included)", appendMicros);
            System.out.println("the monitor's evaluation cost per entry: jiandu:monitor-stats");
            return null;
        }

        private static String caseNumber(long run, int k) {
            return "（2025）京0198执" + (run * 10_000 + k + 1) + "号";
        }

        private static Object[][] script(int c) {
            return new Object[][] {
                {"CASE_FILED", 0, new Object[] {"claimPrincipal", new java.math.BigDecimal("50000.00")}},
                {"HANDLER_ASSIGNED", 1, new Object[] {"handler", "京0198-ZXY01", "leader", "京0198-TZ01"}},
                {"TRANSFERRED_TO_ENFORCEMENT", 2, new Object[] {}},
                {"PROPERTY_QUERY_STARTED", 5, new Object[] {"propertyTypes", List.of("DEPOSIT", "REAL_ESTATE")}},
                {"PROPERTY_QUERY_FEEDBACK", 8, new Object[] {"propertyFound", true}},
                {"PROPERTY_CONTROLLED", 9, new Object[] {"assetId", "A" + c, "assetKind", "REAL_ESTATE"}},
                {"PETITION_RECEIVED", 10, new Object[] {"petitionId", "P" + c}},
                {"DEDUCTED_PERIOD_STARTED", 12, new Object[] {"periodId", "D" + c, "kind", "APPRAISAL"}},
                {"DEDUCTED_PERIOD_ENDED", 20, new Object[] {"periodId", "D" + c}},
                {"REFERENCE_PRICE_STARTED", 21, new Object[] {"assetId", "A" + c}},
                {"MONEY_RECEIVED", 25, new Object[] {"amount", new java.math.BigDecimal("800.00")}},
                {"PAYMENT_NOTICE_SENT", 28, new Object[] {}},
            };
        }

        /** Polls the case's monitor row until it has evaluated {@code seq}; false when the bound ran out. */
        private static boolean waitEvaluated(PreparedStatement evaluated, String caseNumber, long seq, long boundNanos)
                throws java.sql.SQLException {
            long until = System.nanoTime() + boundNanos;
            evaluated.setString(1, caseNumber);
            while (System.nanoTime() < until) {
                try (ResultSet rs = evaluated.executeQuery()) {
                    if (rs.next() && rs.getLong(1) >= seq) {
                        return true;
                    }
                }
                LockSupport.parkNanos(50_000L);
            }
            return false;
        }

        /** Waits until every case of this run is evaluated to its last entry; answers how many are not. */
        private long waitAllEvaluated(long run, long boundNanos) throws java.sql.SQLException, InterruptedException {
            long until = System.nanoTime() + boundNanos;
            long missing = cases;
            try (Connection c = dataSource.getConnection(); PreparedStatement each = c.prepareStatement(
                    "SELECT LAST_SEQ FROM JD_MON_CASE WHERE CASE_NUMBER = ?")) {
                while (System.nanoTime() < until) {
                    missing = 0;
                    for (int k = 0; k < cases; k++) {
                        each.setString(1, CaseNumber.parse(caseNumber(run, k)).canonical());
                        try (ResultSet rs = each.executeQuery()) {
                            if (!rs.next() || rs.getLong(1) < EVENTS_PER_CASE) {
                                missing++;
                            }
                        }
                    }
                    if (missing == 0) {
                        return 0;
                    }
                    Thread.sleep(200);
                }
            }
            return missing;
        }
    }
}
