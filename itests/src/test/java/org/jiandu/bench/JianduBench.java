package org.jiandu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The performance benchmark of issue #2, against a private copy of the Jiandu distribution on this machine.
 *
 * <ol>
 * <li>boot: {@code bin/start} → first 200 on {@code GET /api/openapi.json}; resident memory of the Karaf JVM;</li>
 * <li>single-event ingestion over HTTP from N client threads (each 201 is a committed entry);</li>
 * <li>batch ingestion ({@code POST /api/v1/events}, 1,000 events), then {@code jiandu:jdbc-baseline} with the
 * same row count and batch size in the same Derby: the engine's own limit;</li>
 * <li>timeline reads of a case with 200 entries;</li>
 * <li>the ledger topped up to 1,000,000 entries, then {@code jiandu:verify} of everything.</li>
 * </ol>
 * Configuration is by system properties {@code bench.*} (see {@link Config}); the results go to stdout and to
 * {@code bench.results} as a Markdown table. Every loop is bounded in count and in time; all traffic goes to
 * 127.0.0.1. Not a test: named so that Surefire and Failsafe never run it.
 */
public final class JianduBench {
    /** Benchmark settings, from system properties. */
    record Config(Path distribution, Path workdir, Path results, int httpPort, int sshPort, int rmiRegistryPort,
            int rmiServerPort, Duration bootTimeout, int settleSeconds, int singleThreads, int singleWarmupSeconds,
            int singleSeconds, int singleMaxPerThread, int singleCasesPerThread, int batchThreads, int batchSize,
            int batchEventsPerCase, int batchWarmupEvents, int batchEvents, int timelineEntries, int timelineWarmup,
            int timelineReads, long verifyEntries, int phaseTimeoutSeconds, int jstackIntervalSeconds, boolean jfr,
            int quietWaitSeconds, int warmupMaxSeconds, double jitSettledCores, int attempts, double maxOtherCores,
            List<String> features) {
        static Config fromSystemProperties() {
            Path target = Path.of(str("bench.target", "itests/target"));
            return new Config(Path.of(str("bench.distribution", "distribution/target/assembly")).toAbsolutePath(),
                    Path.of(str("bench.workdir", target.resolve("bench-karaf").toString())).toAbsolutePath(),
                    Path.of(str("bench.results", target.resolve("bench-results.md").toString())).toAbsolutePath(),
                    num("bench.httpPort", 28181), num("bench.sshPort", 28101), num("bench.rmiRegistryPort", 21099),
                    num("bench.rmiServerPort", 24444), Duration.ofSeconds(num("bench.bootTimeoutSeconds", 180)),
                    num("bench.settleSeconds", 10), num("bench.single.threads", 8),
                    num("bench.single.warmupSeconds", 60), num("bench.single.seconds", 30),
                    num("bench.single.maxEventsPerThread", 200_000), num("bench.single.casesPerThread", 500),
                    num("bench.batch.threads", 2), num("bench.batch.size", 1000), num("bench.batch.eventsPerCase", 20),
                    num("bench.batch.warmupEvents", 50_000), num("bench.batch.events", 200_000),
                    num("bench.timeline.entries", 200), num("bench.timeline.warmup", 1000),
                    num("bench.timeline.reads", 2000), num("bench.verify.entries", 1_000_000),
                    num("bench.phaseTimeoutSeconds", 1200), num("bench.jstack.intervalSeconds", 0),
                    Boolean.parseBoolean(str("bench.jfr", "false")), num("bench.quietWaitSeconds", 120),
                    num("bench.warmup.maxSeconds", 300),
                    Double.parseDouble(str("bench.jit.settledCores", "0.10")), num("bench.attempts", 3),
                    Double.parseDouble(str("bench.maxOtherCores", "0.25")),
                    java.util.Arrays.stream(str("bench.features", "").split(",")).map(String::trim)
                            .filter(f -> !f.isEmpty()).toList());
        }

        private static String str(String key, String dflt) {
            String v = System.getProperty(key);
            return v == null || v.isBlank() ? dflt : v.trim();
        }

        private static int num(String key, int dflt) {
            return Integer.parseInt(str(key, String.valueOf(dflt)).replace("_", ""));
        }
    }

    /** Outcome of a load phase. */
    static final class Phase {
        final String name;
        final Latencies latencies = new Latencies();
        final AtomicLong requests = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final List<String> samples = new CopyOnWriteArrayList<>();
        double seconds;
        long bytes;
        String resources = "";
        long karafCpuMs;
        long clientCpuMs;
        double otherCores;
        String attempt = "";

        void used(Machine.Snapshot before, Machine.Snapshot after) {
            resources = before.describe(after);
            otherCores = before.otherCores(after);
            karafCpuMs = after.karafCpuMs() - before.karafCpuMs();
            clientCpuMs = after.clientCpuMs() - before.clientCpuMs();
        }

        /** "Karaf 0.61 ms CPU per request, client 0.17 ms". */
        String cpuPerRequest() {
            long n = Math.max(1, requests.get());
            return String.format("Karaf %.2f ms CPU per request, client %.2f ms", karafCpuMs / (double) n,
                    clientCpuMs / (double) n);
        }

        Phase(String name) {
            this.name = name;
        }

        double eventsPerSecond() {
            return events.get() / seconds;
        }

        long failed() {
            return failures.values().stream().mapToLong(AtomicLong::get).sum();
        }

        void fail(String what, String detail) {
            failures.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
            if (samples.size() < 5) {
                samples.add(what + ": " + (detail.length() > 600 ? detail.substring(0, 600) + "…" : detail));
            }
        }

        String failureText() {
            return failures.isEmpty() ? "none" : new TreeMap<>(failures).toString();
        }
    }

    private final Config cfg;
    private final String hostAuth = basic("host", "host");
    private final String supervisorAuth = basic("supervisor", "supervisor");
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private KarafInstance karaf;
    private String device;
    private URI base;

    private JianduBench(Config cfg) {
        this.cfg = cfg;
    }

    public static void main(String[] args) throws Exception {
        Config cfg = Config.fromSystemProperties();
        Http.configure(2 * Math.max(cfg.singleThreads, cfg.batchThreads));
        int rc = new JianduBench(cfg).run();
        System.exit(rc);
    }

    private int run() throws Exception {
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Files.createDirectories(cfg.results.getParent());
        log("Jiandu benchmark " + started + "; distribution " + cfg.distribution + " → " + cfg.workdir);
        karaf = KarafInstance.prepare(cfg.distribution, cfg.workdir, cfg.httpPort, cfg.sshPort, cfg.rmiRegistryPort,
                cfg.rmiServerPort, cfg.features);
        notes.add("Jiandu features booted: " + (cfg.features.isEmpty() ? "the distribution's (" + karaf.jianduFeatures
                + ")" : cfg.features + " only (bench.features)"));
        base = URI.create("http://127.0.0.1:" + cfg.httpPort + "/api/v1/");
        device = Machine.deviceOf(cfg.workdir);
        String machine = Machine.describe(cfg.workdir);
        double fsyncs = Machine.fsyncPerSecond(cfg.workdir, 1000);
        notes.add(String.format("Disk probe (write 4 KiB + fsync, one thread, in the benchmark directory): %.0f/s, "
                + "%.2f ms each", fsyncs, 1000 / fsyncs));
        try {
            boot();
            guarded("single-event ingestion", this::single);
            Phase batch = guarded("batch ingestion", this::batch);
            guarded("JDBC baseline", () -> baseline(batch));
            guarded("timeline", this::timeline);
            guarded("verification", this::verification);
            long rss = karaf.statusKb("VmRSS");
            long hwm = karaf.statusKb("VmHWM");
            row("Resident memory after the run", "(info)", String.format("%d MB (peak VmHWM %d MB)", rss / 1024,
                    hwm / 1024), "");
        } catch (Exception e) {
            problems.add("Benchmark aborted: " + e);
            e.printStackTrace();
        } finally {
            try {
                karaf.stop(Duration.ofSeconds(60));
            } catch (Exception e) {
                problems.add("Stopping Karaf failed: " + e);
            }
        }
        scanKarafLog();
        String report = report(started, machine);
        System.out.println();
        System.out.println(report);
        Files.writeString(cfg.results, report, StandardCharsets.UTF_8);
        log("Results written to " + cfg.results);
        return problems.isEmpty() ? 0 : 1;
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    /** Runs a phase; a failure is reported and the benchmark goes on with the next phase. */
    private <T> T guarded(String name, Step<T> step) {
        try {
            return step.run();
        } catch (Exception e) {
            problems.add(name + " failed: " + e);
            row(name, "", "FAILED: " + e.getMessage(), "no");
            e.printStackTrace();
            return null;
        }
    }

    // ---------------------------------------------------------------- boot

    private void boot() throws Exception {
        log("Starting Karaf (HTTP " + cfg.httpPort + ", SSH " + cfg.sshPort + ", demo off, empty data/)");
        long[] ms = karaf.startAndAwaitReady(cfg.bootTimeout);
        log("REST ready after " + ms[0] + " ms (ingestion endpoint listed after " + ms[1] + " ms), Karaf pid "
                + karaf.pid());
        if (karaf.pid() <= 0) {
            throw new IllegalStateException("Karaf answers but its JVM was not found under /proc");
        }
        row("Distribution boot → REST ready (first 200 on /api/openapi.json)", "≤ 20 s",
                String.format("%.1f s (ingestion endpoint listed at %.1f s)", ms[0] / 1000.0, ms[1] / 1000.0),
                ms[0] <= 20_000 ? "yes" : "no");
        notes.add("Boot probes of /api/openapi.json every 50 ms, in order: " + karaf.bootProbes);
        if (cfg.jfr) {
            // Starting a JFR recording instruments JDK classes and throws away compiled code: one recording that
            // runs from boot on keeps that out of the measured phases, whose own recordings then change nothing.
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            log("  JFR: " + Machine.run(List.of(jcmd, String.valueOf(karaf.pid()), "JFR.start", "name=bench-background",
                    "settings=profile", "maxage=2m", "maxsize=50M")).trim().replace('\n', ' '));
        }
        long rssReady = karaf.statusKb("VmRSS");
        Thread.sleep(cfg.settleSeconds * 1000L);
        long rssSettled = karaf.statusKb("VmRSS");
        row("Resident memory after boot (VmRSS of the Karaf JVM)", "≤ 600 MB", String.format(
                "%d MB at REST-ready, %d MB after %d s idle", rssReady / 1024, rssSettled / 1024, cfg.settleSeconds),
                Math.max(rssReady, rssSettled) <= 600 * 1024 ? "yes" : "no");
    }

    // ---------------------------------------------------------------- single-event ingestion

    private Phase single() throws Exception {
        int threads = cfg.singleThreads;
        log("Single-event ingestion: warm-up ≥ " + cfg.singleWarmupSeconds + " s with " + threads
                + " clients, until Karaf's JIT compiler has settled");
        long[] round = {0};
        List<Double> rates = warmUp("single-event ingestion", "events", Math.max(1, cfg.singleWarmupSeconds / 10),
                () -> singleRun("single-warmup", "W", 1_000_000 + 10_000 * round[0]++, Duration.ofSeconds(10)));
        log("Single-event ingestion: measuring " + cfg.singleSeconds + " s");
        Phase p = leastDisturbed("single", a -> () -> singleRun("single", "S", 2_000_000 + 10_000 * a,
                Duration.ofSeconds(cfg.singleSeconds)));
        log(String.format("  %.0f events/s, %s, failures %s", p.eventsPerSecond(), p.latencies.summary(),
                p.failureText()));
        log("  " + p.cpuPerRequest() + "; " + p.resources);
        row("Single-event ingestion over HTTP, " + threads + " concurrent clients (201 = committed)", "≥ 2,000 events/s",
                String.format("%,.0f events/s (%,d events in %.1f s); latency %s; failures: %s%s",
                        p.eventsPerSecond(), p.events.get(), p.seconds, p.latencies.summary(), p.failureText(),
                        p.attempt),
                met(p.eventsPerSecond() >= 2000 && p.failed() == 0, p));
        notes.add("Single-event ingestion: " + p.cpuPerRequest() + "; " + p.resources);
        row("(info) Single-event ingestion right after boot, per 10 s warm-up round while the JIT compiles", "",
                rates.stream().map(r -> String.format("%,.0f", r)).collect(java.util.stream.Collectors.joining(" → "))
                        + " events/s", "");
        return p;
    }

    private Phase singleRun(String name, String prefix, long serialBase, Duration duration) throws Exception {
        Phase p = new Phase(name);
        int threads = cfg.singleThreads;
        int cases = cfg.singleCasesPerThread;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Latencies> perThread = new ArrayList<>();
        long[] window = new long[2];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Latencies lat = new Latencies();
            perThread.add(lat);
            Thread w = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = window[0] + duration.toNanos();
                for (int i = 0; i < cfg.singleMaxPerThread && System.nanoTime() < deadline; i++) {
                    long serial = serialBase + (long) thread * cases + i % cases;
                    int position = i / cases;
                    String cn = Events.caseNumber(serial);
                    URI uri = base.resolve("cases/" + enc(cn) + "/events");
                    String body = Events.json(prefix, serial, position);
                    long t0 = System.nanoTime();
                    try {
                        Http.Response r = Http.post(uri, hostAuth, body, Duration.ofSeconds(60));
                        lat.add(System.nanoTime() - t0);
                        p.requests.incrementAndGet();
                        if (r.status() == 201) {
                            p.events.incrementAndGet();
                            acknowledged.incrementAndGet();
                        } else {
                            p.fail("HTTP " + r.status(), cn + " #" + position + " → " + r.body());
                        }
                    } catch (IOException e) {
                        p.fail(e.getClass().getSimpleName(), cn + " #" + position + " → " + e);
                    }
                }
            }, "bench-" + name + "-" + t);
            workers.add(w);
            w.start();
        }
        ready.await();
        Machine.Snapshot before = snapshot();
        window[0] = System.nanoTime();
        go.countDown();
        joinAll(workers);
        p.seconds = (System.nanoTime() - window[0]) / 1e9;
        p.used(before, snapshot());
        perThread.forEach(p.latencies::addAll);
        return p;
    }

    // ---------------------------------------------------------------- batch ingestion and the JDBC baseline

    private final AtomicLong nextBatch = new AtomicLong();

    private Phase batch() throws Exception {
        log("Batch ingestion: warm-up ≥ " + cfg.batchWarmupEvents + " events, until Karaf's JIT compiler has settled");
        int warmRound = 10 * cfg.batchSize;
        warmUp("batch ingestion", "events", Math.max(1, cfg.batchWarmupEvents / warmRound),
                () -> batchRun("batch-warmup", "BW", warmRound));
        log("Batch ingestion: " + cfg.batchEvents + " events in batches of " + cfg.batchSize + " from "
                + cfg.batchThreads + " clients");
        Phase p = leastDisturbed("batch", a -> () -> batchRun("batch", "B", cfg.batchEvents));
        log(String.format("  %.0f events/s; per batch %s; failures %s", p.eventsPerSecond(), p.latencies.summary(),
                p.failureText()));
        log("  " + p.cpuPerRequest() + "; " + p.resources);
        row("Batch ingestion over HTTP (" + cfg.batchSize + " events per request, ~" + cfg.batchEventsPerCase
                + " per case, " + cfg.batchThreads + " clients)", "≥ 10,000 events/s",
                String.format("%,.0f events/s (%,d events in %.1f s); per batch %s; failures: %s%s",
                        p.eventsPerSecond(), p.events.get(), p.seconds, p.latencies.summary(), p.failureText(),
                        p.attempt),
                met(p.eventsPerSecond() >= 10_000 && p.failed() == 0, p));
        notes.add("Batch ingestion: " + p.cpuPerRequest() + String.format(" (%.3f ms per event); ",
                p.karafCpuMs / (double) Math.max(1, p.events.get())) + p.resources);
        return p;
    }

    /** Batches of {@code batchSize} events over fresh cases of {@code eventsPerCase} events each. */
    private Phase batchRun(String name, String prefix, long totalEvents) throws Exception {
        Phase p = new Phase(name);
        int perCase = cfg.batchEventsPerCase;
        int casesPerBatch = Math.max(1, cfg.batchSize / perCase);
        long batches = (totalEvents + cfg.batchSize - 1) / cfg.batchSize;
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        List<Latencies> perThread = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(cfg.phaseTimeoutSeconds).toNanos();
        Machine.Snapshot before = snapshot();
        long start = System.nanoTime();
        for (int t = 0; t < cfg.batchThreads; t++) {
            Latencies lat = new Latencies();
            perThread.add(lat);
            Thread w = new Thread(() -> {
                while (done.getAndIncrement() < batches && System.nanoTime() < deadline) {
                    long k = nextBatch.getAndIncrement();
                    long firstSerial = 10_000_000 + k * casesPerBatch;
                    List<String> events = new ArrayList<>(cfg.batchSize);
                    for (int pos = 0; pos < perCase && events.size() < cfg.batchSize; pos++) {
                        for (int c = 0; c < casesPerBatch && events.size() < cfg.batchSize; c++) {
                            events.add(Events.json(prefix, firstSerial + c, pos));
                        }
                    }
                    String body = Events.batch(events);
                    long t0 = System.nanoTime();
                    try {
                        Http.Response r = Http.post(base.resolve("events"), hostAuth, body, Duration.ofSeconds(300));
                        lat.add(System.nanoTime() - t0);
                        p.requests.incrementAndGet();
                        String stored = KarafInstance.find(r.body(), "^\\{\"stored\":(\\d+)");
                        if (r.status() == 200 && stored != null && Integer.parseInt(stored) == events.size()) {
                            p.events.addAndGet(events.size());
                            acknowledged.addAndGet(events.size());
                        } else {
                            if (r.status() == 200 && stored != null) {
                                acknowledged.addAndGet(Integer.parseInt(stored));
                            }
                            p.fail("HTTP " + r.status() + (stored == null ? "" : " stored " + stored),
                                    "batch " + k + " → " + r.body());
                        }
                    } catch (IOException e) {
                        p.fail(e.getClass().getSimpleName(), "batch " + k + " → " + e);
                    }
                }
            }, "bench-" + name + "-" + t);
            workers.add(w);
            w.start();
        }
        joinAll(workers);
        p.seconds = (System.nanoTime() - start) / 1e9;
        p.used(before, snapshot());
        perThread.forEach(p.latencies::addAll);
        if (done.get() < batches) {
            p.fail("phase time limit", "stopped after " + cfg.phaseTimeoutSeconds + " s");
        }
        return p;
    }

    private Void baseline(Phase batch) throws Exception {
        long rowsN = cfg.batchEvents;
        log("JDBC baseline: feature:install jiandu-bench (from " + KarafInstance.MAVEN_REPO + ")");
        karaf.installBenchFeature(System.getProperty("bench.version", "0.1.0-SNAPSHOT"),
                Duration.ofSeconds(cfg.phaseTimeoutSeconds));
        log("JDBC baseline: warm-up jiandu:jdbc-baseline " + cfg.batchWarmupEvents + " " + cfg.batchSize);
        log("  " + karaf.client("jiandu:jdbc-baseline " + cfg.batchWarmupEvents + " " + cfg.batchSize,
                Duration.ofSeconds(cfg.phaseTimeoutSeconds)).trim());
        log("JDBC baseline: jiandu:jdbc-baseline " + rowsN + " " + cfg.batchSize);
        String[] used = new String[1];
        String out = measured("baseline", () -> {
            Machine.Snapshot before = snapshot();
            String o = karaf.client("jiandu:jdbc-baseline " + rowsN + " " + cfg.batchSize,
                    Duration.ofSeconds(cfg.phaseTimeoutSeconds));
            used[0] = before.describe(snapshot());
            return o;
        });
        String resources = used[0];
        log("  " + out.trim());
        log("  " + resources);
        String rate = KarafInstance.find(out, "= (\\d+) rows/s");
        if (rate == null) {
            throw new IllegalStateException("jiandu:jdbc-baseline printed no rate: " + out.trim());
        }
        double baseline = Double.parseDouble(rate);
        String ratio = batch == null ? "n/a (batch phase failed)"
                : String.format("batch / baseline = %.2f", batch.eventsPerSecond() / baseline);
        row("Raw JDBC batch insert of the same rows into the same Derby (jiandu:jdbc-baseline " + rowsN + " "
                + cfg.batchSize + ", in Karaf)", "(engine limit)", String.format("%,.0f rows/s; %s", baseline, ratio),
                "");
        notes.add("JDBC baseline resources: " + resources);
        return null;
    }

    // ---------------------------------------------------------------- timeline

    private Void timeline() throws Exception {
        long serial = 90_000_000; // a 京0105 case (serial % 8 == 0): readable by supervisor (京0105)
        String cn = Events.caseNumber(serial);
        List<String> events = new ArrayList<>();
        for (int pos = 0; pos < cfg.timelineEntries; pos++) {
            events.add(Events.json("TL", serial, pos));
        }
        Http.Response created = Http.post(base.resolve("events"), hostAuth, Events.batch(events),
                Duration.ofSeconds(120));
        String stored = KarafInstance.find(created.body(), "^\\{\"stored\":(\\d+)");
        if (created.status() != 200 || stored == null || Integer.parseInt(stored) != cfg.timelineEntries) {
            throw new IllegalStateException("Creating the timeline case failed: HTTP " + created.status() + " "
                    + created.body().substring(0, Math.min(600, created.body().length())));
        }
        acknowledged.addAndGet(cfg.timelineEntries);
        URI get = base.resolve("cases/" + enc(cn) + "/timeline");
        log("Timeline: " + cn + " with " + cfg.timelineEntries + " entries; " + cfg.timelineWarmup + " warm-up + "
                + cfg.timelineReads + " reads as supervisor (京0105) from 1 thread");
        String expect = "\"count\":" + cfg.timelineEntries + ",";
        warmUp("timeline", "reads", Math.max(1, cfg.timelineWarmup / 200),
                () -> timelineReads("timeline-warmup", get, expect, 200));
        Phase p = leastDisturbed("timeline", a -> () -> timelineReads("timeline", get, expect, cfg.timelineReads));
        long bytes = p.events.get() == 0 ? 0 : p.bytes / p.events.get();
        log("  " + p.latencies.summary() + String.format("; %.0f reads/s; %d bytes per response", p.eventsPerSecond(),
                bytes) + "; failures " + p.failureText());
        row("Timeline read of a case with " + cfg.timelineEntries + " entries (1 client, sequential)", "p99 ≤ 20 ms",
                String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d reads (%,d bytes each); failures: %s%s",
                        p.latencies.percentileMs(0.5), p.latencies.percentileMs(0.99), p.latencies.maxMs(),
                        p.latencies.size(), bytes, p.failureText(), p.attempt),
                met(p.latencies.percentileMs(0.99) <= 20 && p.failed() == 0, p));
        notes.add("Timeline: " + p.cpuPerRequest() + "; " + p.resources);
        return null;
    }

    /** {@code reads} sequential GETs of one timeline; each must answer 200 with the expected entry count. */
    private Phase timelineReads(String name, URI get, String expect, int reads) throws Exception {
        Phase p = new Phase(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(cfg.phaseTimeoutSeconds).toNanos();
        Machine.Snapshot before = snapshot();
        long start = System.nanoTime();
        for (int i = 0; i < reads && System.nanoTime() < deadline; i++) {
            long t0 = System.nanoTime();
            Http.Response r = Http.get(get, supervisorAuth, Duration.ofSeconds(30));
            long nanos = System.nanoTime() - t0;
            p.requests.incrementAndGet();
            if (r.status() != 200 || !r.body().contains(expect)) {
                p.fail("HTTP " + r.status(), r.body().substring(0, Math.min(600, r.body().length())));
                continue;
            }
            p.latencies.add(nanos);
            p.events.incrementAndGet();
            p.bytes += r.body().getBytes(StandardCharsets.UTF_8).length;
        }
        p.seconds = (System.nanoTime() - start) / 1e9;
        p.used(before, snapshot());
        return p;
    }

    // ---------------------------------------------------------------- verification

    private Void verification() throws Exception {
        long have = acknowledged.get();
        if (have < cfg.verifyEntries) {
            long topUp = cfg.verifyEntries - have;
            log("Verification: the ledger holds " + have + " acknowledged entries; topping up " + topUp
                    + " by batch ingestion");
            Phase p = batchRun("top-up", "V", topUp);
            log(String.format("  top-up: %,d events in %.1f s = %.0f events/s; failures %s", p.events.get(),
                    p.seconds, p.eventsPerSecond(), p.failureText()));
            reportFailures(p);
            notes.add(String.format("Top-up to %,d entries: %,d events at %,.0f events/s by batch ingestion (the ledger "
                    + "already held %,d); %s", cfg.verifyEntries, p.events.get(), p.eventsPerSecond(), have,
                    p.resources));
        }
        log("Verification: jiandu:verify over " + acknowledged.get() + " acknowledged entries (twice: cold, warm)");
        String[] runs = new String[2];
        String first = null;
        for (int i = 0; i < 2; i++) {
            String[] used = new String[1];
            long[] wallMs = new long[1];
            String out = measured("verify-" + (i + 1), () -> {
                Machine.Snapshot before = snapshot();
                long t0 = System.nanoTime();
                String o = karaf.client("jiandu:verify", Duration.ofSeconds(cfg.phaseTimeoutSeconds));
                wallMs[0] = (System.nanoTime() - t0) / 1_000_000;
                used[0] = before.describe(snapshot());
                return o;
            });
            long wall = wallMs[0];
            String resources = used[0];
            log("  " + out.trim() + " (bin/client wall time " + wall + " ms)");
            log("  " + resources);
            String ms = KarafInstance.find(out, "entries checked in (\\d+) ms");
            if (ms == null) {
                throw new IllegalStateException("jiandu:verify printed no time: " + out.trim());
            }
            runs[i] = ms;
            if (i == 0) {
                first = out.trim();
                notes.add("Verification resources (first run): " + resources);
            }
        }
        String cases = KarafInstance.find(first, "(\\d+) case\\(s\\)");
        String entries = KarafInstance.find(first, "(\\d+) entries checked");
        String verdict = KarafInstance.find(first, "ms: (\\S+)");
        long checked = Long.parseLong(entries);
        if (checked != acknowledged.get()) {
            problems.add("jiandu:verify checked " + checked + " entries but " + acknowledged.get()
                    + " were acknowledged with a 2xx");
        }
        if (!"INTACT".equals(verdict)) {
            problems.add("jiandu:verify did not find the ledger intact: " + first);
        }
        double seconds = Long.parseLong(runs[0]) / 1000.0;
        row("Verification of the whole ledger (jiandu:verify)", "1,000,000 entries ≤ 60 s",
                String.format("%.1f s for %,d entries in %,d cases (%s); warm re-run %.1f s; %,d entries acknowledged",
                        seconds, checked, Long.parseLong(cases), verdict, Long.parseLong(runs[1]) / 1000.0,
                        acknowledged.get()),
                seconds <= 60 && checked >= 1_000_000 ? "yes" : "no");
        return null;
    }

    // ---------------------------------------------------------------- helpers

    private Machine.Snapshot snapshot() {
        return Machine.Snapshot.take(karaf.pid(), device);
    }

    /**
     * Runs a measured HTTP phase again (up to bench.attempts times) while processes other than Karaf and this client
     * took more than bench.maxOtherCores during it (other tenants' builds on this shared machine), and answers the
     * least disturbed attempt. Every attempt is logged and noted, and the failures of all of them are reported.
     */
    private Phase leastDisturbed(String name, java.util.function.IntFunction<Step<Phase>> attempt) throws Exception {
        Phase best = null;
        List<String> seen = new ArrayList<>();
        int a = 0;
        while (a < Math.max(1, cfg.attempts)) {
            Phase p = measured(cfg.attempts > 1 ? name + "-" + (a + 1) : name, attempt.apply(a));
            a++;
            reportFailures(p);
            seen.add(String.format("attempt %d: %,.0f/s, p99 %.1f ms, other processes %.2f cores", a,
                    p.eventsPerSecond(), p.latencies.percentileMs(0.99), p.otherCores));
            log("  " + seen.get(seen.size() - 1));
            if (best == null || p.otherCores < best.otherCores) {
                best = p;
                best.attempt = String.format("; attempt %d, other processes %.2f cores during it", a, p.otherCores);
            }
            if (p.otherCores <= cfg.maxOtherCores) {
                break;
            }
        }
        if (a > 1) {
            notes.add(name + " was disturbed by other processes and repeated; kept the least disturbed of: "
                    + String.join("; ", seen));
        }
        return best;
    }

    /**
     * Warm-up: repeats {@code round} at least {@code minRounds} times and then until Karaf's JIT compiler threads
     * used less than bench.jit.settledCores during a round (on 2 cores C2 needs minutes of load to compile CXF,
     * EclipseLink and Derby, and competes with the server for CPU meanwhile), at most bench.warmup.maxSeconds.
     */
    /** @return the rate of each warm-up round, per second */
    private List<Double> warmUp(String what, String unit, int minRounds, Step<Phase> round) throws Exception {
        List<Double> rates = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(cfg.warmupMaxSeconds).toNanos();
        long start = System.nanoTime();
        long events = 0;
        double jit = Double.NaN;
        int rounds = 0;
        while (true) {
            Machine.Snapshot before = snapshot();
            Phase p = round.run();
            jit = before.jitCores(snapshot());
            rounds++;
            events += p.events.get();
            rates.add(p.eventsPerSecond());
            reportFailures(p);
            log(String.format("  warm-up round %d: %,d in %.1f s (%.0f/s); JIT compiler %.2f cores", rounds,
                    p.events.get(), p.seconds, p.eventsPerSecond(), jit));
            if (rounds >= minRounds && jit < cfg.jitSettledCores) {
                break;
            }
            if (System.nanoTime() > deadline) {
                String msg = String.format("Warm-up of %s stopped after %d s with the JIT compiler still using %.2f "
                        + "cores", what, cfg.warmupMaxSeconds, jit);
                log("  " + msg);
                notes.add(msg);
                break;
            }
        }
        notes.add(String.format("Warm-up of %s: %d rounds, %,d %s in %.0f s; JIT compiler %.2f cores in the last round",
                what, rounds, events, unit, (System.nanoTime() - start) / 1e9, jit));
        return rates;
    }

    /**
     * Runs a measured phase: first waits (bounded) until other processes leave the CPU alone, since this machine is
     * shared; records a JFR profile of Karaf ({@code bench.jfr=true}) and jstack samples
     * ({@code bench.jstack.intervalSeconds > 0}) while it runs.
     */
    private <T> T measured(String name, Step<T> phase) throws Exception {
        awaitQuiet(name);
        Path dir = cfg.results.getParent();
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        String pid = String.valueOf(karaf.pid());
        if (cfg.jfr) {
            Path jfr = dir.resolve("bench-jfr").resolve(name + ".jfr");
            Files.createDirectories(jfr.getParent());
            Files.deleteIfExists(jfr);
            log("  JFR: " + Machine.run(List.of(jcmd, pid, "JFR.start", "name=bench-" + name, "settings=profile",
                    "filename=" + jfr)).trim().replace('\n', ' '));
        }
        Thread sampler = null;
        if (cfg.jstackIntervalSeconds > 0) {
            Path stacks = dir.resolve("bench-jstack");
            Files.createDirectories(stacks);
            String jstack = Path.of(System.getProperty("java.home"), "bin", "jstack").toString();
            sampler = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    try {
                        Thread.sleep(cfg.jstackIntervalSeconds * 1000L);
                        Files.writeString(stacks.resolve(name + "-" + i + ".txt"),
                                Machine.run(List.of(jstack, pid)));
                    } catch (InterruptedException | IOException e) {
                        return;
                    }
                }
            }, "bench-jstack");
            sampler.setDaemon(true);
            sampler.start();
        }
        try {
            return phase.run();
        } finally {
            if (sampler != null) {
                sampler.interrupt();
            }
            if (cfg.jfr) {
                Machine.run(List.of(jcmd, pid, "JFR.stop", "name=bench-" + name));
            }
        }
    }

    /** Waits until processes other than Karaf and this client use less than 0.2 cores, for at most quietWait. */
    private void awaitQuiet(String phase) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(cfg.quietWaitSeconds).toNanos();
        double others;
        do {
            Machine.Snapshot a = snapshot();
            Thread.sleep(2000);
            others = a.otherCores(snapshot());
            if (others < 0.2) {
                return;
            }
            log(String.format("  waiting for a quiet machine before %s: other processes use %.2f cores", phase,
                    others));
        } while (System.nanoTime() < deadline);
        String msg = String.format("%s started on a busy machine: other processes used %.2f cores after waiting %d s",
                phase, others, cfg.quietWaitSeconds);
        log("  " + msg);
        notes.add(msg);
    }

    private void reportFailures(Phase p) {
        if (p.failed() > 0) {
            problems.add(p.name + ": " + p.failed() + " failed request(s) " + p.failureText() + "; samples: "
                    + String.join(" | ", p.samples));
        }
    }

    /**
     * Reads Derby's and Karaf's logs line by line: either can be large after a long run (a client that read the
     * whole log ran out of heap).
     */
    private void scanKarafLog() {
        try (java.util.stream.Stream<String> lines = Files.lines(cfg.workdir.resolve("data/derby/derby.log"),
                StandardCharsets.UTF_8)) {
            notes.add(lines.anyMatch(l -> l.contains("durability=test")) ? "Derby ran with derby.system.durability=test:"
                    + " commits were NOT synced to disk" : "Derby ran with default durability (no derby.system.durability="
                    + "test in derby.log): every commit syncs the transaction log before it returns");
        } catch (IOException | java.io.UncheckedIOException e) {
            notes.add("derby.log not readable: " + e);
        }

        Path log = cfg.workdir.resolve("data/log/karaf.log");
        long[] counts = new long[2];
        List<String> firstErrors = new ArrayList<>();
        try (java.util.stream.Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                if (l.contains("| ERROR |")) {
                    counts[0]++;
                    if (firstErrors.size() < 5) {
                        firstErrors.add(l.length() > 300 ? l.substring(0, 300) + "…" : l);
                    }
                } else if (l.contains("| WARN  |")) {
                    counts[1]++;
                }
            });
            notes.add("Karaf log (" + log + "): " + counts[0] + " ERROR, " + counts[1] + " WARN lines");
            firstErrors.forEach(l -> notes.add("  " + l));
        } catch (IOException | java.io.UncheckedIOException e) {
            notes.add("Karaf log not readable: " + e);
        }
    }

    private String report(String started, String machine) {
        StringBuilder b = new StringBuilder();
        b.append("# Jiandu benchmark results\n\n");
        b.append("Run started ").append(started).append(" on this machine:\n\n```\n").append(machine)
                .append("\n```\n\n");
        b.append("| Measure | Target | Measured | Met |\n|---|---|---|---|\n");
        for (String[] r : rows) {
            b.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        b.append("\n## Notes\n\n");
        for (String n : notes) {
            b.append(n.startsWith("  ") ? "    " + n.trim() : "- " + n).append('\n');
        }
        b.append("\n## Problems\n\n");
        if (problems.isEmpty()) {
            b.append("None: every request answered as expected and verification found every acknowledged entry.\n");
        }
        for (String p : problems) {
            b.append("- ").append(p).append('\n');
        }
        b.append("\n## Settings\n\n```\n").append(cfg.toString().replace(", ", "\n  ")).append("\n```\n");
        return b.toString();
    }

    /** "yes", "no", or "no (disturbed …)" when other processes took CPU during the measurement. */
    private String met(boolean ok, Phase p) {
        if (ok) {
            return "yes";
        }
        return p.otherCores > cfg.maxOtherCores ? String.format("no (disturbed: other processes took %.2f cores)",
                p.otherCores) : "no";
    }

    private void row(String measure, String target, String measured, String met) {
        rows.add(new String[] {measure, target, measured.replace("|", "/"), met});
    }

    private static void joinAll(List<Thread> threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void log(String s) {
        System.out.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + s);
    }
}
