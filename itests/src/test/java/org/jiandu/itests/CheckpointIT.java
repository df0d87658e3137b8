package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.shell.api.console.SessionFactory;
import org.jiandu.verifier.Main;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tamper evidence beyond the database, over HTTP: the signed checkpoints, the proofs, verification against the
 * checkpoint (ROLLED_BACK) and the outside verifier ({@code jiandu-verify}) run on what the endpoints answer, with
 * the verifier key from {@code etc/}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CheckpointIT extends JianduTestSupport {
    @Inject
    @Filter(value = "(osgi.jndi.service.name=jiandu)", timeout = 120_000)
    private DataSource dataSource;

    @Inject
    private SessionFactory sessions;

    @Configuration
    public Option[] config() {
        return karafWith("jiandu-core");
    }

    @Before
    public void restIsUp() {
        awaitRest();
    }

    private static Path etc() {
        return Path.of(System.getProperty("karaf.etc"));
    }

    private static String ingest(String cn, String id, String amount) {
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", "{\"hostEventId\":\"" + id + "\",\"type\":"
                + "\"MONEY_RECEIVED\",\"occurredAt\":\"2024-10-11T09:00:00+08:00\",\"actor\":{\"personId\":\"京0105-Z1\","
                + "\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":{\"amount\":\"" + amount + "\"}}");
        assertEquals(r.text(), 201, r.status());
        return r.body().get("hash").asText();
    }

    private static String verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Main(new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
        return status + " " + out.toString(StandardCharsets.UTF_8);
    }

    private static Path save(String name, String text) throws Exception {
        Path p = Files.createTempFile(name, ".json");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    public void checkpointsAreSignedReadableByEveryRoleAndCheckedOutside() throws Exception {
        String cn = "（2024）京0105执3101号";
        for (int i = 1; i <= 5; i++) {
            ingest(cn, "IT-CP-" + i, i + "00");
        }
        String printed = shell(sessions, "jiandu:checkpoint");
        assertTrue(printed, printed.contains("Checkpoint"));
        Path key = etc().resolve("jiandu-ledger-signing.vkey");
        assertTrue("the verifier key is written next to the keystore", Files.exists(key));

        Reply latest = get("prosecutor", "/v1/ledger/checkpoints/latest");
        assertEquals(latest.text(), 200, latest.status());
        long size = latest.body().get("treeSize").asLong();
        assertTrue(size >= 5);
        Reply keys = get("prosecutor", "/v1/ledger/keys");
        assertEquals(keys.text(), 200, keys.status());
        assertEquals(Files.readString(key).trim(), keys.body().get("keys").get(0).get("verifierKey").asText());
        String ok = verify("checkpoint", "--key", key.toString(), save("latest", latest.text()).toString());
        assertTrue(ok, ok.startsWith("0 OK checkpoint"));

        // an entry's proof: the court's own officer sees the values, the prosecutor only commitments; both verify
        Reply officer = get("officer", "/v1/cases/" + seg(cn) + "/entries/3/proof");
        assertEquals(officer.text(), 200, officer.status());
        assertTrue(officer.body().get("valuesShown").asBoolean());
        String shown = verify("entry", "--key", key.toString(), "--proof", save("proof", officer.text()).toString());
        assertTrue(shown, shown.startsWith("0 OK entry 3") && shown.contains("payload.amount = 300.00"));
        Reply prosecutor = get("prosecutor", "/v1/cases/" + seg(cn) + "/entries/3/proof");
        assertFalse(prosecutor.body().get("valuesShown").asBoolean());
        assertFalse(prosecutor.text(), prosecutor.text().contains("300.00"));
        String masked = verify("entry", "--key", key.toString(), "--proof", save("masked", prosecutor.text()).toString());
        assertTrue(masked, masked.startsWith("0 OK entry 3") && masked.contains("payload.amount = (masked)"));
        String forged = verify("entry", "--key", key.toString(), "--proof",
                save("forged", officer.text().replace("300.00", "30.00")).toString());
        assertTrue(forged, forged.startsWith("1 FAILED"));

        // the holder of this checkpoint checks the next one against it
        ingest(cn, "IT-CP-6", "600");
        shell(sessions, "jiandu:checkpoint");
        Reply next = get("inspector", "/v1/ledger/checkpoints/latest");
        assertEquals(size + 1, next.body().get("treeSize").asLong());
        Reply consistency = get("inspector", "/v1/ledger/consistency?from=" + size);
        assertEquals(consistency.text(), 200, consistency.status());
        String extends_ = verify("consistency", "--key", key.toString(), "--old", save("old", latest.text()).toString(),
                "--new", save("new", next.text()).toString(), "--proof", save("c", consistency.text()).toString());
        assertTrue(extends_, extends_.startsWith("0 OK consistent"));

        Reply list = get("prosecutor", "/v1/ledger/checkpoints?limit=1");
        assertEquals(1, list.body().get("count").asInt());
        Reply older = get("prosecutor", "/v1/ledger/checkpoints?limit=1&cursor=" + list.body().get("nextCursor").asText());
        assertEquals(size, older.body().get("checkpoints").get(0).get("treeSize").asLong());
    }

    @Test
    public void aMaskedFieldIsCommittedInTheProofUntilRevealedWithAReason() throws Exception {
        String cn = "（2024）京0105执3103号";
        Reply r = post("host", "/v1/cases/" + seg(cn) + "/events", "{\"hostEventId\":\"IT-CPM-1\",\"type\":"
                + "\"MONEY_RECEIVED\",\"occurredAt\":\"2024-10-11T09:00:00+08:00\",\"actor\":{\"personId\":\"京0105-Z1\","
                + "\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":{\"amount\":\"100\","
                + "\"account\":\"6222020200112233445\"}}");
        assertEquals(r.text(), 201, r.status());
        shell(sessions, "jiandu:checkpoint");
        Path key = etc().resolve("jiandu-ledger-signing.vkey");
        String path = "/v1/cases/" + seg(cn) + "/entries/1/proof";
        Reply masked = get("officer", path);
        assertEquals(masked.text(), 200, masked.status());
        assertFalse(masked.text(), masked.text().contains("6222020200112233445"));
        assertTrue(masked.text(), masked.text().contains("3445"));
        String out = verify("entry", "--key", key.toString(), "--proof", save("m", masked.text()).toString());
        assertTrue(out, out.startsWith("0 OK") && out.contains("payload.account = (masked) ") && out.contains("3445")
                && out.contains("payload.amount = 100.00"));

        assertEquals("REASON_REQUIRED", get("officer", path + "?reveal=true").code());
        assertEquals("REVEAL_FORBIDDEN", get("prosecutor", path + "?reveal=true&reason=x").code());
        Reply revealed = get("officer", path + "?reveal=true&reason=" + java.net.URLEncoder.encode("核对执行款账户",
                StandardCharsets.UTF_8));
        assertTrue(revealed.text(), revealed.body().get("revealed").asBoolean());
        out = verify("entry", "--key", key.toString(), "--proof", save("r", revealed.text()).toString());
        assertTrue(out, out.startsWith("0 OK") && out.contains("payload.account = \"6222020200112233445\""));
        Reply audit = get("admin", "/v1/audit?user=officer&limit=50");
        assertTrue(audit.text(), audit.text().contains("REVEAL") && audit.text().contains("核对执行款账户")
                && audit.text().contains("payload.account"));
    }

    @Test
    public void badRequestsGetClearErrors() {
        Reply r = get("prosecutor", "/v1/ledger/consistency?from=-1");
        assertEquals(400, r.status());
        assertEquals("INVALID_TREE_SIZE", r.code());
        assertEquals("from", r.field());
        assertEquals(400, get("prosecutor", "/v1/ledger/consistency").status());
        r = get("prosecutor", "/v1/ledger/checkpoints?cursor=abc");
        assertEquals("INVALID_CURSOR", r.code());
        r = get("officer", "/v1/cases/" + seg("（2024）京0105执3199号") + "/entries/1/proof");
        assertEquals(404, r.status());
        assertEquals("ENTRY_NOT_FOUND", r.code());
        r = get("officer", "/v1/cases/" + seg("（2024）京0105执3199号") + "/entries/0/proof");
        assertEquals("INVALID_SEQ", r.code());
        assertEquals(401, get(null, "/v1/ledger/checkpoints/latest").status());
    }

    @Test
    public void truncationWithTheCaseRecordRewrittenIsRolledBack() throws Exception {
        String cn = "（2024）京0105执3102号";
        List<String> hashes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            hashes.add(ingest(cn, "IT-RB-" + i, i + "00"));
        }
        shell(sessions, "jiandu:checkpoint");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement p = c.prepareStatement("DELETE FROM JD_LEDGER_ENTRY WHERE CASE_NUMBER = ? AND SEQ > 2")) {
                p.setString(1, cn);
                assertEquals(2, p.executeUpdate());
            }
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE JD_LEDGER_CASE SET ENTRY_COUNT = 2, HEAD_HASH = ? WHERE CASE_NUMBER = ?")) {
                p.setString(1, hashes.get(1));
                p.setString(2, cn);
                assertEquals(1, p.executeUpdate());
            }
        }
        JsonNode report = get("supervisor", "/v1/cases/" + seg(cn) + "/verification").body();
        assertFalse(report.toString(), report.get("intact").asBoolean());
        List<String> kinds = new ArrayList<>();
        report.get("problems").forEach(p -> kinds.add(p.get("kind").asText()));
        assertEquals(List.of("ROLLED_BACK"), kinds);
        String all = shell(sessions, "jiandu:verify");
        assertTrue(all, all.contains("ROLLED_BACK") && all.contains(cn));
    }
}
