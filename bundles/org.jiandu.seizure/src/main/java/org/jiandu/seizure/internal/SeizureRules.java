package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.guard.OperationTypes;
import org.jiandu.api.ValidationException;
import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Verdict;
import org.jiandu.seizure.internal.ClaimCalculator.Part;
import org.jiandu.seizure.internal.SeizureRegister.AssetView;
import org.jiandu.seizure.internal.SeizureRequest.Offer;

/**
 * The anti-over-seizure rules (Art. 15 of 法〔2021〕322号; 查封规定 Arts. 3, 4, 19, 26, 27; 民诉法解释 Art. 485), as
 * pure functions of the operation and the case's {@link SeizureRegister}. Every verdict carries its figures in
 * {@code details}: {@code rule} (a stable code), the claim with its unpaid parts, the controlled value, the claim
 * still uncovered, the value available from the asset and the largest amount, quantity or share allowed.
 *
 * <p>For SEIZE, FREEZE and DETAIN, in this order (the first that applies answers):
 * <ol>
 * <li>exempt property → DENY {@code EXEMPT_PROPERTY} (查封规定 Art. 3);</li>
 * <li>a bank deposit without an amount → DENY {@code FREEZE_AMOUNT_REQUIRED};</li>
 * <li>an asset other than a deposit already under control for the case → DENY {@code ALREADY_CONTROLLED};</li>
 * <li>no principal reported for the case → WARN {@code CLAIM_UNKNOWN} (nothing to measure against);</li>
 * <li>the claim already covered by what is controlled → DENY {@code CLAIM_COVERED};</li>
 * <li>a deposit: amount above the uncovered claim → DENY {@code FREEZE_EXCEEDS_UNCOVERED} with
 * {@code maxAllowedAmount};</li>
 * <li>a divisible asset whose available value exceeds the uncovered claim → DENY
 * {@code DIVISIBLE_EXCEEDS_UNCOVERED} with {@code maxAllowedValue} and, given a quantity, {@code allowedQuantity};</li>
 * <li>real estate whose available value clearly exceeds the uncovered claim → DENY {@code LOWER_IMPACT_SUFFICES}
 * when a candidate of lower impact suffices; ALLOW {@code SPLIT_REFUSED_WHOLE_SEIZURE} with a task to coordinate
 * the split registration when the registry refuses to split; otherwise DENY {@code PARTIAL_SEIZURE_REQUIRED} with
 * {@code requiredShare};</li>
 * <li>another indivisible asset that clearly exceeds → DENY {@code LOWER_IMPACT_SUFFICES} when a candidate of lower
 * impact suffices, else WARN {@code INDIVISIBLE_CLEARLY_EXCEEDS} (查封规定 Art. 19's proviso);</li>
 * <li>within the claim: WARN {@code LOWER_IMPACT_AVAILABLE} when a candidate of lower impact would suffice, else
 * ALLOW {@code WITHIN_CLAIM}.</li>
 * </ol>
 * A necessary home (查封规定 Art. 4) may be seized: its value counts as 0 (it can pay nothing). With candidates the
 * verdict ranks every asset by impact ({@code ranking}).
 */
final class SeizureRules {
    static final String GUARD = "seizure.over-seizure";
    static final String ART15 = "法〔2021〕322号 第15条第1款";
    static final String ART15_19 = "法〔2021〕322号 第15条第1款；查封规定 第19条";
    static final String ART3 = "查封规定（法释〔2004〕15号，2020年修正）第3条";
    static final String ART4 = "查封规定（法释〔2004〕15号，2020年修正）第4条";
    static final String ART485 = "民诉法解释 第485条；查封规定 第27条";

    private SeizureRules() {
    }

    static final String ART20 = "执行异议复议规定（法释〔2015〕10号，2020年修正）第20条";
    /** The operations that lead to a disposal: each is denied for the necessary home without an Art. 20 ground. */
    static final java.util.Set<String> DISPOSAL_STEPS = java.util.Set.of(OperationTypes.DISPOSE,
            OperationTypes.SELF_DISPOSAL, OperationTypes.PUBLISH_AUCTION_ANNOUNCEMENT, OperationTypes.START_VALUATION);

    /** The verdict on {@code req} against the case's register and facts (the facts hold the Art. 20 grounds). */
    static Verdict check(SeizureRequest req, SeizureRegister reg, CaseFacts facts) {
        if (DISPOSAL_STEPS.contains(req.type())) {
            return dispose(req, reg, facts);
        }
        return req.type().equals(OperationTypes.RENEW) ? renew(req, reg) : control(req, reg);
    }

    private static Verdict control(SeizureRequest req, SeizureRegister reg) {
        Offer a = req.asset();
        Map<String, Object> d = base(reg, a);
        if (a.exemptCategory() != null) {
            return verdict(Decision.DENY, ART3, "EXEMPT_PROPERTY", d, "该财产属于不得查封、扣押、冻结的财产（"
                    + a.exemptCategory() + "），依查封规定第3条不得采取控制措施");
        }
        if (a.deposit() && a.amount() == null) {
            return verdict(Decision.DENY, ART15, "FREEZE_AMOUNT_REQUIRED", d, "冻结银行存款应当明确具体冻结数额，"
                    + "不得影响冻结之外资金的流转和账户的使用（法〔2021〕322号第15条）");
        }
        AssetView existing = reg.assets().stream().filter(v -> v.id().equals(a.assetId()) && v.inForce())
                .findFirst().orElse(null);
        if (existing != null && !a.deposit()) {
            d.put("existingStatus", existing.status());
            d.put("existingExpiry", String.valueOf(existing.expiry()));
            return verdict(Decision.DENY, ART15, "ALREADY_CONTROLLED", d, "该财产已在本案控制之下（"
                    + SeizureRegister.measureLabel(existing.asset().measure(), existing.asset().queued())
                    + "，至 " + existing.expiry() + "），无需重复控制；期限届满前可办理续行");
        }
        if (!reg.claim().known()) {
            return verdict(Decision.WARN, ART15, "CLAIM_UNKNOWN", d,
                    "本案未报送申请执行标的额（CASE_FILED.claimPrincipal），无法核对是否超标的查封，请人工核对");
        }
        BigDecimal uncovered = reg.uncovered();
        if (uncovered.signum() == 0) {
            return verdict(Decision.DENY, ART15_19, "CLAIM_COVERED", d, "已控制财产价值 "
                    + money(reg.controlledValue()) + " 元已足以清偿债权总额 " + money(reg.claim().total())
                    + " 元，不得再查封、扣押、冻结其他财产（法〔2021〕322号第15条、查封规定第19条）");
        }
        if (a.deposit()) {
            d.put("requestedAmount", a.amount());
            d.put("maxAllowedAmount", uncovered);
            if (a.amount().compareTo(uncovered) > 0) {
                return verdict(Decision.DENY, ART15, "FREEZE_EXCEEDS_UNCOVERED", d, "冻结数额 " + money(a.amount())
                        + " 元超过尚未被已控制财产覆盖的债权额 " + money(uncovered) + " 元，最多可冻结 "
                        + money(uncovered) + " 元（法〔2021〕322号第15条）");
            }
            return verdict(Decision.ALLOW, ART15, "WITHIN_CLAIM", d, "冻结数额 " + money(a.amount())
                    + " 元未超过尚未覆盖的债权额 " + money(uncovered) + " 元");
        }

        BigDecimal available = a.necessaryHome() ? BigDecimal.ZERO.setScale(2) : a.available();
        d.put("value", a.amount());
        d.put("valueBasis", a.valueBasis());
        d.put("valueDate", a.valueDate().toString());
        if (a.valueSource() != null) {
            d.put("valueSource", a.valueSource());
        }
        d.put("priorClaims", a.priorClaims());
        if (a.share() != null) {
            d.put("share", a.share().toPlainString());
        }
        d.put("availableValue", available);
        d.put("clearlyExceedsThreshold", reg.policy().threshold(uncovered));
        List<Map<String, Object>> ranking = ranking(req, reg, uncovered);
        if (!req.candidates().isEmpty()) {
            d.put("ranking", ranking);
        }
        Offer lower = lowerImpactSufficing(req, reg, uncovered);
        if (lower != null) {
            d.put("lowerImpactAlternative", Map.of("assetId", lower.assetId(), "impactClass", lower.impact().name(),
                    "availableValue", lower.available()));
        }
        String home = "";
        if (a.necessaryHome()) {
            d.put("necessaryHome", true);
            home = "；该房屋为被执行人及其所扶养家属生活所必需的居住房屋，可以查封，但不得拍卖、变卖或者抵债，"
                    + "其价值不计入控制价值（查封规定第4条）";
        }
        String queued = a.queued() ? "；轮候查封在先查封解除前不产生控制效力（查封规定第26条）" : "";

        if (a.divisible()) {
            d.put("maxAllowedValue", uncovered);
            if (available.compareTo(uncovered) > 0) {
                String qty = "";
                if (a.quantity() != null) {
                    BigDecimal unit = available.divide(BigDecimal.valueOf(a.quantity()), 10, RoundingMode.DOWN);
                    long allowed = unit.signum() == 0 ? a.quantity()
                            : uncovered.divide(unit, 0, RoundingMode.CEILING).longValueExact();
                    allowed = Math.min(allowed, a.quantity());
                    d.put("requestedQuantity", a.quantity());
                    d.put("allowedQuantity", allowed);
                    qty = "，即最多 " + allowed + " 份（共 " + a.quantity() + " 份）";
                }
                return verdict(Decision.DENY, ART15_19, "DIVISIBLE_EXCEEDS_UNCOVERED", d, "可分财产可供清偿的价值 "
                        + money(available) + " 元超过尚未覆盖的债权额 " + money(uncovered) + " 元，只能控制价值 "
                        + money(uncovered) + " 元的部分" + qty + "（法〔2021〕322号第15条、查封规定第19条）" + queued);
            }
        } else if (reg.policy().clearlyExceeds(available, uncovered)) {
            String figures = "可供清偿的价值 " + money(available) + " 元（价值 " + money(a.amount()) + " 元，在先权利 "
                    + money(a.priorClaims()) + " 元）明显超出尚未覆盖的债权额 " + money(uncovered) + " 元（超过 "
                    + reg.policy().ratio().toPlainString() + " 倍，本院标准）";
            if (lower != null) {
                return verdict(Decision.DENY, ART15_19, "LOWER_IMPACT_SUFFICES", d, figures + "，且有对被执行人生产生活"
                        + "影响较小的财产 " + lower.assetId() + "（" + lower.impact().chinese() + "，可供清偿 "
                        + money(lower.available()) + " 元）足以清偿，应选择该财产（法〔2021〕322号第15条）");
            }
            if (AssetKinds.REAL_ESTATE.equals(a.assetKind())) {
                BigDecimal net = a.amount().subtract(a.priorClaims());
                BigDecimal share = uncovered.divide(net, 4, RoundingMode.UP).min(BigDecimal.ONE);
                d.put("requiredShare", share.toPlainString());
                d.put("maxAllowedValue", uncovered);
                if (a.registryRefusesSplit()) {
                    Map<String, Object> task = new LinkedHashMap<>();
                    task.put("kind", "COORDINATE_SPLIT_REGISTRATION");
                    task.put("assetId", a.assetId());
                    task.put("keepShare", share.toPlainString());
                    task.put("excessValue", available.subtract(uncovered));
                    task.put("description", "整体查封后，经被执行人申请，及时协调不动产登记机构办理分割登记并解除对超标的部分的查封");
                    d.put("task", task);
                    return verdict(Decision.ALLOW, ART15, "SPLIT_REFUSED_WHOLE_SEIZURE", d, figures
                            + "；登记机构以登记在同一权利证书下为由不能分割查封，可以整体查封，经被执行人申请应及时协调分割登记并解除"
                            + "超标的部分（约 " + money(available.subtract(uncovered)) + " 元）的查封（法〔2021〕322号第15条）"
                            + home);
                }
                return verdict(Decision.DENY, ART15, "PARTIAL_SEIZURE_REQUIRED", d, figures
                        + "，应当对该不动产相应价值部分采取查封措施：查封份额不超过 " + share.toPlainString()
                        + "（价值约 " + money(uncovered) + " 元）（法〔2021〕322号第15条）");
            }
            return verdict(Decision.WARN, ART15_19, "INDIVISIBLE_CLEARLY_EXCEEDS", d, figures
                    + "；该财产不可分且无其他足以清偿的财产可供选择，可以查封，但应在债权获得清偿或有其他财产时及时解除超标的部分"
                    + "（查封规定第19条）" + queued);
        }
        if (lower != null) {
            return verdict(Decision.WARN, ART15, "LOWER_IMPACT_AVAILABLE", d, "有对被执行人生产生活影响较小的财产 "
                    + lower.assetId() + "（" + lower.impact().chinese() + "，可供清偿 " + money(lower.available())
                    + " 元）足以清偿尚未覆盖的债权额 " + money(uncovered) + " 元，宜优先选择（法〔2021〕322号第15条）"
                    + home + queued);
        }
        return verdict(Decision.ALLOW, ART15, "WITHIN_CLAIM", d, "可供清偿的价值 " + money(available)
                + " 元未明显超出尚未覆盖的债权额 " + money(uncovered) + " 元" + home + queued);
    }

    private static Verdict renew(SeizureRequest req, SeizureRegister reg) {
        String id = req.asset().assetId();
        Map<String, Object> d = base(reg, req.asset());
        AssetView v = reg.assets().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (v == null) {
            return verdict(Decision.DENY, ART485, "NOT_CONTROLLED", d, "本案查封登记中没有财产 " + id + "，无从续行");
        }
        d.put("status", v.status());
        if (v.expiry() != null) {
            d.put("expiry", v.expiry().toString());
        }
        if (SeizureRegister.LAPSED.equals(v.status())) {
            return verdict(Decision.DENY, ART485, "LAPSED", d, "控制期限已于 " + v.expiry() + " 届满且未办理续行，"
                    + "效力已消灭（查封规定第27条），不能续行，如需控制应重新查封、扣押、冻结");
        }
        if (!v.inForce()) {
            return verdict(Decision.DENY, ART485, "NOT_IN_FORCE", d, "该财产的控制措施不在有效状态（" + v.status()
                    + "），无从续行");
        }
        java.time.LocalDate maxUntil = AssetKinds.expiry(v.expiry(), v.termMonths());
        d.put("termMonths", v.termMonths());
        d.put("maxUntil", maxUntil.toString());
        java.time.LocalDate until = req.until() == null ? maxUntil : req.until();
        if (!until.isAfter(v.expiry())) {
            throw new ValidationException("INVALID_DATE", "details.until", "details.until " + until
                    + " must be after the current expiry " + v.expiry());
        }
        d.put("newExpiry", until.toString());
        if (until.isAfter(maxUntil)) {
            return verdict(Decision.DENY, ART485, "RENEWAL_TERM_TOO_LONG", d, "续行期限不得超过法定期限 "
                    + v.termMonths() / 12 + " 年：最迟至 " + maxUntil + "（民诉法解释第485条）");
        }
        BigDecimal rest = reg.controlledValue().subtract(v.counted());
        if (reg.claim().known() && v.counted().signum() > 0 && rest.compareTo(reg.claim().total()) >= 0) {
            d.put("otherControlledValue", rest);
            return verdict(Decision.WARN, ART15_19, "RELEASE_INSTEAD", d, "其余控制财产价值 " + money(rest)
                    + " 元已足以清偿债权总额 " + money(reg.claim().total()) + " 元，该财产宜解除而非续行（查封规定第19条）");
        }
        return verdict(Decision.ALLOW, ART485, "RENEWAL_WITHIN_TERM", d, "在期限届满（" + v.expiry()
                + "）前续行至 " + until + "，未超过法定期限");
    }

    /**
     * A step towards disposing of an asset (处置, 自行处置, 拍卖公告, 委托评估): the debtor's and dependants' necessary
     * home may be seized but not auctioned, sold or taken in payment (查封规定 Art. 4), unless a ground of
     * 法释〔2015〕10号 Art. 20 is recorded for it (HOME_DISPOSAL_GROUND_RECORDED); the verdict names the ground.
     */
    private static Verdict dispose(SeizureRequest req, SeizureRegister reg, CaseFacts facts) {
        String id = req.asset().assetId();
        boolean home = req.asset().necessaryHome() || id != null && reg.assets().stream()
                .anyMatch(v -> v.id().equals(id) && v.asset().necessaryHome());
        if (!home) {
            return new Verdict(GUARD, Decision.ALLOW, ART4, "不涉及被执行人必需的居住房屋", Map.of("rule", "NOT_NECESSARY_HOME"));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("operation", req.type());
        if (id != null) {
            d.put("assetId", id);
        }
        CaseFacts.HomeGround g = facts.homeGround(id);
        if (g != null && g.valid()) {
            d.put("rule", "NECESSARY_HOME_ART20_GROUND");
            d.put("ground", g.ground());
            if (g.rentYears() != null) {
                d.put("rentYears", g.rentYears());
            }
            d.put("groundRecordedOn", g.recordedOn().toString());
            d.put("groundSeq", g.seq());
            return new Verdict(GUARD, Decision.ALLOW, ART20, "被执行人居住房屋，已认定" + groundText(g)
                    + "（" + g.recordedOn() + " 记录），可依法处置（执行异议复议规定第20条）", d);
        }
        d.put("rule", "NECESSARY_HOME_DISPOSAL");
        String missing = g == null ? "未记录执行异议复议规定第20条规定的情形"
                : "所记录的情形不完整（扣除租金须为五至八年，记录为 " + g.rentYears() + "）";
        if (g != null) {
            d.put("ground", g.ground());
        }
        return new Verdict(GUARD, Decision.DENY, ART4, "被执行人及其所扶养家属生活所必需的居住房屋，"
                + "人民法院可以查封，但不得拍卖、变卖或者抵债（查封规定第4条）；" + missing, d);
    }

    private static String groundText(CaseFacts.HomeGround g) {
        return switch (g.ground()) {
            case "SUPPORTER_HAS_OTHER_HOME" -> "对被执行人有扶养义务的人名下有其他能够维持生活必需的居住房屋";
            case "OTHER_HOME_TRANSFERRED_TO_EVADE" -> "执行依据生效后被执行人为逃避债务转让其名下其他房屋";
            case "APPLICANT_PROVIDES_HOUSING" -> "申请执行人按照当地廉租住房保障面积标准为被执行人及所扶养家属提供居住房屋";
            default -> "申请执行人同意从该房屋变价款中扣除 " + g.rentYears() + " 年租金";
        };
    }

    /** A usable candidate of lower impact than the asset asked about whose available value alone suffices. */
    private static Offer lowerImpactSufficing(SeizureRequest req, SeizureRegister reg, BigDecimal uncovered) {
        int mine = reg.policy().rank(req.asset().impact());
        Offer best = null;
        for (Offer c : req.candidates()) {
            if (excluded(c, reg) != null || c.available().compareTo(uncovered) < 0) {
                continue;
            }
            int r = reg.policy().rank(c.impact());
            if (r < mine && (best == null || r < reg.policy().rank(best.impact()))) {
                best = c;
            }
        }
        return best;
    }

    private static String excluded(Offer c, SeizureRegister reg) {
        if (c.exemptCategory() != null) {
            return "豁免财产（查封规定第3条）";
        }
        if (c.necessaryHome()) {
            return "必需居住房屋，不得处置（查封规定第4条）";
        }
        if (c.queued()) {
            return "轮候查封，未生效前不能清偿";
        }
        if (reg.assets().stream().anyMatch(v -> v.id().equals(c.assetId()) && v.inForce())) {
            return "已在本案控制之下";
        }
        return null;
    }

    /** The asset asked about and the candidates, least impact first (Art. 15: 影响较小且方便执行). */
    static List<Map<String, Object>> ranking(SeizureRequest req, SeizureRegister reg, BigDecimal uncovered) {
        record Row(Offer offer, boolean requested, String excluded, int rank) {
        }
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(req.asset(), true, req.asset().exemptCategory() != null ? "豁免财产（查封规定第3条）" : null,
                reg.policy().rank(req.asset().impact())));
        for (Offer c : req.candidates()) {
            rows.add(new Row(c, false, excluded(c, reg), reg.policy().rank(c.impact())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.excluded() != null).thenComparingInt(Row::rank)
                .thenComparing((Row r) -> r.offer().available().compareTo(uncovered) < 0)
                .thenComparing(r -> r.offer().available()));
        List<Map<String, Object>> out = new ArrayList<>();
        int i = 1;
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", i++);
            m.put("assetId", r.offer().assetId());
            m.put("assetKind", r.offer().assetKind());
            m.put("impactClass", r.offer().impact().name());
            m.put("availableValue", r.offer().available());
            m.put("sufficesAlone", r.offer().available().compareTo(uncovered) >= 0);
            m.put("requested", r.requested());
            if (r.offer().offeredByDebtor()) {
                m.put("offeredByDebtor", true);
            }
            if (r.excluded() != null) {
                m.put("excluded", r.excluded());
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> base(SeizureRegister reg, Offer a) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("asOf", reg.asOf().toString());
        if (a.assetId() != null) {
            d.put("assetId", a.assetId());
        }
        if (a.assetKind() != null) {
            d.put("assetKind", a.assetKind());
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("total", reg.claim().total());
        for (Part p : reg.claim().parts()) {
            claim.put(p.name(), p.unpaid());
        }
        claim.put("lateDays", reg.claim().lateDays());
        d.put("claim", claim);
        d.put("claimTotal", reg.claim().total());
        d.put("controlledValue", reg.controlledValue());
        d.put("uncoveredClaim", reg.uncovered());
        d.put("clearlyExceedsRatio", reg.policy().ratio().toPlainString());
        return d;
    }

    private static Verdict verdict(Decision decision, String article, String rule, Map<String, Object> d,
            String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rule", rule);
        details.putAll(d);
        return new Verdict(GUARD, decision, article, reason, details);
    }

    private static String money(BigDecimal v) {
        return v == null ? "?" : v.toPlainString();
    }
}
