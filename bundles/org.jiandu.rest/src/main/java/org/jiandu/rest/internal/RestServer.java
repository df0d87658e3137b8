package org.jiandu.rest.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jiandu's single JAX-RS server. It owns a CXF bus and a servlet at {@code /api/*} of its own (registered on the HTTP
 * whiteboard), so it neither changes nor depends on the host platform's CXF servlet. Every {@link RestResource}
 * service any bundle registers is served; when one comes or goes a new endpoint (bus, server, servlet) is built with
 * the current set while the old one still serves, then swapped in ({@link EndpointSwitch}): no request sees a gap.
 * Until every installed resource is registered ({@link StartupGate}) the API answers 503 {@code STARTING}.
 */
@Component(service = HealthIndicator.class, immediate = true, configurationPid = RestServer.PID)
@Designate(ocd = RestServer.Config.class)
public class RestServer implements HealthIndicator {
    static final String PID = "org.jiandu.rest";
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);

    @ObjectClassDefinition(name = "Jiandu REST server")
    public @interface Config {
        @AttributeDefinition(description = "Servlet alias under which the API is served")
        String alias() default "/api";

        @AttributeDefinition(description = "Karaf JAAS realm that checks users and passwords")
        String realm() default "karaf";

        @AttributeDefinition(description = "Seconds a successful login is reused before JAAS is asked again (0: never)",
                min = "0", max = "3600")
        int auth_cache_seconds() default 30;

        @AttributeDefinition(description = "Seconds after the server starts at which the API answers even if an "
                + "installed resource is still not registered (it answers 503 STARTING until then)",
                min = "1", max = "3600")
        int startup_max_seconds() default 120;
    }

    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final ObjectMapper json = JsonSupport.newMapper();
    private final EndpointSwitch endpoints = new EndpointSwitch();
    private ServiceRegistration<Servlet> servletRegistration;
    private AuditLog audit;
    /** Served as {@code GET /api/v1/config-changes}: built in like the audit, so boot registers no extra resource. */
    private final ConfigChangeLog configChanges;
    private volatile boolean active;
    private final ConfigReport configReport;
    private final HealthRegistry health;
    /** The court directory scoping is decided with, when one is installed (jiandu-core installs one). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.jiandu.api.court.CourtDirectory courts;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addResource(RestResource resource, Map<String, Object> properties) {
        resources.add(resource);
        ids.put(resource, (Long) properties.get(Constants.SERVICE_ID));
        rebuildIfActive();
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        ids.remove(resource);
        rebuildIfActive();
    }

    /** The service ids of the resources the current endpoint serves. */
    private volatile Set<Long> served = Set.of();
    private final Map<RestResource, Long> ids = new ConcurrentHashMap<>();

    @Activate
    public RestServer(BundleContext context, Map<String, Object> properties, @Reference AuditLog audit,
            @Reference HealthRegistry health, @Reference ServiceComponentRuntime scr,
            @Reference ConfigChangeLog configChanges) {
        this.configChanges = configChanges;
        this.health = health;
        ConfigReader r = ConfigReader.of(PID, properties, Config.class);
        String alias = r.parsed("alias", RestServer::alias);
        String realm = r.parsed("realm", RestServer::realm);
        int cacheSeconds = r.integer("auth.cache.seconds", 0, 3600, "");
        int startupMaxSeconds = r.integer("startup.max.seconds", 1, 3600, "");
        configReport = r.report();
        for (String problem : configReport.messages()) {
            LOG.error("{}", problem);
        }
        // the audit records true wall-clock time, whatever time the rules are evaluated at
        Clock clock = Clock.systemUTC();
        this.audit = audit;
        Authenticator authenticator = new Authenticator(realm, cacheSeconds * 1000L, clock, () -> courts);
        StartupGate gate = new StartupGate(StartupGate.osgi(context, scr, () -> served), clock,
                startupMaxSeconds * 1000L);
        ApiServlet servlet = new ApiServlet(endpoints, gate, authenticator, audit, json, clock);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, alias + "/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "jiandu-api");
        synchronized (lock) {
            active = true;
            rebuild();
        }
        servletRegistration = context.registerService(Servlet.class, servlet, props);
        LOG.info("Jiandu REST API served at {} with {} resource(s)", alias, resources.size());
    }

    /** A servlet alias: {@code /} and a path without a trailing {@code /}, e.g. {@code /api}. */
    static String alias(String s) {
        if (!s.matches("/[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
            throw new IllegalArgumentException("is not a servlet alias such as /api");
        }
        return s;
    }

    /** A JAAS realm name. */
    static String realm(String s) {
        if (s.isBlank() || !s.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("is not a JAAS realm name such as karaf");
        }
        return s;
    }

    /** The REST server's health: its configuration, as component {@code jiandu.rest}. */
    @Override
    public List<ComponentHealth> health() {
        return List.of(configReport.health("jiandu.rest", List.of(), Map.of("resources", resources.size())));
    }

    @Deactivate
    void deactivate() {
        synchronized (lock) {
            active = false;
            if (servletRegistration != null) {
                servletRegistration.unregister();
            }
            endpoints.close();
        }
    }

    private void rebuildIfActive() {
        synchronized (lock) {
            if (active) {
                rebuild();
            }
        }
    }

    private void rebuild() {
        List<Object> beans = new ArrayList<>(resources);
        Set<Long> servedNow = new HashSet<>();
        for (RestResource r : resources) {
            Long id = ids.get(r);
            if (id != null) {
                servedNow.add(id);
            }
        }
        beans.add(new AuditResource(audit));
        beans.add(new ConfigChangeResource(configChanges));
        beans.add(new HealthResource(health));
        beans.add(new LiveResource(health));
        beans.add(new OpenApiResource(this::currentResources));
        try {
            endpoints.swap(CxfEndpoint.create(beans, List.of(new LimitedJsonProvider(json), new RoleFilter(),
                    new ErrorMapper()), json));
        } catch (ServletException e) {
            // the previous endpoint keeps serving
            LOG.error("The REST endpoint with {} resources could not be started; the previous one still serves",
                    beans.size(), e);
            return;
        }
        served = Set.copyOf(servedNow);
        LOG.debug("REST endpoint rebuilt with {} resources", beans.size());
    }

    /** One CXF server with a bus and a servlet of its own, so that it can live next to its successor. */
    static final class CxfEndpoint implements EndpointSwitch.Endpoint {
        private final Bus bus;
        private final Server server;
        private final CXFNonSpringServlet servlet;
        private volatile boolean initialised;

        private CxfEndpoint(Bus bus, Server server, CXFNonSpringServlet servlet) {
            this.bus = bus;
            this.server = server;
            this.servlet = servlet;
        }

        static CxfEndpoint create(List<Object> beans, List<Object> providers, ObjectMapper json) {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            try {
                Thread.currentThread().setContextClassLoader(CXFBusFactory.class.getClassLoader());
                Bus bus = new CXFBusFactory().createBus();
                // a destination registry of this bus alone: under OSGi the buses share CXF's, where a second server
                // at "/" is refused while the first one still runs, and destroying the first would remove both
                HTTPTransportFactory http = new HTTPTransportFactory(new DestinationRegistryImpl());
                DestinationFactoryManager destinations = bus.getExtension(DestinationFactoryManager.class);
                for (String namespace : HTTPTransportFactory.DEFAULT_NAMESPACES) {
                    destinations.registerDestinationFactory(namespace, http);
                }
                JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
                factory.setBus(bus);
                factory.setAddress("/");
                factory.setServiceBeans(beans);
                factory.setProviders(providers);
                Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
                Server server = factory.create();
                // CXF's own HTML (404 "No service was found", the service list) answered as JSON
                CXFNonSpringServlet servlet = new JsonCxfServlet(json);
                servlet.setBus(bus);
                return new CxfEndpoint(bus, server, servlet);
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }

        @Override
        public void init(ServletConfig config) throws ServletException {
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            try {
                Thread.currentThread().setContextClassLoader(CXFNonSpringServlet.class.getClassLoader());
                servlet.init(config);
                initialised = true;
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
        }

        @Override
        public void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
            servlet.service(req, res);
        }

        @Override
        public void destroy() {
            try {
                server.destroy();
                // an endpoint replaced before it served a request was never initialised: CXF's servlet then has no
                // destination registry and its destroy() throws
                if (initialised) {
                    servlet.destroy();
                }
            } finally {
                bus.shutdown(true);
            }
        }
    }

    private Collection<Object> currentResources() {
        List<Object> all = new ArrayList<>(resources);
        all.add(new AuditResource(audit));
        all.add(new ConfigChangeResource(configChanges));
        all.add(new HealthResource(health));
        all.add(new LiveResource(health));
        return all;
    }
}
