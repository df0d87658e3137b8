package org.jiandu.ledger.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.query.Aggregate;
import org.jiandu.api.query.Answer;
import org.jiandu.api.query.CaseFilter;
import org.jiandu.api.query.CaseSearch;
import org.jiandu.api.query.CaseSummary;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.QuerySources;
import org.jiandu.api.query.Sources;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ReadParams;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/v1/cases?court=&filedFrom=&filedTo=&status=&flag=&limit=&cursor=}: the case search over the
 * ledger's cases ({@link CaseSearch}), by case number, within the courts the caller's organisation covers.
 * {@code status} is FILED, IN_ENFORCEMENT, TERMINATED or CLOSED; {@code flag} (repeatable, all must hold) CORRECTED,
 * PERIOD_RUNNING, PROPERTY_CONTROLLED, MONEY_RECEIVED or PETITION; {@code nextCursor} continues the list.
 */
@Component(service = RestResource.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class CasesResource implements RestResource {
    private final CaseSearch search;

    /** The answer: the cases, the cursor of the next page ({@code null} at the end), who answered. */
    record CaseList(int count, List<CaseSummary> cases, String nextCursor, Sources sources) {
    }

    @Activate
    public CasesResource(@Reference CaseSearch search) {
        this.search = search;
    }

    @GET
    @Path("cases")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public CaseList cases(@QueryParam("court") String court, @QueryParam("filedFrom") String filedFrom,
            @QueryParam("filedTo") String filedTo, @QueryParam("status") String status,
            @QueryParam("flag") List<String> flags, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        Caller caller = Caller.from(security.getUserPrincipal());
        List<ValidationException> errors = new ArrayList<>();
        CourtScope scope = ReadParams.courts(caller, court, errors);
        LocalDate from = date(filedFrom, "filedFrom", errors);
        LocalDate to = date(filedTo, "filedTo", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new ValidationException("INVALID_RANGE", "filedTo", "filedTo (" + to + ") is before filedFrom ("
                    + from + ")"));
        }
        CaseSummary.CaseStatus st = null;
        if (status != null) {
            try {
                st = CaseSummary.CaseStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationException("INVALID_STATUS", "status", "status must be FILED, IN_ENFORCEMENT,"
                        + " TERMINATED or CLOSED, not \"" + Scopes.cut(status) + "\""));
            }
        }
        Set<CaseSummary.Flag> wanted = EnumSet.noneOf(CaseSummary.Flag.class);
        for (String f : flags == null ? List.<String>of() : flags) {
            try {
                wanted.add(CaseSummary.Flag.valueOf(f.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationException("INVALID_FLAG", "flag", "flag must be CORRECTED, PERIOD_RUNNING,"
                        + " PROPERTY_CONTROLLED, MONEY_RECEIVED or PETITION, not \"" + Scopes.cut(f) + "\""));
            }
        }
        int max = ReadParams.limit(limit, errors);
        if (cursor != null) {
            try {
                Aggregate.decode(cursor);
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationException("INVALID_CURSOR", "cursor",
                        "cursor must be the nextCursor of a previous page"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        CaseFilter filter = CaseFilter.of(scope, max).withFiled(from, to).withStatus(st).withFlags(wanted);
        Answer<CaseSummary> a = Aggregate.merge(Map.of(QuerySources.LEDGER, search), QuerySources.CASES, cursor, max,
                (x, y) -> x.caseNumber().compareTo(y.caseNumber()), (s, pos) -> s.search(filter.withCursor(pos)),
                false);
        return new CaseList(a.items().size(), a.items(), a.cursor(), a.sources());
    }

    static LocalDate date(String text, String field, List<ValidationException> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new ValidationException("INVALID_DATE", field, field + " must be an ISO date such as 2024-10-08"));
            return null;
        }
    }
}
