package org.jiandu.rest.internal;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.jiandu.api.rest.ErrorBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.HttpServiceRuntimeConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON error shape ({@link ErrorBody}) for what Jetty refuses before any servlet sees it: a request line or URI
 * that does not parse (400, e.g. {@code %00} or a bad escape in the path), an overlong URI (414), headers above the
 * limit (431), Jetty's own error pages under {@code /api}, and the methods the API does not answer (TRACE, OPTIONS:
 * 405, which Jetty would answer with an empty body). Without this, Jetty answers those with HTML or nothing.
 * <p>
 * Pax Web 8 applies every {@link HttpConfiguration.Customizer} service to its connectors live (registering a Jetty
 * {@code Handler} service instead would restart the HTTP server), and a customizer sees the {@link Server} of each
 * request: on the first request it sets the server's error handler to {@link JsonErrorHandler}. So that this does
 * not wait for a client's first request, activation sends one {@code HEAD /api/v1/health/live} to the HTTP
 * endpoint the HTTP runtime advertises. The same customizer answers a method other than GET, HEAD and POST under
 * {@code /api} itself (a customizer may handle a request, and then Jetty goes no further).
 * <p>
 * The customizer is registered only while the HTTP runtime is there (a mandatory reference): Pax Web's Jetty bundle,
 * restarted by a feature installation, adds every customizer service it finds while it starts, before its server
 * controller exists, and failed to start with a NullPointerException when this one was already registered.
 */
@Component(service = HttpConfiguration.Customizer.class, immediate = true)
public class JettyJsonErrors implements HttpConfiguration.Customizer {
    private static final Logger LOG = LoggerFactory.getLogger(JettyJsonErrors.class);
    static final String API = "/api";

    private final ObjectMapper json = JsonSupport.newMapper();
    private final ExecutorService primer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "jiandu-rest-error-pages");
        t.setDaemon(true);
        return t;
    });
    private final java.util.Set<Server> installed = java.util.Collections
            .newSetFromMap(java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()));

    @Activate
    public JettyJsonErrors(@org.osgi.service.component.annotations.Reference HttpServiceRuntime runtime) {
        if (runtime != null) {
            Object endpoints;
            try {
                endpoints = runtime.getRuntimeDTO().serviceDTO.properties
                        .get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT);
            } catch (RuntimeException e) {
                // the runtime is still starting: the first client request installs the error handler instead
                LOG.info("Jiandu REST: the HTTP runtime could not describe its endpoint yet ({}); Jetty's own refusals"
                        + " answer JSON from the first request on", e.toString());
                return;
            }
            String endpoint = first(endpoints);
            if (endpoint != null) {
                primer.execute(() -> prime(endpoint));
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        primer.shutdownNow();
        primer.awaitTermination(5, TimeUnit.SECONDS);
        synchronized (installed) {
            for (Server s : installed) {
                if (s.getErrorHandler() instanceof JsonErrorHandler) {
                    s.setErrorHandler(new ErrorHandler());
                }
            }
            installed.clear();
        }
    }

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        installOn(connector.getServer());
        String uri = request.getRequestURI();
        if (uri != null && (uri.equals(API) || uri.startsWith(API + "/"))
                && !ApiServlet.METHODS.contains(request.getMethod())) {
            // Jetty answers TRACE and OPTIONS itself with an empty body before any servlet sees them
            refuseMethod(request);
        }
    }

    private void refuseMethod(Request request) {
        org.eclipse.jetty.server.Response response = request.getResponse();
        try {
            byte[] body = json.writeValueAsBytes(ErrorBody.of(405, "METHOD_NOT_ALLOWED", "The API answers "
                    + String.join(", ", ApiServlet.METHODS) + " only; see /api/openapi.json", null));
            response.setStatus(405);
            response.setHeader("Allow", String.join(", ", ApiServlet.METHODS));
            response.setContentType("application/json;charset=UTF-8");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            request.setHandled(true);
        } catch (IOException e) {
            // the client went away while we answered; Jetty closes the connection
            LOG.debug("Could not answer {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            request.setHandled(true);
        }
    }

    private void installOn(Server server) {
        if (server != null && !installed.contains(server)) {
            synchronized (installed) {
                if (installed.add(server)) {
                    JsonErrorHandler handler = new JsonErrorHandler(json);
                    server.setErrorHandler(handler);
                    LOG.debug("Jetty's error handler answers the JSON error shape");
                }
            }
        }
    }

    private static String first(Object endpoints) {
        if (endpoints instanceof String s) {
            return s;
        }
        if (endpoints instanceof String[] a && a.length > 0) {
            return a[0];
        }
        if (endpoints instanceof Collection<?> c && !c.isEmpty()) {
            return String.valueOf(c.iterator().next());
        }
        return null;
    }

    /** One request through a connector, so the customizer sees the server before any client does. */
    private static void prime(String endpoint) {
        String base = endpoint.replace("://0.0.0.0:", "://127.0.0.1:").replace("://[::]:", "://127.0.0.1:");
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        for (int attempt = 0; attempt < 5 && !Thread.currentThread().isInterrupted(); attempt++) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(base + API + LiveResource.PATH).toURL()
                        .openConnection();
                c.setRequestMethod("HEAD");
                c.setConnectTimeout(2000);
                c.setReadTimeout(5000);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException | IllegalArgumentException e) {
                LOG.debug("Priming request to {} failed (attempt {}): {}", base, attempt + 1, e.toString());
                try {
                    TimeUnit.SECONDS.sleep(1L << attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        LOG.info("No request reached {} yet; Jetty's own error pages stay HTML until the first request", base);
    }

    /** Jetty's error handler, answering {@link ErrorBody} JSON for bad messages and for every path under /api. */
    static final class JsonErrorHandler extends ErrorHandler {
        private final ObjectMapper json;

        JsonErrorHandler(ObjectMapper json) {
            this.json = json;
            setShowStacks(false);
            setShowServlet(false);
        }

        /** A request Jetty could not parse: no path is known, so the answer is JSON whatever was asked. */
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
            return ByteBuffer.wrap(bytes(body(status, reason)));
        }

        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                HttpServletResponse response, int code, String message) throws IOException {
            String uri = request.getRequestURI();
            if (uri != null && !(uri.equals(API) || uri.startsWith(API + "/"))) {
                super.generateAcceptableResponse(baseRequest, request, response, code, message);
                return;
            }
            baseRequest.setHandled(true);
            response.setContentType("application/json;charset=UTF-8");
            byte[] b = bytes(body(code, message));
            response.setContentLength(b.length);
            response.getOutputStream().write(b);
        }

        private byte[] bytes(ErrorBody body) {
            try {
                return json.writeValueAsBytes(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // an ErrorBody of strings and an int always serialises; keep the answer JSON regardless
                return ("{\"status\":" + body.status() + ",\"code\":\"" + body.code() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
        }

        static ErrorBody body(int status, String reason) {
            String code = switch (status) {
                case 400 -> "MALFORMED_REQUEST";
                case 404 -> "NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 408 -> "REQUEST_TIMEOUT";
                case 413 -> "BODY_TOO_LARGE";
                case 414 -> "URI_TOO_LONG";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                case 431 -> "HEADERS_TOO_LARGE";
                case 503 -> "UNAVAILABLE";
                default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
            };
            String message = switch (status) {
                case 400 -> "The request could not be read (request line, URI or headers are malformed"
                        + (reason == null ? "" : ": " + reason) + ")";
                case 414 -> "The URI is longer than the server accepts; send long values in a POST body";
                case 431 -> "The request headers are larger than the server accepts";
                default -> reason == null || reason.isBlank() ? "HTTP " + status : reason;
            };
            return ErrorBody.of(status, code, message, null);
        }
    }
}
