package org.jiandu.api.guard;

import java.time.Instant;
import java.util.List;

/**
 * The combined answer of every installed guard: DENY beats WARN beats ALLOW; with no guard installed the decision
 * is ALLOW and {@code guardsConsulted} is 0, which the caller should read as "nothing was checked".
 */
public record GuardCheck(long checkId, Instant checkedAt, Operation operation, Decision decision,
        int guardsConsulted, List<Verdict> verdicts) {
    public GuardCheck {
        verdicts = List.copyOf(verdicts);
    }
}
