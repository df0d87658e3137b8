package org.jiandu.seizure.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.query.Batch;
import org.jiandu.api.query.CourtScope;
import org.jiandu.api.query.FindingFilter;
import org.jiandu.api.query.FindingQuery;
import org.jiandu.api.query.QuerySources;
import org.jiandu.api.query.SeizureQuery;
import org.jiandu.api.query.SeizureRegister;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * This bundle's read side as the API's query services, source {@code org.jiandu.seizure}: its findings
 * ({@link FindingQuery}; a finding's position is its id) and the seizure registers ({@link SeizureQuery}, computed
 * from the in-memory model of the ledger, as the guard reads it). Its REST resource reads through it too.
 */
@Component(service = {FindingQuery.class, SeizureQuery.class, SeizureQueries.class})
public final class SeizureQueries implements FindingQuery, SeizureQuery {
    private static final Pattern POSITION = Pattern.compile("\\d{1,18}");

    private final RegisterCache cache;
    private final SeizureSettings settings;
    private final FindingStore findings;

    @Activate
    public SeizureQueries(@Reference RegisterCache cache, @Reference SeizureSettings settings,
            @Reference FindingStore findings) {
        this.cache = cache;
        this.settings = settings;
        this.findings = findings;
    }

    @Override
    public String source() {
        return QuerySources.SEIZURE;
    }

    @Override
    public Batch<Finding> findings(FindingFilter f) {
        return batch(findings.scoped(f.courts(), f.caseNumber(), f.kind(), position(f.cursor()), false,
                f.limit() + 1), f.limit());
    }

    @Override
    public Batch<Finding> findingsSince(String cursor, CourtScope courts, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, not " + limit);
        }
        return batch(findings.scoped(courts, null, null, position(cursor), true, limit + 1), limit);
    }

    private static Batch<Finding> batch(List<FindingEntity> rows, int limit) {
        return Batch.page(rows.stream().map(r -> SeizureFindings.toFinding(r, null)).toList(), limit,
                f -> String.valueOf(f.id()));
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

    @Override
    public Optional<SeizureRegister> register(CaseNumber caseNumber, LocalDate asOf) {
        CaseFacts facts = cache.facts(caseNumber);
        if (facts.lastSeq() == 0) {
            return Optional.empty();
        }
        return Optional.of(toApi(internal(caseNumber, facts, asOf), facts.lastSeq()));
    }

    /** The register as this bundle computes it (the REST resource renders its every figure). */
    org.jiandu.seizure.internal.SeizureRegister internal(CaseNumber caseNumber, CaseFacts facts, LocalDate asOf) {
        return org.jiandu.seizure.internal.SeizureRegister.of(caseNumber.canonical(), facts, asOf,
                settings.policy(caseNumber));
    }

    static SeizureRegister toApi(org.jiandu.seizure.internal.SeizureRegister reg, long lastSeq) {
        return new SeizureRegister(reg.caseNumber(), reg.asOf(), lastSeq, reg.claim().known(), reg.claim().total(),
                reg.claim().parts().stream().map(p -> new SeizureRegister.ClaimPart(p.name(), p.label(), p.amount(),
                        p.paid(), p.unpaid())).toList(),
                reg.assets().stream().map(v -> new SeizureRegister.ControlledAsset(v.id(),
                        v.asset().kind() == null ? "UNREPORTED" : v.asset().kind(),
                        v.asset().measure() == null ? "UNREPORTED" : v.asset().measure(), v.asset().queued(),
                        v.status(), v.asset().controlledOn(), v.value() == null ? null : v.value().basis(),
                        v.value() == null ? null : v.value().amount(), v.priorClaims(), v.available(), v.counted(),
                        v.expiry())).toList(),
                reg.controlledValue(), reg.uncovered(), reg.excess(), reg.policy().threshold(reg.claim().total()),
                reg.clearlyExceeds(),
                reg.releasable().stream().map(r -> new SeizureRegister.Release(r.assetId(), r.action(), r.amount(),
                        r.keepShare(), r.reason())).toList(),
                (int) reg.objections().stream().filter(o -> o.outcome() == null).count());
    }
}
