package org.jiandu.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.GuardRegistry;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.RecordedCheck;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.mask.RevealAudit;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/guard/check}: "may I?" before an operation (Art. 12, 违规操作自动拦截). Body:
 * {@code {"operationType":"FREEZE","caseNumber":"（2024）京0105执1234号","details":{…}}}. Answers the combined
 * decision and each guard's verdict; with no guard installed, ALLOW with {@code guardsConsulted = 0} and a note.
 */
@Component(service = RestResource.class)
@Path("/v1/guard")
@Produces(MediaType.APPLICATION_JSON)
public class GuardResource implements RestResource {
    static final java.util.regex.Pattern OPERATION = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private final GuardRegistry registry;
    private final MaskingPolicy masking;
    private final RevealAudit audit;

    @Activate
    public GuardResource(@Reference GuardRegistry registry, @Reference MaskingPolicy masking,
            @Reference RevealAudit audit) {
        this.registry = registry;
        this.masking = masking;
        this.audit = audit;
    }

    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRoles({Roles.HOST_SYSTEM, Roles.COURT_OFFICER})
    public GuardDtos.GuardCheckDto check(JsonNode body, @Context SecurityContext security) {
        Caller caller = Caller.from(security.getUserPrincipal());
        if (body == null || !body.isObject()) {
            throw new ValidationException("MISSING_BODY", null,
                    "Send {\"operationType\":…, \"caseNumber\":…, \"details\":{…}}");
        }
        JsonNode typeNode = first(body, "operationType", "type", "operation");
        if (typeNode == null || !typeNode.isTextual() || !OPERATION.matcher(typeNode.asText()).matches()) {
            throw new ValidationException(typeNode == null ? "MISSING_FIELD" : "INVALID_FIELD", "operationType",
                    "operationType is required: a name such as TERMINATE_ROUND, FREEZE, DISBURSE");
        }
        JsonNode cnNode = body.get("caseNumber");
        if (cnNode == null || !cnNode.isTextual()) {
            throw new ValidationException("MISSING_FIELD", "caseNumber", "caseNumber is required");
        }
        CaseNumber cn = CaseNumber.parse(cnNode.asText(), "caseNumber");
        caller.requireCovers(cn, "caseNumber");
        JsonNode details = body.get("details");
        if (details != null && !details.isNull() && !details.isObject()) {
            throw new ValidationException("INVALID_FIELD", "details", "details must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = details == null || details.isNull() ? Map.of()
                : (Map<String, Object>) EventValidator.plain(EventParser.plain(details), "details");
        GuardCheck check = registry.check(new Operation(typeNode.asText(), cn, Payload.of(map), caller));
        return GuardDtos.GuardCheckDto.of(check, masking);
    }

    /**
     * The case's recorded checks, newest first: details and verdict figures that hold accounts
     * ({@link OperationTypes#SENSITIVE_DETAILS}) masked as in the answer of the check itself;
     * {@code ?reveal=true&reason=…} shows the details in full (audited), as {@code GET …/timeline} does.
     */
    @GET
    @Path("checks/{caseNumber}")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public GuardDtos.GuardHistoryDto checks(@PathParam("caseNumber") String caseNumber, @QueryParam("limit") String limit,
            @QueryParam("reveal") String reveal, @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        boolean revealing = Reveals.requested(reveal, reason, caller, cn, masking);
        int max = GuardRegistry.MAX_HISTORY;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = 0;
            }
            if (max < 1 || max > GuardRegistry.MAX_HISTORY) {
                throw new ValidationException("INVALID_LIMIT", "limit", "limit must be a whole number from 1 to 100");
            }
        }
        List<RecordedCheck> history = registry.history(cn, max);
        if (!revealing) {
            return GuardDtos.GuardHistoryDto.of(cn, history, masking);
        }
        List<String> revealed = new ArrayList<>();
        for (RecordedCheck c : history) {
            c.details().asMap().keySet().stream().filter(OperationTypes.SENSITIVE_DETAILS::containsKey).sorted()
                    .forEach(k -> revealed.add("check " + c.checkId() + ": details." + k));
        }
        Reveals.record(audit, caller, cn, "/api/v1/guard/checks/" + cn.canonical(), revealed, reason);
        return GuardDtos.GuardHistoryDto.revealed(cn, history);
    }

    private static JsonNode first(JsonNode body, String... names) {
        for (String n : names) {
            if (body.hasNonNull(n)) {
                return body.get(n);
            }
        }
        return null;
    }
}
