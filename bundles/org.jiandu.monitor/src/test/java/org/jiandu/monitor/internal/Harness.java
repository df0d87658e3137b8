package org.jiandu.monitor.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.ledger.LedgerEntry;
import org.jiandu.calendar.internal.CalendarConfiguration;
import org.jiandu.calendar.internal.WorkingCalendarService;
import org.jiandu.monitor.internal.rules.AuthorityDisputeRule;
import org.jiandu.monitor.internal.rules.CourtDisputeRule;
import org.jiandu.monitor.internal.rules.DisbursementRule;
import org.jiandu.monitor.internal.rules.DisposalStartRule;
import org.jiandu.monitor.internal.rules.EnforcementTimeLimitRule;
import org.jiandu.monitor.internal.rules.NetworkQueryRule;
import org.jiandu.monitor.internal.rules.OfflineControlRule;
import org.jiandu.monitor.internal.rules.PaymentNoticeRule;
import org.jiandu.monitor.internal.rules.PetitionRule;
import org.jiandu.monitor.internal.rules.PostTerminationQueryRule;
import org.jiandu.monitor.internal.rules.PropertyLeadRule;
import org.jiandu.monitor.internal.rules.QueryCoverageRule;
import org.jiandu.monitor.internal.rules.ReferencePriceRule;
import org.jiandu.monitor.internal.rules.SelfDisposalRule;
import org.jiandu.monitor.internal.rules.SimpleCaseConversionRule;
import org.jiandu.monitor.internal.rules.UnexecutedSixMonthsRule;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The monitor as Karaf wires it, without Karaf: the real calendar, EclipseLink over an in-memory Derby, the
 * built-in rules, an in-memory ledger, a test clock and an EventAdmin that records what is published.
 */
public final class Harness implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    static final WorkingCalendar CALENDAR = WorkingCalendarService.of(Configs.defaults(CalendarConfiguration.class));

    final MutableClock clock;
    final FakeLedger ledger;
    final EmbeddedDataSource dataSource;
    final EntityManagerFactory emf;
    final List<Event> published = java.util.Collections.synchronizedList(new ArrayList<>());
    final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            published.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            published.add(event);
        }
    };
    final MonitorConfig config;
    final List<NodeMonitor> monitors = new ArrayList<>();
    final List<Sweeper> sweepers = new ArrayList<>();
    final List<RuleRegistry> registries = new ArrayList<>();
    NodeMonitor monitor;
    RuleRegistry rules;
    Sweeper sweeper;
    final MonitorStore store;

    Harness(String now) {
        this(now, Map.of());
    }

    Harness(String now, Map<String, Object> config) {
        this.clock = new MutableClock(now);
        this.ledger = new FakeLedger(clock);
        Map<String, Object> c = new HashMap<>(config);
        c.putIfAbsent("sweep_enabled", false);
        this.config = Configs.of(MonitorConfig.class, c);
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:monitor" + DATABASES.incrementAndGet());
        dataSource.setCreateDatabase("create");
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", dataSource);
        new MonitorSchema(dataSource);
        emf = Persistence.createEntityManagerFactory("jiandu-monitor", props);
        store = new MonitorStore(emf);
        monitor = startMonitor();
        sweeper = startSweeper(monitor);
    }

    /** A node monitor with the built-in rules, as after a (re)start. */
    NodeMonitor startMonitor() {
        RuleRegistry registry = new RuleRegistry(ConfigReader.propertiesOf(config));
        registries.add(registry);
        for (DeadlineRule r : builtInRules()) {
            registry.addRule(r, Map.of("service.id", (long) monitors.size() * 100 + registry.rules().size()));
        }
        NodeMonitor m = new NodeMonitor(emf, ledger, CALENDAR, clock, eventAdmin, registry,
                ConfigReader.propertiesOf(config));
        rules = registry;
        monitors.add(m);
        // as the ledger follower does once the monitor is ready: everything recorded so far
        catchUp(m);
        return m;
    }

    /** What the ledger follower does on a catch-up pass: delivers the ledger; answers how many entries were new. */
    int catchUp(NodeMonitor m) {
        return m.deliver(ledger.recordedSince(java.time.Instant.EPOCH, null, org.jiandu.api.ledger.CaseLedger.MAX_PAGE));
    }

    Sweeper startSweeper(NodeMonitor m) {
        Sweeper s = new Sweeper(dataSource, emf, rules, clock, eventAdmin, ConfigReader.propertiesOf(config));
        sweepers.add(s);
        return s;
    }

    public static List<DeadlineRule> builtInRules() {
        return List.of(SimpleCaseConversionRule.of(Configs.defaults(SimpleCaseConversionRule.Config.class)),
                NetworkQueryRule.of(Configs.defaults(NetworkQueryRule.Config.class)),
                OfflineControlRule.of(Configs.defaults(OfflineControlRule.Config.class)),
                PropertyLeadRule.of(Configs.defaults(PropertyLeadRule.Config.class)),
                QueryCoverageRule.of(Configs.defaults(QueryCoverageRule.Config.class)),
                ReferencePriceRule.of(Configs.defaults(ReferencePriceRule.Config.class)),
                DisposalStartRule.of(Configs.defaults(DisposalStartRule.Config.class)),
                SelfDisposalRule.of(Configs.defaults(SelfDisposalRule.Config.class)),
                PaymentNoticeRule.of(Configs.defaults(PaymentNoticeRule.Config.class)),
                DisbursementRule.of(Configs.defaults(DisbursementRule.Config.class)),
                CourtDisputeRule.of(Configs.defaults(CourtDisputeRule.Config.class)),
                AuthorityDisputeRule.of(Configs.defaults(AuthorityDisputeRule.Config.class)),
                UnexecutedSixMonthsRule.of(Configs.defaults(UnexecutedSixMonthsRule.Config.class)),
                PetitionRule.of(Configs.defaults(PetitionRule.Config.class)),
                EnforcementTimeLimitRule.of(Configs.defaults(EnforcementTimeLimitRule.Config.class)),
                PostTerminationQueryRule.of(Configs.defaults(PostTerminationQueryRule.Config.class)));
    }

    /** Records an event in the ledger and evaluates it, as EventAdmin delivery would. */
    LedgerEntry event(String caseNumber, String type, String occurredAt, Object... payload) throws Exception {
        LedgerEntry e = ledger.record(caseNumber, type, occurredAt, payload);
        monitor.evaluateNow(List.of(e));
        return e;
    }

    DeadlineEntity deadline(String caseNumber, String ruleId, String key) {
        return store.deadlines(org.jiandu.api.CaseNumber.parse(caseNumber).canonical()).stream()
                .filter(d -> d.getRuleId().equals(ruleId) && d.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no deadline " + ruleId + "/" + key + " on " + caseNumber));
    }

    List<AlertEntity> alerts(String caseNumber) {
        return store.alerts(new MonitorStore.AlertFilter(null, null, null, null, null, null, null,
                org.jiandu.api.CaseNumber.parse(caseNumber).canonical(), null, null, 1000));
    }

    int sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    long count(String query) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws Exception {
        for (RuleRegistry r : registries) {
            r.deactivate();
        }
        for (Sweeper s : sweepers) {
            s.deactivate();
        }
        emf.close();
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(dataSource.getDatabaseName());
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby answers a successful drop with SQLState 08006
            if (!"08006".equals(expected.getSQLState())) {
                throw expected;
            }
        }
    }
}
