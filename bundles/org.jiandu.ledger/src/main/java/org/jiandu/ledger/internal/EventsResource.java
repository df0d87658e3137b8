package org.jiandu.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.EventType;
import org.jiandu.api.event.Payload;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.mask.RevealAudit;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.Returns;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ingestion of host events, case timelines and chain verification.
 *
 * <ul>
 * <li>{@code POST /api/v1/cases/{caseNumber}/events} — one event; 201 when stored, 200 with the same body and
 * {@code "duplicate": true} when the host event id was already stored with the same content.</li>
 * <li>{@code POST /api/v1/events} — a batch {@code {"events":[…]}} of up to 1,000, all-or-nothing: if any item is
 * invalid nothing is stored and the error lists every bad item's field ({@code events[3].payload.amount}).</li>
 * <li>{@code GET /api/v1/cases/{caseNumber}/timeline} and {@code …/verification}.</li>
 * </ul>
 * Callers see and write only cases of courts their organisation covers ({@link Caller#covers}).
 */
@Component(service = RestResource.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource implements RestResource {
    private final CaseLedger ledger;
    private final EventValidator validator;
    private final EventParser parser;
    private final EventTypeRegistry types;
    private final MaskingPolicy masking;
    private final RevealAudit audit;

    @Activate
    public EventsResource(@Reference CaseLedger ledger, @Reference EventTypeRegistry types,
            @Reference(target = "(jiandu.clock=true)") Clock clock, @Reference MaskingPolicy masking,
            @Reference RevealAudit audit) {
        this.ledger = ledger;
        this.types = types;
        this.masking = masking;
        this.audit = audit;
        this.validator = new EventValidator(types::get, clock);
        this.parser = new EventParser(validator);
    }

    @POST
    @Path("cases/{caseNumber}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRoles(Roles.HOST_SYSTEM)
    @Returns(value = LedgerDtos.AppendedDto.class, status = {201, 200})
    public Response ingestOne(@PathParam("caseNumber") String caseNumber, JsonNode body,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        if (body == null) {
            throw new ValidationException("MISSING_BODY", null, "Send the event as a JSON object");
        }
        // read here, validated once by the ledger as for any in-process caller
        AppendResult r = ledger.append(parser.read(body, cn));
        return Response.status(r.duplicate() ? 200 : 201).entity(LedgerDtos.AppendedDto.of(r)).build();
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRoles(Roles.HOST_SYSTEM)
    public LedgerDtos.BatchDto ingestBatch(JsonNode body, @Context SecurityContext security) {
        Caller caller = Caller.from(security.getUserPrincipal());
        JsonNode items = body != null && body.isObject() ? body.get("events") : body;
        if (items == null || !items.isArray()) {
            throw new ValidationException("INVALID_BATCH", "events",
                    "Send {\"events\": [ … ]} with up to " + CaseLedger.MAX_BATCH + " events");
        }
        if (items.size() > CaseLedger.MAX_BATCH) {
            throw new ValidationException("BATCH_TOO_LARGE", "events", "A batch holds at most " + CaseLedger.MAX_BATCH
                    + " events; this one has " + items.size() + ". Split it.");
        }
        List<CaseEvent> events = new ArrayList<>(items.size());
        List<List<ValidationException>> unreadable = new ArrayList<>(items.size());
        boolean anyUnreadable = false;
        for (int i = 0; i < items.size(); i++) {
            String prefix = "events[" + i + "]";
            try {
                CaseEvent e = parser.read(items.get(i), null);
                caller.requireCovers(e.caseNumber(), prefix + ".caseNumber");
                events.add(e);
                unreadable.add(List.of());
            } catch (ValidationException e) {
                events.add(null);
                unreadable.add(e.all());
                anyUnreadable = true;
            }
        }
        if (anyUnreadable) {
            // the batch fails as a whole: report every item's problems, those of the readable items too
            List<ValidationException> errors = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                String prefix = "events[" + i + "]";
                List<ValidationException> problems = unreadable.get(i);
                if (problems.isEmpty()) {
                    try {
                        validator.validate(events.get(i));
                    } catch (ValidationException e) {
                        problems = e.all();
                    }
                }
                problems.forEach(one -> errors.add(one.under(prefix)));
            }
            throw ValidationException.of(errors);
        }
        return LedgerDtos.BatchDto.of(ledger.appendAll(events));
    }

    /**
     * The case's entries in order, identifiers of natural persons, bank accounts and phone numbers masked
     * ({@link MaskingPolicy}); {@code ?reveal=true&reason=…} shows them in full to a caller allowed to reveal for the
     * case's court, and the reveal is audited (which entries and fields, the reason) before the answer.
     */
    @GET
    @Path("cases/{caseNumber}/timeline")
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.HOST_SYSTEM})
    public LedgerDtos.TimelineDto timeline(@PathParam("caseNumber") String caseNumber,
            @QueryParam("reveal") String reveal, @QueryParam("reason") String reason,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        boolean revealing = Reveals.requested(reveal, reason, caller, cn, masking);
        List<LedgerEntry> entries = ledger.timeline(cn);
        if (entries.isEmpty()) {
            throw ApiException.notFound("CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical());
        }
        if (!revealing) {
            return LedgerDtos.TimelineDto.of(cn, entries, types::get, masking::mask, false);
        }
        List<String> revealed = new ArrayList<>();
        for (LedgerEntry e : entries) {
            EventType type = types.get(e.event().type());
            Payload masked = masking.mask(type, e.event().payload());
            e.event().payload().asMap().forEach((k, v) -> {
                if (!java.util.Objects.equals(v, masked.asMap().get(k))) {
                    revealed.add("seq " + e.seq() + ": payload." + k);
                }
            });
        }
        Reveals.record(audit, caller, cn, "/api/v1/cases/" + cn.canonical() + "/timeline", revealed, reason);
        return LedgerDtos.TimelineDto.of(cn, entries, types::get, (type, payload) -> payload, true);
    }

    @GET
    @Path("cases/{caseNumber}/verification")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public LedgerDtos.VerificationDto verification(@PathParam("caseNumber") String caseNumber,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller.from(security.getUserPrincipal()).requireCovers(cn, "caseNumber");
        VerificationReport report = ledger.verify(cn);
        if (report.casesChecked() == 0) {
            throw ApiException.notFound("CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical());
        }
        return LedgerDtos.VerificationDto.of(cn, report);
    }

    @GET
    @Path("event-types")
    @RequiresRoles(RequiresRoles.ANY_COURT_USER)
    public List<EventType> eventTypes() {
        return types.all().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }
}
