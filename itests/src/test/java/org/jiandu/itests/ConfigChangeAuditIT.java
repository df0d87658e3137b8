package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivilegedExceptionAction;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit of legal parameters (issue 9): every Config Admin change of a Jiandu configuration is recorded with who,
 * when, the PID and every changed key's old and new value, and read through {@code GET /api/v1/config-changes},
 * scoped like the request audit. Each way a court changes one is driven here: the Config Admin API from code (no
 * user: the calling class is named), the same under a JAAS subject, a file in {@code etc/} (its OS owner named),
 * the Karaf shell's {@code config:property-set} as a known user, a deletion, and a change made while the audit was
 * stopped (recorded when it starts again).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigChangeAuditIT extends JianduTestSupport {
    private static final String PETITION = "org.jiandu.monitor.rule.art30.petition";
    private static final String POST_TERMINATION = "org.jiandu.monitor.rule.b1.post_termination_query";
    private static final String NETWORK_QUERY = "org.jiandu.monitor.rule.art13.network_query";
    /** A Jiandu PID no component reads: the audit records every {@code org.jiandu.*} configuration alike. */
    private static final String PROBE = "org.jiandu.configchangeauditit";

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private SessionFactory sessions;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core", "jiandu-node-monitor");
    }

    @Before
    public void restIsUp() {
        awaitRest();
        awaitEndpoints("/api/v1/config-changes");
    }

    @Test
    public void everyWayOfChangingALegalParameterIsRecordedWithWhoAndOldAndNewValues() throws Exception {
        // 1. code calling Config Admin, no JAAS subject: recorded before update() returns, no wait needed
        org.osgi.service.cm.Configuration petition = configAdmin.getConfiguration(PETITION, "?");
        petition.update(props("record.workingDays", 4));
        JsonNode created = latest(PETITION);
        assertEquals(created.toString(), "CREATED", created.get("kind").asText());
        assertEquals(created.toString(), "CONFIG_ADMIN", created.get("source").asText());
        assertTrue(created.toString(), created.get("user").isNull());
        assertTrue(created.toString(), created.get("actor").asText().startsWith("unknown: no JAAS user, through the"
                + " Config Admin API from " + ConfigChangeAuditIT.class.getName()));
        assertChange(created, "record.workingDays", null, "4");

        petition.update(props("record.workingDays", 3));
        JsonNode updated = latest(PETITION);
        assertEquals(updated.toString(), "UPDATED", updated.get("kind").asText());
        assertEquals(updated.toString(), 1, updated.get("changes").size());
        assertChange(updated, "record.workingDays", "4", "3");

        // 2. the same API under a JAAS subject (as JMX or a Karaf command runs): the user and their organisation
        Subject supervisor = subject("supervisor", "supervisor", "org:京0105");
        Subject.doAs(supervisor, (PrivilegedExceptionAction<Void>) () -> {
            Dictionary<String, Object> p = props("record.workingDays", 3);
            p.put("close.workingDays", 20);
            configAdmin.getConfiguration(PETITION, "?").update(p);
            return null;
        });
        JsonNode bySupervisor = latest(PETITION);
        assertEquals(bySupervisor.toString(), "supervisor", bySupervisor.get("user").asText());
        assertEquals(bySupervisor.toString(), "京0105", bySupervisor.get("organisation").asText());
        assertChange(bySupervisor, "close.workingDays", null, "20");

        // 3. a file in etc/, as court IT edits one: the file and its OS owner; who saved it is not known
        Path file = Path.of(System.getProperty("karaf.etc"), POST_TERMINATION + ".cfg");
        write(file, "years = 4\n");
        JsonNode[] fromFile = new JsonNode[1];
        await("the file's change recorded", 60, () -> {
            fromFile[0] = latestOrNull(POST_TERMINATION);
            return fromFile[0] != null && "FILE".equals(fromFile[0].get("source").asText());
        });
        String owner = Files.getOwner(file).getName();
        assertTrue(fromFile[0].toString(), fromFile[0].get("actor").asText().startsWith("file etc/" + POST_TERMINATION
                + ".cfg (OS owner " + owner + ", modified "));
        assertTrue(fromFile[0].toString(), fromFile[0].get("actor").asText().contains("who saved it is not known"));
        assertTrue(fromFile[0].toString(), fromFile[0].get("file").asText().endsWith("/" + POST_TERMINATION + ".cfg"));
        assertChange(fromFile[0], "years", null, "4");

        // 4. the Karaf shell as a known user: config:property-set
        String printed = shell(subject("karaf", "admin", "manager", "viewer"),
                "config:property-set -p " + NETWORK_QUERY + " period.amount 4");
        JsonNode byShell = latest(NETWORK_QUERY);
        assertEquals(printed + byShell, "SHELL", byShell.get("source").asText());
        assertEquals(byShell.toString(), "karaf", byShell.get("user").asText());
        assertEquals(byShell.toString(), "user karaf in the Karaf shell", byShell.get("actor").asText());
        assertChange(byShell, "period.amount", null, "4");

        // 5. a deletion: every key to nothing
        configAdmin.getConfiguration(PETITION, "?").delete();
        JsonNode deleted = latest(PETITION);
        assertEquals(deleted.toString(), "DELETED", deleted.get("kind").asText());
        assertChange(deleted, "record.workingDays", "3", null);
        assertChange(deleted, "close.workingDays", "20", null);

        // scoped like the request audit: an inspector of 京0105 sees the change of the supervisor of 京0105 only
        JsonNode inspector = get("inspector", "/v1/config-changes?pid=org.jiandu.monitor.rule.*").body();
        assertEquals(inspector.toString(), 1, inspector.get("count").asInt());
        assertEquals(inspector.toString(), "supervisor", inspector.at("/changes/0/user").asText());
        JsonNode shanghai = get("shinspector", "/v1/config-changes").body();
        assertEquals(shanghai.toString(), 0, shanghai.get("count").asInt());
        assertEquals(403, get("officer", "/v1/config-changes").status());
        JsonNode admin = get("admin", "/v1/config-changes?pid=org.jiandu.monitor.rule.*&limit=1000").body();
        assertEquals(admin.toString(), 6, admin.get("count").asInt());
        JsonNode bySource = get("admin", "/v1/config-changes?source=SHELL").body();
        assertEquals(bySource.toString(), NETWORK_QUERY, bySource.at("/changes/0/pid").asText());
    }

    @Test
    public void badQueriesAnswer400NamingTheField() {
        Reply limit = get("admin", "/v1/config-changes?limit=0");
        assertEquals(limit.text(), 400, limit.status());
        assertEquals("INVALID_LIMIT", limit.code());
        assertEquals("limit", limit.field());
        Reply source = get("admin", "/v1/config-changes?source=EDITOR");
        assertEquals(source.text(), 400, source.status());
        assertEquals("source", source.field());
        Reply pid = get("admin", "/v1/config-changes?pid=" + seg("a b"));
        assertEquals(pid.text(), 400, pid.status());
        assertEquals("pid", pid.field());
    }

    @Test
    public void aChangeMadeWhileTheAuditWasStoppedIsRecordedWhenItStartsAgain() throws Exception {
        configAdmin.getConfiguration(PROBE, "?").update(props("days", 20));
        assertChange(latest(PROBE), "days", null, "20");
        Bundle rest = bundle("org.jiandu.rest");
        rest.stop();
        try {
            configAdmin.getConfiguration(PROBE, "?").update(props("days", 15));
        } finally {
            rest.start();
        }
        awaitRest();
        awaitEndpoints("/api/v1/config-changes");
        JsonNode atStart = latest(PROBE);
        assertEquals(atStart.toString(), "STARTUP", atStart.get("source").asText());
        assertEquals(atStart.toString(), "UPDATED", atStart.get("kind").asText());
        assertTrue(atStart.toString(), atStart.get("actor").asText().startsWith(
                "changed while the config-change audit was not running"));
        assertChange(atStart, "days", "20", "15");
    }

    // ---------------------------------------------------------------- helpers

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static Dictionary<String, Object> props(String key, Object value) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(key, value);
        return p;
    }

    private static Subject subject(String user, String... roles) {
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal(user));
        for (String r : roles) {
            s.getPrincipals().add(new RolePrincipal(r));
        }
        return s;
    }

    /** The newest recorded change of {@code pid}, read as admin; it must be there. */
    private static JsonNode latest(String pid) {
        JsonNode c = latestOrNull(pid);
        assertNotNull("no change recorded for " + pid, c);
        return c;
    }

    private static JsonNode latestOrNull(String pid) {
        Reply r = get("admin", "/v1/config-changes?limit=1&pid=" + pid);
        assertEquals(r.text(), 200, r.status());
        return r.body().get("count").asInt() == 0 ? null : r.body().at("/changes/0");
    }

    /** {@code change} changed {@code key} from {@code old} to {@code now} ({@code null}: not set). */
    private static void assertChange(JsonNode change, String key, String old, String now) {
        for (JsonNode c : change.get("changes")) {
            if (c.get("key").asText().equals(key)) {
                if (old == null) {
                    assertTrue(change.toString(), c.get("oldValue") == null || c.get("oldValue").isNull());
                } else {
                    assertEquals(change.toString(), old, c.get("oldValue").asText());
                }
                if (now == null) {
                    assertTrue(change.toString(), c.get("newValue") == null || c.get("newValue").isNull());
                } else {
                    assertEquals(change.toString(), now, c.get("newValue").asText());
                }
                return;
            }
        }
        throw new AssertionError("no change of " + key + " in " + change);
    }

    /** Runs a shell command as {@code subject} would in a Karaf session (commands check roles against it). */
    private String shell(Subject subject, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
            Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
            try {
                return session.execute(command);
            } finally {
                session.close();
            }
        });
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8) + (result == null ? "" : result);
    }

    /** Writes a file the way an editor's save does: whole. */
    private static void write(Path file, String content) throws Exception {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
