package org.jiandu.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthState;

/**
 * The outcome of reading one configuration: the values refused and the effective value of every key.
 *
 * @param pid       the configuration PID
 * @param problems  the values refused, each replaced by its default
 * @param effective key → value in use (after defaults), in reading order
 */
public record ConfigReport(String pid, List<Problem> problems, Map<String, Object> effective) {
    public ConfigReport {
        Objects.requireNonNull(pid, "pid");
        problems = List.copyOf(problems);
        effective = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effective));
    }

    /** A report of a configuration nobody has read (nothing refused, nothing known). */
    public static ConfigReport empty(String pid) {
        return new ConfigReport(pid, List.of(), Map.of());
    }

    /**
     * One refused value.
     *
     * @param pid      the configuration PID
     * @param key      the property name, as written in the {@code .cfg} file
     * @param given    the value as configured ({@code null}: not set)
     * @param reason   why it was refused
     * @param fallback the value used instead ({@code null}: the entry was dropped)
     */
    public record Problem(String pid, String key, String given, String reason, String fallback) {
        /** The sentence logged at ERROR and shown in health: names the PID and the key. */
        public String message() {
            return "Configuration " + pid + ": " + key + " = " + given + " refused: " + reason
                    + (fallback == null ? "" : "; using the default " + fallback);
        }
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The messages of {@link #problems()}, for the log (at ERROR) and health reasons. */
    public List<String> messages() {
        List<String> out = new ArrayList<>();
        for (Problem p : problems) {
            out.add(p.message());
        }
        return out;
    }

    /**
     * This report as the health of {@code component}: UP when nothing was refused, DEGRADED with each refusal as a
     * reason otherwise; the details carry the PID and the effective configuration ({@code config}).
     */
    public ComponentHealth health(String component) {
        return health(component, List.of(), Map.of());
    }

    /** As {@link #health(String)}, with the component's own further reasons (DEGRADED when any) and details. */
    public ComponentHealth health(String component, List<String> moreReasons, Map<String, Object> moreDetails) {
        List<String> reasons = new ArrayList<>(messages());
        reasons.addAll(moreReasons);
        Map<String, Object> details = new LinkedHashMap<>(moreDetails);
        details.put("pid", pid);
        Map<String, Object> config = new LinkedHashMap<>();
        effective.forEach((k, v) -> config.put(k, jsonFriendly(v)));
        details.put("config", config);
        return new ComponentHealth(component, reasons.isEmpty() ? HealthState.UP : HealthState.DEGRADED, reasons,
                details);
    }

    private static Object jsonFriendly(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v == null ? "" : v;
        }
        if (v instanceof java.util.Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(o -> out.add(jsonFriendly(o)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), jsonFriendly(x)));
            return out;
        }
        return String.valueOf(v);
    }
}
