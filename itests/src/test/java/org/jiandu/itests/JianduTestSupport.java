package org.jiandu.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.options.MavenUrlReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every Jiandu itest shares: a vanilla Karaf 4.4.10 with the Jiandu features repository, the named features
 * installed, the test users, ports of its own (so a running demo distribution does not interfere), and a small HTTP
 * client with a bounded poll.
 */
public abstract class JianduTestSupport {
    /**
     * Each Karaf under test gets free ports chosen when its configuration is built (one container stopping while the
     * next starts must not collide); the HTTP port is passed into the container, where the test methods run.
     */
    private static final String HTTP_PORT_PROPERTY = "jiandu.itest.httpPort";

    /** The HTTP port of the Karaf under test; read inside the container. */
    protected static int httpPort() {
        return Integer.getInteger(HTTP_PORT_PROPERTY, 18181);
    }

    protected static String base() {
        return "http://127.0.0.1:" + httpPort() + "/api";
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no free TCP port", e);
        }
    }

    protected static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static Option[] karafWith(String... featureNames) {
        String version = System.getProperty("project.version");
        MavenArtifactUrlReference karaf = maven().groupId("org.apache.karaf").artifactId("apache-karaf")
                .version(System.getProperty("karaf.version", "4.4.10")).type("tar.gz");
        MavenUrlReference jiandu = maven().groupId("org.jiandu").artifactId("jiandu-features").version(version)
                .classifier("features").type("xml");
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        int http = freePort();
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(karaf).unpackDirectory(new File("target/exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.WARN),
            systemTimeout(300_000),
            // JDK 17 rejects a jar embedded in the JAX-RS API bundle ("Invalid CEN header") without this
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            vmOption("-Duser.timezone=Asia/Shanghai"),
            vmOption("-Dfile.encoding=UTF-8"),
            // the test methods run inside Karaf: they read the HTTP port there
            editConfigurationFilePut("etc/system.properties", HTTP_PORT_PROPERTY, String.valueOf(http)),
            // Pax Exam's probe waits 10 s for its injector by default; on a loaded 2-core machine Karaf takes longer
            // and the whole class then fails with "gave up waiting for service ...ProbeInvoker"
            editConfigurationFilePut("etc/system.properties",
                    "org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT", "120000"),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                    String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                    "file:" + repo + "@id=local@snapshots"),
            editConfigurationFilePut("etc/custom.properties", "felix.fileinstall.configEncoding", "UTF-8"),
            // as the distribution's etc/custom.properties: file install never writes configurations back into etc/
            // (its non-atomic write-back can be read half-written and wipe a file; ConfigurationIT)
            editConfigurationFilePut("etc/custom.properties", "felix.fileinstall.enableConfigSave", "false"),
            // features installing on a loaded 2-core machine can outlast Pax Exam's default 10 s wait for the probe's
            // invoker, after which the test hangs instead of failing
            editConfigurationFilePut("etc/system.properties",
                    "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT", "120000"),
            // an @Inject waits 10 s for its service by default; three builds sharing 2 cores once made MonitorIT give up
            // on CaseLedger after 10 s (the class passes alone): wait as long as for the probe's invoker
            editConfigurationFilePut("etc/system.properties", "pax.exam.service.timeout", "120000"),
            replaceConfigurationFile("etc/users.properties", new File("src/test/resources/users.properties")),
            features(jiandu, featureNames)
        };
    }

    /** An HTTP exchange's status and parsed JSON body. */
    public record Reply(int status, JsonNode body, String text) {
        public String code() {
            return body == null || body.get("code") == null ? null : body.get("code").asText();
        }

        public String field() {
            return body == null || body.get("field") == null || body.get("field").isNull() ? null
                    : body.get("field").asText();
        }
    }

    protected static Reply get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    protected static Reply post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private static Reply send(String user, HttpRequest.Builder request) {
        if (user != null) {
            String creds = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + creds);
        }
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = null;
            if (r.body() != null && !r.body().isEmpty() && r.body().trim().startsWith("{")) {
                body = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), body, r.body());
        } catch (Exception e) {
            throw new AssertionError("HTTP request to " + request.build().uri() + " failed: " + e, e);
        }
    }

    private static URI uri(String path) {
        return URI.create(base() + path);
    }

    /** A case number as a URL path segment. */
    protected static String seg(String caseNumber) {
        return URLEncoder.encode(caseNumber, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Waits until the REST server serves the core endpoints. Resources register one by one as their bundles start,
     * so the server answers before all of them are there; the OpenAPI document lists what is served right now.
     */
    protected static void awaitRest() {
        awaitEndpoints("/api/v1/cases/{caseNumber}/events", "/api/v1/events", "/api/v1/guard/check",
                "/api/v1/cases/{caseNumber}/timeline");
    }

    /** Waits until every given path (as written in the OpenAPI document) is served. */
    protected static void awaitEndpoints(String... paths) {
        await("REST endpoints " + java.util.Arrays.toString(paths), 120, () -> {
            try {
                Reply r = get(null, "/openapi.json");
                if (r.status() != 200 || r.body() == null) {
                    return false;
                }
                for (String p : paths) {
                    if (!r.body().get("paths").has(p)) {
                        return false;
                    }
                }
                return true;
            } catch (AssertionError e) {
                return false;
            }
        });
    }

    /**
     * Runs a Karaf shell command as an administrator and answers what it printed (commands check roles against the
     * session's subject, as they do for a real operator).
     */
    protected static String shell(org.apache.karaf.shell.api.console.SessionFactory sessions, String command) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("karaf"));
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal("admin"));
        try {
            javax.security.auth.Subject.doAs(subject, (java.security.PrivilegedExceptionAction<Object>) () -> {
                org.apache.karaf.shell.api.console.Session session = sessions.create(
                        new java.io.ByteArrayInputStream(new byte[0]), out, out);
                try {
                    return session.execute(command);
                } finally {
                    session.close();
                }
            });
        } catch (java.security.PrivilegedActionException e) {
            throw new AssertionError("Shell command failed: " + command + ": " + e.getCause(), e.getCause());
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A bounded poll: the condition must become true within {@code seconds}. */
    protected static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            LockSupport.parkNanos(100_000_000L);
        }
        throw new AssertionError("Timed out after " + seconds + " s waiting for " + what);
    }

    /**
     * The latency of {@code call}, made {@code measured} times one after the other after {@code warmup} calls, each
     * answering 200: one line with p50, p90, p99, p99.9 and max (the HTTP benchmark drivers). No timing is asserted.
     */
    protected static String latency(String what, int warmup, int measured, java.util.function.Supplier<Reply> call) {
        for (int i = 0; i < warmup; i++) {
            Reply r = call.get();
            if (r.status() != 200) {
                throw new AssertionError(what + " answered " + r.status() + ": " + r.text());
            }
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            Reply r = call.get();
            nanos[i] = System.nanoTime() - t0;
            if (r.status() != 200) {
                throw new AssertionError(what + " answered " + r.status() + ": " + r.text());
            }
        }
        java.util.Arrays.sort(nanos);
        return String.format("%s: %d sequential calls after %d warm-up: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                + " p99.9 %.2f ms, max %.2f ms%n", what, measured, warmup, percentile(nanos, 0.50),
                percentile(nanos, 0.90), percentile(nanos, 0.99), percentile(nanos, 0.999),
                nanos[nanos.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
