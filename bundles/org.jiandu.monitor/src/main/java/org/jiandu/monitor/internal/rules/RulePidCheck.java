package org.jiandu.monitor.internal.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, loudly, rule configurations under a name no rule reads: a file {@code etc/org.jiandu.monitor.rule.<id>.cfg}
 * whose id has a {@code -} (Karaf's file install takes it for its factory separator and makes a factory
 * configuration of it), or a configuration set through Config Admin under such a PID. Each is logged at ERROR with
 * the file and the PID to use ({@link RuleSupport#pidOf}) and shown as DEGRADED in health until it is renamed; the
 * rule meanwhile runs with its defaults. Checked at activation and on every configuration event under the prefix.
 */
@Component(service = {ConfigurationListener.class, HealthIndicator.class}, immediate = true)
public class RulePidCheck implements ConfigurationListener, HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(RulePidCheck.class);
    static final String COMPONENT = "jiandu.monitor.rule-pids";
    private static final String FILE = "felix.fileinstall.filename";

    private final ConfigurationAdmin configAdmin;
    private volatile List<String> problems = List.of();

    @Activate
    public RulePidCheck(@Reference ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
        scan();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        String factory = event.getFactoryPid();
        if ((pid != null && pid.startsWith(RuleSupport.PID_PREFIX))
                || (factory != null && factory.startsWith(RuleSupport.PID_PREFIX))) {
            scan();
        }
    }

    private synchronized void scan() {
        Configuration[] all;
        try {
            all = configAdmin.listConfigurations("(|(" + Constants.SERVICE_PID + "=" + RuleSupport.PID_PREFIX + "*)("
                    + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + RuleSupport.PID_PREFIX + "*))");
        } catch (IOException | InvalidSyntaxException e) {
            LOG.error("Could not list the rule configurations to check their PIDs", e);
            problems = List.of("Could not list the rule configurations: " + e);
            return;
        }
        Set<String> found = new LinkedHashSet<>();
        for (Configuration c : all == null ? new Configuration[0] : all) {
            String problem = problem(c.getPid(), c.getFactoryPid(), c.getProperties());
            if (problem != null) {
                found.add(problem);
            }
        }
        List<String> now = List.copyOf(found);
        for (String p : now) {
            if (!problems.contains(p)) {
                LOG.error("{}", p);
            }
        }
        problems = now;
    }

    /** Why a configuration under the rule prefix is not read by any rule, or {@code null} when it is fine. */
    static String problem(String pid, String factoryPid, Dictionary<String, ?> properties) {
        Object file = properties == null ? null : properties.get(FILE);
        String name = file == null ? null : baseName(String.valueOf(file));
        String oldPid;
        if (factoryPid != null) {
            oldPid = name != null ? name : factoryPid + "-…";
        } else if (pid.contains("-") || pid.contains("~")) {
            oldPid = pid;
        } else {
            return null;
        }
        String id = oldPid.startsWith(RuleSupport.PID_PREFIX) ? oldPid.substring(RuleSupport.PID_PREFIX.length())
                : oldPid;
        String newPid = RuleSupport.pidOf(id);
        return "Configuration " + (file != null ? "file " + file : "PID " + oldPid) + " is not read by rule " + id
                + (factoryPid != null ? " (Karaf's file install takes the '-' in its name for a factory separator)"
                        : " (rule PIDs have no '-')")
                + ": rename it to etc/" + newPid + ".cfg (PID " + newPid + "); until then the rule uses its defaults";
    }

    private static String baseName(String file) {
        String s = file.replace('\\', '/');
        s = s.substring(s.lastIndexOf('/') + 1);
        if (s.startsWith("file:")) {
            s = s.substring(5);
        }
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    @Override
    public List<ComponentHealth> health() {
        List<String> p = problems;
        return List.of(new ComponentHealth(COMPONENT, p.isEmpty() ? HealthState.UP : HealthState.DEGRADED,
                new ArrayList<>(p), Map.of("prefix", RuleSupport.PID_PREFIX)));
    }
}
