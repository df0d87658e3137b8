package org.jiandu.rest.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.security.Principal;
import java.time.Clock;

import javax.servlet.ServletConfig;
import javax.servlet.ReadListener;
import javax.servlet.ServletException;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ErrorBody;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servlet at {@code /api/*}: authenticates every request (HTTP Basic against Karaf JAAS), hands it to CXF with
 * the {@link Caller} as user principal, and audits it with its final status — including requests refused before
 * they reach a resource (401, unknown paths).
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Paths that answer without credentials (nothing secret: the API description; UP/DOWN for load balancers). */
    private static final String OPENAPI_PATH = "/openapi.json";
    /** The HTTP methods the API answers; any other (TRACE, OPTIONS, PUT …) is refused with 405 and JSON. */
    static final java.util.List<String> METHODS = java.util.List.of("GET", "HEAD", "POST");

    private final transient CXFNonSpringServlet cxf;
    private final transient Authenticator authenticator;
    private final transient AuditSink audit;
    private final transient ObjectMapper json;
    private final transient Clock clock;

    ApiServlet(CXFNonSpringServlet cxf, Authenticator authenticator, AuditSink audit, ObjectMapper json, Clock clock) {
        this.cxf = cxf;
        this.authenticator = authenticator;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(CXFNonSpringServlet.class.getClassLoader());
            cxf.init(config);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Override
    public void destroy() {
        cxf.destroy();
        super.destroy();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        long start = clock.millis();
        String authorization = req.getHeader("Authorization");
        String user = null;
        String organisation = null;
        int status = 500;
        try {
            if (!METHODS.contains(req.getMethod())) {
                // TRACE would echo credentials back; OPTIONS answers nothing a client of this API needs
                res.setHeader("Allow", String.join(", ", METHODS));
                status = error(res, 405, "METHOD_NOT_ALLOWED", "The API answers " + String.join(", ", METHODS)
                        + " only; see /api/openapi.json");
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
            cxf.service(forward, res);
            status = res.getStatus();
        } finally {
            audit.record(new AuditRecord(start, user, organisation, req.getMethod(), pathOf(req), req.getQueryString(),
                    status, clock.millis() - start, req.getRemoteAddr()));
        }
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

    private int error(HttpServletResponse res, int status, String code, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=UTF-8");
        json.writeValue(res.getOutputStream(), ErrorBody.of(status, code, message, null));
        return status;
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
