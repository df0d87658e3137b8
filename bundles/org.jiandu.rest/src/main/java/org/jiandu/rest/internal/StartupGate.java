package org.jiandu.rest.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.jiandu.api.rest.RestResource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the API may answer yet: once it opens it stays open (later resources are swapped in without a gap, see
 * {@link EndpointSwitch}). It opens when "every installed resource is registered", which is known as follows:
 * <ol>
 * <li>Karaf has installed its boot features (its {@code BootFinished} service is registered; without a Karaf
 * features service this is skipped), so every bundle of the installed Jiandu features is started;</li>
 * <li>every registered {@link RestResource} service is served by the current endpoint, and every enabled DS
 * component of a started bundle that provides one is satisfied (so its service is registered) — a component
 * still waiting for a reference (its database schema, its persistence unit, a configuration it needs) holds the
 * gate; one that cannot get a configuration (configuration
 * policy REQUIRE, none given) or whose activation failed does not;</li>
 * <li>bounded: after {@code maxMillis} the gate opens anyway and logs at WARN what was still missing.</li>
 * </ol>
 * Until then the servlet answers 503 {@code STARTING}. Checked at most every 100 ms, on the request threads.
 */
final class StartupGate implements BooleanSupplier {
    private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);
    static final String FEATURES_SERVICE = "org.apache.karaf.features.FeaturesService";
    static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";

    /** What the gate reads; a seam for unit tests. */
    interface Probe {
        /** Karaf is still installing its boot features. */
        boolean bootInstalling();

        /** Components providing a resource that are not satisfied yet, each with what it waits for. */
        List<String> unsatisfiedResources();
    }

    private final Probe probe;
    private final Clock clock;
    private final long openedAtLatest;
    private final long since;
    private volatile boolean open;
    private volatile long lastCheck = Long.MIN_VALUE;

    StartupGate(Probe probe, Clock clock, long maxMillis) {
        this.probe = probe;
        this.clock = clock;
        this.since = clock.millis();
        this.openedAtLatest = since + maxMillis;
    }

    @Override
    public boolean getAsBoolean() {
        if (open) {
            return true;
        }
        long now = clock.millis();
        if (lastCheck != Long.MIN_VALUE && now - lastCheck < 100) {
            return false;
        }
        synchronized (this) {
            if (open) {
                return true;
            }
            lastCheck = now;
            List<String> missing = missing();
            if (missing.isEmpty()) {
                open = true;
                LOG.info("Jiandu REST API ready {} ms after the server started: every installed resource registered",
                        now - since);
            } else if (now >= openedAtLatest) {
                open = true;
                LOG.warn("Jiandu REST API serving after {} ms although not every resource is registered: {}",
                        now - since, missing);
            }
            return open;
        }
    }

    /** What the gate still waits for (empty when it would open now). */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (probe.bootInstalling()) {
            missing.add("Karaf boot features still installing");
        }
        missing.addAll(probe.unsatisfiedResources());
        return missing;
    }

    /** The probe of a running framework: Karaf's boot marker and Felix SCR's component states. */
    static Probe osgi(BundleContext context, ServiceComponentRuntime scr, Supplier<Set<Long>> served) {
        return new Probe() {
            @Override
            public boolean bootInstalling() {
                return context.getServiceReference(FEATURES_SERVICE) != null
                        && context.getServiceReference(BOOT_FINISHED) == null;
            }

            @Override
            public List<String> unsatisfiedResources() {
                List<String> waiting = new ArrayList<>();
                // registered, but not bound into the endpoint yet (DS binds after the server component starts)
                try {
                    for (ServiceReference<RestResource> r : context.getServiceReferences(RestResource.class, null)) {
                        Long id = (Long) r.getProperty(Constants.SERVICE_ID);
                        if (!served.get().contains(id)) {
                            org.osgi.framework.Bundle b = r.getBundle();
                            waiting.add("service " + id + " of "
                                    + (b == null ? "a stopped bundle" : b.getSymbolicName()) + " not served yet");
                        }
                    }
                } catch (InvalidSyntaxException e) {
                    throw new IllegalStateException("a null filter is valid", e);
                }
                for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                    if (d.serviceInterfaces == null
                            || !Arrays.asList(d.serviceInterfaces).contains(RestResource.class.getName())
                            || !scr.isComponentEnabled(d)) {
                        continue;
                    }
                    for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                        if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                            List<String> refs = new ArrayList<>();
                            for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                                refs.add(r.name);
                            }
                            waiting.add(d.name + " waits for " + refs);
                        }
                    }
                }
                return waiting;
            }
        };
    }
}
