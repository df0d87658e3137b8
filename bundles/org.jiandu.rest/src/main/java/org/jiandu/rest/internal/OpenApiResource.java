package org.jiandu.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
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
import javax.ws.rs.core.Response;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.Returns;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * {@code GET /api/openapi.json}: an OpenAPI 3.0 description generated from the JAX-RS annotations of every resource
 * currently installed, so it always matches what this runtime serves (a bundle that comes or goes changes it).
 * Each operation lists the roles allowed ({@code x-roles}) and describes its success body by the method's return
 * type (or {@link Returns} on a method answering a {@code Response}): DTO records and API types become
 * {@code components.schemas}, read with the REST server's own Jackson configuration ({@link JsonSupport}), so a
 * schema names exactly the fields the server writes. Public: it describes, it reveals no data.
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
        Schemas schemas = new Schemas();
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
                item.put(verb, operation(type, m, schemas));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Jiandu (监督) enforcement supervision API", "version", "1",
                "description", "Implements 法〔2021〕322号. Errors: {status, code, message, field, errors[]}."));
        doc.put("servers", List.of(Map.of("url", "/")));
        doc.put("components", Map.of("securitySchemes", Map.of("basic", Map.of("type", "http", "scheme", "basic")),
                "schemas", schemas.components()));
        doc.put("security", List.of(Map.of("basic", List.of())));
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(Class<?> type, Method m, Schemas schemas) {
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
        Map<String, Object> responses = new TreeMap<>();
        Returns returns = m.getAnnotation(Returns.class);
        Type answered = returns != null ? returns.value()
                : Response.class.isAssignableFrom(m.getReturnType()) ? null : m.getGenericReturnType();
        Map<String, Object> content = Map.of("application/json", answered == null ? Map.of()
                : Map.of("schema", schemas.of(answered)));
        for (int status : returns == null ? new int[] {200} : returns.status()) {
            responses.put(String.valueOf(status), Map.of("description", status == 201 ? "Created" : "OK",
                    "content", content));
        }
        responses.put("400", Map.of("description", "Invalid input: the error names the field"));
        responses.put("401", Map.of("description", "Not authenticated"));
        responses.put("403", Map.of("description", "Role or organisation does not allow this"));
        op.put("responses", responses);
        return op;
    }

    /**
     * JSON schemas of response bodies, collected into {@code components.schemas} while the document is built. The
     * properties of a record or bean are those Jackson writes with the server's mapper (names, {@code
     * @JsonUnwrapped} members inlined); the API's value types written as strings ({@link CaseNumber}) or objects
     * ({@link Payload}) by {@link JsonSupport} are described as such.
     */
    static final class Schemas {
        private static final ObjectMapper MAPPER = JsonSupport.newMapper();
        private final Map<String, Object> components = new TreeMap<>();
        private final Map<Class<?>, String> names = new LinkedHashMap<>();

        Map<String, Object> components() {
            return components;
        }

        Map<String, Object> of(Type type) {
            return of(MAPPER.constructType(type));
        }

        private Map<String, Object> of(JavaType t) {
            Class<?> c = t.getRawClass();
            if (c == String.class || c == CaseNumber.class || CharSequence.class.isAssignableFrom(c)
                    || c == Character.class || c == char.class) {
                return Map.of("type", "string");
            }
            if (c == boolean.class || c == Boolean.class) {
                return Map.of("type", "boolean");
            }
            if (c == int.class || c == Integer.class || c == short.class || c == Short.class || c == byte.class
                    || c == Byte.class) {
                return Map.of("type", "integer", "format", "int32");
            }
            if (c == long.class || c == Long.class || c == BigInteger.class) {
                return Map.of("type", "integer", "format", "int64");
            }
            if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class) {
                return Map.of("type", "number");
            }
            if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
                return Map.of("type", "string", "format", "date-time");
            }
            if (c == LocalDate.class) {
                return Map.of("type", "string", "format", "date");
            }
            if (c.isEnum()) {
                List<String> values = new ArrayList<>();
                for (Object constant : c.getEnumConstants()) {
                    values.add(((Enum<?>) constant).name());
                }
                return hasJsonValue(c) ? Map.of("type", "string") : Map.of("type", "string", "enum", values);
            }
            if (t.isArrayType() || t.isCollectionLikeType()) {
                return Map.of("type", "array", "items", of(t.getContentType()));
            }
            if (t.isMapLikeType() || c == Payload.class || c == Object.class || JsonNode.class.isAssignableFrom(c)
                    || c.isInterface() || c.getName().startsWith("java.")) {
                return Map.of("type", "object");
            }
            return Map.of("$ref", "#/components/schemas/" + component(t));
        }

        private String component(JavaType t) {
            Class<?> c = t.getRawClass();
            String known = names.get(c);
            if (known != null) {
                return known;
            }
            String name = c.getSimpleName();
            if (names.containsValue(name)) {
                name = c.getName().replace('$', '.');
            }
            names.put(c, name);
            Map<String, Object> properties = new LinkedHashMap<>();
            // the placeholder is replaced below; a type that refers to itself finds its name already taken
            components.put(name, Map.of());
            properties(t, properties);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            components.put(name, schema);
            return name;
        }

        private void properties(JavaType t, Map<String, Object> out) {
            BeanDescription bean = MAPPER.getSerializationConfig().introspect(t);
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (!p.couldSerialize() || p.getAccessor() == null) {
                    continue;
                }
                JavaType pt = p.getAccessor().getType();
                if (p.getAccessor().hasAnnotation(JsonUnwrapped.class)
                        || p.getField() != null && p.getField().hasAnnotation(JsonUnwrapped.class)) {
                    properties(pt, out);
                } else {
                    out.put(p.getName(), of(pt));
                }
            }
        }

        private static boolean hasJsonValue(Class<?> c) {
            for (Method m : c.getMethods()) {
                if (m.isAnnotationPresent(JsonValue.class)) {
                    return true;
                }
            }
            return false;
        }
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
