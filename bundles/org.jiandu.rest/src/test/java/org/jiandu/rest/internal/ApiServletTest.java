package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.ServletConfig;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

/**
 * The servlet's own duties around the endpoint: an acknowledged change is audited durably before a byte of its
 * answer leaves; while starting, every path answers 503 STARTING with Retry-After in the JSON error shape.
 */
class ApiServletTest {
    /** A response that commits as soon as anything is written or flushed, as Jetty may. */
    static final class FakeResponse {
        int status = 200;
        boolean committed;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                ApiServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) a[0];
                        case "getStatus" -> {
                            return status;
                        }
                        case "setHeader", "addHeader" -> headers.put((String) a[0], (String) a[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) a[0]);
                        case "getHeader" -> {
                            return headers.get((String) a[0]);
                        }
                        case "isCommitted" -> {
                            return committed;
                        }
                        case "flushBuffer" -> committed = true;
                        case "reset" -> {
                            headers.clear();
                            body.reset();
                            status = 200;
                        }
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                @Override
                                public void write(int b) {
                                    committed = true;
                                    body.write(b);
                                }

                                @Override
                                public boolean isReady() {
                                    return true;
                                }

                                @Override
                                public void setWriteListener(WriteListener l) {
                                }
                            };
                        }
                        case "getCharacterEncoding" -> {
                            return "UTF-8";
                        }
                        default -> {
                            return null;
                        }
                    }
                    return null;
                });
    }

    static HttpServletRequest request(String method, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(ApiServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> "/api" + pathInfo;
                    case "getRemoteAddr" -> "127.0.0.1";
                    // no body: the servlet reads a body only when one is announced
                    case "getContentLengthLong" -> -1L;
                    case "getContentLength" -> -1;
                    default -> null;
                });
    }

    /** Records each record with whether the client had already seen anything of the answer. */
    static final class Sink implements AuditSink {
        final List<String> seen = new ArrayList<>();
        FakeResponse response;
        boolean fail;

        @Override
        public void record(AuditRecord r) {
            seen.add("batched " + r.method() + " " + r.status() + (response.committed ? " after answer" : ""));
        }

        @Override
        public void recordDurably(AuditRecord r) {
            if (fail) {
                throw new AuditUnavailable("database gone", null);
            }
            seen.add("durable " + r.method() + " " + r.status() + (response.committed ? " after answer" : ""));
        }
    }

    /** An endpoint that answers {@code status} with a body and flushes, as CXF does. */
    static EndpointSwitch endpoint(int status) throws Exception {
        EndpointSwitch sw = new EndpointSwitch();
        sw.swap(new EndpointSwitch.Endpoint() {
            @Override
            public void init(ServletConfig config) {
            }

            @Override
            public void service(HttpServletRequest req, HttpServletResponse res) throws java.io.IOException {
                res.setStatus(status);
                res.setContentType("application/json");
                res.getOutputStream().write("{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
                res.flushBuffer();
            }

            @Override
            public void destroy() {
            }
        });
        return sw;
    }

    static ApiServlet servlet(EndpointSwitch sw, boolean ready, AuditSink sink) {
        return new ApiServlet(sw, () -> ready, new Authenticator("karaf", 0, Clock.systemUTC()), sink,
                JsonSupport.newMapper(), Clock.systemUTC());
    }

    @Test
    void anAcknowledgedChangeIsAuditedDurablyBeforeItsAnswerLeaves() throws Exception {
        Sink sink = new Sink();
        FakeResponse res = new FakeResponse();
        sink.response = res;
        servlet(endpoint(201), true, sink).service(request("POST", "/openapi.json"), res.proxy);
        assertEquals(List.of("durable POST 201"), sink.seen);
        assertEquals(201, res.status);
        assertEquals("{\"ok\":true}", res.body.toString(StandardCharsets.UTF_8));
        assertTrue(res.committed);
    }

    @Test
    void readsAndRefusedChangesStayBatched() throws Exception {
        Sink sink = new Sink();
        FakeResponse res = new FakeResponse();
        sink.response = res;
        servlet(endpoint(200), true, sink).service(request("GET", "/openapi.json"), res.proxy);
        FakeResponse refused = new FakeResponse();
        sink.response = refused;
        servlet(endpoint(400), true, sink).service(request("POST", "/openapi.json"), refused.proxy);
        assertEquals(List.of("batched GET 200 after answer", "batched POST 400 after answer"), sink.seen);
        assertEquals("{\"ok\":true}", refused.body.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aChangeWhoseAuditCannotBeStoredIsNotAcknowledged() throws Exception {
        Sink sink = new Sink();
        sink.fail = true;
        FakeResponse res = new FakeResponse();
        sink.response = res;
        servlet(endpoint(201), true, sink).service(request("POST", "/openapi.json"), res.proxy);
        assertEquals(503, res.status);
        String body = res.body.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"code\":\"AUDIT_UNAVAILABLE\""), body);
        assertFalse(body.contains("\"ok\""), body);
        assertEquals(List.of("batched POST 503 after answer"), sink.seen);
    }

    @Test
    void whileStartingEveryPathButLivenessAnswers503StartingWithRetryAfter() throws Exception {
        Sink sink = new Sink();
        FakeResponse res = new FakeResponse();
        sink.response = res;
        servlet(endpoint(200), false, sink).service(request("GET", "/v1/cases/x/timeline"), res.proxy);
        assertEquals(503, res.status);
        assertEquals(String.valueOf(ApiServlet.RETRY_AFTER_SECONDS), res.headers.get("Retry-After"));
        String body = res.body.toString(StandardCharsets.UTF_8);
        assertTrue(body.contains("\"status\":503") && body.contains("\"code\":\"STARTING\""), body);
        FakeResponse live = new FakeResponse();
        sink.response = live;
        servlet(endpoint(200), false, sink).service(request("GET", LiveResource.PATH), live.proxy);
        assertEquals(200, live.status);
    }

    @Test
    void withoutAnyEndpointYetTheAnswerIs503StartingNot404() throws Exception {
        Sink sink = new Sink();
        FakeResponse res = new FakeResponse();
        sink.response = res;
        servlet(new EndpointSwitch(), true, sink).service(request("POST", "/openapi.json"), res.proxy);
        assertEquals(503, res.status);
        assertTrue(res.body.toString(StandardCharsets.UTF_8).contains("STARTING"));
    }
}
