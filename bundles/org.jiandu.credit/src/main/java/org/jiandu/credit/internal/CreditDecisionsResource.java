package org.jiandu.credit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.credit.CreditEventTypes;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.GuardCheck;
import org.jiandu.api.guard.GuardRegistry;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.guard.Verdict;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/v1/cases/{caseNumber}/credit/decisions}: a court officer or supervisor of the case's court records
 * a credit decision or step through Jiandu — the acting user is the event's actor, the event is appended to the
 * case's ledger ({@link CaseLedger}, so it is hash-chained, checkpointed and seen by every rule and follower), and
 * an act the guards examine is checked first ({@link GuardRegistry}, every installed guard, the check recorded):
 * {@code DEFAULTER_LISTED} as {@code LIST_DEFAULTER}, {@code CONSUMPTION_RESTRICTED} as {@code RESTRICT_CONSUMPTION},
 * {@code credit.GRACE_PERIOD_SET} as {@code SET_GRACE_PERIOD}, {@code credit.TEMPORARY_LIFT_GRANTED} as
 * {@code TEMPORARY_LIFT}, {@code credit.MEASURE_PUBLISHED} as {@code PUBLISH_DEFAULTER},
 * {@code credit.PUSHED_TO_ASSISTING_UNITS} as {@code PUSH_TO_ASSISTING_UNITS}. A DENY answers 409
 * {@code OPERATION_DENIED} with every verdict and nothing is recorded (违规操作自动拦截); a WARN is recorded with its
 * verdicts in the answer.
 *
 * <p>Body: {@code {"type": "DEFAULTER_LISTED", "payload": {…}, "hostEventId": "…", "occurredAt": "…"}}; the
 * payload is the event type's ({@code GET /api/v1/event-types}); {@code hostEventId} makes a retry idempotent
 * (default: a new id), {@code occurredAt} defaults to now. A host platform that records these acts itself sends the
 * same events to {@code POST /api/v1/cases/{caseNumber}/events} and asks {@code POST /api/v1/guard/check} first.
 */
@Component(service = RestResource.class)
@Path("/v1/cases/{caseNumber}/credit/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CreditDecisionsResource implements RestResource {
    /** The credit event types this endpoint records, and the guarded operation of each that has one. */
    static final Map<String, String> GUARDED = Map.of(CoreEventTypes.DEFAULTER_LISTED, OperationTypes.LIST_DEFAULTER,
            CoreEventTypes.CONSUMPTION_RESTRICTED, OperationTypes.RESTRICT_CONSUMPTION,
            CreditEventTypes.GRACE_PERIOD_SET, OperationTypes.SET_GRACE_PERIOD,
            CreditEventTypes.TEMPORARY_LIFT_GRANTED, OperationTypes.TEMPORARY_LIFT,
            CreditEventTypes.MEASURE_PUBLISHED, OperationTypes.PUBLISH_DEFAULTER,
            CreditEventTypes.PUSHED_TO_ASSISTING_UNITS, OperationTypes.PUSH_TO_ASSISTING_UNITS);
    static final Set<String> TYPES = Stream.concat(CreditEventTypes.ALL.stream().map(EventType::id),
            Stream.of(CoreEventTypes.DEFAULTER_LISTED, CoreEventTypes.CONSUMPTION_RESTRICTED,
                    CoreEventTypes.DEFAULTER_DELISTED, CoreEventTypes.CONSUMPTION_RESTRICTION_LIFTED))
            .collect(Collectors.toUnmodifiableSet());

    private final CaseLedger ledger;
    private final GuardRegistry guards;
    private final CaseTimelines timelines;
    private final Clock clock;

    /** The request body. */
    public record DecisionRequest(String type, Map<String, Object> payload, String hostEventId, String occurredAt) {
    }

    /** What was recorded: the entry, and the check made before it (null for an act no guard examines). */
    record Recorded(String caseNumber, long seq, String hostEventId, String type, boolean duplicate, Check check) {
    }

    /** A guard check as this endpoint answers it. */
    record Check(long checkId, String operationType, Decision decision, int guardsConsulted, List<Verdict> verdicts) {
        static Check of(GuardCheck c) {
            return new Check(c.checkId(), c.operation().type(), c.decision(), c.guardsConsulted(), c.verdicts());
        }
    }

    /** The answer to a denied act: nothing recorded. */
    record Denied(int status, String code, String message, Check check) {
    }

    @Activate
    public CreditDecisionsResource(@Reference CaseLedger ledger, @Reference GuardRegistry guards,
            @Reference CaseTimelines timelines, @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.ledger = ledger;
        this.guards = guards;
        this.timelines = timelines;
        this.clock = clock;
    }

    @POST
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR})
    public Response record(@PathParam("caseNumber") String caseNumber, DecisionRequest body,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        if (body == null) {
            throw new ValidationException("MISSING_BODY", null, "Send {\"type\": …, \"payload\": {…}}");
        }
        if (body.type() == null || !TYPES.contains(body.type().trim())) {
            throw new ValidationException(body.type() == null ? "MISSING_FIELD" : "NOT_A_CREDIT_EVENT", "type",
                    "type must be one of the credit events " + TYPES.stream().sorted().toList());
        }
        String type = body.type().trim();
        OffsetDateTime occurredAt = occurredAt(body.occurredAt());
        Payload payload = Payload.of(body.payload() == null ? Map.of() : body.payload());
        Check check = null;
        String operation = GUARDED.get(type);
        if (operation != null) {
            GuardCheck c;
            try {
                c = guards.check(new Operation(operation, cn, payload, caller));
            } catch (ValidationException e) {
                throw asPayload(e);
            }
            check = Check.of(c);
            if (c.decision() == Decision.DENY) {
                String reasons = c.verdicts().stream().filter(v -> v.decision() == Decision.DENY)
                        .map(Verdict::reason).collect(Collectors.joining(" "));
                return Response.status(409).entity(new Denied(409, "OPERATION_DENIED", "Not recorded: " + reasons
                        + " (check " + c.checkId() + ")", check)).build();
            }
        }
        String hostEventId = body.hostEventId() == null || body.hostEventId().isBlank()
                ? "jiandu-credit-" + UUID.randomUUID() : body.hostEventId().trim();
        String role = caller.roles().contains(Roles.SUPERVISOR) ? Roles.SUPERVISOR : Roles.COURT_OFFICER;
        AppendResult r = ledger.append(new CaseEvent(hostEventId, cn, type, occurredAt, null,
                new Actor(caller.user(), role, caller.organisation()), payload, null));
        // this node's views include the act at once (the follower's delivery would come a moment later)
        timelines.accept(List.of(r.entry()));
        return Response.status(r.duplicate() ? 200 : 201).entity(new Recorded(cn.canonical(), r.entry().seq(),
                hostEventId, type, r.duplicate(), check)).build();
    }

    /** A guard's complaint about a detail is a complaint about the same field of the payload. */
    private static ValidationException asPayload(ValidationException e) {
        List<ValidationException> all = e.all().stream().map(x -> new ValidationException(x.code(),
                x.field() == null ? null : x.field().replaceFirst("^details\\.", "payload."),
                x.getMessage().replace("details.", "payload."))).toList();
        return ValidationException.of(all);
    }

    private OffsetDateTime occurredAt(String text) {
        if (text == null || text.isBlank()) {
            return OffsetDateTime.now(clock.withZone(CaseEvent.ZONE));
        }
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException("INVALID_DATE_TIME", "occurredAt", "occurredAt must be an ISO date-time"
                    + " with offset, e.g. 2025-06-20T10:00:00+08:00");
        }
    }
}
