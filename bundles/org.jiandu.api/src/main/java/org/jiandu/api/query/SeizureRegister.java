package org.jiandu.api.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A case's seizure register as of a day (Art. 15 of 法〔2021〕322号: 严禁超标的查封), as {@link SeizureQuery} answers
 * it: the claim still owed with its parts, each controlled asset and what it counts for, the coverage, and what
 * could be released (查封规定 Art. 19). Money is exact, scale 2.
 *
 * @param caseNumber              the case, canonical form
 * @param asOf                    the day the claim and the terms are computed for
 * @param lastSeq                 the last ledger entry the register reflects
 * @param claimKnown              whether the principal is known; when not, nothing is checked against the claim
 * @param claimTotal              what is still owed: the sum of the parts' unpaid amounts
 * @param claimParts              principal, judgment interest, doubled interest, application fee, other costs
 * @param assets                  every controlled asset, in the order controlled
 * @param controlledValue         the value counted for the claim of the assets in force
 * @param uncoveredClaim          the part of the claim no control covers
 * @param excess                  how far control exceeds the claim
 * @param clearlyExceedsThreshold the controlled value above which control clearly exceeds the claim (the court's
 *                                policy)
 * @param clearlyExceeds          whether it does
 * @param releasable              what could be released, highest impact first
 * @param pendingObjections       over-seizure objections not yet ruled on (they never suspend the seizure, Art. 15
 *                                ¶3)
 */
public record SeizureRegister(String caseNumber, LocalDate asOf, long lastSeq, boolean claimKnown,
        BigDecimal claimTotal, List<ClaimPart> claimParts, List<ControlledAsset> assets, BigDecimal controlledValue,
        BigDecimal uncoveredClaim, BigDecimal excess, BigDecimal clearlyExceedsThreshold, boolean clearlyExceeds,
        List<Release> releasable, int pendingObjections) {

    public SeizureRegister {
        claimParts = List.copyOf(claimParts);
        assets = List.copyOf(assets);
        releasable = List.copyOf(releasable);
    }

    /** One part of the claim ({@code principal}, {@code doubledInterest} …): amount, paid, unpaid. */
    public record ClaimPart(String name, String label, BigDecimal amount, BigDecimal paid, BigDecimal unpaid) {
    }

    /**
     * One controlled asset.
     *
     * @param assetId        the host's asset id
     * @param kind           {@code DEPOSIT}, {@code REAL_ESTATE} … or {@code UNREPORTED}
     * @param measure        {@code SEIZE}, {@code FREEZE}, {@code DETAIN} or {@code UNREPORTED}
     * @param queued         a 轮候 (queued) seizure
     * @param status         {@code IN_FORCE}, {@code QUEUED}, {@code RELEASED}, {@code DISPOSED}, {@code LAPSED}
     * @param controlledOn   the day control began
     * @param valueBasis     the kind of value ({@code APPRAISAL} …), or {@code null} when none is known
     * @param value          the value, or {@code null}
     * @param priorClaims    claims ranking ahead on it
     * @param availableValue value less prior claims
     * @param countedValue   what it counts for this claim
     * @param expiry         when the control lapses without renewal, or {@code null}
     */
    public record ControlledAsset(String assetId, String kind, String measure, boolean queued, String status,
            LocalDate controlledOn, String valueBasis, BigDecimal value, BigDecimal priorClaims,
            BigDecimal availableValue, BigDecimal countedValue, LocalDate expiry) {
    }

    /**
     * What could be released: {@code RELEASE_WHOLE}, {@code RELEASE_PART} or {@code SPLIT_AND_RELEASE_EXCESS}, the
     * amount, the share to keep (for a split), and why.
     */
    public record Release(String assetId, String action, BigDecimal amount, BigDecimal keepShare, String reason) {
    }
}
