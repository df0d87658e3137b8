package org.jiandu.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.jiandu.api.Roles;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.rest.RequiresRoles;

/**
 * {@code GET /api/v1/health}: each installed Jiandu component with its state (UP, DEGRADED with the reasons, DOWN)
 * and details (for a configuration: its PID and effective values), and the overall state, the worst of them.
 * Administrators and supervisors only: the reasons name configuration values and case figures.
 */
@Path("/v1/health")
public final class HealthResource {
    private final HealthRegistry registry;

    HealthResource(HealthRegistry registry) {
        this.registry = registry;
    }

    /** The answer: overall state and every component. */
    public record HealthReport(String status, List<ComponentHealthView> components) {
    }

    /** One component, as JSON. */
    public record ComponentHealthView(String component, String state, List<String> reasons,
            Map<String, Object> details) {
        static ComponentHealthView of(ComponentHealth h) {
            return new ComponentHealthView(h.component(), h.state().code(), h.reasons(), h.details());
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRoles({Roles.ADMIN, Roles.SUPERVISOR})
    public HealthReport health() {
        List<ComponentHealth> all = registry.all();
        return new HealthReport(HealthRegistry.overall(all).code(),
                all.stream().map(ComponentHealthView::of).toList());
    }
}
