package org.jiandu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private copy of the Jiandu distribution for one benchmark run: copied fresh (empty {@code data/}), moved to its
 * own ports so it never meets another Karaf on this machine, demo data off. Knows the PID of the Karaf JVM it
 * started, and only ever stops that one.
 */
final class KarafInstance {
    final Path home;
    final int httpPort;
    final int sshPort;
    private final String javaHome;
    private long pid = -1;

    private KarafInstance(Path home, int httpPort, int sshPort, String javaHome) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.javaHome = javaHome;
    }

    /**
     * Copies the distribution to {@code workdir} (replacing an earlier copy) and configures ports and demo mode; a
     * non-empty {@code features} replaces the distribution's Jiandu boot features (e.g. the core alone).
     */
    static KarafInstance prepare(Path distribution, Path workdir, int httpPort, int sshPort, int rmiRegistryPort,
            int rmiServerPort, List<String> features) throws IOException {
        if (!Files.isRegularFile(distribution.resolve("bin/start"))) {
            throw new IllegalStateException("No distribution at " + distribution
                    + "; build it first: mvn -B -q install -DskipTests");
        }
        if (Files.exists(workdir)) {
            refuseIfRunning(workdir);
            deleteTree(workdir);
        }
        copyTree(distribution, workdir);
        deleteTree(workdir.resolve("data"));
        Files.createDirectories(workdir.resolve("data"));
        Path etc = workdir.resolve("etc");
        setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(sshPort));
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(rmiRegistryPort));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(rmiServerPort));
        setProperty(etc.resolve("org.jiandu.demo.cfg"), "enabled", "false");
        // the bench feature is not in the distribution: Karaf fetches it from the build's Maven repository
        setProperty(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository", MAVEN_REPO);
        List<String> booted = bootFeatures(etc.resolve("org.apache.karaf.features.cfg"), features);
        KarafInstance k = new KarafInstance(workdir, httpPort, sshPort, System.getProperty("java.home"));
        k.jianduFeatures = booted;
        return k;
    }

    /** The Jiandu features Karaf boots ({@code jiandu-*} of {@code featuresBoot}), replaced by {@code features}. */
    List<String> jianduFeatures = List.of();

    static List<String> bootFeatures(Path cfg, List<String> features) throws IOException {
        String text = Files.readString(cfg, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?m)^featuresBoot\\s*=((?:[^\\n]*\\\\\\n)*[^\\n]*)$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No featuresBoot in " + cfg);
        }
        List<String> items = new ArrayList<>();
        for (String item : m.group(1).replace("\\\n", " ").split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        List<String> jiandu = items.stream().filter(i -> i.startsWith("jiandu-")).map(i -> i.replaceAll("/.*", ""))
                .toList();
        if (features.isEmpty()) {
            return jiandu;
        }
        List<String> kept = new ArrayList<>(items.stream().filter(i -> !i.startsWith("jiandu-")).toList());
        kept.addAll(features);
        Files.writeString(cfg, text.substring(0, m.start()) + "featuresBoot = " + String.join(", ", kept)
                + text.substring(m.end()), StandardCharsets.ISO_8859_1);
        return features;
    }

    /** A Karaf still running from an earlier, aborted run in the same directory would hold the Derby files. */
    private static void refuseIfRunning(Path workdir) {
        long old = findKarafPid(workdir);
        if (old > 0) {
            throw new IllegalStateException("A Karaf from an earlier benchmark run is still running from " + workdir
                    + " (pid " + old + "); stop it with " + workdir.resolve("bin/stop") + " first");
        }
    }

    /** Replaces (or appends) {@code key = value} in a Karaf .cfg file, failing if the file does not exist. */
    static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1));
        Pattern p = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }

    /** What the boot probe saw, in order, run-length encoded: "refused×93, 404×2, 200 without ingestion×1, 200". */
    final StringBuilder bootProbes = new StringBuilder();
    private String lastProbe;
    private int lastProbeCount;

    private void probe(String what) {
        if (what.equals(lastProbe)) {
            lastProbeCount++;
            return;
        }
        flushProbe();
        lastProbe = what;
        lastProbeCount = 1;
    }

    private void flushProbe() {
        if (lastProbe != null) {
            bootProbes.append(bootProbes.length() == 0 ? "" : ", ").append(lastProbe).append('×')
                    .append(lastProbeCount);
        }
        lastProbe = null;
    }

    /**
     * Runs {@code bin/start} and waits until {@code GET /api/openapi.json} answers 200 and lists the ingestion
     * endpoint, probing every 50 ms.
     *
     * @return milliseconds from launching bin/start to: [0] first 200 on openapi.json, [1] the ingestion path listed
     */
    long[] startAndAwaitReady(Duration timeout) throws IOException, InterruptedException {
        URI openapi = URI.create("http://127.0.0.1:" + httpPort + "/api/openapi.json");
        long t0 = System.nanoTime();
        Process start = command("bin/start").redirectErrorStream(true)
                .redirectOutput(home.resolve("bench-start.log").toFile()).start();
        long deadline = t0 + timeout.toNanos();
        long firstOk = -1;
        while (System.nanoTime() < deadline) {
            try {
                Http.Response r = Http.get(openapi, null, Duration.ofSeconds(2));
                if (r.status() == 200) {
                    long now = System.nanoTime();
                    if (firstOk < 0) {
                        firstOk = now;
                    }
                    if (r.body().contains("/api/v1/cases/{caseNumber}/events")) {
                        probe("200");
                        flushProbe();
                        start.waitFor(30, TimeUnit.SECONDS);
                        pid = findKarafPid(home);
                        return new long[] {(firstOk - t0) / 1_000_000, (now - t0) / 1_000_000};
                    }
                    probe("200 without the ingestion endpoint");
                } else {
                    probe(String.valueOf(r.status()));
                }
            } catch (IOException e) {
                probe(e instanceof java.net.ConnectException ? "refused" : e.getClass().getSimpleName());
            }
            Thread.sleep(50);
        }
        flushProbe();
        pid = findKarafPid(home);
        throw new IllegalStateException("Karaf did not serve " + openapi + " with the ingestion endpoint within "
                + timeout + " (probes: " + bootProbes + "); see " + home.resolve("data/log/karaf.log"));
    }

    long pid() {
        return pid;
    }

    /** The PID of the Karaf JVM running from {@code home}, from its command line; -1 when none. */
    static long findKarafPid(Path home) {
        String marker = "-Dkaraf.home=" + home.toAbsolutePath().normalize();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    byte[] raw = Files.readAllBytes(d.resolve("cmdline"));
                    String[] args = new String(raw, StandardCharsets.UTF_8).split("\0");
                    if (args.length > 0 && args[0].endsWith("java") && List.of(args).contains(marker)
                            && List.of(args).contains("org.apache.karaf.main.Main")) {
                        return Long.parseLong(name);
                    }
                } catch (IOException e) {
                    // process gone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return -1;
    }

    /** A line of /proc/&lt;pid&gt;/status in kB, e.g. VmRSS or VmHWM; -1 when unavailable. */
    long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** User + system CPU time of the Karaf JVM so far, in milliseconds (from /proc/&lt;pid&gt;/stat). */
    long cpuMillis() {
        return Machine.processCpuMillis(pid);
    }

    /** The Maven repository the build installed into (the bench profile passes it). */
    static final String MAVEN_REPO = System.getProperty("bench.mavenRepo",
            System.getProperty("user.home") + "/.m2/repository");

    /**
     * Installs the {@code jiandu-bench} feature (the benchmark drivers, which no distribution carries) from the Maven
     * repository, and fails unless its commands are there afterwards.
     */
    void installBenchFeature(String version, Duration timeout) throws IOException, InterruptedException {
        // --no-auto-refresh: re-resolving would refresh the JPA bundles and restart Jiandu's under measurement
        String out = client("feature:repo-add mvn:org.jiandu/jiandu-bench-features/" + version + "/xml/features\n"
                + "feature:install --no-auto-refresh jiandu-bench", timeout);
        if (out.contains("Error executing command")) {
            throw new IllegalStateException("feature jiandu-bench did not install from " + MAVEN_REPO
                    + " (run mvn -B -q install -DskipTests first): " + out.trim());
        }
        // its commands register once the bundle's services are bound
        long until = System.nanoTime() + timeout.toNanos();
        while (!client("jiandu:jdbc-baseline --help", timeout).contains("jdbc-baseline")) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("jiandu:jdbc-baseline did not appear after installing jiandu-bench");
            }
            Thread.sleep(500);
        }
    }

    /** Runs shell commands in the running Karaf through bin/client (batch mode, admin) and answers the output. */
    String client(String commands, Duration timeout) throws IOException, InterruptedException {
        Process p = command("bin/client", "-a", String.valueOf(sshPort), "-h", "127.0.0.1", "-u", "admin", "-p",
                "admin", "-b").redirectErrorStream(true).start();
        p.getOutputStream().write((commands + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append("[reading client output failed: ").append(e).append(']');
            }
        }, "bench-client-reader");
        reader.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            reader.join(5000);
            throw new IllegalStateException("bin/client did not finish '" + commands + "' within " + timeout
                    + "; output so far: " + out);
        }
        reader.join(5000);
        return out.toString();
    }

    /** bin/stop, then waits for the JVM to exit; if it does not within the timeout, kills that PID (ours). */
    void stop(Duration timeout) throws IOException, InterruptedException {
        if (pid <= 0) {
            pid = findKarafPid(home);
        }
        if (pid <= 0) {
            return;
        }
        Process stop = command("bin/stop").redirectErrorStream(true)
                .redirectOutput(home.resolve("bench-stop.log").toFile()).start();
        stop.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        var handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            try {
                handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                System.err.println("Karaf (pid " + pid + ") did not stop within " + timeout + "; killing it");
                handle.get().destroyForcibly();
            }
        }
        pid = -1;
    }

    private ProcessBuilder command(String... cmd) {
        List<String> full = new ArrayList<>(List.of(cmd));
        full.set(0, home.resolve(cmd[0]).toString());
        ProcessBuilder b = new ProcessBuilder(full).directory(home.toFile());
        b.environment().put("JAVA_HOME", javaHome);
        return b;
    }

    /** Extracts group 1 of the first match, or null. */
    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
