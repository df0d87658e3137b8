package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.Returns;
import org.junit.jupiter.api.Test;

class OpenApiResourceTest {

    @Path("v1/cases")
    @RequiresRoles("supervisor")
    static final class CaseResource {
        @GET
        @Path("{caseNumber}/timeline")
        public String timeline(@PathParam("caseNumber") String caseNumber, @Context SecurityContext security) {
            return caseNumber;
        }

        @GET
        public String list(@QueryParam("court") String court, @QueryParam("type") List<String> types) {
            return court;
        }

        @POST
        @Path("{caseNumber}/events")
        @RequiresRoles({"host-system", "admin"})
        public String ingest(@PathParam("caseNumber") String caseNumber, Map<String, Object> body,
                @HeaderParam("X-Request-Id") String requestId) {
            return caseNumber;
        }

        /** A helper without an HTTP method: not an endpoint. */
        public String helper() {
            return "";
        }
    }

    @Path("/v1/open/")
    static final class UnguardedResource {
        @GET
        @Path("/seq/{seq: [0-9]+}/")
        public String entry(@PathParam("seq") String seq) {
            return seq;
        }
    }

    private final List<Object> installed = new ArrayList<>(List.of(new CaseResource(), new UnguardedResource()));
    private final OpenApiResource resource = new OpenApiResource(() -> List.copyOf(installed));

    @SuppressWarnings("unchecked")
    private Map<String, Object> paths() {
        return (Map<String, Object>) resource.openApi().get("paths");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> operation(String path, String verb) {
        Map<String, Object> item = (Map<String, Object>) paths().get(path);
        assertTrue(item != null && item.containsKey(verb), () -> verb + " " + path + " not in " + paths().keySet());
        return (Map<String, Object>) item.get(verb);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> parameters(String path, String verb) {
        return (List<Map<String, Object>>) operation(path, verb).getOrDefault("parameters", List.of());
    }

    @Test
    void pathsAreJoinedUnderApiWithoutDoubleOrTrailingSlashes() {
        assertEquals(List.of("/api/v1/cases", "/api/v1/cases/{caseNumber}/events",
                "/api/v1/cases/{caseNumber}/timeline", "/api/v1/open/seq/{seq}"), List.copyOf(paths().keySet()));
    }

    @Test
    void documentIsOpenApiThree() {
        assertEquals("3.0.3", resource.openApi().get("openapi"));
    }

    @Test
    void pathParameterIsARequiredPathParameter() {
        assertEquals(List.of(Map.of("name", "caseNumber", "in", "path", "required", true,
                "schema", Map.of("type", "string"))), parameters("/api/v1/cases/{caseNumber}/timeline", "get"));
    }

    @Test
    void queryParametersAreOptionalQueryParametersAndListsAreArrays() {
        assertEquals(List.of(
                Map.of("name", "court", "in", "query", "required", false, "schema", Map.of("type", "string")),
                Map.of("name", "type", "in", "query", "required", false,
                        "schema", Map.of("type", "array", "items", Map.of("type", "string")))),
                parameters("/api/v1/cases", "get"));
    }

    @Test
    void unannotatedParameterIsTheRequestBody() {
        assertEquals(Map.of("required", true, "content",
                Map.of("application/json", Map.of("schema", Map.of("type", "object")))),
                operation("/api/v1/cases/{caseNumber}/events", "post").get("requestBody"));
    }

    @Test
    void contextParameterIsNoRequestBody() {
        assertFalse(operation("/api/v1/cases/{caseNumber}/timeline", "get").containsKey("requestBody"));
    }

    @Test
    void headerParameterIsNeitherListedNorTheRequestBody() {
        assertEquals(List.of("caseNumber"), parameters("/api/v1/cases/{caseNumber}/events", "post").stream()
                .map(p -> p.get("name")).toList());
    }

    @Test
    void methodRolesOverrideClassRoles() {
        assertEquals(List.of("host-system", "admin"),
                operation("/api/v1/cases/{caseNumber}/events", "post").get("x-roles"));
    }

    @Test
    void methodWithoutRolesTakesTheClassRoles() {
        assertEquals(List.of("supervisor"), operation("/api/v1/cases", "get").get("x-roles"));
    }

    @Test
    void methodWithoutAnyRoleAnnotationHasNoRoles() {
        assertEquals(List.of(), operation("/api/v1/open/seq/{seq}", "get").get("x-roles"));
    }

    @Test
    void operationIdNamesClassAndMethod() {
        assertEquals("CaseResource.list", operation("/api/v1/cases", "get").get("operationId"));
    }

    @Test
    void methodsWithoutAnHttpMethodAreNotEndpoints() {
        assertFalse(paths().toString().contains("helper"));
    }

    @Test
    void resourcesAreReadAgainForEachDocumentSoBundlesThatLeaveDisappear() {
        installed.remove(1);
        assertFalse(paths().containsKey("/api/v1/open/seq/{seq}"));
    }

    @Test
    void resourceSupplierMayBeEmpty() {
        Collection<Object> none = List.of();
        assertEquals(Map.of(), new OpenApiResource(() -> none).openApi().get("paths"));
    }

    @javax.ws.rs.Path("/v1/years/{year: \\d{4}}/{n}")
    static final class RegexPath {
    }

    @Test
    void aParameterRegexWithBracesIsDroppedFromThePath() {
        assertEquals("/v1/years/{year}/{n}", OpenApiResource.pathOf(RegexPath.class.getAnnotation(javax.ws.rs.Path.class)));
    }

    enum Level {
        LOW, HIGH
    }

    record Line(String caseNumber, long seq, Level level, java.time.Instant at, java.math.BigDecimal amount) {
    }

    record Wrapped(@com.fasterxml.jackson.annotation.JsonUnwrapped Line line, boolean duplicate) {
    }

    record Page(int count, List<Line> lines, Map<String, Object> extra) {
    }

    @Path("/v1/dto")
    static final class DtoResource {
        @GET
        public Page page() {
            return new Page(0, List.of(), Map.of());
        }

        @POST
        @Returns(value = Wrapped.class, status = {201, 200})
        public javax.ws.rs.core.Response post(Map<String, Object> body) {
            return javax.ws.rs.core.Response.ok().build();
        }

        @GET
        @Path("raw")
        public javax.ws.rs.core.Response raw() {
            return javax.ws.rs.core.Response.ok().build();
        }
    }

    private final OpenApiResource dtos = new OpenApiResource(() -> List.of(new DtoResource()));

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... keys) {
        Object v = map;
        for (String k : keys) {
            v = ((Map<String, Object>) v).get(k);
        }
        return (Map<String, Object>) v;
    }

    @Test
    void aRecordReturnedIsAReferencedSchemaWithTheFieldsJacksonWrites() {
        Map<String, Object> doc = dtos.openApi();
        assertEquals(Map.of("$ref", "#/components/schemas/Page"), at(doc, "paths", "/api/v1/dto", "get",
                "responses", "200", "content", "application/json", "schema"));
        Map<String, Object> page = at(doc, "components", "schemas", "Page", "properties");
        assertEquals(List.of("count", "lines", "extra"), List.copyOf(page.keySet()));
        assertEquals(Map.of("type", "integer", "format", "int32"), page.get("count"));
        assertEquals(Map.of("type", "array", "items", Map.of("$ref", "#/components/schemas/Line")), page.get("lines"));
        assertEquals(Map.of("type", "object"), page.get("extra"));
        Map<String, Object> line = at(doc, "components", "schemas", "Line", "properties");
        assertEquals(Map.of("type", "string", "enum", List.of("LOW", "HIGH")), line.get("level"));
        assertEquals(Map.of("type", "string", "format", "date-time"), line.get("at"));
        assertEquals(Map.of("type", "number"), line.get("amount"));
        assertEquals(Map.of("type", "integer", "format", "int64"), line.get("seq"));
    }

    @Test
    void aResponseWithReturnsIsDescribedForEachStatusWithUnwrappedMembersInlined() {
        Map<String, Object> doc = dtos.openApi();
        Map<String, Object> responses = at(doc, "paths", "/api/v1/dto", "post", "responses");
        assertTrue(responses.containsKey("201") && responses.containsKey("200"), responses::toString);
        assertEquals(Map.of("$ref", "#/components/schemas/Wrapped"),
                at(responses, "201", "content", "application/json", "schema"));
        assertEquals(List.of("caseNumber", "seq", "level", "at", "amount", "duplicate"),
                List.copyOf(at(doc, "components", "schemas", "Wrapped", "properties").keySet()));
    }

    @Test
    void aResponseWithoutReturnsHasNoSchema() {
        assertEquals(Map.of(), at(dtos.openApi(), "paths", "/api/v1/dto/raw", "get", "responses", "200", "content",
                "application/json"));
    }
}
