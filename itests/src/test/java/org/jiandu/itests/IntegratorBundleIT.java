package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.jiandu.api.CaseNumber;
import org.jiandu.api.alert.Alert;
import org.jiandu.api.deadline.Deadline;
import org.jiandu.api.event.Actor;
import org.jiandu.api.event.CaseEvent;
import org.jiandu.api.event.Payload;
import org.jiandu.api.finding.Finding;
import org.jiandu.api.ledger.AppendResult;
import org.jiandu.api.ledger.CaseLedger;
import org.jiandu.api.ledger.FollowerStatus;
import org.jiandu.api.ledger.LedgerConsumer;
import org.jiandu.api.ledger.LedgerFollower;
import org.jiandu.api.query.Answer;
import org.jiandu.itest.integrator.CaseOverview;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 8's promise to integrators, shown with the example bundle of {@code itests/integrator-bundle}
 * ({@code jiandu-itest-integrator}, whose Import-Package its build checks to hold only {@code org.jiandu.api.*},
 * OSGi and JDK packages): with the core, the node monitor and the seizure guard running, more than 1,000 entries
 * are recorded first (cases with deadlines, an overdue one's alerts, a network query leaving out property types,
 * an over-seizure); only then is the bundle installed. Its ledger consumer reaches every one of those entries; its
 * listing of a case's deadlines, alerts and findings equals what the REST endpoints show; and a finding raised after
 * its installation reaches its {@code jiandu/finding/*} subscriber as a {@link Finding}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntegratorBundleIT extends JianduTestSupport {
    private static final String VERSION_PROPERTY = "jiandu.itest.version";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final String RUN = "INTEG-" + System.nanoTime() + "-";
    /** Filler cases, each filed and then with {@link #FILLER_EVENTS} consumption restrictions recorded. */
    private static final int FILLER_CASES = 50;
    private static final int FILLER_EVENTS = 20;

    private static int ids;
    /** Set once per container by {@link #entriesFirstThenTheExample}: the entries recorded before the example came. */
    private static List<AppendResult> appended;
    private static String rich;

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Inject
    private CaseLedger ledger;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(karafWith("jiandu-core", "jiandu-node-monitor", "jiandu-seizure-guard",
                "jiandu-credit"),
                // the test installs the example itself, from the local repository, once the entries exist
                editConfigurationFilePut("etc/system.properties", VERSION_PROPERTY,
                        System.getProperty("project.version")));
    }

    private static CaseEvent event(String cn, String type, int dayOffset, Map<String, ?> payload) {
        return new CaseEvent(RUN + (++ids), CaseNumber.parse(cn), type,
                TODAY.plusDays(dayOffset).atTime(10, 0).atOffset(ZoneOffset.ofHours(8)), null,
                new Actor("京0105-ZXY01", "执行员", "京0105"), Payload.of(payload), null);
    }

    /**
     * A case filed 40 days ago and queried the next day for deposits only (the monitor's Art. 13 finding), a property
     * lead never verified (a deadline long overdue: alerts), two deposits frozen for 101,400 against a claim of about
     * 50,000 (the seizure guard's over-seizure finding, 查封规定 Art. 19), then half the claim paid.
     */
    private static List<CaseEvent> richCase(String cn) {
        return List.of(
                event(cn, "CASE_FILED", -40, Map.of("claimPrincipal", "50000.00",
                        "performanceDeadline", TODAY.minusDays(45).toString())),
                event(cn, "TRANSFERRED_TO_ENFORCEMENT", -40, Map.of()),
                event(cn, "PROPERTY_QUERY_STARTED", -39, Map.of("propertyTypes", List.of("DEPOSIT"))),
                // never verified: 7 days (财产调查规定 Art. 2) long past, so overdue and escalated
                event(cn, "PROPERTY_LEAD_RECEIVED", -30, Map.of("leadId", "LEAD-1")),
                event(cn, "PROPERTY_CONTROLLED", -10, Map.of("assetId", "ACC-A", "assetKind", "DEPOSIT",
                        "measure", "FREEZE", "amount", "30000.00")),
                event(cn, "PROPERTY_CONTROLLED", -9, Map.of("assetId", "ACC-B", "assetKind", "DEPOSIT",
                        "measure", "FREEZE", "amount", "71400.00")),
                event(cn, "MONEY_RECEIVED", -2, Map.of("amount", "50000.00")));
    }

    private static List<CaseEvent> fillerCase(String cn) {
        List<CaseEvent> out = new ArrayList<>();
        out.add(event(cn, "CASE_FILED", -5, Map.of("claimPrincipal", "20000.00",
                "performanceDeadline", TODAY.plusDays(10).toString())));
        for (int i = 0; i < FILLER_EVENTS; i++) {
            out.add(event(cn, "CONSUMPTION_RESTRICTED", -4, Map.of("subject", "被执行人" + i)));
        }
        return out;
    }

    /** Appends in batches of at most {@link CaseLedger#MAX_BATCH}; answers every entry appended. */
    private List<AppendResult> appendAll(List<CaseEvent> events) {
        List<AppendResult> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i += CaseLedger.MAX_BATCH) {
            out.addAll(ledger.appendAll(events.subList(i, Math.min(events.size(), i + CaseLedger.MAX_BATCH))));
        }
        for (AppendResult r : out) {
            assertFalse(r.toString(), r.duplicate());
        }
        return out;
    }

    /** A pass of the consumer over the ledger to its end, waited for. */
    private void catchUp(String consumerId) throws Exception {
        ServiceReference<LedgerFollower> ref = context.getServiceReference(LedgerFollower.class);
        LedgerFollower follower = context.getService(ref);
        try {
            await(consumerId + " registered with the follower", 60, () -> follower.status(consumerId).isPresent());
            follower.catchUpNow(consumerId, java.time.Duration.ofSeconds(120));
        } finally {
            context.ungetService(ref);
        }
    }

    private static List<String> ids(JsonNode list, String... fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) {
            StringBuilder sb = new StringBuilder();
            for (String f : fields) {
                sb.append(sb.length() == 0 ? "" : "/").append(n.get(f).asText());
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Once per container: more than 1,000 entries recorded, the producers caught up with them (deadlines, alerts,
     * findings over REST), and only then the example installed from the local repository, as an integrator's
     * build would install it.
     */
    @Before
    public void entriesFirstThenTheExample() throws Exception {
        if (appended != null) {
            return;
        }
        awaitRest();
        awaitEndpoints("/api/v1/cases/{caseNumber}/deadlines", "/api/v1/alerts", "/api/v1/findings",
                "/api/v1/cases/{caseNumber}/seizures");
        String cn = CaseNumber.parse("（2025）京0105执8801号").canonical();
        List<CaseEvent> events = new ArrayList<>(richCase(cn));
        for (int c = 1; c <= FILLER_CASES; c++) {
            events.addAll(fillerCase("（2025）京0105执" + (8900 + c) + "号"));
        }
        List<AppendResult> recorded = appendAll(events);
        assertTrue("more than 1,000 entries before the bundle comes: " + recorded.size(), recorded.size() > 1000);

        String path = "/v1/cases/" + seg(cn);
        await("the monitor's deadlines of " + cn, 120, () -> {
            JsonNode d = get("supervisor", path + "/deadlines").body();
            return d != null && d.get("deadlines") != null && d.get("deadlines").size() > 0;
        });
        // every entry recorded so far evaluated by the monitor and the seizure guard, so that what REST shows
        // stands still while the example reads it
        catchUp("jiandu.monitor");
        catchUp("jiandu.seizure.findings");
        String swept = shell(sessions, "jiandu:sweep");
        assertTrue(swept, swept.startsWith("sweep:"));
        await("alerts on the overdue deadlines of " + cn + " (" + swept + "; "
                + get("supervisor", path + "/deadlines").text() + ")", 60, () -> {
            JsonNode a = get("supervisor", "/v1/alerts?limit=100&case=" + seg(cn)).body();
            return a != null && a.get("alerts") != null && a.get("alerts").size() > 0;
        });
        await("a finding of the monitor and of the seizure guard on " + cn, 120, () -> {
            JsonNode f = get("supervisor", "/v1/findings?limit=100&case=" + seg(cn)).body();
            return f != null && f.get("findings") != null
                    && ids(f.get("findings"), "source").containsAll(List.of("org.jiandu.monitor", "org.jiandu.seizure"));
        });

        Bundle example = context.installBundle("mvn:org.jiandu/jiandu-itest-integrator/"
                + System.getProperty(VERSION_PROPERTY));
        example.start();
        rich = cn;
        appended = recorded;
    }

    @Test
    public void itsLedgerConsumerReachesEveryEntryRecordedBeforeItWasInstalled() {
        new Installed(context).consumerReachedEveryEntry(appended);
    }

    @Test
    public void itListsACasesDeadlinesAlertsAndFindingsAsTheRestEndpointsShowThem() {
        new Installed(context).listingsEqualRest(rich);
    }

    @Test
    public void aFindingRaisedAfterItsInstallationReachesItsSubscriberAsAFinding() {
        new Installed(context).laterFindingReceived(this::appendAll);
    }

    /**
     * What the tests ask the example. Its own class, loaded only once the example is installed: the probe finds
     * {@code org.jiandu.itest.integrator} (a dynamic import) only when the example bundle exports it, and a type in a
     * method signature of the test class itself is looked up as soon as Pax Exam lists the class's methods.
     */
    private static final class Installed {
        private final BundleContext context;
        private final CaseOverview overview;

        Installed(BundleContext context) {
            this.context = context;
            await("the example's CaseOverview service", 60,
                    () -> context.getServiceReference(CaseOverview.class) != null);
            // held for the test's duration; the container ends with the class
            this.overview = context.getService(context.getServiceReference(CaseOverview.class));
        }

        void consumerReachedEveryEntry(List<AppendResult> appended) {
            await("the example's ledger consumer reaching all " + appended.size() + " entries", 120,
                    () -> overview.entriesFollowed() >= appended.size());
            for (AppendResult r : appended) {
                SortedSet<Long> seqs = overview.followed(r.entry().event().caseNumber());
                assertTrue(r.entry().event().caseNumber() + " #" + r.entry().seq() + " not delivered: " + seqs,
                        seqs.contains(r.entry().seq()));
            }
            ServiceReference<LedgerFollower> ref = context.getServiceReference(LedgerFollower.class);
            LedgerFollower follower = context.getService(ref);
            try {
                FollowerStatus s = follower.status("itest.integrator").orElseThrow(
                        () -> new AssertionError("the follower does not know the example's consumer: "
                                + follower.statuses()));
                assertEquals(LedgerConsumer.Scope.PER_NODE, s.scope());
                assertTrue(s.toString(), s.active());
            } finally {
                context.ungetService(ref);
            }
        }

        void listingsEqualRest(String rich) {
            CaseNumber cn = CaseNumber.parse(rich);
            Answer<Deadline> deadlines = overview.deadlines(cn);
            assertFalse(deadlines.items().isEmpty());
            assertEquals(ids(get("supervisor", "/v1/cases/" + seg(rich) + "/deadlines").body().get("deadlines"),
                    "id", "ruleId", "key", "status"), deadlines.items().stream()
                    .map(d -> d.id() + "/" + d.ruleId() + "/" + d.key() + "/" + d.status().name()).toList());
            assertEquals(List.of("org.jiandu.monitor"), deadlines.sources().contributed());
            assertTrue(deadlines.sources().toString(), deadlines.sources().complete());

            Answer<Alert> alerts = overview.alerts(cn);
            assertFalse(alerts.items().isEmpty());
            assertEquals(ids(get("supervisor", "/v1/alerts?limit=100&case=" + seg(rich)).body().get("alerts"),
                    "id", "level", "ruleId"), alerts.items().stream()
                    .map(a -> a.id() + "/" + a.level().name() + "/" + a.ruleId()).toList());
            assertEquals(List.of("org.jiandu.monitor"), alerts.sources().contributed());
            assertTrue(alerts.sources().toString(), alerts.sources().complete());

            Answer<Finding> findings = overview.findings(cn);
            JsonNode listed = get("supervisor", "/v1/findings?limit=100&case=" + seg(rich)).body();
            assertEquals(ids(listed.get("findings"), "source", "id", "kind"), findings.items().stream()
                    .map(f -> f.source() + "/" + f.id() + "/" + f.kind()).toList());
            assertEquals(List.of("org.jiandu.credit", "org.jiandu.monitor", "org.jiandu.seizure"),
                    findings.sources().contributed());
            List<String> restSources = new ArrayList<>();
            listed.get("sources").get("contributed").forEach(n -> restSources.add(n.asText()));
            assertEquals(restSources, findings.sources().contributed());
            assertTrue(findings.sources().toString(), findings.sources().complete());
            assertTrue(findings.items().stream().anyMatch(f -> f.kind().equals("OVER_SEIZURE")));
        }

        void laterFindingReceived(java.util.function.Function<List<CaseEvent>, List<AppendResult>> append) {
            String late = CaseNumber.parse("（2025）京0105执8802号").canonical();
            List<AppendResult> more = append.apply(richCase(late));
            await("the over-seizure finding of " + late + " at the example's jiandu/finding/* subscriber", 120,
                    () -> overview.findingsReceived().stream()
                            .anyMatch(f -> f.caseNumber().equals(late) && f.kind().equals("OVER_SEIZURE")));
            Finding over = overview.findingsReceived().stream()
                    .filter(f -> f.caseNumber().equals(late) && f.kind().equals("OVER_SEIZURE")).findFirst()
                    .orElseThrow();
            assertEquals("org.jiandu.seizure", over.source());
            assertEquals("京0105", over.court());
            long secondFreeze = more.stream().filter(r -> r.entry().event().payload().string("assetId")
                    .orElse("").equals("ACC-B")).findFirst().orElseThrow().entry().seq();
            assertEquals("raised for the second freeze", secondFreeze, over.trigger().seq());
            // the event carried the finding the read side holds
            assertTrue(overview.findings(CaseNumber.parse(late)).items().stream().anyMatch(f -> f.source()
                    .equals(over.source()) && f.id() == over.id() && f.key().equals(over.key())
                    && f.message().equals(over.message()) && f.trigger().seq() == over.trigger().seq()));
            // and the consumer followed those entries too
            await("the example's consumer following " + late, 60,
                    () -> overview.followed(CaseNumber.parse(late)).size() == more.size());
        }
    }
}
