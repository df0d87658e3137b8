package org.jiandu.rest.internal;

import java.lang.reflect.Method;
import java.util.Arrays;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.jiandu.api.Roles;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;

/**
 * Default deny: a resource method is called only when it (or its class) declares {@link RequiresRoles} and the
 * caller holds one of those roles ({@code admin} holds every role). The server's own API description and the
 * liveness answer (UP/DOWN only) are public.
 */
final class RoleFilter implements ContainerRequestFilter {
    /** The roles of {@link RequiresRoles#ANY_COURT_USER} (admin is checked before). */
    private static final java.util.List<String> COURT_ROLES = java.util.List.of(Roles.HOST_SYSTEM,
            Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR);

    @Context
    private ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method == null || type == OpenApiResource.class || type == LiveResource.class) {
            return;
        }
        RequiresRoles required = method.getAnnotation(RequiresRoles.class);
        if (required == null) {
            required = type.getAnnotation(RequiresRoles.class);
        }
        if (required == null) {
            throw ApiException.forbidden("NO_ROLE_DECLARED", "This endpoint (" + type.getSimpleName() + "."
                    + method.getName() + ") declares no role and is therefore closed to everyone");
        }
        Caller caller = Caller.from(request.getSecurityContext().getUserPrincipal());
        if (caller.isAdmin()) {
            return;
        }
        for (String role : required.value()) {
            if (RequiresRoles.ANY_AUTHENTICATED.equals(role) || caller.hasRole(role)
                    || (RequiresRoles.ANY_COURT_USER.equals(role) && COURT_ROLES.stream().anyMatch(caller::hasRole))) {
                return;
            }
        }
        throw ApiException.forbidden("ROLE_REQUIRED", "User '" + caller.user() + "' lacks the role this needs: one of "
                + Arrays.toString(required.value()).replace(RequiresRoles.ANY_COURT_USER, "any court role"));
    }
}
