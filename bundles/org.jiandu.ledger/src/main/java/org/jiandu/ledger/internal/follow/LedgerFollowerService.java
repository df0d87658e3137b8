package org.jiandu.ledger.internal.follow;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.persistence.EntityManagerFactory;

import org.jiandu.api.Topics;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.FollowerStatus;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.api.ledger.LedgerFollower;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ledger follower: delivers every ledger entry to every registered {@link LedgerConsumer} (whiteboard), each
 * on its own {@link Track}, with the guarantees stated on {@link LedgerConsumer}. EventAdmin ({@code jiandu/case/*})
 * only hands new local entries over early; the ledger's global index ({@link LedgerReader}) is what they follow. Reports each
 * consumer's lag as a {@link HealthIndicator} ({@code jiandu.follower.<id>}). Immediate: it must follow the ledger
 * whether or not anyone asks for its services.
 */
@Component(immediate = true, service = {LedgerFollower.class, HealthIndicator.class, EventHandler.class},
        configurationPid = FollowerConfig.PID, property = EventConstants.EVENT_TOPIC + "=" + Topics.CASE_ALL)
@Designate(ocd = FollowerConfig.class)
public final class LedgerFollowerService implements LedgerFollower, HealthIndicator, EventHandler {
    /** The tables exist at the version this code expects before this component touches them (docs/MIGRATIONS.md). */
    @Reference
    private org.jiandu.ledger.internal.LedgerSchema schema;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerFollowerService.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final LedgerReader reader;
    private final CursorStore store;
    private final Clock clock;
    private final Map<LedgerConsumer, Track> tracks = new LinkedHashMap<>();
    private final List<LedgerConsumer> pending = new ArrayList<>();
    private volatile Track[] snapshot = new Track[0];
    private volatile Track.Settings settings;
    private volatile ConfigReport configReport;
    private volatile String node;
    /** The node id of the latest configuration; {@link #node} follows it when the tracks are restarted. */
    private volatile String wantedNode;
    private boolean active;
    private final boolean ticking;

    /** One reading of {@link FollowerConfig#PID}: the settings, this node's id and what was refused. */
    record Read(Track.Settings settings, String node, ConfigReport report) {
    }

    @Activate
    public LedgerFollowerService(
            @Reference(target = "(component.name=org.jiandu.ledger.internal.JpaCaseLedger)") CaseLedger ledger,
            @Reference(target = "(osgi.unit.name=jiandu-ledger)") EntityManagerFactory emf,
            @Reference(target = "(jiandu.clock=true)") Clock clock, Map<String, Object> properties) {
        this((LedgerReader) ledger, new JpaCursorStore(emf), clock, properties, true);
    }

    /**
     * @param properties the raw configuration properties ({@code node.id}, …)
     * @param ticking    whether tracks read the ledger by themselves (tests drive them through catchUpNow instead)
     */
    LedgerFollowerService(LedgerReader reader, CursorStore store, Clock clock, Map<String, ?> properties,
            boolean ticking) {
        this.ticking = ticking;
        this.reader = reader;
        this.store = store;
        this.clock = clock;
        Read read = read(properties);
        log(read.report());
        this.settings = read.settings();
        this.node = read.node();
        this.wantedNode = read.node();
        this.configReport = read.report();
        synchronized (this) {
            active = true;
            for (LedgerConsumer c : pending) {
                startTrack(c);
            }
            pending.clear();
        }
        LOG.info("Ledger follower started on node {}", node);
    }

    /**
     * A new configuration: the settings apply to the running tracks; a new {@code node.id} restarts every track
     * under it (a shared consumer's lease is given up under the old id and taken under the new one) on a thread of
     * its own, since stopping a track waits for a delivery in progress and this is Config Admin's thread.
     */
    @Modified
    void modified(Map<String, ?> properties) {
        Read read = read(properties);
        log(read.report());
        settings = read.settings();
        configReport = read.report();
        for (Track t : snapshot) {
            t.reconfigure(read.settings());
        }
        wantedNode = read.node();
        if (!read.node().equals(node)) {
            Thread restart = new Thread(this::restartAsWanted, "jiandu-follower-restart");
            restart.setDaemon(true);
            restart.start();
        }
    }

    /** Reads the configuration: never throws because of a value ({@link ConfigReader}'s policy). */
    static Read read(Map<String, ?> properties) {
        ConfigReader r = ConfigReader.of(FollowerConfig.PID, properties, FollowerConfig.class);
        Track.Settings s = Track.Settings.read(r);
        String byDefault = defaultNodeId();
        String configured = r.parsed("node.id", LedgerFollowerService::nodeIdText, byDefault);
        String node = configured.isEmpty() ? byDefault : configured;
        // the node id in use, also when it is the default (karaf.name@host name)
        r.effective("node.id", node);
        return new Read(s, node, r.report());
    }

    /** A configured {@code node.id}: {@link FollowerConfig#NODE_ID}, blank meaning the default. */
    static String nodeIdText(String text) {
        String s = text.strip();
        if (!s.matches(FollowerConfig.NODE_ID)) {
            throw new IllegalArgumentException("must be at most 100 letters, digits, '.', '_', '-' or '@'");
        }
        return s;
    }

    private static void log(ConfigReport report) {
        for (String p : report.messages()) {
            LOG.error("{}", p);
        }
    }

    /** Restarts every track under {@link #wantedNode} unless they already run under it or the follower stopped. */
    private void restartAsWanted() {
        synchronized (this) {
            String newNode = wantedNode;
            if (!active || newNode.equals(node)) {
                return;
            }
            LOG.info("Ledger follower: node.id {} -> {}; restarting {} consumer(s) under it", node, newNode,
                    tracks.size());
            List<LedgerConsumer> consumers = new ArrayList<>(tracks.keySet());
            List<Track> old = new ArrayList<>(tracks.values());
            tracks.clear();
            snapshot = new Track[0];
            // stopped under the lock so that a consumer unregistered meanwhile is not restarted; a stop waits for
            // a delivery in progress (at most 30 s), and no delivery takes this lock
            try {
                for (Track t : old) {
                    t.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("Ledger follower: interrupted while restarting its consumers under node.id {}", newNode);
            }
            node = newNode;
            for (LedgerConsumer c : consumers) {
                startTrack(c);
            }
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        List<Track> all;
        synchronized (this) {
            active = false;
            all = new ArrayList<>(tracks.values());
            tracks.clear();
            snapshot = new Track[0];
        }
        for (Track t : all) {
            t.stop();
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return System.getProperty("karaf.name", "node") + "@" + host;
    }

    /** This node's id in leases. */
    String node() {
        return node;
    }

    @Reference(service = LedgerConsumer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "removeConsumer")
    synchronized void addConsumer(LedgerConsumer consumer) {
        if (!active) {
            pending.add(consumer);
            return;
        }
        startTrack(consumer);
    }

    void removeConsumer(LedgerConsumer consumer) throws InterruptedException {
        Track t;
        synchronized (this) {
            pending.remove(consumer);
            t = tracks.remove(consumer);
            snapshot = tracks.values().toArray(new Track[0]);
        }
        if (t != null) {
            // the consumer is going away: wait for a delivery in progress, so it is never called after this returns
            t.stop();
            LOG.info("Ledger follower: consumer {} stopped at global index {}", t.id(), t.status().position());
        }
    }

    private void startTrack(LedgerConsumer consumer) {
        String id;
        LedgerConsumer.Scope scope;
        try {
            id = consumer.id();
            scope = consumer.scope();
        } catch (RuntimeException e) {
            LOG.error("A LedgerConsumer failed to tell its id or scope; it gets no entries", e);
            return;
        }
        if (id == null || !ID.matcher(id).matches() || scope == null) {
            LOG.error("LedgerConsumer {} ({}): the id must be 1..100 letters, digits, '.', '_' or '-' and the scope"
                    + " set; it gets no entries", id, consumer.getClass().getName());
            return;
        }
        for (Track t : tracks.values()) {
            if (t.id().equals(id)) {
                LOG.error("Two LedgerConsumers have the id {} ({} and {}); the second gets no entries", id,
                        t.consumer().getClass().getName(), consumer.getClass().getName());
                return;
            }
        }
        Track t = new Track(consumer, id, scope, reader, store, clock, node, settings);
        tracks.put(consumer, t);
        snapshot = tracks.values().toArray(new Track[0]);
        if (ticking) {
            t.start();
        }
        LOG.info("Ledger follower: delivering to {} ({})", id, scope);
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(Topics.PROP_ENTRY) instanceof LedgerEntry entry) {
            for (Track t : snapshot) {
                t.offer(entry);
            }
        }
    }

    @Override
    public List<FollowerStatus> statuses() {
        List<FollowerStatus> out = new ArrayList<>();
        for (Track t : snapshot) {
            out.add(t.status());
        }
        return out;
    }

    @Override
    public Optional<FollowerStatus> status(String consumerId) {
        return find(consumerId).map(Track::status);
    }

    @Override
    public int catchUpNow(String consumerId, Duration timeout) throws TimeoutException, InterruptedException {
        return find(consumerId).orElseThrow(() -> new IllegalArgumentException("No ledger consumer " + consumerId))
                .catchUpNow(timeout);
    }

    private Optional<Track> find(String consumerId) {
        for (Track t : snapshot) {
            if (t.id().equals(consumerId)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The follower's configuration, {@code jiandu.follower}: DEGRADED when a value of {@link FollowerConfig#PID} was
     * refused; details {@code pid}, {@code config} (effective values), {@code node}, {@code consumers}. Then one
     * component per consumer, {@code jiandu.follower.<id>}: DEGRADED when it is not ready (entries wait), when it
     * refuses entries, or when it is more than {@code lag.degradedSeconds} behind.
     */
    @Override
    public List<ComponentHealth> health() {
        List<ComponentHealth> out = new ArrayList<>();
        Track[] all = snapshot;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("node", node);
        d.put("consumers", all.length);
        out.add(configReport.health("jiandu.follower", List.of(), d));
        for (Track t : all) {
            out.add(health(t));
        }
        return out;
    }

    static ComponentHealth health(Track t) {
        FollowerStatus s = t.status();
        List<String> reasons = new ArrayList<>();
        HealthState state = HealthState.UP;
        if (!s.ready()) {
            reasons.add("Ledger consumer " + s.consumerId() + " is not ready to take entries (a part it needs is"
                    + " missing); its entries wait");
        }
        if (t.failing()) {
            reasons.add("Ledger consumer " + s.consumerId() + " refuses entries: " + s.lastError());
        }
        if (s.lagMillis() > t.settings().degradedMs()) {
            reasons.add("Ledger consumer " + s.consumerId() + " is " + s.lagMillis() / 1000 + " s behind the ledger"
                    + " (more than lag.degradedSeconds = " + t.settings().degradedMs() / 1000 + " of "
                    + FollowerConfig.PID + ")");
        }
        if (!reasons.isEmpty()) {
            state = HealthState.DEGRADED;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("scope", s.scope().name());
        d.put("node", s.node());
        d.put("active", s.active());
        if (s.leaseHolder() != null) {
            d.put("leaseHolder", s.leaseHolder());
        }
        d.put("lagSeconds", s.lagMillis() / 1000);
        d.put("position", s.position());
        d.put("cursor", s.cursor().toString());
        d.put("queued", s.queued());
        d.put("delivered", s.delivered());
        d.put("failures", s.failures());
        return new ComponentHealth("jiandu.follower." + s.consumerId(), state, reasons, d);
    }
}
