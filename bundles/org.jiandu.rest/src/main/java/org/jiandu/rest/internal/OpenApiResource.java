package org.jiandu.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.jiandu.api.rest.RequiresRoles;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3.0 description generated from the JAX-RS annotations of every resource
 * currently installed, so it always matches what this runtime serves (a bundle that comes or goes changes it).
 * Each operation lists the roles allowed ({@code x-roles}). Public: it describes, it reveals no data.
 */
@Path("/")
public final class OpenApiResource {
    private final Supplier<Collection<Object>> resources;

    OpenApiResource(Supplier<Collection<Object>> resources) {
        this.resources = resources;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> openApi() {
        Map<String, Object> paths = new TreeMap<>();
        for (Object resource : resources.get()) {
            Class<?> type = resource.getClass();
            String base = pathOf(type.getAnnotation(Path.class));
            for (Method m : type.getMethods()) {
                String verb = verbOf(m);
                if (verb == null) {
                    continue;
                }
                String path = "/api" + join(base, pathOf(m.getAnnotation(Path.class)));
                @SuppressWarnings("unchecked")
                Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, k -> new TreeMap<>());
                item.put(verb, operation(type, m));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Jiandu (监督) enforcement supervision API", "version", "1",
                "description", "Implements 法〔2021〕322号. Errors: {status, code, message, field, errors[]}."));
        doc.put("servers", List.of(Map.of("url", "/")));
        doc.put("components", Map.of("securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic"))));
        doc.put("security", List.of(Map.of("basic", List.of())));
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(Class<?> type, Method m) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", type.getSimpleName() + "." + m.getName());
        RequiresRoles roles = m.getAnnotation(RequiresRoles.class);
        if (roles == null) {
            roles = type.getAnnotation(RequiresRoles.class);
        }
        op.put("x-roles", roles == null ? List.of() : Arrays.asList(roles.value()));
        List<Map<String, Object>> params = new ArrayList<>();
        boolean body = false;
        for (Parameter p : m.getParameters()) {
            PathParam pp = p.getAnnotation(PathParam.class);
            QueryParam qp = p.getAnnotation(QueryParam.class);
            if (pp != null) {
                params.add(Map.of("name", pp.value(), "in", "path", "required", true,
                        "schema", Map.of("type", "string")));
            } else if (qp != null) {
                params.add(Map.of("name", qp.value(), "in", "query", "required", false,
                        "schema", List.class.isAssignableFrom(p.getType())
                                ? Map.of("type", "array", "items", Map.of("type", "string"))
                                : Map.of("type", "string")));
            } else if (!hasJaxRsAnnotation(p)) {
                body = true;
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (body) {
            op.put("requestBody", Map.of("required", true, "content",
                    Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
        }
        op.put("responses", Map.of(
                "200", Map.of("description", "OK", "content", Map.of("application/json", Map.of())),
                "400", Map.of("description", "Invalid input: the error names the field"),
                "401", Map.of("description", "Not authenticated"),
                "403", Map.of("description", "Role or organisation does not allow this")));
        return op;
    }

    private static boolean hasJaxRsAnnotation(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a.annotationType().getPackageName().startsWith("javax.ws.rs")) {
                return true;
            }
        }
        return false;
    }

    private static String verbOf(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        if (m.isAnnotationPresent(HEAD.class)) {
            return "head";
        }
        return null;
    }

    /** The path template without parameter regexes: {@code {year: \\d{4}}} becomes {@code {year}}. */
    static String pathOf(Path p) {
        if (p == null) {
            return "";
        }
        String v = p.value();
        StringBuilder out = new StringBuilder(v.length());
        int depth = 0;
        boolean skipping = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(c);
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    skipping = false;
                    out.append(c);
                }
            } else if (depth == 1 && c == ':') {
                skipping = true;
            } else if (depth == 0 || (depth == 1 && !skipping)) {
                if (!(depth == 1 && Character.isWhitespace(c))) {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static String join(String a, String b) {
        String s = ("/" + a + "/" + b).replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
