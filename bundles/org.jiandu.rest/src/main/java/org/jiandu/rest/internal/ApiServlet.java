package org.jiandu.rest.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.security.Principal;
import java.time.Clock;
import java.util.function.BooleanSupplier;

import javax.servlet.ServletConfig;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ErrorBody;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servlet at {@code /api/*}: authenticates every request (HTTP Basic against Karaf JAAS), hands it to the
 * current CXF endpoint with the {@link Caller} as user principal, and audits it with its final status — including
 * requests refused before they reach a resource (401, unknown paths).
 * <p>
 * Until the server is {@linkplain #ready ready} (every installed resource registered) every request but liveness is
 * answered 503 {@code STARTING} with {@code Retry-After}, never a 404 for a path that exists a moment later.
 * <p>
 * The answer of a request that may change something (POST, PUT, PATCH, DELETE) is buffered; when it is 2xx its
 * audit record is {@linkplain AuditSink#recordDurably stored durably} before the first byte goes out, so an
 * acknowledged change is never missing from the audit. If the audit cannot be stored the client gets 503
 * {@code AUDIT_UNAVAILABLE} instead of the acknowledgement.
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** Paths that answer without credentials (nothing secret: the API description; UP/DOWN for load balancers). */
    private static final String OPENAPI_PATH = "/openapi.json";
    /** The HTTP methods the API answers; any other (TRACE, OPTIONS, PUT …) is refused with 405 and JSON. */
    static final java.util.List<String> METHODS = java.util.List.of("GET", "HEAD", "POST");

    /** Seconds a client is asked to wait while the server starts. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final transient EndpointSwitch cxf;
    private final transient BooleanSupplier ready;
    private final transient Authenticator authenticator;
    private final transient AuditSink audit;
    private final transient ObjectMapper json;
    private final transient Clock clock;

    ApiServlet(EndpointSwitch cxf, BooleanSupplier ready, Authenticator authenticator,
            AuditSink audit, ObjectMapper json, Clock clock) {
        this.cxf = cxf;
        this.ready = ready;
        this.authenticator = authenticator;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        cxf.init(config);
    }

    @Override
    public void destroy() {
        cxf.close();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        long start = clock.millis();
        String authorization = req.getHeader("Authorization");
        String user = null;
        String organisation = null;
        int status = 500;
        boolean audited = false;
        try {
            if (!METHODS.contains(req.getMethod())) {
                // TRACE would echo credentials back; OPTIONS answers nothing a client of this API needs
                res.setHeader("Allow", String.join(", ", METHODS));
                status = error(res, 405, "METHOD_NOT_ALLOWED", "The API answers " + String.join(", ", METHODS)
                        + " only; see /api/openapi.json");
                return;
            }
            if (!ready.getAsBoolean() && !LiveResource.PATH.equals(req.getPathInfo())) {
                status = starting(res);
                return;
            }
            if (req.getContentLengthLong() > InputLimits.MAX_BODY_BYTES) {
                status = tooLarge(res);
                return;
            }
            Caller caller = null;
            if (authorization != null) {
                try {
                    caller = authenticator.authenticate(authorization);
                } catch (Authenticator.AuthenticationFailure e) {
                    user = Authenticator.userOf(authorization);
                    status = refuse(res, e.code(), e.getMessage());
                    return;
                }
            } else if (!OPENAPI_PATH.equals(req.getPathInfo()) && !LiveResource.PATH.equals(req.getPathInfo())) {
                status = refuse(res, "NOT_AUTHENTICATED",
                        "Credentials are required: use HTTP Basic authentication with a Jiandu user");
                return;
            }
            HttpServletRequest forward = req;
            if (caller != null) {
                user = caller.user();
                organisation = caller.organisation();
                forward = new AuthenticatedRequest(req, caller);
            }
            if (hasBody(req)) {
                // read once, at most one byte above the limit: a chunked body states no length up front
                byte[] body = req.getInputStream().readNBytes(InputLimits.MAX_BODY_BYTES + 1);
                if (body.length > InputLimits.MAX_BODY_BYTES) {
                    status = tooLarge(res);
                    return;
                }
                forward = new BufferedBodyRequest(forward, body);
            }
            if (!changes(req.getMethod())) {
                status = cxf.service(forward, res) ? res.getStatus() : starting(res);
                return;
            }
            BufferedResponse buffered = new BufferedResponse(res);
            if (!cxf.service(forward, buffered)) {
                status = starting(res);
                return;
            }
            status = buffered.getStatus();
            if (status >= 200 && status < 300) {
                try {
                    audit.recordDurably(record(req, start, user, organisation, status));
                    audited = true;
                } catch (AuditSink.AuditUnavailable e) {
                    LOG.error("The audit record of {} {} ({}) could not be stored; answering 503 instead",
                            req.getMethod(), pathOf(req), status, e);
                    res.reset();
                    status = error(res, 503, "AUDIT_UNAVAILABLE", "The request was processed but its audit record "
                            + "could not be stored, so it is not acknowledged; retry it (host events are idempotent "
                            + "by hostEventId)");
                    return;
                }
            }
            buffered.commit();
        } finally {
            if (!audited) {
                audit.record(record(req, start, user, organisation, status));
            }
        }
    }

    private AuditRecord record(HttpServletRequest req, long start, String user, String organisation, int status) {
        return new AuditRecord(start, user, organisation, req.getMethod(), pathOf(req), req.getQueryString(), status,
                clock.millis() - start, req.getRemoteAddr());
    }

    /** Methods whose 2xx answers mean something changed; their audit is durable before they are answered. */
    static boolean changes(String method) {
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || "DELETE".equals(method);
    }

    private int starting(HttpServletResponse res) throws IOException {
        res.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return error(res, 503, "STARTING", "Jiandu is starting and not every endpoint is registered yet; retry in "
                + RETRY_AFTER_SECONDS + " s");
    }

    private int error(HttpServletResponse res, int status, String code, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=UTF-8");
        json.writeValue(res.getOutputStream(), ErrorBody.of(status, code, message, null));
        return status;
    }

    private static String pathOf(HttpServletRequest req) {
        String uri = req.getRequestURI();
        return uri == null ? "" : uri;
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    private int tooLarge(HttpServletResponse res) throws IOException {
        res.setHeader("Connection", "close");
        return error(res, 413, "BODY_TOO_LARGE", "A request body holds at most " + InputLimits.MAX_BODY_BYTES
                + " bytes (README, Errors); split a batch into smaller ones");
    }

    private int refuse(HttpServletResponse res, String code, String message) throws IOException {
        res.setStatus(401);
        res.setHeader("WWW-Authenticate", "Basic realm=\"jiandu\", charset=\"UTF-8\"");
        res.setContentType("application/json;charset=UTF-8");
        json.writeValue(res.getOutputStream(), ErrorBody.of(401, code, message, null));
        return 401;
    }

    /** The request with its body read into memory (within {@link InputLimits#MAX_BODY_BYTES}). */
    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(enc)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** The request as CXF sees it: the caller is the user principal; roles answer isUserInRole. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        AuthenticatedRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public String getRemoteUser() {
            return caller.user();
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.hasRole(role);
        }

        @Override
        public String getAuthType() {
            return BASIC_AUTH;
        }
    }
}
