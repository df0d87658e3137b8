package org.jiandu.ledger.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.ValidationException;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.Aggregate;
import org.jiandu.api.query.Answer;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.FindingFilter;
import org.jiandu.api.query.FindingQuery;
import org.jiandu.api.query.QuerySources;
import org.jiandu.api.query.Sources;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ReadParams;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code GET /api/v1/findings}: every installed bundle's findings ({@link FindingQuery} services, whiteboard) in one
 * list, within the courts the caller's organisation covers. {@code court}, {@code case}, {@code kind} filter;
 * without {@code since} it is a page, newest first ({@code limit} ≤ 100, continue with {@code cursor=<nextCursor>});
 * with {@code since} (empty for the start) it is the feed, oldest first: pass back {@code nextCursor} as
 * {@code since} to read on. {@code sources} says which producers answered and which are not installed.
 */
@Component(service = RestResource.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FindingsResource implements RestResource {
    private static final Pattern KIND = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Comparator<Finding> NEWEST_FIRST = Comparator.comparing(Finding::raisedAt).reversed()
            .thenComparing(Finding::source).thenComparing(Comparator.comparingLong(Finding::id).reversed());
    private static final Comparator<Finding> OLDEST_FIRST = Comparator.comparing(Finding::raisedAt)
            .thenComparing(Finding::source).thenComparingLong(Finding::id);

    private final Map<String, FindingQuery> queries = new ConcurrentHashMap<>();

    /** The answer: the findings, where to continue, who answered. */
    record FindingList(int count, List<Finding> findings, String nextCursor, Sources sources) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeQuery")
    void addQuery(FindingQuery q) {
        queries.put(q.source(), q);
    }

    void removeQuery(FindingQuery q) {
        queries.remove(q.source(), q);
    }

    @GET
    @Path("findings")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public FindingList findings(@QueryParam("court") String court, @QueryParam("case") String caseNumber,
            @QueryParam("kind") String kind, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("since") String since, @Context SecurityContext security) {
        Caller caller = Caller.from(security.getUserPrincipal());
        List<ValidationException> errors = new ArrayList<>();
        CourtScope scope = ReadParams.courts(caller, court, errors);
        String cn = null;
        if (caseNumber != null) {
            try {
                CaseNumber parsed = CaseNumber.parse(caseNumber, "case");
                caller.requireCovers(parsed, "case");
                cn = parsed.canonical();
            } catch (ValidationException e) {
                errors.add(e);
            }
        }
        if (kind != null && !KIND.matcher(kind.strip()).matches()) {
            errors.add(new ValidationException("INVALID_KIND", "kind",
                    "kind must be a finding kind such as OVER_SEIZURE or ART13_QUERY_COVERAGE"));
        }
        int max = ReadParams.limit(limit, errors);
        boolean feed = since != null;
        String position = feed ? since : cursor;
        if (feed && cursor != null) {
            errors.add(new ValidationException("CURSOR_AND_SINCE", "cursor",
                    "give either cursor (the next page) or since (the feed), not both"));
        }
        if (feed && (cn != null || kind != null)) {
            errors.add(new ValidationException("FEED_FILTER", cn != null ? "case" : "kind",
                    "the feed (since) filters by court only; read a case's or a kind's findings as a page"));
        }
        if (position != null && !position.isBlank()) {
            try {
                Aggregate.decode(position);
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationException("INVALID_CURSOR", feed ? "since" : "cursor",
                        "must be the nextCursor of a previous answer"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        String start = position == null || position.isBlank() ? null : position.strip();
        FindingFilter filter = FindingFilter.of(scope, max).withCase(cn).withKind(kind == null ? null : kind.strip());
        Answer<Finding> a;
        try {
            a = feed
                    ? Aggregate.merge(queries, QuerySources.FINDINGS, start, max, OLDEST_FIRST,
                            (q, pos) -> q.findingsSince(pos, scope, max), true)
                    : Aggregate.merge(queries, QuerySources.FINDINGS, start, max, NEWEST_FIRST,
                            (q, pos) -> q.findings(filter.withCursor(pos)), false);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("INVALID_CURSOR", feed ? "since" : "cursor",
                    "must be the nextCursor of a previous answer: " + e.getMessage());
        }
        return new FindingList(a.items().size(), a.items(), a.cursor(), a.sources());
    }
}
