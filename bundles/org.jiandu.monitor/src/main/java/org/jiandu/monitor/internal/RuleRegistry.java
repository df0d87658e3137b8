package org.jiandu.monitor.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jiandu.api.deadline.DeadlineRule;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 * they are still starting.
 */
@Component(service = RuleRegistry.class, configurationPid = MonitorConfig.PID)
public class RuleRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);

    /** A registered rule and its service properties (its parameters, for {@code GET /api/v1/rules}). */
    public record RegisteredRule(DeadlineRule rule, Map<String, Object> properties) {
    }

    private final Set<String> required;
    private final List<RegisteredRule> registered = new CopyOnWriteArrayList<>();
    private volatile List<DeadlineRule> effective = List.of();
    private volatile Set<String> activeIds = Set.of();
    private volatile boolean ready;

    @Activate
    public RuleRegistry(MonitorConfig config) {
        this.required = Set.of(config.rules_required());
        refresh();
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
        ready = byId.keySet().containsAll(required);
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

    /** Whether every required rule is registered. */
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
