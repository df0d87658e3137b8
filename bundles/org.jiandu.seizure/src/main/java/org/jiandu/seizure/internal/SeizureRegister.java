package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.seizure.internal.CaseFacts.Asset;
import org.jiandu.seizure.internal.CaseFacts.Encumbrance;
import org.jiandu.seizure.internal.CaseFacts.Objection;
import org.jiandu.seizure.internal.CaseFacts.Renewal;
import org.jiandu.seizure.internal.CaseFacts.Valuation;
import org.jiandu.seizure.internal.ClaimCalculator.ClaimTotal;

/**
 * The seizure register of a case as of a day (Art. 15 of 法〔2021〕322号): each controlled asset with its kind,
 * divisibility, measure (first or 轮候 queued), value basis with date and source, prior-ranking claims, the value
 * available to this claim (value − prior-ranking claims), term and expiry; the claim total; the coverage; and what
 * could be released (查封规定 Art. 19).
 *
 * <p>What counts as control: an asset IN_FORCE — controlled, not queued (or its queued seizure took effect,
 * 查封规定 Art. 26), not released as a whole, not disposed of, not lapsed (term over without renewal, Art. 27). Its
 * available value counts, except for the debtor's necessary home (it may be seized but never sold, so it can pay
 * nothing, Art. 4) and exempt property (Art. 3), which count as 0. An asset that is not in force counts 0 too.
 *
 * <p>Money the court has taken from a frozen account (扣划) arrives as MONEY_RECEIVED and reduces the claim; the host
 * must also end that freeze (CONTROL_RELEASED, in part or whole, or DISPOSAL_COMPLETED), or the frozen amount would
 * count a second time as control.
 */
record SeizureRegister(String caseNumber, LocalDate asOf, ClaimTotal claim, List<AssetView> assets,
        BigDecimal controlledValue, BigDecimal uncovered, BigDecimal excess, BigDecimal coverageRatio,
        boolean clearlyExceeds, CourtPolicy policy, List<Releasable> releasable, List<Objection> objections) {

    static final String IN_FORCE = "IN_FORCE";
    static final String QUEUED = "QUEUED";
    static final String RELEASED = "RELEASED";
    static final String DISPOSED = "DISPOSED";
    static final String LAPSED = "LAPSED";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    /** One asset of the register as of the day. */
    record AssetView(Asset asset, String status, ImpactClass impact, boolean divisible, Valuation value,
            BigDecimal gross, BigDecimal priorClaims, List<Encumbrance> encumbrances, BigDecimal available,
            BigDecimal counted, String countNote, LocalDate termStart, int termMonths, LocalDate expiry,
            Long daysToExpiry) {

        String id() {
            return asset.id();
        }

        boolean inForce() {
            return IN_FORCE.equals(status);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("assetId", asset.id());
            m.put("assetKind", asset.kind() == null ? "UNREPORTED" : asset.kind());
            m.put("impactClass", impact.name());
            m.put("measure", asset.measure() == null ? "UNREPORTED" : asset.measure());
            m.put("measureLabel", measureLabel(asset.measure(), asset.queued()));
            m.put("queued", asset.queued());
            m.put("status", status);
            m.put("controlledOn", asset.controlledOn().toString());
            if (asset.queued() && asset.effectiveOn() != null) {
                m.put("queuedEffectiveOn", asset.effectiveOn().toString());
            }
            m.put("divisible", divisible);
            if (asset.partial()) {
                m.put("partial", true);
            }
            if (value != null) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("amount", value.amount());
                v.put("basis", value.basis());
                v.put("date", value.valueDate().toString());
                if (value.source() != null) {
                    v.put("source", value.source());
                }
                m.put("value", v);
            } else {
                m.put("value", null);
            }
            m.put("grossValue", gross);
            m.put("priorClaims", priorClaims);
            m.put("encumbrances", encumbrances.stream().map(e -> {
                Map<String, Object> em = new LinkedHashMap<>();
                em.put("encumbranceId", e.id());
                em.put("kind", e.kind());
                em.put("amount", e.amount());
                if (e.holder() != null) {
                    em.put("holder", e.holder());
                }
                em.put("recordedOn", e.recordedOn().toString());
                if (e.endedOn() != null) {
                    em.put("endedOn", e.endedOn().toString());
                }
                return em;
            }).toList());
            m.put("availableValue", available);
            m.put("countedValue", counted);
            if (countNote != null) {
                m.put("countNote", countNote);
            }
            if (asset.necessaryHome()) {
                m.put("necessaryHome", true);
            }
            if (asset.exemptCategory() != null) {
                m.put("exemptCategory", asset.exemptCategory());
            }
            if (asset.registryRefusesSplit()) {
                m.put("registryRefusesSplit", true);
            }
            if (termStart != null) {
                m.put("termStart", termStart.toString());
                m.put("termMonths", termMonths);
                m.put("expiry", expiry.toString());
                m.put("daysToExpiry", daysToExpiry);
                m.put("renewals", asset.renewals().stream().map(r -> r.date().toString()).toList());
            }
            return m;
        }
    }

    /** What Art. 19 of 查封规定 lets the court release: a whole asset, a part of it, or the part above a split. */
    record Releasable(String assetId, String action, BigDecimal amount, BigDecimal keepShare, String reason) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("assetId", assetId);
            m.put("action", action);
            m.put("amount", amount);
            if (keepShare != null) {
                m.put("keepShare", keepShare.toPlainString());
            }
            m.put("reason", reason);
            return m;
        }
    }

    static String measureLabel(String measure, boolean queued) {
        String base = measure == null ? "控制" : switch (measure) {
            case "SEAL" -> "查封";
            case "DETAIN" -> "扣押";
            case "FREEZE" -> "冻结";
            default -> measure;
        };
        return queued ? "轮候" + base : base;
    }

    /** Builds the register of {@code facts} as of {@code asOf} under {@code policy}. */
    static SeizureRegister of(String caseNumber, CaseFacts facts, LocalDate asOf, CourtPolicy policy) {
        ClaimTotal claim = ClaimCalculator.compute(facts, asOf);
        List<AssetView> views = new ArrayList<>();
        BigDecimal controlled = ZERO;
        for (Asset a : facts.assets().values()) {
            if (a.controlledOn().isAfter(asOf)) {
                continue;
            }
            AssetView v = view(a, facts, asOf, policy);
            views.add(v);
            if (v.inForce()) {
                controlled = controlled.add(v.counted());
            }
        }
        BigDecimal total = claim.total();
        BigDecimal uncovered = total.subtract(controlled).max(ZERO);
        BigDecimal excess = controlled.subtract(total).max(ZERO);
        BigDecimal ratio = total.signum() == 0 ? null : controlled.divide(total, 4, RoundingMode.HALF_UP);
        boolean clearly = claim.known() && policy.clearlyExceeds(controlled, total);
        List<Releasable> releasable = claim.known() ? releasable(views, total, controlled, policy) : List.of();
        List<Objection> objections = facts.objections().values().stream()
                .filter(o -> !o.filedOn().isAfter(asOf)).toList();
        return new SeizureRegister(caseNumber, asOf, claim, List.copyOf(views), controlled, uncovered, excess, ratio,
                clearly, policy, releasable, objections);
    }

    static AssetView view(Asset a, CaseFacts facts, LocalDate asOf, CourtPolicy policy) {
        ImpactClass impact = ImpactClass.of(a.kind(), a.residential(), a.businessEssential());
        boolean divisible = a.divisible() != null ? a.divisible() : AssetKinds.divisibleByDefault(a.kind());
        Valuation value = a.valuationOn(asOf);
        BigDecimal gross = a.grossOn(asOf);
        List<Encumbrance> active = new ArrayList<>();
        BigDecimal prior = ZERO;
        for (Encumbrance e : facts.encumbrances(a.id()).values()) {
            if (e.activeOn(asOf)) {
                active.add(e);
                prior = prior.add(e.amount());
            }
        }
        BigDecimal available = gross == null ? ZERO : gross.subtract(prior).max(ZERO);

        LocalDate termStart = a.queued() ? a.effectiveOn() : a.controlledOn();
        if (termStart != null && termStart.isAfter(asOf)) {
            termStart = null;
        }
        int months = AssetKinds.termMonths(a.kind(), a.measure());
        LocalDate expiry = null;
        Long daysToExpiry = null;
        if (termStart != null) {
            expiry = AssetKinds.expiry(termStart, months);
            for (Renewal r : a.renewals()) {
                if (!r.date().isAfter(asOf) && !r.date().isAfter(expiry)) {
                    expiry = r.until() != null ? r.until() : AssetKinds.expiry(expiry, months);
                }
            }
            daysToExpiry = ChronoUnit.DAYS.between(asOf, expiry);
        }

        String status;
        if (a.disposedOn() != null && !a.disposedOn().isAfter(asOf)) {
            status = DISPOSED;
        } else if (a.releasedOn(asOf)) {
            status = RELEASED;
        } else if (termStart == null) {
            status = QUEUED;
        } else if (asOf.isAfter(expiry)) {
            status = LAPSED;
        } else {
            status = IN_FORCE;
        }

        BigDecimal counted = available;
        String note = null;
        if (gross == null) {
            note = "价值未报送，计为0";
        } else if (a.exemptCategory() != null) {
            counted = ZERO;
            note = "豁免财产（查封规定第3条），不计入控制价值";
        } else if (a.necessaryHome()) {
            counted = ZERO;
            note = "被执行人及其所扶养家属生活所必需的居住房屋，可以查封但不得拍卖、变卖或者抵债（查封规定第4条），不计入控制价值";
        }
        if (!IN_FORCE.equals(status)) {
            counted = ZERO;
            note = QUEUED.equals(status) ? "轮候查封尚未生效，不计入控制价值（查封规定第26条）"
                    : LAPSED.equals(status) ? "期限届满未续行，效力消灭（查封规定第27条）" : note;
        }
        return new AssetView(a, status, impact, divisible, value, gross, prior, List.copyOf(active), available,
                counted, note, termStart, months, expiry, daysToExpiry);
    }

    /**
     * What can be released so that the rest still covers the claim (查封规定 Art. 19): assets are taken from the
     * highest impact down; an asset goes whole when the rest still covers the claim; a divisible one gives up the
     * part above it; real estate that clearly exceeds what is needed of it is split (Art. 15 ¶1) keeping the share
     * needed; any other indivisible asset is kept (Art. 19's proviso: 不可分物且其他财产不足以清偿).
     */
    static List<Releasable> releasable(List<AssetView> views, BigDecimal claim, BigDecimal controlled,
            CourtPolicy policy) {
        if (controlled.compareTo(claim) <= 0
                && views.stream().noneMatch(v -> v.inForce() && v.asset().exemptCategory() != null)) {
            return List.of();
        }
        List<AssetView> inForce = new ArrayList<>(views.stream().filter(AssetView::inForce).toList());
        inForce.sort(Comparator.comparingInt((AssetView v) -> policy.rank(v.impact())).reversed()
                .thenComparing(AssetView::counted, Comparator.reverseOrder()));
        List<Releasable> out = new ArrayList<>();
        BigDecimal remaining = controlled;
        for (AssetView v : inForce) {
            BigDecimal without = remaining.subtract(v.counted());
            if (v.counted().signum() == 0) {
                if (v.asset().exemptCategory() != null) {
                    out.add(new Releasable(v.id(), "RELEASE_WHOLE", v.available(), null,
                            "豁免财产不得查封、扣押、冻结（查封规定第3条）"));
                } else if (v.asset().necessaryHome() && remaining.compareTo(claim) >= 0) {
                    out.add(new Releasable(v.id(), "RELEASE_WHOLE", v.available(), null,
                            "其余控制财产已足以清偿，必需居住房屋不得处置，应予解除（查封规定第4条、第19条）"));
                }
                continue;
            }
            if (without.compareTo(claim) >= 0) {
                out.add(new Releasable(v.id(), "RELEASE_WHOLE", v.counted(), null,
                        "其余控制财产价值 " + without.toPlainString() + " 元已足以清偿债权 " + claim.toPlainString()
                                + " 元（查封规定第19条）"));
                remaining = without;
                continue;
            }
            BigDecimal needed = claim.subtract(without);
            BigDecimal spare = v.counted().subtract(needed);
            if (spare.signum() <= 0) {
                continue;
            }
            if (v.divisible()) {
                out.add(new Releasable(v.id(), "RELEASE_PART", spare, null, "可分财产超出债权部分 "
                        + spare.toPlainString() + " 元应予解除（查封规定第19条）"));
                remaining = remaining.subtract(spare);
            } else if (AssetKinds.REAL_ESTATE.equals(v.asset().kind()) && !v.asset().partial()
                    && policy.clearlyExceeds(v.counted(), needed)) {
                BigDecimal share = needed.divide(v.counted(), 4, RoundingMode.UP);
                out.add(new Releasable(v.id(), "SPLIT_AND_RELEASE_EXCESS", spare, share,
                        "不动产整体价值明显超出所需债权额，应分割登记后解除超标的部分的查封（法〔2021〕322号第15条）"));
                remaining = remaining.subtract(spare);
            }
        }
        return List.copyOf(out);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNumber", caseNumber);
        m.put("asOf", asOf.toString());
        m.put("claim", claim.toMap());
        Map<String, Object> cov = new LinkedHashMap<>();
        cov.put("claimTotal", claim.total());
        cov.put("controlledValue", controlledValue);
        cov.put("uncoveredClaim", uncovered);
        cov.put("excess", excess);
        cov.put("coverageRatio", coverageRatio == null ? null : coverageRatio.toPlainString());
        cov.put("clearlyExceedsThreshold", policy.threshold(claim.total()));
        cov.put("clearlyExceeds", clearlyExceeds);
        cov.put("policy", policy.toMap());
        m.put("coverage", cov);
        m.put("assets", assets.stream().map(AssetView::toMap).toList());
        m.put("releasable", releasable.stream().map(Releasable::toMap).toList());
        m.put("objections", objections.stream().map(o -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("objectionId", o.id());
            om.put("filedOn", o.filedOn().toString());
            om.put("assetIds", o.assetIds());
            om.put("valuationRequested", o.valuationRequested());
            om.put("status", o.outcome() == null ? "PENDING" : o.outcome());
            if (o.ruledOn() != null) {
                om.put("ruledOn", o.ruledOn().toString());
            }
            om.put("suspendsSeizure", false);
            om.put("note", "以超标的查封为由提出异议并申请评估的，评估期间不停止查封（法〔2021〕322号第15条第3款）");
            return om;
        }).toList());
        return m;
    }
}
