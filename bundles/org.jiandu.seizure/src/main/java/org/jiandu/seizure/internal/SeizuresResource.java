package org.jiandu.seizure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
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
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/v1/cases/{caseNumber}/seizures[?asOf=2025-06-30]}: the case's seizure register (Art. 15 of
 * 法〔2021〕322号) — the claim total with every part and its computation, each controlled asset with value basis,
 * prior claims, available value, term and expiry, the coverage (controlled value, uncovered claim, excess, ratio,
 * whether control clearly exceeds the claim under the court's policy), what can be released (查封规定 Art. 19),
 * over-seizure objections (which never suspend the seizure, Art. 15 ¶3) and the findings raised so far.
 */
@Component(service = RestResource.class)
@Path("/v1/cases/{caseNumber}/seizures")
@Produces(MediaType.APPLICATION_JSON)
public class SeizuresResource implements RestResource {
    static final int FINDINGS_SHOWN = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RegisterCache cache;
    private final SeizureSettings settings;
    private final FindingStore findings;
    private final Clock clock;

    @Activate
    public SeizuresResource(@Reference RegisterCache cache, @Reference SeizureSettings settings,
            @Reference FindingStore findings, @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.cache = cache;
        this.settings = settings;
        this.findings = findings;
        this.clock = clock;
    }

    @GET
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.HOST_SYSTEM})
    public Map<String, Object> register(@PathParam("caseNumber") String caseNumber, @QueryParam("asOf") String asOf,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        LocalDate day = asOf == null || asOf.isBlank() ? LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE)
                : date(asOf);
        CaseFacts facts = cache.facts(cn);
        if (facts.lastSeq() == 0) {
            throw ApiException.notFound("CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical());
        }
        return view(cn, facts, day, settings, findings);
    }

    static Map<String, Object> view(CaseNumber cn, CaseFacts facts, LocalDate day, SeizureSettings settings,
            FindingStore findings) {
        SeizureRegister reg = SeizureRegister.of(cn.canonical(), facts, day, settings.policy(cn));
        Map<String, Object> out = new LinkedHashMap<>(reg.toMap());
        out.put("lastSeq", facts.lastSeq());
        out.put("findings", findings(findings.list(cn.canonical(), FINDINGS_SHOWN)));
        return out;
    }

    static List<Map<String, Object>> findings(List<FindingEntity> rows) {
        return rows.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("findingId", f.getId());
            m.put("kind", f.getKind());
            m.put("raisedAt", f.getRaisedAt());
            m.put("triggerSeq", f.getTriggerSeq());
            m.put("triggerType", f.getTriggerType());
            m.put("message", f.getMessage());
            try {
                m.put("details", JSON.readTree(f.getDetails()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored finding's details are not JSON: " + e.getOriginalMessage(),
                        e);
            }
            return m;
        }).toList();
    }

    private static LocalDate date(String text) {
        try {
            LocalDate d = LocalDate.parse(text.trim());
            if (d.getYear() >= 1990 && d.getYear() <= 2100) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with the field
        }
        throw new ValidationException("INVALID_DATE", "asOf", "asOf must be an ISO date such as 2025-06-30 between"
                + " 1990 and 2100");
    }
}
