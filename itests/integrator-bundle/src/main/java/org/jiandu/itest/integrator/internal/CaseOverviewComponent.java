package org.jiandu.itest.integrator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.alert.Alert;
import org.jiandu.api.deadline.Deadline;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.Aggregate;
import org.jiandu.api.query.AlertFilter;
import org.jiandu.api.query.AlertQuery;
import org.jiandu.api.query.Answer;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.DeadlineQuery;
import org.jiandu.api.query.FindingFilter;
import org.jiandu.api.query.FindingQuery;
import org.jiandu.api.query.QuerySources;
import org.jiandu.itest.integrator.CaseOverview;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Reads a case from every producer that registered a query service (a whiteboard keyed by {@code source()}: a
 * producer installed or stopped later joins or leaves the answers at once), combined with {@link Aggregate}, whose
 * {@code Sources} tell "no alert" from "no monitor".
 */
@Component(service = CaseOverview.class)
public final class CaseOverviewComponent implements CaseOverview {
    /** The order {@link AlertQuery#alerts} answers in: raised instant, then id, descending. */
    private static final Comparator<Alert> ALERTS_NEWEST_FIRST = Comparator.comparing(Alert::raisedAt)
            .thenComparingLong(Alert::id).reversed();
    /** Newest first across producers, as {@code GET /api/v1/findings} lists them. */
    private static final Comparator<Finding> FINDINGS_NEWEST_FIRST = Comparator.comparing(Finding::raisedAt)
            .reversed().thenComparing(Finding::source).thenComparing(Comparator.comparingLong(Finding::id).reversed());
    private static final int PAGE = 1000;

    private final Map<String, DeadlineQuery> deadlineQueries = new ConcurrentHashMap<>();
    private final Map<String, AlertQuery> alertQueries = new ConcurrentHashMap<>();
    private final Map<String, FindingQuery> findingQueries = new ConcurrentHashMap<>();
    private final LedgerTally tally;
    private final FindingInbox inbox;

    @Activate
    public CaseOverviewComponent(@Reference LedgerTally tally, @Reference FindingInbox inbox) {
        this.tally = tally;
        this.inbox = inbox;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDeadlineQuery(DeadlineQuery q) {
        deadlineQueries.put(q.source(), q);
    }

    void removeDeadlineQuery(DeadlineQuery q) {
        deadlineQueries.remove(q.source(), q);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addAlertQuery(AlertQuery q) {
        alertQueries.put(q.source(), q);
    }

    void removeAlertQuery(AlertQuery q) {
        alertQueries.remove(q.source(), q);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addFindingQuery(FindingQuery q) {
        findingQueries.put(q.source(), q);
    }

    void removeFindingQuery(FindingQuery q) {
        findingQueries.remove(q.source(), q);
    }

    @Override
    public Answer<Deadline> deadlines(CaseNumber caseNumber) {
        return Aggregate.collect(deadlineQueries, QuerySources.DEADLINES, q -> q.deadlines(caseNumber));
    }

    @Override
    public Answer<Alert> alerts(CaseNumber caseNumber) {
        AlertFilter filter = AlertFilter.of(CourtScope.all(), PAGE).withCase(caseNumber.canonical());
        return allPages(cursor -> Aggregate.merge(alertQueries, QuerySources.ALERTS, cursor, PAGE,
                ALERTS_NEWEST_FIRST, (q, position) -> q.alerts(filter.withCursor(position)), false));
    }

    @Override
    public Answer<Finding> findings(CaseNumber caseNumber) {
        FindingFilter filter = FindingFilter.of(CourtScope.all(), PAGE).withCase(caseNumber.canonical());
        return allPages(cursor -> Aggregate.merge(findingQueries, QuerySources.FINDINGS, cursor, PAGE,
                FINDINGS_NEWEST_FIRST, (q, position) -> q.findings(filter.withCursor(position)), false));
    }

    /** Reads page after page until no source has more; the sources are those of the last page. */
    private static <T> Answer<T> allPages(Function<String, Answer<T>> page) {
        List<T> items = new ArrayList<>();
        Answer<T> a = page.apply(null);
        items.addAll(a.items());
        while (a.cursor() != null) {
            a = page.apply(a.cursor());
            items.addAll(a.items());
        }
        return new Answer<>(items, null, a.sources());
    }

    @Override
    public long entriesFollowed() {
        return tally.distinct();
    }

    @Override
    public SortedSet<Long> followed(CaseNumber caseNumber) {
        return tally.seqs(caseNumber.canonical());
    }

    @Override
    public List<Finding> findingsReceived() {
        return inbox.received();
    }
}
