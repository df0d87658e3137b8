package org.jiandu.rest.internal;

import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.apache.felix.hc.api.ResultLog;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Publishes every {@link HealthIndicator} as an Apache Felix Health Check ({@code HealthCheck} service tagged
 * {@value #TAG}), so that Karaf's native tooling sees what {@code /api/v1/health} sees: {@code hc:exec jiandu} in the
 * shell, the Felix health servlet when configured, the web console. UP is OK, DEGRADED is WARN (one log entry per
 * reason), DOWN is CRITICAL.
 */
@Component(immediate = true)
public class FelixHealthChecks {
    /** The Felix HC tag of every Jiandu health check. */
    static final String TAG = "jiandu";

    private final BundleContext context;
    private final Map<HealthIndicator, ServiceRegistration<HealthCheck>> registered = new ConcurrentHashMap<>();
    private volatile boolean active;

    @Activate
    public FelixHealthChecks(BundleContext context) {
        this.context = context;
        this.active = true;
    }

    @Deactivate
    void deactivate() {
        active = false;
        registered.values().forEach(ServiceRegistration::unregister);
        registered.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeIndicator")
    void addIndicator(HealthIndicator indicator, Map<String, Object> properties) {
        String source = HealthRegistry.sourceOf(properties);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(HealthCheck.NAME, "Jiandu " + source);
        props.put(HealthCheck.TAGS, new String[] {TAG});
        HealthCheck check = () -> result(HealthRegistry.ask(indicator, source));
        registered.put(indicator, context.registerService(HealthCheck.class, check, props));
    }

    void removeIndicator(HealthIndicator indicator) {
        ServiceRegistration<HealthCheck> r = registered.remove(indicator);
        if (r != null && active) {
            r.unregister();
        }
    }

    static Result result(List<ComponentHealth> health) {
        ResultLog log = new ResultLog();
        for (ComponentHealth h : health) {
            switch (h.state()) {
                case UP -> log.add(new ResultLog.Entry(Result.Status.OK, h.component() + ": UP"));
                case DEGRADED -> {
                    for (String reason : h.reasons()) {
                        log.add(new ResultLog.Entry(Result.Status.WARN, h.component() + ": " + reason));
                    }
                }
                case DOWN -> {
                    for (String reason : h.reasons().isEmpty() ? List.of("DOWN") : h.reasons()) {
                        log.add(new ResultLog.Entry(Result.Status.CRITICAL, h.component() + ": " + reason));
                    }
                }
            }
        }
        return new Result(log);
    }
}
