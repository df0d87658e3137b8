package org.jiandu.rest.internal;

import java.io.IOException;

import javax.servlet.ServletConfig;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.transport.http.DestinationRegistry;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.transport.servlet.ServletController;
import org.apache.cxf.transport.servlet.servicelist.ServiceListGeneratorServlet;
import org.jiandu.api.rest.ErrorBody;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * CXF's servlet with its two HTML pages replaced: "No service was found." (a path no endpoint serves, e.g. while the
 * endpoint is rebuilt) answers the JSON error shape, and the HTML service list is not served.
 */
final class JsonCxfServlet extends CXFNonSpringServlet {
    private static final long serialVersionUID = 1L;
    private final transient ObjectMapper json;

    JsonCxfServlet(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected ServletController createServletController(ServletConfig servletConfig) {
        DestinationRegistry registry = getDestinationRegistryFromBusOrDefault(null);
        // the controller initialises this servlet with the config; the list itself is never served (hidden below)
        HttpServlet serviceList = new ServiceListGeneratorServlet(registry, getBus());
        return new JsonController(registry, servletConfig, serviceList, json);
    }

    private static final class JsonController extends ServletController {
        private final ObjectMapper json;

        JsonController(DestinationRegistry registry, ServletConfig config, HttpServlet servlet, ObjectMapper json) {
            super(registry, config, servlet);
            this.json = json;
            // the service list is an HTML page of endpoint addresses; /api/openapi.json describes the API
            this.isHideServiceList = true;
        }

        @Override
        protected void generateNotFound(HttpServletRequest request, HttpServletResponse res) throws IOException {
            res.setStatus(404);
            res.setContentType("application/json;charset=UTF-8");
            json.writeValue(res.getOutputStream(), ErrorBody.of(404, "NOT_FOUND",
                    "No such endpoint or resource; see /api/openapi.json for the endpoints", null));
        }
    }
}
