package org.jiandu.api.rest;

/**
 * Marker for JAX-RS resources served by Jiandu's single REST server under {@code /api}.
 *
 * <p>To add endpoints, an integrator registers a DS component whose class carries JAX-RS annotations
 * ({@code @Path}, {@code @GET} …) under this interface: {@code @Component(service = RestResource.class)}. The REST
 * bundle picks it up while running and drops it when the bundle stops; no CXF type is needed.
 *
 * <p>Contract: every resource method must declare who may call it with {@link RequiresRoles}; a method without
 * it is refused with 403 (default deny). Methods run on the HTTP request thread. Throw {@link ApiException} (or
 * {@link org.jiandu.api.ValidationException}) for errors: the server turns them into the standard JSON error body.
 * Read the caller's identity by injecting {@code @Context SecurityContext} and calling
 * {@link Caller#from(java.security.Principal)} on its user principal.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface RestResource {
}
