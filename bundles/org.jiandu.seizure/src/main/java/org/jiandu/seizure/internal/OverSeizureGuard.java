package org.jiandu.seizure.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.guard.Operation;
import org.jiandu.api.guard.OperationGuard;
import org.jiandu.api.guard.Verdict;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 违规操作自动拦截 for Art. 15 of 法〔2021〕322号 (no seizure beyond what the claim needs): consulted by the guard
 * registry for every {@code POST /api/v1/guard/check}. Operation types: {@code SEIZE} (查封), {@code FREEZE} (冻结),
 * {@code DETAIN} (扣押), {@code RENEW} (续行) — and the steps towards a disposal ({@code DISPOSE}, {@code SELF_DISPOSAL},
 * {@code PUBLISH_AUCTION_ANNOUNCEMENT}, {@code START_VALUATION}), only to deny them for the debtor's necessary home
 * (查封规定 Art. 4) unless a ground of 法释〔2015〕10号 Art. 20 is recorded; every other type, and those steps
 * otherwise, is ALLOWed. The details each type takes are in
 * {@link SeizureRequest}; bad details throw {@link org.jiandu.api.ValidationException} (HTTP 400 with the field);
 * the rules and the figures of the verdict are in {@link SeizureRules}.
 *
 * <p>The check reads the case's register from memory ({@link RegisterCache}) and computes the claim as of today (the
 * Jiandu clock, Asia/Shanghai), under the court's policy ({@link SeizureSettings}).
 */
@Component(service = OperationGuard.class)
public final class OverSeizureGuard implements OperationGuard {
    static final Set<String> TYPES = Set.of(OperationTypes.SEIZE, OperationTypes.FREEZE, OperationTypes.DETAIN,
            OperationTypes.RENEW, OperationTypes.DISPOSE, OperationTypes.SELF_DISPOSAL,
            OperationTypes.PUBLISH_AUCTION_ANNOUNCEMENT, OperationTypes.START_VALUATION);
    private final RegisterCache cache;
    private final SeizureSettings settings;
    private final Clock clock;

    @Activate
    public OverSeizureGuard(@Reference RegisterCache cache, @Reference SeizureSettings settings,
            @Reference(target = "(jiandu.clock=true)") Clock clock) {
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String id() {
        return SeizureRules.GUARD;
    }

    @Override
    public Verdict check(Operation operation) {
        if (!TYPES.contains(operation.type())) {
            return Verdict.allow(id(), SeizureRules.ART15, "不涉及查封、扣押、冻结");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), CaseEvent.ZONE);
        SeizureRequest request = SeizureRequest.parse(operation.type(), operation.details(), today);
        CaseFacts facts = cache.facts(operation.caseNumber());
        SeizureRegister register = SeizureRegister.of(operation.caseNumber().canonical(), facts, today,
                settings.policy(operation.caseNumber()));
        return SeizureRules.check(request, register, facts);
    }
}
