package org.jiandu.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.Roles;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;

/**
 * {@code GET /api/v1/audit}: the request audit, newest first, for administrators and inspectors, scoped like every
 * other view: an inspector sees the requests of users of the organisations their own covers (an inspector of 京 those
 * of 京 courts); only admin sees every organisation and the unauthenticated requests (failed logins).
 */
@Path("/v1/audit")
public final class AuditResource {
    private final AuditLog audit;

    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRoles({Roles.ADMIN, Roles.INSPECTOR})
    public AuditDtos.AuditPageDto search(@QueryParam("user") String user, @QueryParam("path") String path,
            @QueryParam("status") String status, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        int max = 100;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > 1000) {
                throw ApiException.badRequest("INVALID_LIMIT", "limit", "limit must be a whole number from 1 to 1000");
            }
        }
        Integer st = null;
        if (status != null) {
            try {
                st = Integer.valueOf(status);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("INVALID_STATUS", "status", "status must be an HTTP status code");
            }
        }
        Caller caller = Caller.from(security.getUserPrincipal());
        return AuditDtos.AuditPageDto.of(audit.search(user, path, st, max, CourtScope.forCaller(caller),
                caller.isAdmin()));
    }
}
