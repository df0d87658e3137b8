package org.jiandu.api.guard;

import java.util.Map;

/**
 * One guard's answer about one operation.
 *
 * @param guard    the guard's id
 * @param decision ALLOW / WARN / DENY
 * @param article  the provision relied on, e.g. {@code 法〔2021〕322号 第15条}
 * @param reason   a human-readable reason in Chinese
 * @param details  the figures behind the decision (e.g. the largest amount allowed), JSON-friendly values
 */
public record Verdict(String guard, Decision decision, String article, String reason, Map<String, Object> details) {
    public Verdict {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static Verdict allow(String guard, String article, String reason) {
        return new Verdict(guard, Decision.ALLOW, article, reason, Map.of());
    }

    public static Verdict warn(String guard, String article, String reason, Map<String, Object> details) {
        return new Verdict(guard, Decision.WARN, article, reason, details);
    }

    public static Verdict deny(String guard, String article, String reason, Map<String, Object> details) {
        return new Verdict(guard, Decision.DENY, article, reason, details);
    }
}
