package org.jiandu.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.EventType;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.VerificationReport;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;
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
    private final JpaCaseLedger ledger;
    private final EventParser parser;
    private final EventTypeRegistry types;

    @Activate
    public EventsResource(@Reference JpaCaseLedger ledger, @Reference EventTypeRegistry types,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.ledger = ledger;
        this.types = types;
        this.parser = new EventParser(types::get, clock);
    }

    @POST
    @Path("cases/{caseNumber}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRoles(Roles.HOST_SYSTEM)
    public Response ingestOne(@PathParam("caseNumber") String caseNumber, JsonNode body,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        if (body == null) {
            throw new ValidationException("MISSING_BODY", null, "Send the event as a JSON object");
        }
        AppendResult r = ledger.appendParsed(parser.parse(body, cn));
        return Response.status(r.duplicate() ? 200 : 201).entity(view(r)).build();
    }

    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRoles(Roles.HOST_SYSTEM)
    public Response ingestBatch(JsonNode body, @Context SecurityContext security) {
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
        List<ValidationException> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "events[" + i + "]";
            try {
                CaseEvent e = parser.parse(items.get(i), null);
                caller.requireCovers(e.caseNumber(), prefix + ".caseNumber");
                events.add(e);
            } catch (ValidationException e) {
                e.all().forEach(one -> errors.add(one.under(prefix)));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        List<AppendResult> results = ledger.appendAllParsed(events);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", results.stream().filter(r -> !r.duplicate()).count());
        out.put("duplicates", results.stream().filter(AppendResult::duplicate).count());
        out.put("results", results.stream().map(EventsResource::view).toList());
        return Response.ok(out).build();
    }

    @GET
    @Path("cases/{caseNumber}/timeline")
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.HOST_SYSTEM})
    public Map<String, Object> timeline(@PathParam("caseNumber") String caseNumber,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller.from(security.getUserPrincipal()).requireCovers(cn, "caseNumber");
        List<LedgerEntry> entries = ledger.timeline(cn);
        if (entries.isEmpty()) {
            throw ApiException.notFound("CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical());
        }
        Map<String, List<String>> correctedBy = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            if (e.event().correction() != null) {
                correctedBy.computeIfAbsent(e.event().correction().correctsHostEventId(), k -> new ArrayList<>())
                        .add(e.event().hostEventId());
            }
        }
        List<Map<String, Object>> views = new ArrayList<>(entries.size());
        for (LedgerEntry e : entries) {
            Map<String, Object> v = entryView(e);
            EventType type = types.get(e.event().type());
            v.put("label", type == null ? null : type.label());
            v.put("correctedBy", correctedBy.getOrDefault(e.event().hostEventId(), List.of()));
            views.add(v);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseNumber", cn.canonical());
        out.put("count", views.size());
        out.put("entries", views);
        return out;
    }

    @GET
    @Path("cases/{caseNumber}/verification")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public Map<String, Object> verification(@PathParam("caseNumber") String caseNumber,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller.from(security.getUserPrincipal()).requireCovers(cn, "caseNumber");
        VerificationReport report = ledger.verify(cn);
        if (report.casesChecked() == 0) {
            throw ApiException.notFound("CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseNumber", cn.canonical());
        out.put("intact", report.intact());
        out.put("verifiedAt", report.verifiedAt());
        out.put("entriesChecked", report.entriesChecked());
        out.put("problems", report.problems());
        return out;
    }

    @GET
    @Path("event-types")
    @RequiresRoles(RequiresRoles.ANY_AUTHENTICATED)
    public List<EventType> eventTypes() {
        return types.all().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
    }

    static Map<String, Object> view(AppendResult r) {
        Map<String, Object> v = entryView(r.entry());
        v.put("duplicate", r.duplicate());
        return v;
    }

    static Map<String, Object> entryView(LedgerEntry e) {
        CaseEvent ev = e.event();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("caseNumber", ev.caseNumber().canonical());
        v.put("seq", e.seq());
        v.put("hostEventId", ev.hostEventId());
        v.put("type", ev.type());
        v.put("occurredAt", EventParser.format(ev.occurredAt()));
        v.put("recordedAt", ev.recordedAt());
        v.put("actor", ev.actor());
        v.put("payload", ev.payload().asMap());
        v.put("correction", ev.correction());
        v.put("prevHash", e.prevHash());
        v.put("hash", e.hash());
        return v;
    }
}
