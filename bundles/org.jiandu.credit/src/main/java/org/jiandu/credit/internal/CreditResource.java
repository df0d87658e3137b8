package org.jiandu.credit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.PartyId;
import org.jiandu.api.PartyIdentifier;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.mask.MaskingPolicy;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ReadParams;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The credit measures over REST (Art. 23 of 法〔2021〕322号), read through {@link CreditQueries}; identifiers masked by
 * the one masking policy ({@link MaskingPolicy}):
 * <ul>
 * <li>{@code GET /api/v1/cases/{caseNumber}/credit[?asOf=2025-06-30]}: the case's measures with status, history,
 * every due date explained by the calendar, and the lift each waits for;</li>
 * <li>{@code GET /api/v1/credit/persons/{partyId}}: every measure on one person (a 居民身份证号码 or 统一社会信用代码)
 * across the cases the caller's courts hold;</li>
 * <li>{@code GET /api/v1/credit/overdue-lifts[?court=&limit=]}: measures whose lift or deletion is late, oldest due
 * first — what a supervisor acts on;</li>
 * <li>{@code GET /api/v1/credit/publication[?court=&limit=]}: what the public 失信 list may show (公布失信规定 Art. 6):
 * never address, phone or account; nothing in grace, lifted, deleted or expired.</li>
 * </ul>
 */
@Component(service = RestResource.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CreditResource implements RestResource {
    private final CreditQueries queries;
    private final MaskingPolicy masking;
    private final Clock clock;

    /**
     * A case's measures. {@code lastSeq} is the case's last entry the answer includes: the view is kept in memory and
     * updated by the ledger follower after each commit, so a read within milliseconds of an append on another node
     * may not include it yet.
     */
    record CaseCredit(String caseNumber, LocalDate asOf, long lastSeq, int count, List<CreditMeasure> measures) {
    }

    /** A person's measures. */
    record PersonCredit(String partyId, LocalDate asOf, int count, List<CreditMeasure> measures) {
    }

    /** A list of measures (overdue lifts). */
    record MeasureList(LocalDate asOf, int count, List<CreditMeasure> measures) {
    }

    /** One entry of the public 失信 list, with the fields 公布失信规定 Art. 6 allows and no others. */
    record PublicationEntry(String name, String personKind, String sex, Integer age, String idNumber,
            String legalRepresentative, String obligation, String performance, String conduct, String caseNumber,
            String court, LocalDate decidedOn, LocalDate publishedOn, String documentNumber) {
    }

    /** The public list. */
    record Publication(LocalDate asOf, int count, List<PublicationEntry> entries) {
    }

    @Activate
    public CreditResource(@Reference CreditQueries queries, @Reference MaskingPolicy masking,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.queries = queries;
        this.masking = masking;
        this.clock = clock;
    }

    @GET
    @Path("cases/{caseNumber}/credit")
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.HOST_SYSTEM})
    public CaseCredit caseCredit(@PathParam("caseNumber") String caseNumber, @QueryParam("asOf") String asOf,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller.from(security.getUserPrincipal()).requireCovers(cn, "caseNumber");
        LocalDate day = ReadParams.day(asOf, "asOf", today());
        long lastSeq = queries.lastSeq(cn);
        List<CreditMeasure> measures = queries.caseMeasures(cn, day).orElseThrow(() -> ApiException.notFound(
                "CASE_NOT_FOUND", "No event is recorded for case " + cn.canonical()));
        List<CreditMeasure> shown = measures.stream().map(this::masked).toList();
        return new CaseCredit(cn.canonical(), day, lastSeq, shown.size(), shown);
    }

    @GET
    @Path("credit/persons/{partyId}")
    @RequiresRoles({Roles.COURT_OFFICER, Roles.SUPERVISOR, Roles.INSPECTOR, Roles.HOST_SYSTEM})
    public PersonCredit person(@PathParam("partyId") String partyId, @Context SecurityContext security) {
        PartyId id = PartyId.parse(partyId, "partyId");
        Caller caller = Caller.from(security.getUserPrincipal());
        List<ValidationException> errors = new ArrayList<>();
        CourtScope scope = ReadParams.courts(caller, null, errors);
        LocalDate today = today();
        List<CreditMeasure> shown = queries.person(id.value(), scope, today).stream().map(this::masked).toList();
        return new PersonCredit(id.masked(), today, shown.size(), shown);
    }

    @GET
    @Path("credit/overdue-lifts")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public MeasureList overdueLifts(@QueryParam("court") String court, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Page page = page(security, court, limit);
        LocalDate today = today();
        List<CreditMeasure> shown = queries.overdueLifts(page.scope(), today, page.limit()).stream()
                .map(this::masked).toList();
        return new MeasureList(today, shown.size(), shown);
    }

    @GET
    @Path("credit/publication")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER, Roles.HOST_SYSTEM})
    public Publication publication(@QueryParam("court") String court, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Page page = page(security, court, limit);
        LocalDate today = today();
        CreditSettings.Policy policy = queries.policy();
        List<PublicationEntry> entries = queries.published(page.scope(), today, page.limit()).stream()
                .map(m -> entry(m, today, policy)).toList();
        return new Publication(today, entries.size(), entries);
    }

    private record Page(CourtScope scope, int limit) {
    }

    /** The courts asked for and the page size, both checked (400 naming each bad one, 403 outside the caller's). */
    private static Page page(SecurityContext security, String court, String limit) {
        Caller caller = Caller.from(security.getUserPrincipal());
        List<ValidationException> errors = new ArrayList<>();
        CourtScope scope = ReadParams.courts(caller, court, errors);
        int max = ReadParams.limit(limit, errors);
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        return new Page(scope, max);
    }

    static PublicationEntry entry(CreditMeasure m, LocalDate asOf, CreditSettings.Policy policy) {
        CreditMeasure.Person p = m.person();
        boolean unit = "UNIT".equals(p.personKind());
        String id = p.identifiers().isEmpty() ? null : p.identifiers().get(0).value();
        Integer age = unit || p.birthDate() == null ? null : Period.between(p.birthDate(), asOf).getYears();
        return new PublicationEntry(p.name(), p.personKind(), unit ? null : p.sex(), age,
                unit ? id : policy.publishedId(id), unit ? m.particulars().legalRepresentative() : null,
                m.particulars().obligation(), m.particulars().performance(), m.particulars().conduct(),
                m.caseNumber(), m.court(),
                m.decision() == null ? null : m.decision().on(), m.publishedOn(),
                m.decision() == null ? null : m.decision().number());
    }

    /** The measure with the person's and the unit's identifiers masked. */
    CreditMeasure masked(CreditMeasure m) {
        CreditMeasure.Person p = m.person();
        if (p == null) {
            return m;
        }
        CreditMeasure.Person shown = new CreditMeasure.Person(mask(p.identifiers()), p.name(), p.personKind(),
                p.role(), mask(p.unit()), p.birthDate(), p.sex());
        return new CreditMeasure(m.caseNumber(), m.court(), m.measureId(), m.kind(), shown, m.status(), m.asOf(),
                m.grounds(), m.periodMonths(), m.decision(), m.particulars(), m.servedOn(), m.grace(), m.effectiveFrom(),
                m.expiresOn(), m.publishedOn(), m.pushedTo(), m.liftDue(), m.temporaryLift(), m.endedOn(),
                m.endedBy(), m.deadlines(), m.history(), m.lastSeq());
    }

    private List<PartyIdentifier> mask(List<PartyIdentifier> ids) {
        return ids.stream().map(i -> new PartyIdentifier(i.kind(), masking.mask(i.kind(), i.value()))).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE);
    }
}
