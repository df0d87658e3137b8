package org.jiandu.seizure.internal;

import java.time.Clock;
import java.time.LocalDate;
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
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.FindingFilter;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ReadParams;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/cases/{caseNumber}/seizures[?asOf=2025-06-30]}: the case's seizure register (Art. 15 of
 * 法〔2021〕322号) — the claim total with every part and its computation, each controlled asset with value basis,
 * prior claims, available value, term and expiry, the coverage (controlled value, uncovered claim, excess, ratio,
 * whether control clearly exceeds the claim under the court's policy), what can be released (查封规定 Art. 19),
 * over-seizure objections (which never suspend the seizure, Art. 15 ¶3) and the findings raised so far. Read
 * through this bundle's query services ({@link SeizureQueries}).
 */
@Component(service = RestResource.class)
@Path("/v1/cases/{caseNumber}/seizures")
@Produces(MediaType.APPLICATION_JSON)
public class SeizuresResource implements RestResource {
    static final int FINDINGS_SHOWN = 50;
    private final RegisterCache cache;
    private final SeizureQueries queries;
    private final Clock clock;

    /**
     * The register's JSON body. {@code claim}, {@code coverage}, {@code assets}, {@code releasable} and
     * {@code objections} carry every figure of the computation as the register renders it; the API's summary of
     * the same register is {@link org.jiandu.api.query.SeizureRegister}.
     */
    record RegisterBody(String caseNumber, String asOf, Object claim, Object coverage, Object assets,
            Object releasable, Object objections, long lastSeq, List<FindingView> findings) {
    }

    /** A finding of the case, newest first. */
    record FindingView(long findingId, String kind, String raisedAt, long triggerSeq, String triggerType,
            String message, Map<String, Object> details) {
        static FindingView of(Finding f) {
            return new FindingView(f.id(), f.kind(), f.raisedAt().toString(), f.trigger().seq(), f.trigger().type(),
                    f.message(), f.details());
        }
    }

    @Activate
    public SeizuresResource(@Reference RegisterCache cache, @Reference SeizureQueries queries,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.cache = cache;
        this.queries = queries;
        this.clock = clock;
    }

    @GET
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.HOST_SYSTEM})
    public RegisterBody register(@PathParam("caseNumber") String caseNumber, @QueryParam("asOf") String asOf,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        LocalDate day = ReadParams.day(asOf, "asOf", LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE));
        CaseFacts facts = cache.facts(cn);
        if (facts.lastSeq() == 0) {
            throw ApiException.notFound("CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical());
        }
        Map<String, Object> reg = queries.internal(cn, facts, day).toMap();
        List<FindingView> findings = queries.findings(FindingFilter.of(CourtScope.all(), FINDINGS_SHOWN)
                .withCase(cn.canonical())).items().stream().map(FindingView::of).toList();
        return new RegisterBody((String) reg.get("caseNumber"), (String) reg.get("asOf"), reg.get("claim"),
                reg.get("coverage"), reg.get("assets"), reg.get("releasable"), reg.get("objections"),
                facts.lastSeq(), findings);
    }
}
