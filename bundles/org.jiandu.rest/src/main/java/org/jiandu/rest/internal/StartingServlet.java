package org.jiandu.rest.internal;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.rest.ErrorBody;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers {@code /api/*} with 503 {@code STARTING} (and {@code Retry-After}) from the moment this bundle starts
 * until the real API servlet ({@link RestServer}, which waits for its database tables) takes the same pattern with a
 * higher service ranking: without it the web server answered 404 for every API path for several seconds of a
 * boot. Needs nothing but the HTTP whiteboard, so it is there early; also while the server stops.
 */
@Component(service = {}, immediate = true, configurationPid = RestServer.PID)
public final class StartingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Below the API servlet's default ranking 0, so that it shadows this one while it is registered. */
    static final int RANKING = -1000;

    private final transient ObjectMapper json = JsonSupport.newMapper();
    private final transient ServiceRegistration<Servlet> registration;

    @Activate
    public StartingServlet(BundleContext context, Map<String, Object> properties) {
        // the configuration is reported (and its problems logged) by RestServer; here only the alias matters
        String alias = ConfigReader.of(RestServer.PID, properties, RestServer.Config.class).parsed("alias",
                RestServer::alias);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, alias + "/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "jiandu-api-starting");
        props.put(Constants.SERVICE_RANKING, RANKING);
        registration = context.registerService(Servlet.class, this, props);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setStatus(503);
        res.setHeader("Retry-After", String.valueOf(ApiServlet.RETRY_AFTER_SECONDS));
        res.setContentType("application/json;charset=UTF-8");
        json.writeValue(res.getOutputStream(), ErrorBody.of(503, "STARTING", "Jiandu is starting and its API is "
                + "not served yet; retry in " + ApiServlet.RETRY_AFTER_SECONDS + " s", null));
    }
}
