package org.jiandu.api.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * What one guard found about one operation: every unmet condition (not only the first), each with its article and
 * a reason in Chinese, plus the figures behind them. Becomes one {@link Verdict}: DENY if any finding denies, else
 * WARN if any warns, else ALLOW; the reason lists every finding, numbered, and {@code details.findings} lists them
 * with a stable {@code code} each, for machines. Every guard of Jiandu composes its verdict with this class, so that
 * verdicts read alike whatever guard gives them; an integrator's guard should too. Not thread-safe: one per check.
 *
 * <p>Since version 1.4 of this package (it was the node monitor's own).
 */
public final class GuardFindings {
    /** One unmet condition. */
    public record Unmet(String code, Decision decision, String article, String reason) {
        /** The condition as JSON-friendly values: code, decision, article, reason. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("decision", decision.name());
            m.put("article", article);
            m.put("reason", reason);
            return m;
        }
    }

    private final String guard;
    private final List<Unmet> found = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    public GuardFindings(String guard) {
        this.guard = guard;
    }

    /** A condition that denies the operation. */
    public GuardFindings deny(String code, String article, String reason) {
        found.add(new Unmet(code, Decision.DENY, article, reason));
        return this;
    }

    /** A condition that lets the operation pass with a warning. */
    public GuardFindings warn(String code, String article, String reason) {
        found.add(new Unmet(code, Decision.WARN, article, reason));
        return this;
    }

    /** A figure behind the decision (JSON-friendly: strings, numbers, booleans, lists, maps); null is skipped. */
    public GuardFindings figure(String name, Object value) {
        if (value != null) {
            figures.put(name, value);
        }
        return this;
    }

    /** What was found so far, in order. */
    public List<Unmet> found() {
        return List.copyOf(found);
    }

    /**
     * The verdict.
     *
     * @param heading     what a refusal is about, e.g. {@code 不得终结本次执行程序}; put before the listed reasons
     * @param allArticles the provisions checked, cited when nothing was found
     * @param allowReason the reason when nothing was found
     */
    public Verdict verdict(String heading, String allArticles, String allowReason) {
        Map<String, Object> details = new LinkedHashMap<>(figures);
        if (found.isEmpty()) {
            return new Verdict(guard, Decision.ALLOW, allArticles, allowReason, details);
        }
        Decision decision = Decision.ALLOW;
        Set<String> articles = new LinkedHashSet<>();
        for (Unmet f : found) {
            decision = decision.combine(f.decision());
            articles.add(f.article());
        }
        StringBuilder reason = new StringBuilder(heading).append('：');
        if (found.size() == 1) {
            reason.append(found.get(0).reason());
        } else {
            for (int i = 0; i < found.size(); i++) {
                reason.append(i == 0 ? "" : "；").append('（').append(i + 1).append('）').append(found.get(i).reason());
            }
        }
        reason.append('。');
        details.put("findings", found.stream().map(Unmet::asMap).toList());
        return new Verdict(guard, decision, String.join("；", articles), reason.toString(), details);
    }

    /** The ALLOW verdict for an operation type a guard does not handle. */
    public static Verdict notConcerned(String guard, String type, String handled) {
        return Verdict.allow(guard, "法〔2021〕322号 第12条", "本校验只审查" + handled + "，不涉及 " + type + " 操作");
    }
}
