package org.jiandu.rest.internal;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.jiandu.api.health.HealthState;

/**
 * {@code GET /api/v1/health/live}, public (for load balancers): {@code {"status":"UP"}} with 200 while no component
 * is DOWN (a DEGRADED node still supervises), {@code {"status":"DOWN"}} with 503 otherwise. Tells nothing else.
 */
@Path("/v1/health/live")
public final class LiveResource {
    /** The path under the API alias, which the servlet lets through without credentials. */
    static final String PATH = "/v1/health/live";

    private final HealthRegistry registry;

    LiveResource(HealthRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response live() {
        boolean down = HealthRegistry.overall(registry.all()) == HealthState.DOWN;
        return Response.status(down ? 503 : 200).entity(Map.of("status", down ? "DOWN" : "UP")).build();
    }
}
