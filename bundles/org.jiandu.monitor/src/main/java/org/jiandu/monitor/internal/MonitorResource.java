package org.jiandu.monitor.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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
import org.jiandu.api.alert.Alert;
import org.jiandu.api.alert.AlertLevel;
import org.jiandu.api.alert.AlertStatus;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.query.AlertFilter;
import org.jiandu.api.query.Batch;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.Caller;
import org.jiandu.api.rest.ReadParams;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The monitor's read side (Art. 8: 专人监管 — supervisors see their court's alerts):
 * <ul>
 * <li>{@code GET /api/v1/alerts?court=&level=&status=&rule=&case=&from=&to=&limit=&cursor=} — newest first,
 * {@code limit} 1..100 (default 50); {@code nextCursor} continues the list;</li>
 * <li>{@code GET /api/v1/alerts?since=[&court=&limit=]} — the feed ({@link MonitorQueries#alertsSince}): oldest
 * first, from the start ({@code since} empty) or after the {@code nextCursor} of the previous read;</li>
 * <li>{@code POST /api/v1/alerts/{id}/acknowledgement} {@code {"comment": "…"}} — once; the comment is required;</li>
 * <li>{@code GET /api/v1/cases/{caseNumber}/deadlines} — every deadline of the case, open and closed, with its
 * explanation and alerts, and the case's findings;</li>
 * <li>{@code GET /api/v1/rules} — the registered rules with article and parameters.</li>
 * </ul>
 * Callers see only courts their organisation covers ({@link Caller#covers}); admin sees all.
 */
@Component(service = RestResource.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class MonitorResource implements RestResource {
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})-(\\d{1,19})");
    static final int MAX_LIMIT = ReadParams.MAX_LIMIT;

    private final MonitorStore store;
    private final MonitorQueries queries;
    private final RuleRegistry monitor;
    private final Clock clock;

    @Activate
    public MonitorResource(@Reference MonitorStore store, @Reference MonitorQueries queries,
            @Reference RuleRegistry monitor, @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.store = store;
        this.queries = queries;
        this.monitor = monitor;
        this.clock = clock;
    }

    @GET
    @Path("alerts")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER})
    public MonitorDtos.AlertList alerts(@QueryParam("court") String court, @QueryParam("level") String level,
            @QueryParam("status") String status, @QueryParam("rule") String rule, @QueryParam("case") String caseNumber,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("since") String since,
            @Context SecurityContext security) {
        Caller caller = Caller.from(security.getUserPrincipal());
        List<ValidationException> errors = new ArrayList<>();
        CourtScope scope = ReadParams.courts(caller, court, errors);
        AlertLevel lvl = null;
        if (level != null) {
            try {
                lvl = AlertLevel.valueOf(level.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationException("INVALID_LEVEL", "level",
                        "level must be REMINDER, OVERDUE or ESCALATED, not \"" + cut(level) + "\""));
            }
        }
        Boolean acknowledged = null;
        if (status != null) {
            switch (status.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "open" -> acknowledged = false;
                case "acknowledged" -> acknowledged = true;
                default -> errors.add(new ValidationException("INVALID_STATUS", "status",
                        "status must be open or acknowledged, not \"" + cut(status) + "\""));
            }
        }
        if (rule != null && !RULE_ID.matcher(rule).matches()) {
            errors.add(new ValidationException("INVALID_RULE", "rule", "rule must be a rule id such as art13.network-query"));
        }
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
        LocalDate fromDay = date(from, "from", errors);
        LocalDate toDay = date(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.add(new ValidationException("INVALID_RANGE", "to", "to (" + toDay + ") is before from (" + fromDay + ")"));
        }
        int max = ReadParams.limit(limit, errors);
        Long beforeRaised = null;
        if (cursor != null) {
            var m = CURSOR.matcher(cursor.strip());
            if (m.matches()) {
                try {
                    beforeRaised = Long.parseLong(m.group(1));
                    Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    beforeRaised = null;
                }
            }
            if (beforeRaised == null) {
                errors.add(new ValidationException("INVALID_CURSOR", "cursor",
                        "cursor must be the nextCursor of a previous page"));
            }
        }
        if (since != null) {
            if (level != null || status != null || rule != null || caseNumber != null || from != null || to != null
                    || cursor != null) {
                errors.add(new ValidationException("FEED_FILTER", "since",
                        "the feed (since) takes only court and limit; filter a page instead"));
            } else if (!since.isBlank() && !CURSOR.matcher(since.strip()).matches()) {
                errors.add(new ValidationException("INVALID_CURSOR", "since",
                        "since must be empty (the start) or the nextCursor of the previous read"));
            }
        }
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
        if (since != null) {
            String position = since.isBlank() ? null : since.strip();
            Batch<Alert> feed = queries.alertsSince(position, scope, max);
            return new MonitorDtos.AlertList(feed.items().size(),
                    feed.items().stream().map(MonitorDtos.AlertView::of).toList(), feed.next(position));
        }
        AlertFilter filter = AlertFilter.of(scope, max).withCase(cn).withLevel(lvl)
                .withStatus(acknowledged == null ? null : acknowledged ? AlertStatus.ACKNOWLEDGED : AlertStatus.OPEN)
                .withRule(rule)
                .withRaised(fromDay == null ? null : Instant.ofEpochMilli(Scheduler.startOf(fromDay)),
                        toDay == null ? null : Instant.ofEpochMilli(Scheduler.startOf(toDay.plusDays(1))))
                .withCursor(cursor == null ? null : cursor.strip());
        Batch<Alert> page = queries.alerts(filter);
        return new MonitorDtos.AlertList(page.items().size(),
                page.items().stream().map(MonitorDtos.AlertView::of).toList(), page.more() ? page.next(null) : null);
    }

    @POST
    @Path("alerts/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRoles({Roles.SUPERVISOR, Roles.COURT_OFFICER})
    public javax.ws.rs.core.Response acknowledge(@PathParam("id") String id, JsonNode body,
            @Context SecurityContext security) {
        Caller caller = Caller.from(security.getUserPrincipal());
        long alertId;
        try {
            alertId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ValidationException("INVALID_ID", "id", "An alert id is a whole number");
        }
        JsonNode comment = body == null ? null : body.get("comment");
        if (comment == null || !comment.isTextual() || comment.asText().isBlank()) {
            throw new ValidationException("MISSING_FIELD", "comment",
                    "An acknowledgement needs a comment: what was done or why nothing is needed");
        }
        if (comment.asText().length() > 2000) {
            throw new ValidationException("TOO_LONG", "comment", "The comment may have at most 2000 characters");
        }
        AlertEntity a = store.alert(alertId);
        if (a == null || !caller.covers(CaseNumber.parse(a.getCaseNumber()))) {
            // an alert of a court the caller does not cover is not theirs to know about
            throw ApiException.notFound("ALERT_NOT_FOUND", "No alert " + alertId);
        }
        try {
            AlertEntity done = store.acknowledge(alertId, caller.user(), comment.asText().strip(), clock.millis());
            return javax.ws.rs.core.Response.ok(MonitorDtos.AlertView.of(MonitorQueries.alert(done))).build();
        } catch (IllegalStateException e) {
            throw ApiException.conflict("ALREADY_ACKNOWLEDGED", "id", e.getMessage());
        }
    }

    @GET
    @Path("cases/{caseNumber}/deadlines")
    @RequiresRoles({Roles.SUPERVISOR, Roles.INSPECTOR, Roles.COURT_OFFICER, Roles.HOST_SYSTEM})
    public MonitorDtos.CaseDeadlines deadlines(@PathParam("caseNumber") String caseNumber,
            @Context SecurityContext security) {
        CaseNumber cn = CaseNumber.parse(caseNumber, "caseNumber");
        Caller caller = Caller.from(security.getUserPrincipal());
        caller.requireCovers(cn, "caseNumber");
        Set<String> installed = monitor.activeRuleIds();
        Instant now = clock.instant();
        return new MonitorDtos.CaseDeadlines(cn.canonical(), queries.deadlines(cn).stream()
                .map(d -> MonitorDtos.DeadlineView.of(d, installed.contains(d.ruleId()), now)).toList(),
                queries.findingsOf(cn.canonical()).stream().map(MonitorDtos.FindingView::of).toList());
    }

    @GET
    @Path("rules")
    @RequiresRoles(RequiresRoles.ANY_COURT_USER)
    public MonitorDtos.RuleList rules() {
        List<DeadlineRule> inUse = monitor.rules();
        List<MonitorDtos.RuleView> rules = new ArrayList<>();
        for (RuleRegistry.RegisteredRule r : monitor.registeredRules()) {
            rules.add(Views.ruleView(r.rule(), r.properties(), inUse.contains(r.rule())));
        }
        rules.sort((a, b) -> String.valueOf(a.id()).compareTo(String.valueOf(b.id())));
        return new MonitorDtos.RuleList(rules.size(), rules);
    }

    private static LocalDate date(String text, String field, List<ValidationException> errors) {
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

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
