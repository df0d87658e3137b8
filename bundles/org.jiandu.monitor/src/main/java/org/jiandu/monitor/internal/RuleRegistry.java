package org.jiandu.monitor.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jiandu.api.deadline.DeadlineRule;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline rules in use, and the required-rules gate. Whiteboard: a {@link DeadlineRule} registered by any
 * bundle is consulted from then on; when it goes away its deadlines stay on record but are no longer alerted (the
 * sweeper only alerts rules that are registered), and they resume if it comes back. Two rules with the same id: the
 * first registered is used, the other ignored with a warning.
 *
 * <p>The gate: {@link #isReady()} is true while every rule listed in {@code rules.required} (the built-in ones) is
 * registered; the node monitor takes no ledger entries before, so that a restart never evaluates an entry while
 * they are still starting. A WARN naming the missing ones repeats every minute, and after
 * {@code rules.requiredWaitSeconds} the gate opens with the rules present (the monitor shows DEGRADED in health),
 * so that a wrong id in {@code rules.required} never holds supervision for ever.
 */
@Component(service = RuleRegistry.class, configurationPid = MonitorConfig.PID)
public class RuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);

    /** A registered rule and its service properties (its parameters, for {@code GET /api/v1/rules}). */
    public record RegisteredRule(DeadlineRule rule, Map<String, Object> properties) {
    }

    private final Set<String> required;
    private final int waitSeconds;
    private final long activatedNanos = System.nanoTime();
    private final ScheduledExecutorService gateTimer;
    /** Set when the gate stopped waiting for missing required rules (rules.requiredWaitSeconds passed). */
    private volatile boolean waitedEnough;
    private final List<RegisteredRule> registered = new CopyOnWriteArrayList<>();
    private volatile List<DeadlineRule> effective = List.of();
    private volatile Set<String> activeIds = Set.of();
    private volatile boolean ready;

    @Activate
    public RuleRegistry(Map<String, Object> properties) {
        // the node monitor (same PID) logs and reports refused values; here they are replaced by defaults alike
        MonitorSettings config = MonitorSettings.of(properties);
        this.required = config.requiredRules();
        this.waitSeconds = config.requiredRulesWaitSeconds();
        refresh();
        gateTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jiandu-monitor-rules");
            t.setDaemon(true);
            return t;
        });
        long every = Math.min(60, waitSeconds);
        gateTimer.scheduleWithFixedDelay(this::checkRequired, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        gateTimer.shutdownNow();
    }

    /**
     * Every minute: while a required rule is missing, a WARN names it; once {@code rules.requiredWaitSeconds} have
     * passed since activation, the gate opens without it.
     */
    void checkRequired() {
        Set<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        long waited = (System.nanoTime() - activatedNanos) / 1_000_000_000L;
        if (!waitedEnough && waited >= waitSeconds) {
            waitedEnough = true;
            LOG.warn("Node monitor: required rules {} still missing after {} s (rules.required of {}); evaluating"
                    + " with the {} rules present", missing, waited, MonitorConfig.PID, effective.size());
            refresh();
        } else if (waitedEnough) {
            LOG.warn("Node monitor: required rules {} are missing (rules.required of {}); entries are evaluated"
                    + " without them", missing, MonitorConfig.PID);
        } else {
            LOG.warn("Node monitor: evaluation waits for required rules {} (rules.required of {}); it goes on"
                    + " without them in {} s", missing, MonitorConfig.PID, waitSeconds - waited);
        }
    }

    @Reference(service = DeadlineRule.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeRule")
    void addRule(DeadlineRule rule, Map<String, Object> properties) {
        registered.add(new RegisteredRule(rule, Map.copyOf(properties)));
        refresh();
    }

    void removeRule(DeadlineRule rule, Map<String, Object> properties) {
        registered.removeIf(r -> r.rule() == rule);
        refresh();
    }

    private synchronized void refresh() {
        if (required == null) {
            // a rule bound before the constructor finished; the constructor refreshes
            return;
        }
        Map<String, DeadlineRule> byId = new LinkedHashMap<>();
        for (RegisteredRule r : registered) {
            String id;
            try {
                id = r.rule().id();
            } catch (RuntimeException e) {
                LOG.error("A DeadlineRule service failed to tell its id; it is ignored", e);
                continue;
            }
            if (byId.putIfAbsent(id, r.rule()) != null) {
                LOG.warn("Two DeadlineRule services have the id {}; the second (service {}) is ignored", id,
                        r.properties().get(Constants.SERVICE_ID));
            }
        }
        effective = List.copyOf(byId.values());
        activeIds = Set.copyOf(byId.keySet());
        boolean wasReady = ready;
        ready = waitedEnough || byId.keySet().containsAll(required);
        if (ready && !wasReady) {
            LOG.info("Node monitor: {} rules registered; evaluating", byId.size());
        } else if (!ready && wasReady) {
            LOG.warn("Node monitor: required rules {} are gone; evaluation waits until they are back", missing());
        }
    }

    /** The rules in use, in registration order. */
    public List<DeadlineRule> rules() {
        return effective;
    }

    /** Every registered rule service with its properties (duplicates included). */
    public List<RegisteredRule> registeredRules() {
        return List.copyOf(registered);
    }

    /** Ids of the rules in use: the sweeper alerts only their deadlines. */
    public Set<String> activeRuleIds() {
        return activeIds;
    }

    /** Whether every required rule is registered (or the gate stopped waiting for the missing ones). */
    public boolean isReady() {
        return ready;
    }

    /** The required rules that are not registered. */
    public Set<String> missing() {
        Set<String> m = new HashSet<>(required);
        m.removeAll(activeIds);
        return m;
    }
}
