package org.jiandu.monitor.internal.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.guard.Decision;
import org.jiandu.api.guard.Verdict;

/**
 * What one guard found about one operation: every unmet condition (not only the first), each with its article and
 * a reason in Chinese, plus the figures behind them. Becomes one {@link Verdict}: DENY if any finding denies, else
 * WARN if any warns, else ALLOW; the reason lists every finding, numbered, and {@code details.findings} lists them
 * with a stable {@code code} each, for machines.
 */
final class Findings {
    /** One unmet condition. */
    record Finding(String code, Decision decision, String article, String reason) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("decision", decision.name());
            m.put("article", article);
            m.put("reason", reason);
            return m;
        }
    }

    private final String guard;
    private final List<Finding> found = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    Findings(String guard) {
        this.guard = guard;
    }

    Findings deny(String code, String article, String reason) {
        found.add(new Finding(code, Decision.DENY, article, reason));
        return this;
    }

    Findings warn(String code, String article, String reason) {
        found.add(new Finding(code, Decision.WARN, article, reason));
        return this;
    }

    /** A figure behind the decision (JSON-friendly: strings, numbers, booleans, lists, maps); null is skipped. */
    Findings figure(String name, Object value) {
        if (value != null) {
            figures.put(name, value);
        }
        return this;
    }

    List<Finding> found() {
        return List.copyOf(found);
    }

    /**
     * The verdict.
     *
     * @param heading     what a refusal is about, e.g. {@code 不得终结本次执行程序}; put before the listed reasons
     * @param allArticles the provisions checked, cited when nothing was found
     * @param allowReason the reason when nothing was found
     */
    Verdict verdict(String heading, String allArticles, String allowReason) {
        Map<String, Object> details = new LinkedHashMap<>(figures);
        if (found.isEmpty()) {
            return new Verdict(guard, Decision.ALLOW, allArticles, allowReason, details);
        }
        Decision decision = Decision.ALLOW;
        Set<String> articles = new LinkedHashSet<>();
        for (Finding f : found) {
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
        details.put("findings", found.stream().map(Finding::asMap).toList());
        return new Verdict(guard, decision, String.join("；", articles), reason.toString(), details);
    }

    /** The ALLOW verdict for an operation type a guard does not handle. */
    static Verdict notConcerned(String guard, String type, String handled) {
        return Verdict.allow(guard, "法〔2021〕322号 第12条", "本校验只审查" + handled + "，不涉及 " + type + " 操作");
    }
}
