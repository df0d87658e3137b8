package org.jiandu.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Every {@link HealthIndicator} service, asked on the caller's thread: the one source of {@code GET /api/v1/health},
 * {@code /api/v1/health/live}, {@code jiandu:health} and the Felix Health Check bridge. An indicator that throws is
 * reported DOWN with the error (its contract makes that a defect of the indicator), never hidden.
 */
@Component(service = HealthRegistry.class)
public class HealthRegistry {
    /** A registered indicator and the name of the component that registered it. */
    record Registered(HealthIndicator indicator, String source) {
    }

    private final List<Registered> indicators = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeIndicator")
    void addIndicator(HealthIndicator indicator, Map<String, Object> properties) {
        indicators.add(new Registered(indicator, sourceOf(properties)));
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.removeIf(r -> r.indicator() == indicator);
    }

    static String sourceOf(Map<String, Object> properties) {
        Object name = properties.get("component.name");
        return name != null ? String.valueOf(name) : "service " + properties.get("service.id");
    }

    /** The health of every component, sorted by name. */
    public List<ComponentHealth> all() {
        List<ComponentHealth> out = new ArrayList<>();
        for (Registered r : indicators) {
            out.addAll(ask(r.indicator(), r.source()));
        }
        out.sort(Comparator.comparing(ComponentHealth::component));
        return out;
    }

    /** What one indicator answers; DOWN with the error when it throws or answers nothing usable. */
    static List<ComponentHealth> ask(HealthIndicator indicator, String source) {
        try {
            List<ComponentHealth> h = indicator.health();
            if (h == null) {
                return List.of(new ComponentHealth(source, HealthState.DOWN,
                        List.of("The health indicator answered null"), Map.of()));
            }
            return h;
        } catch (RuntimeException e) {
            return List.of(new ComponentHealth(source, HealthState.DOWN,
                    List.of("The health indicator failed: " + e), Map.of()));
        }
    }

    /** The worst state of {@code components}; UP when there are none. */
    public static HealthState overall(List<ComponentHealth> components) {
        HealthState s = HealthState.UP;
        for (ComponentHealth c : components) {
            s = s.worst(c.state());
        }
        return s;
    }

    /** The registered indicators (the Felix bridge registers one health check per indicator). */
    List<Registered> indicators() {
        return List.copyOf(indicators);
    }
}
