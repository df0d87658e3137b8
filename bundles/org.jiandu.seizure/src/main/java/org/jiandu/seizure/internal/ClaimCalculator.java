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

import org.jiandu.seizure.internal.CaseFacts.Claim;
import org.jiandu.seizure.internal.CaseFacts.Cost;
import org.jiandu.seizure.internal.CaseFacts.Payment;

/**
 * The claim a seizure may secure, as of a day, every part shown (法〔2021〕322号 Art. 15: 以其价值足以清偿生效法律文书
 * 确定的债权额为限; 查封规定 Art. 19: the claim and the enforcement costs).
 *
 * <ul>
 * <li><b>Principal</b> and <b>judgment interest</b> as CASE_FILED reports them ({@code claimPrincipal},
 * {@code judgmentInterest}).</li>
 * <li><b>Doubled late-payment interest</b> (迟延履行期间的加倍部分债务利息), 迟延履行利息解释 (法释〔2014〕8号) Art. 1:
 * unpaid principal × 0.0175% per day, from the day after the performance deadline (Art. 2) up to and including the
 * as-of day. A payment reduces the principal from its day: the part paid stops earning the interest at the end of
 * the day it is paid (Art. 2: 分次履行的，相应部分的加倍部分债务利息计算至每次履行完毕之日). The interest is
 * therefore a sum of segments, one per stretch of constant unpaid principal, each rounded half-up to the fen and
 * shown with its days.</li>
 * <li><b>Application fee</b> ({@link FeeSchedule}) on {@code enforcementAmount}, or principal + judgment interest.</li>
 * <li><b>Other enforcement costs</b> recorded by COSTS_RECORDED, owed from the day recorded.</li>
 * </ul>
 *
 * <p>Payments (MONEY_RECEIVED, by the day they arrived, up to the as-of day) are applied in this order: unpaid
 * principal, judgment interest, doubled interest accrued to that day, the application fee, other costs. Principal
 * before the doubled interest is Art. 4 of the interpretation (先清偿生效法律文书确定的金钱债务，再清偿加倍部分债务
 * 利息); principal before judgment interest and the costs last are local choices (the interpretation is silent, and
 * 民法典 Art. 561 orders costs and interest first for a debtor's voluntary payments): they stop the doubled interest
 * as early as possible, which is the debtor's side of the balance Art. 15 protects. What is paid beyond everything is
 * shown as {@code surplus}.
 */
final class ClaimCalculator {
    /** 日万分之一点七五. */
    static final BigDecimal DAILY_RATE = new BigDecimal("0.000175");
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private ClaimCalculator() {
    }

    /** One stretch of constant unpaid principal earning doubled interest. */
    record Segment(LocalDate from, LocalDate to, long days, BigDecimal principal, BigDecimal interest) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from.toString());
            m.put("to", to.toString());
            m.put("days", days);
            m.put("principal", principal);
            m.put("interest", interest);
            return m;
        }
    }

    /** One part of the claim: what it amounts to, what payments covered, what is still owed. */
    record Part(String name, String label, BigDecimal amount, BigDecimal paid) {
        BigDecimal unpaid() {
            return amount.subtract(paid);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", label);
            m.put("amount", amount);
            m.put("paid", paid);
            m.put("unpaid", unpaid());
            return m;
        }
    }

    /**
     * @param known     whether the principal is known (CASE_FILED with {@code claimPrincipal}); when not, nothing
     *                  can be checked against the claim
     * @param parts     principal, judgmentInterest, doubledInterest, applicationFee, otherCosts — in that order
     * @param total     what is still owed: the sum of the parts' unpaid amounts
     */
    record ClaimTotal(LocalDate asOf, boolean known, List<Part> parts, BigDecimal total, BigDecimal paymentsReceived,
            BigDecimal surplus, LocalDate performanceDeadline, long lateDays, List<Segment> segments,
            FeeSchedule.Fee fee, List<Cost> costs, List<String> notes) {

        Part part(String name) {
            return parts.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("asOf", asOf.toString());
            m.put("known", known);
            m.put("total", total);
            Map<String, Object> ps = new LinkedHashMap<>();
            for (Part p : parts) {
                ps.put(p.name(), p.toMap());
            }
            Map<String, Object> doubled = castMap(ps.get("doubledInterest"));
            doubled.put("rule", "迟延履行利息解释 第1条、第2条：未清偿本金 × 日万分之一点七五 × 迟延履行天数");
            doubled.put("dailyRate", DAILY_RATE.toPlainString());
            if (performanceDeadline != null) {
                doubled.put("performanceDeadline", performanceDeadline.toString());
            }
            doubled.put("days", lateDays);
            doubled.put("segments", segments.stream().map(Segment::toMap).toList());
            castMap(ps.get("applicationFee")).put("computation", fee.toMap());
            castMap(ps.get("otherCosts")).put("items", costs.stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("costId", c.id());
                cm.put("date", c.date().toString());
                cm.put("kind", c.kind());
                cm.put("amount", c.amount());
                if (c.description() != null) {
                    cm.put("description", c.description());
                }
                return cm;
            }).toList());
            m.put("parts", ps);
            m.put("paymentsReceived", paymentsReceived);
            m.put("surplus", surplus);
            m.put("paymentOrder", "本金 → 判决利息 → 加倍部分债务利息 → 申请执行费 → 其他执行费用（迟延履行利息解释第4条；其余为本地选择）");
            m.put("notes", notes);
            return m;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castMap(Object o) {
            return (Map<String, Object>) o;
        }
    }

    static ClaimTotal compute(CaseFacts facts, LocalDate asOf) {
        Claim claim = facts.claim();
        List<String> notes = new ArrayList<>();
        BigDecimal principal = claim == null || claim.principal() == null ? null : claim.principal();
        boolean known = principal != null;
        if (!known) {
            notes.add("执行立案（CASE_FILED）未报送申请执行标的本金 claimPrincipal，无法计算债权总额");
            principal = ZERO;
        }
        BigDecimal judgmentInterest = claim == null || claim.judgmentInterest() == null ? ZERO
                : claim.judgmentInterest();
        LocalDate deadline = claim == null ? null : claim.performanceDeadline();
        if (known && deadline == null) {
            notes.add("未报送履行期限 performanceDeadline，加倍部分债务利息未计算");
        }
        BigDecimal feeBase = claim != null && claim.enforcementAmount() != null ? claim.enforcementAmount()
                : principal.add(judgmentInterest);
        FeeSchedule.Fee fee = FeeSchedule.applicationFee(feeBase);

        List<Payment> payments = facts.payments().stream().filter(p -> !p.date().isAfter(asOf))
                .sorted(Comparator.comparing(Payment::date).thenComparingLong(Payment::seq)).toList();
        List<Cost> costs = facts.costs().values().stream().filter(c -> !c.date().isAfter(asOf))
                .sorted(Comparator.comparing(Cost::date).thenComparing(Cost::id)).toList();

        BigDecimal unpaidPrincipal = principal;
        BigDecimal unpaidInterest = judgmentInterest;
        BigDecimal doubledAccrued = ZERO;
        BigDecimal doubledPaid = ZERO;
        BigDecimal unpaidFee = fee.amount();
        BigDecimal costsOwed = ZERO;
        BigDecimal costsPaid = ZERO;
        BigDecimal received = ZERO;
        BigDecimal surplus = ZERO;
        List<Segment> segments = new ArrayList<>();
        LocalDate accruedTo = deadline;
        int nextCost = 0;

        for (Payment pay : payments) {
            while (nextCost < costs.size() && !costs.get(nextCost).date().isAfter(pay.date())) {
                costsOwed = costsOwed.add(costs.get(nextCost++).amount());
            }
            if (deadline != null && pay.date().isAfter(accruedTo)) {
                Segment s = segment(accruedTo, pay.date(), unpaidPrincipal);
                if (s != null) {
                    segments.add(s);
                    doubledAccrued = doubledAccrued.add(s.interest());
                }
                accruedTo = pay.date();
            }
            BigDecimal left = pay.amount();
            received = received.add(left);
            BigDecimal take = left.min(unpaidPrincipal);
            unpaidPrincipal = unpaidPrincipal.subtract(take);
            left = left.subtract(take);
            take = left.min(unpaidInterest);
            unpaidInterest = unpaidInterest.subtract(take);
            left = left.subtract(take);
            take = left.min(doubledAccrued.subtract(doubledPaid));
            doubledPaid = doubledPaid.add(take);
            left = left.subtract(take);
            take = left.min(unpaidFee);
            unpaidFee = unpaidFee.subtract(take);
            left = left.subtract(take);
            take = left.min(costsOwed.subtract(costsPaid));
            costsPaid = costsPaid.add(take);
            left = left.subtract(take);
            surplus = surplus.add(left);
        }
        while (nextCost < costs.size()) {
            costsOwed = costsOwed.add(costs.get(nextCost++).amount());
        }
        if (deadline != null && asOf.isAfter(accruedTo)) {
            Segment s = segment(accruedTo, asOf, unpaidPrincipal);
            if (s != null) {
                segments.add(s);
                doubledAccrued = doubledAccrued.add(s.interest());
            }
        }
        long lateDays = deadline == null || !asOf.isAfter(deadline) ? 0 : ChronoUnit.DAYS.between(deadline, asOf);
        // a surplus first pays what accrued or was recorded after the payment
        BigDecimal take = surplus.min(doubledAccrued.subtract(doubledPaid));
        doubledPaid = doubledPaid.add(take);
        surplus = surplus.subtract(take);
        take = surplus.min(costsOwed.subtract(costsPaid));
        costsPaid = costsPaid.add(take);
        surplus = surplus.subtract(take);

        List<Part> parts = List.of(
                new Part("principal", "未清偿本金", principal, principal.subtract(unpaidPrincipal)),
                new Part("judgmentInterest", "判决确定的利息", judgmentInterest,
                        judgmentInterest.subtract(unpaidInterest)),
                new Part("doubledInterest", "迟延履行期间的加倍部分债务利息", doubledAccrued, doubledPaid),
                new Part("applicationFee", "申请执行费", fee.amount(), fee.amount().subtract(unpaidFee)),
                new Part("otherCosts", "其他执行费用", costsOwed, costsPaid));
        BigDecimal total = ZERO;
        for (Part p : parts) {
            total = total.add(p.unpaid());
        }
        return new ClaimTotal(asOf, known, parts, total, received, surplus, deadline, lateDays,
                List.copyOf(segments), fee, costs, List.copyOf(notes));
    }

    /** Doubled interest on {@code principal} for the days after {@code after} up to and including {@code to}. */
    private static Segment segment(LocalDate after, LocalDate to, BigDecimal principal) {
        long days = ChronoUnit.DAYS.between(after, to);
        if (days <= 0 || principal.signum() == 0) {
            return null;
        }
        BigDecimal interest = principal.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(days))
                .setScale(2, RoundingMode.HALF_UP);
        return new Segment(after.plusDays(1), to, days, principal, interest);
    }
}
