package org.jiandu.api.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The health of one component at one moment.
 *
 * @param component stable name, e.g. {@code jiandu.monitor}, {@code jiandu.monitor.rule.art13.network-query},
 *                  {@code jiandu.follower.seizure}
 * @param state     UP, DEGRADED or DOWN
 * @param reasons   why it is not UP, each a sentence a person can act on (naming the PID and key of a bad
 *                  configuration value, the missing rule, the lag …); empty when UP
 * @param details   figures behind the state (JSON-friendly values: strings, numbers, booleans, lists, maps)
 */
public record ComponentHealth(String component, HealthState state, List<String> reasons, Map<String, Object> details) {
    public ComponentHealth {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(state, "state");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ComponentHealth up(String component) {
        return new ComponentHealth(component, HealthState.UP, List.of(), Map.of());
    }

    public static ComponentHealth degraded(String component, List<String> reasons) {
        return new ComponentHealth(component, HealthState.DEGRADED, reasons, Map.of());
    }
}
