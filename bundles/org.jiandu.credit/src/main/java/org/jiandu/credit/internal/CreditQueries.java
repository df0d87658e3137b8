package org.jiandu.credit.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.credit.CreditMeasure;
import org.jiandu.api.credit.CreditQuery;
import org.jiandu.api.credit.MeasureStatus;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.Batch;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.FindingFilter;
import org.jiandu.api.query.FindingQuery;
import org.jiandu.api.query.QuerySources;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * This bundle's read side as the API's {@link CreditQuery}, source {@code org.jiandu.credit}. A case's measures are
 * folded from its timeline up to the day asked for (so {@code asOf} in the past shows the case as it was then); the
 * cross-case answers come from the index ({@link MeasureIndex}), their status computed on the day asked for from
 * the latest facts, without history (read the case for it). Its findings ({@link CreditFindings}) are a
 * {@link FindingQuery}, a finding's position its id. The REST resource and the shell read through it.
 */
@Component(service = {CreditQuery.class, FindingQuery.class, CreditQueries.class})
public final class CreditQueries implements CreditQuery, FindingQuery {
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final CaseTimelines timelines;
    private final MeasureIndex index;
    private final WorkingCalendar calendar;
    private final CreditSettings settings;

    @Activate
    public CreditQueries(@Reference CaseTimelines timelines, @Reference MeasureIndex index,
            @Reference WorkingCalendar calendar, @Reference CreditSettings settings) {
        this.timelines = timelines;
        this.index = index;
        this.calendar = calendar;
        this.settings = settings;
    }

    @Override
    public String source() {
        return QuerySources.CREDIT;
    }

    @Override
    public Optional<List<CreditMeasure>> caseMeasures(CaseNumber caseNumber, LocalDate asOf) {
        List<LedgerEntry> timeline = timelines.timeline(caseNumber);
        if (timeline.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MeasureFacts.fold(timeline, asOf).values().stream().filter(m -> m.kind != null)
                .map(m -> view(m, asOf)).toList());
    }

    @Override
    public List<CreditMeasure> person(String key, CourtScope courts, LocalDate asOf) {
        return index.person(key, courts).stream().map(m -> view(m, asOf))
                .sorted(Comparator.comparing((CreditMeasure m) -> m.decision() == null ? LocalDate.MIN
                        : m.decision().on()).reversed()).toList();
    }

    @Override
    public List<CreditMeasure> overdueLifts(CourtScope courts, LocalDate asOf, int limit) {
        return index.overdue(courts, asOf, limit).stream().map(m -> view(m, asOf))
                .filter(m -> m.liftDue() != null && m.liftDue().overdue()).toList();
    }

    @Override
    public List<CreditMeasure> published(CourtScope courts, LocalDate asOf, int limit) {
        return index.published(courts, asOf, limit).stream().map(m -> view(m, asOf))
                .filter(m -> m.status() == MeasureStatus.ACTIVE && m.publishedOn() != null
                        && !m.publishedOn().isAfter(asOf)).toList();
    }

    @Override
    public Batch<Finding> findings(FindingFilter f) {
        return batch(index.findings(f.courts(), f.caseNumber(), f.kind(), position(f.cursor()), null, f.limit() + 1),
                f.limit());
    }

    @Override
    public Batch<Finding> findingsSince(String cursor, CourtScope courts, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, not " + limit);
        }
        Long after = position(cursor);
        return batch(index.findings(courts, null, null, null, after == null ? 0L : after, limit + 1), limit);
    }

    private static Batch<Finding> batch(List<Finding> rows, int limit) {
        return Batch.page(rows, limit, f -> String.valueOf(f.id()));
    }

    private static Long position(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!POSITION.matcher(cursor.strip()).matches()) {
            throw new IllegalArgumentException("Not a finding position: " + cursor);
        }
        return Long.parseLong(cursor.strip());
    }

    /** The case's last entry the in-memory timeline holds (0: none). */
    long lastSeq(CaseNumber caseNumber) {
        return timelines.timeline(caseNumber).size();
    }

    CreditMeasure view(MeasureFacts m, LocalDate asOf) {
        return MeasureView.of(m, asOf, calendar, settings.policy());
    }

    CreditSettings.Policy policy() {
        return settings.policy();
    }
}
