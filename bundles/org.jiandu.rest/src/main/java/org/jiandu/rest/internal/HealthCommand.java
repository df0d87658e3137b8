package org.jiandu.rest.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.jiandu.api.health.ComponentHealth;

/**
 * {@code jiandu:health [-v]}: what {@code GET /api/v1/health} answers, as text: the overall state, then one line per
 * component with its state and, indented, each reason (with {@code -v} also the details, e.g. the effective
 * configuration).
 */
@Service
@Command(scope = "jiandu", name = "health",
        description = "Shows the health of every installed Jiandu component (UP, DEGRADED with the reason, DOWN)")
public class HealthCommand implements Action {
    @Reference
    HealthRegistry registry;

    @Option(name = "-v", aliases = "--verbose", description = "also print each component's details")
    boolean verbose;

    @Override
    public Object execute() {
        System.out.print(render(registry.all(), verbose));
        return null;
    }

    static String render(List<ComponentHealth> all, boolean verbose) {
        StringBuilder out = new StringBuilder();
        out.append("Jiandu: ").append(HealthRegistry.overall(all).code()).append(" (").append(all.size())
                .append(" components)\n");
        for (ComponentHealth h : all) {
            out.append(String.format("%-9s %s%n", h.state().code(), h.component()));
            for (String reason : h.reasons()) {
                out.append("          - ").append(reason).append('\n');
            }
            if (verbose) {
                h.details().forEach((k, v) -> out.append("          ").append(k).append(" = ").append(v).append('\n'));
            }
        }
        return out.toString();
    }
}
