package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
import org.jiandu.api.ledger.FollowerStatus;
import org.jiandu.api.ledger.LedgerFollower;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ledger follower as an integrator meets it: a case that is already over-seized is recorded while only
 * {@code jiandu-core} runs; then {@code jiandu-seizure-guard} is installed, and its findings consumer, following the
 * ledger from the start, raises the over-seizure finding (查封规定 Art. 19) nobody was there to raise when the
 * payment was recorded. EventAdmin delivered that payment to no one; the ledger is what the follower follows.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LateInstallFollowerIT extends JianduTestSupport {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static int ids;

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core");
    }

    private static void ingest(String cn, String type, int dayOffset, String payload) {
        String ev = "{\"hostEventId\":\"LATE-IT-" + (++ids) + "-" + System.nanoTime() + "\",\"type\":\"" + type
                + "\",\"occurredAt\":\"" + TODAY.plusDays(dayOffset) + "T10:00:00+08:00\",\"actor\":{\"personId\":"
                + "\"京0105-ZXY01\",\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":" + payload + "}";
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", ev);
        assertEquals(r.text(), 201, r.status());
    }

    private List<ComponentHealth> health() {
        List<ComponentHealth> all = new ArrayList<>();
        try {
            for (ServiceReference<HealthIndicator> ref : context.getServiceReferences(HealthIndicator.class, null)) {
                HealthIndicator h = context.getService(ref);
                try {
                    all.addAll(h.health());
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
        return all;
    }

    @Test
    public void aCaseOverSeizedBeforeTheFeatureWasInstalledGetsItsFindingOnceItIs() {
        awaitRest();
        String cn = "（2025）京0105执951号";
        // claim 100,000 + fee 1,400 = 101,400; control 101,400; a payment of 50,000 leaves 51,400 against 101,400
        ingest(cn, "CASE_FILED", -20, "{\"claimPrincipal\":\"100000.00\",\"performanceDeadline\":\""
                + TODAY.plusDays(30) + "\"}");
        ingest(cn, "PROPERTY_CONTROLLED", -10, "{\"assetId\":\"ACC-0\",\"assetKind\":\"DEPOSIT\",\"measure\":"
                + "\"FREEZE\",\"amount\":\"30000.00\"}");
        ingest(cn, "PROPERTY_CONTROLLED", -10, "{\"assetId\":\"ACC-1\",\"assetKind\":\"DEPOSIT\",\"measure\":"
                + "\"FREEZE\",\"amount\":\"71400.00\"}");
        ingest(cn, "MONEY_RECEIVED", -1, "{\"amount\":\"50000.00\"}");
        // nothing supervises seizures yet
        assertNotEquals(200, get("supervisor", "/v1/cases/" + seg(cn) + "/seizures").status());

        String out = shell(sessions, "feature:install jiandu-seizure-guard");
        assertTrue(out, !out.contains("Error"));
        awaitEndpoints("/api/v1/cases/{caseNumber}/seizures");

        JsonNode[] findings = new JsonNode[1];
        await("the over-seizure finding of " + cn + " raised by the late-installed feature", 120, () -> {
            Reply r = get("supervisor", "/v1/cases/" + seg(cn) + "/seizures");
            findings[0] = r.body() == null ? null : r.body().get("findings");
            return r.status() == 200 && findings[0] != null && findings[0].size() > 0;
        });
        assertEquals(findings[0].toString(), 1, findings[0].size());
        JsonNode f = findings[0].get(0);
        assertEquals("OVER_SEIZURE", f.get("kind").asText());
        // raised for the payment, the fourth entry, as it would have been had the feature been there
        assertEquals(4, f.get("triggerSeq").asInt());
        assertTrue(f.toString(), f.get("message").asText().contains("ACC-1（解除 50000.00 元）"));

        // both seizure consumers are followed, and report through health once they have caught up
        ServiceReference<LedgerFollower> ref = context.getServiceReference(LedgerFollower.class);
        LedgerFollower follower = context.getService(ref);
        try {
            await("the seizure consumers caught up", 60, () -> follower.statuses().stream()
                    .filter(s -> s.consumerId().startsWith("jiandu.seizure.")).filter(s -> s.lagMillis() == 0)
                    .count() == 2);
            FollowerStatus findingsConsumer = follower.status("jiandu.seizure.findings").orElseThrow();
            assertEquals(org.jiandu.api.ledger.LedgerConsumer.Scope.SHARED, findingsConsumer.scope());
            assertTrue(findingsConsumer.active());
            assertTrue(findingsConsumer.toString(), findingsConsumer.delivered() >= 4);
        } finally {
            context.ungetService(ref);
        }
        ComponentHealth h = health().stream().filter(c -> c.component().equals("jiandu.follower.jiandu.seizure.findings"))
                .findFirst().orElseThrow(() -> new AssertionError("no health for the seizure findings follower"));
        assertEquals(h.toString(), HealthState.UP, h.state());
    }
}
