package org.jiandu.rest.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
 * service any bundle registers is served; when one comes or goes the endpoint is rebuilt with the current set.
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
    }

    private final List<RestResource> resources = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private final ObjectMapper json = JsonSupport.newMapper();
    private Bus bus;
    private Server server;
    private ServiceRegistration<Servlet> servletRegistration;
    private AuditLog audit;
    private volatile boolean active;
    private final ConfigReport configReport;
    private final HealthRegistry health;
    /** The court directory scoping is decided with, when one is installed (jiandu-core installs one). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.jiandu.api.court.CourtDirectory courts;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addResource(RestResource resource) {
        resources.add(resource);
        rebuildIfActive();
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        rebuildIfActive();
    }

    @Activate
    public RestServer(BundleContext context, Map<String, Object> properties, @Reference AuditLog audit,
            @Reference HealthRegistry health) {
        this.health = health;
        ConfigReader r = ConfigReader.of(PID, properties, Config.class);
        String alias = r.parsed("alias", RestServer::alias);
        String realm = r.parsed("realm", RestServer::realm);
        int cacheSeconds = r.integer("auth.cache.seconds", 0, 3600, "");
        configReport = r.report();
        for (String problem : configReport.messages()) {
            LOG.error("{}", problem);
        }
        // the audit records true wall-clock time, whatever time the rules are evaluated at
        Clock clock = Clock.systemUTC();
        this.audit = audit;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(CXFBusFactory.class.getClassLoader());
            bus = new CXFBusFactory().createBus();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        CXFNonSpringServlet cxf = new JsonCxfServlet(json);
        cxf.setBus(bus);
        Authenticator authenticator = new Authenticator(realm, cacheSeconds * 1000L, clock, () -> courts);
        ApiServlet servlet = new ApiServlet(cxf, authenticator, audit, json, clock);
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
            if (server != null) {
                server.destroy();
                server = null;
            }
            bus.shutdown(true);
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
        if (server != null) {
            server.destroy();
            server = null;
        }
        List<Object> beans = new ArrayList<>(resources);
        beans.add(new AuditResource(audit));
        beans.add(new HealthResource(health));
        beans.add(new LiveResource(health));
        beans.add(new OpenApiResource(this::currentResources));
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        factory.setServiceBeans(beans);
        factory.setProviders(List.of(new LimitedJsonProvider(json), new RoleFilter(), new ErrorMapper()));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try {
            Thread.currentThread().setContextClassLoader(JAXRSServerFactoryBean.class.getClassLoader());
            server = factory.create();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.debug("REST endpoint rebuilt with {} resources", beans.size());
    }

    private Collection<Object> currentResources() {
        List<Object> all = new ArrayList<>(resources);
        all.add(new AuditResource(audit));
        all.add(new HealthResource(health));
        all.add(new LiveResource(health));
        return all;
    }
}
