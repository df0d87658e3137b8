package org.jiandu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The benchmark's HTTP client: {@link HttpURLConnection} with keep-alive, blocking, one request per call.
 *
 * <p>Not {@code java.net.http.HttpClient}: on this 2-core machine the load generator shares the CPU with Karaf, and
 * HttpClient measured about 0.5 ms of client CPU per small POST against 0.17 ms for HttpURLConnection (8 threads,
 * same server), which would have taken a third of a core away from the server at 2,000 requests/s.
 */
final class Http {
    record Response(int status, String body) {
    }

    private Http() {
    }

    /** Keep-alive cache size: at least one idle connection per client thread (the JDK default keeps 5). */
    static void configure(int connections) {
        System.setProperty("http.maxConnections", String.valueOf(Math.max(5, connections)));
        System.setProperty("http.keepAlive", "true");
    }

    static Response get(URI uri, String authorization, Duration timeout) throws IOException {
        return send("GET", uri, authorization, null, timeout);
    }

    static Response post(URI uri, String authorization, String json, Duration timeout) throws IOException {
        return send("POST", uri, authorization, json, timeout);
    }

    private static Response send(String method, URI uri, String authorization, String json, Duration timeout)
            throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        c.setConnectTimeout(5000);
        c.setReadTimeout((int) timeout.toMillis());
        c.setUseCaches(false);
        c.setRequestMethod(method);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        if (json != null) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        // read the whole body (also of errors) so that the connection goes back to the keep-alive cache
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
