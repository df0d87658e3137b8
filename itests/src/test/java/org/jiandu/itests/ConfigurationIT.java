package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

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
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Configuration as court IT does it: real {@code .cfg} files in {@code etc/} of a real Karaf, read by file install.
 *
 * <p>The exhaustive test is generated from the MetaTypeService at run time: every attribute of every Jiandu
 * configuration (every PID any {@code org.jiandu.*} bundle designates) gets a valid value different from its
 * default, derived from its metatype (options, min/max, type) or, for free text, from {@link #EXAMPLES}; an attribute
 * the generator cannot serve fails the test, so a new attribute is covered or noticed. All files are written at once
 * (one Karaf, many files): each value must reach its component (the effective configuration in
 * {@code /api/v1/health}). Then every attribute gets an invalid value at once: each must be refused with an ERROR
 * naming PID and key in {@code data/log/karaf.log}, show as DEGRADED in health, and a new event must still open its
 * deadlines. Also: the old rule file name is refused loudly and the new one changes the deadline.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationIT extends JianduTestSupport {
    /** Invalid for every text, number and boolean the generator derives a valid value for. */
    private static final String TYPO = "WX";
    private static final AtomicInteger CASES = new AtomicInteger(100);
    /** Stands for the Karaf's {@code etc} directory in {@link #EXAMPLES}, known only inside the running Karaf. */
    private static final String KARAF_ETC = "<karaf.etc>";

    /**
     * Free-text attributes (no options, no bounds): a valid value, what its effective value must show, and an invalid
     * value; by {@code pid#key}, or {@code *#key} for any PID.
     */
    private static final Map<String, String[]> EXAMPLES = Map.ofEntries(
            Map.entry("org.jiandu.monitor#escalation.courtLeaders", new String[] {"京0105=京0105-FY01", "京0105-FY01", TYPO}),
            Map.entry("org.jiandu.monitor#rules.required",
                    new String[] {"art13.network-query", "[\"art13.network-query\"]", "Bad Id!"}),
            Map.entry("*#termination.queryablePropertyTypes", new String[] {"DEPOSIT", "[\"DEPOSIT\"]", TYPO}),
            Map.entry("*#termination.refusedUndisposedReasons", new String[] {"测试理由", "[\"测试理由\"]", ""}),
            Map.entry("*#money.caseAccounts", new String[] {"京0105=0200 0012", "02000012", TYPO}),
            Map.entry("*#disposal.methodsWithoutException", new String[] {"ONLINE_AUCTION", "[\"ONLINE_AUCTION\"]", TYPO}),
            Map.entry("*#disposal.forbiddenAnnouncementPhrases", new String[] {"测试短语", "[\"测试短语\"]", ""}),
            Map.entry("*#disposal.methodsBeforeAppraisal", new String[] {"NEGOTIATION", "[\"NEGOTIATION\"]", TYPO}),
            Map.entry("*#queryableTypes", new String[] {"DEPOSIT", "[\"DEPOSIT\"]", TYPO}),
            Map.entry("*#assetKinds", new String[] {"VEHICLE", "[\"VEHICLE\"]", TYPO}),
            Map.entry("org.jiandu.seizure#clearlyExceedsRatio", new String[] {"1.5", "1.5", TYPO}),
            Map.entry("org.jiandu.seizure#impactOrder", new String[] {"VEHICLE", "[\"VEHICLE\",", TYPO}),
            Map.entry("org.jiandu.clock#offset", new String[] {"PT1S", "PT1S", TYPO}),
            // who may reveal masked values: role names; the host system is refused as is a malformed name
            Map.entry("org.jiandu.mask#revealRoles", new String[] {"inspector", "[\"inspector\"]", "Bad Role!"}),
            // the server must stay where the test talks to it: the valid values are the defaults, written explicitly
            Map.entry("org.jiandu.rest#alias", new String[] {"/api", "/api", TYPO}),
            Map.entry("org.jiandu.rest#realm", new String[] {"karaf", "karaf", "WX!"}),
            // the follower restarts its consumers under the new node id (and back): entries keep being delivered
            Map.entry("org.jiandu.ledger.follower#node.id",
                    new String[] {"configurationit.node_1@host-a", "configurationit.node_1@host-a", "Bad Id!"}),
            // the checkpoints' log name and key: a renamed origin, a second key in the same keystore (a rotation);
            // the password is never shown (its effective value is a mask)
            Map.entry("org.jiandu.ledger.checkpoint#origin", new String[] {"configurationit.court.example/ledger",
                "configurationit.court.example/ledger", "Bad Origin!"}),
            Map.entry("org.jiandu.ledger.checkpoint#key.alias", new String[] {"jiandu-ledger-2", "jiandu-ledger-2",
                "Bad Alias!"}),
            Map.entry("org.jiandu.ledger.checkpoint#keystore.path", new String[] {KARAF_ETC
                + "/jiandu-ledger-signing.p12", KARAF_ETC + "/jiandu-ledger-signing.p12", TYPO}),
            Map.entry("org.jiandu.ledger.checkpoint#keystore.password", new String[] {"jiandu", "********", ""}),
            // the directory the running Karaf uses, written explicitly (a relative path is refused)
            Map.entry("org.jiandu.courts#file",
                    new String[] {KARAF_ETC + "/jiandu-courts.csv", KARAF_ETC + "/jiandu-courts.csv", TYPO}));

    /** A valid and an invalid file for each factory PID (a whole notice: its attributes only make sense together). */
    private static final Map<String, String[]> FACTORY_EXAMPLES = Map.of("org.jiandu.calendar.year", new String[] {
        "year = 2027\nversion = 国办发明电〔2026〕99号\nholidays = 2027-01-01/2027-01-03 元旦, 2027-02-05/2027-02-13 春节,"
                + " 2027-04-03/2027-04-05 清明节, 2027-05-01/2027-05-05 劳动节, 2027-06-09/2027-06-11 端午节,"
                + " 2027-09-15/2027-09-17 中秋节, 2027-10-01/2027-10-07 国庆节\n"
                + "workdays = 2027-02-14 春节, 2027-04-25 劳动节, 2027-09-26 国庆节, 2027-10-09 国庆节\n",
        "year = " + TYPO + "\nversion = 国办发明电〔2026〕99号\nholidays = 2027-01-01 元旦\n"});

    @Inject
    private MetaTypeService metaType;

    @Inject
    private BundleContext context;

    @Inject
    private SessionFactory sessions;

    @Inject
    private ConfigurationAdmin configAdmin;

    /** Every Config Admin event seen while the test runs (time, type, PID), to explain a wait that timed out. */
    private final java.util.Queue<String> events = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private org.osgi.framework.ServiceRegistration<ConfigurationListener> listener;

    @org.junit.After
    public void stopListening() {
        listener.unregister();
    }

    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(karafWith("jiandu-node-monitor", "jiandu-seizure-guard",
                "jiandu-demo")));
        // file install polls etc/ every second by default; a quicker poll keeps the many files of this test fast
        options.add(editConfigurationFilePut("etc/custom.properties", "felix.fileinstall.poll", "250"));
        // the demo loads its cases only when the test enables it (as a valid value): a quicker boot
        options.add(editConfigurationFilePut("etc/org.jiandu.demo.cfg", "enabled", "false"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void restIsUp() {
        listener = context.registerService(ConfigurationListener.class, e -> events.add(java.time.LocalTime.now() + " "
                + (e.getType() == ConfigurationEvent.CM_UPDATED ? "UPDATED"
                        : e.getType() == ConfigurationEvent.CM_DELETED ? "DELETED" : "LOCATION") + " " + e.getPid()),
                null);
        awaitRest();
        awaitEndpoints("/api/v1/rules", "/api/v1/health", "/api/v1/cases/{caseNumber}/deadlines");
        await("16 rules", 60, () -> get("supervisor", "/v1/rules").body().get("count").asInt() >= 16);
    }

    // ---------------------------------------------------------------- the documented files

    @Test
    public void theOldFileNameIsRefusedLoudlyAndTheNewOneSetsTheNetworkQueryPeriod() throws Exception {
        Path old = etc("org.jiandu.monitor.rule.art13.network-query.cfg");
        write(old, "period.amount = 2\n");
        await("the old file name refused", 30, () -> {
            JsonNode c = component("jiandu.monitor.rule-pids");
            return c != null && "DEGRADED".equals(c.get("state").asText())
                    && c.get("reasons").toString().contains("org.jiandu.monitor.rule.art13.network_query");
        });
        awaitLog("the ERROR naming the old file and the new PID", "org.jiandu.monitor.rule.art13.network-query.cfg",
                "org.jiandu.monitor.rule.art13.network_query");
        // ignored: 2024-11-04 (Mon) + 5 working days = 2024-11-11 (Mon)
        assertEquals("2024-11-11", transferredOn("2024-11-04").get("due").asText());

        Path now = etc("org.jiandu.monitor.rule.art13.network_query.cfg");
        write(now, "period.amount = 2\n");
        await("period.amount = 2 in effect", 30, () -> {
            JsonNode c = component("jiandu.monitor.rule.art13.network-query");
            return c != null && c.at("/details/config/period.amount").asInt() == 2;
        });
        // 2024-11-04 (Mon) + 2 working days = 2024-11-06 (Wed)
        assertEquals("2024-11-06", transferredOn("2024-11-04").get("due").asText());

        Files.delete(old);
        Files.delete(now);
        await("the rule back to 5 and the PID check UP", 30, () -> {
            JsonNode rule = component("jiandu.monitor.rule.art13.network-query");
            JsonNode pids = component("jiandu.monitor.rule-pids");
            return rule != null && rule.at("/details/config/period.amount").asInt() == 5 && pids != null
                    && "UP".equals(pids.get("state").asText());
        });
    }

    /**
     * Nothing rewrites a file a court edits. Karaf's file install, by default, writes every configuration it read from
     * {@code etc/} back into its file after each update ({@code felix.fileinstall.enableConfigSave}), on Config Admin's
     * event thread, by truncating the file and writing it again; its watcher, which takes a file as complete once it
     * has seen the same size and time twice (twice within one scan for a known file), can read it in between, empty,
     * and update the configuration with nothing, which the next write-back then writes into the file: the court's
     * values are gone from Config Admin and from the file (ConfigurationIT lost a whole rule file this way on a
     * loaded machine, its keys back at their defaults). Jiandu turns the write-back off; this shows it is off.
     */
    @Test
    public void aConfigurationChangeNeverRewritesTheFileInEtc() throws Exception {
        String pid = "org.jiandu.monitor.rule.art30.petition";
        Path file = etc(pid + ".cfg");
        String content = "# this court's petition periods (Art. 30)\nrecord.workingDays = 4\n";
        write(file, content);
        try {
            await("record.workingDays = 4 in effect", 60, () -> {
                JsonNode c = byPidOf(pid);
                return c != null && c.at("/details/config/record.workingDays").asInt() == 4;
            });
            org.osgi.service.cm.Configuration config = configAdmin.getConfiguration(pid, "?");
            java.util.Dictionary<String, Object> props = config.getProperties();
            props.put("record.workingDays", "3");
            config.update(props);
            await("record.workingDays = 3 in effect", 60, () -> {
                JsonNode c = byPidOf(pid);
                return c != null && c.at("/details/config/record.workingDays").asInt() == 3;
            });
            awaitEventsDelivered();
            assertEquals("the file in etc/ as the court wrote it", content,
                    Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Returns once Config Admin has delivered every event so far to every listener: it delivers them in order on one
     * thread, so a marker configuration's event arriving means all earlier ones have been handled (file install's
     * write-back included).
     */
    private void awaitEventsDelivered() throws IOException {
        String marker = "org.jiandu.configurationit.marker";
        org.osgi.service.cm.Configuration m = configAdmin.getConfiguration(marker, "?");
        java.util.Dictionary<String, Object> p = new java.util.Hashtable<>();
        String token = java.util.UUID.randomUUID().toString();
        p.put("token", token);
        int seen = (int) events.stream().filter(e -> e.endsWith(" " + marker)).count();
        m.update(p);
        await("Config Admin's event for the marker", 60,
                () -> events.stream().filter(e -> e.endsWith(" " + marker)).count() > seen);
        m.delete();
    }

    // ---------------------------------------------------------------- every attribute

    /** One attribute of one PID, with the values the test writes. */
    private record Attr(String pid, String key, String valid, String expect, String invalid) {
    }

    @Test
    public void everyAttributeOfEveryJianduConfigurationTakesEffectAndAnInvalidValueNeverStopsSupervision()
            throws Exception {
        Map<String, List<Attr>> byPid = new LinkedHashMap<>();
        List<String> factories = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (!b.getSymbolicName().startsWith("org.jiandu.")) {
                continue;
            }
            MetaTypeInformation info = metaType.getMetaTypeInformation(b);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
                    Attr a = derive(pid, ad);
                    if (a == null) {
                        uncovered.add(pid + "#" + ad.getID());
                    } else {
                        byPid.computeIfAbsent(pid, k -> new ArrayList<>()).add(a);
                    }
                }
            }
            for (String pid : info.getFactoryPids()) {
                if (FACTORY_EXAMPLES.containsKey(pid)) {
                    factories.add(pid);
                } else {
                    uncovered.add(pid + " (factory)");
                }
            }
        }
        assertTrue("No way to derive valid and invalid values for " + uncovered + ": declare options or min/max in"
                + " its @AttributeDefinition, or add an example to ConfigurationIT.EXAMPLES", uncovered.isEmpty());
        // what the test must at least see: the monitor, its guards, 16 rules, seizure, calendar, rest, clock, demo,
        // the ledger follower and the court directory
        assertTrue(byPid.keySet().toString(), byPid.size() >= 25);
        assertTrue(byPid.keySet().toString(), byPid.containsKey("org.jiandu.ledger.follower"));
        assertTrue(byPid.keySet().toString(), byPid.containsKey("org.jiandu.courts"));
        assertTrue(byPid.keySet().toString(), byPid.containsKey("org.jiandu.monitor.rule.art13.network_query"));
        assertTrue(factories.toString(), factories.contains("org.jiandu.calendar.year"));

        Map<Path, byte[]> before = new LinkedHashMap<>();
        try {
            // valid values, all files at once
            for (Map.Entry<String, List<Attr>> e : byPid.entrySet()) {
                Path file = etc(e.getKey() + ".cfg");
                if (Files.exists(file)) {
                    before.put(file, Files.readAllBytes(file));
                } else {
                    before.put(file, null);
                }
                StringBuilder cfg = new StringBuilder(before.get(file) == null ? ""
                        : new String(before.get(file), StandardCharsets.UTF_8) + "\n");
                for (Attr a : e.getValue()) {
                    cfg.append(a.key()).append(" = ").append(a.valid()).append('\n');
                }
                if (e.getKey().startsWith("org.jiandu.monitor.rule.")) {
                    // a changed unit or an amount above a default of 1 may lengthen a statutory period, which a
                    // rule takes only with allowLonger in the same file (the refusal itself: RulesTest)
                    cfg.append("allowLonger = true\n");
                }
                write(file, cfg.toString());
            }
            for (String factory : factories) {
                Path file = etc(factory + "-configurationit.cfg");
                before.put(file, null);
                write(file, FACTORY_EXAMPLES.get(factory)[0]);
            }
            awaitNone("every valid value in effect", 120, () -> notYetInEffect(byPid), this::explain);
            try {
                await("the valid calendar year 2027 loaded", 30, () -> {
                    JsonNode calendar = component("jiandu.calendar");
                    return calendar != null && calendar.at("/details/years").toString().contains("2027");
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; " + component("jiandu.calendar") + "; "
                        + explainFiles(factories.stream().map(f -> f + "-configurationit.cfg").toList()));
            }
            List<String> refusedValid = new ArrayList<>();
            // the REST server restarts when its own file is read, possibly after the values above showed (they equal
            // its defaults): read the health once it answers again
            JsonNode valid = awaitHealth();
            for (String pid : byPid.keySet()) {
                JsonNode c = byPidOf(valid, pid);
                if (c.get("reasons").toString().contains("Configuration " + pid + ":")) {
                    refusedValid.add(c.get("reasons").toString());
                }
            }
            assertTrue("valid values refused: " + refusedValid, refusedValid.isEmpty());

            // invalid values, all at once
            for (Map.Entry<String, List<Attr>> e : byPid.entrySet()) {
                Path file = etc(e.getKey() + ".cfg");
                StringBuilder cfg = new StringBuilder(before.get(file) == null ? ""
                        : new String(before.get(file), StandardCharsets.UTF_8) + "\n");
                for (Attr a : e.getValue()) {
                    cfg.append(a.key()).append(" = ").append(a.invalid()).append('\n');
                }
                write(file, cfg.toString());
            }
            for (String factory : factories) {
                write(etc(factory + "-configurationit.cfg"), FACTORY_EXAMPLES.get(factory)[1]);
            }
            awaitNone("every invalid value refused in health", 120, () -> notYetRefused(byPid), this::explain);
            await("the invalid calendar year refused", 30, () -> {
                JsonNode calendar = component("jiandu.calendar");
                return calendar != null && calendar.get("reasons").toString().contains("refused");
            });
            String log = log();
            List<String> notLogged = new ArrayList<>();
            for (List<Attr> attrs : byPid.values()) {
                for (Attr a : attrs) {
                    if (!loggedAtError(log, "Configuration " + a.pid() + ": " + a.key() + " = ")) {
                        notLogged.add(a.pid() + "#" + a.key());
                    }
                }
            }
            assertTrue("no ERROR naming PID and key for " + notLogged, notLogged.isEmpty());
            for (String factory : factories) {
                assertTrue("no ERROR for the refused " + factory + " file", loggedAtError(log, factory, "year"));
            }
            JsonNode invalid = awaitHealth();
            for (String pid : byPid.keySet()) {
                assertEquals(pid, "DEGRADED", byPidOf(invalid, pid).get("state").asText());
            }
            assertEquals("DEGRADED", health().get("status").asText());
            // supervision goes on: a new event opens its deadline, with the law's default (5 working days)
            assertEquals("2024-11-11", transferredOn("2024-11-04").get("due").asText());
            // the load balancer still sees a working node
            Reply live = get(null, "/v1/health/live");
            assertEquals(live.text(), 200, live.status());
            assertEquals("UP", live.body().get("status").asText());
        } finally {
            for (Map.Entry<Path, byte[]> e : before.entrySet()) {
                if (e.getValue() == null) {
                    Files.deleteIfExists(e.getKey());
                } else {
                    write(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8));
                }
            }
        }
        await("every configuration back to its defaults", 120, () -> {
            JsonNode all = healthOrNull();
            if (all == null) {
                return false;
            }
            for (String pid : byPid.keySet()) {
                // a component whose configuration is required (the demo loader) may be gone with its file
                JsonNode c = byPidOf(all, pid);
                if (c != null && c.get("reasons").toString().contains("Configuration " + pid + ":")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The values for one attribute, or {@code null} when nothing in its metatype or the examples serves it. */
    private static Attr derive(String pid, AttributeDefinition ad) {
        String key = ad.getID();
        String[] example = EXAMPLES.getOrDefault(pid + "#" + key, EXAMPLES.get("*#" + key));
        if (example != null) {
            String etc = Path.of(System.getProperty("karaf.etc")).toString();
            return new Attr(pid, key, example[0].replace(KARAF_ETC, etc), example[1].replace(KARAF_ETC, etc),
                    example[2]);
        }
        String[] defaults = ad.getDefaultValue();
        String d = defaults == null || defaults.length == 0 ? "" : defaults[0];
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0) {
            for (String o : options) {
                if (!o.equalsIgnoreCase(d)) {
                    return new Attr(pid, key, o, o, TYPO);
                }
            }
        }
        switch (ad.getType()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT -> {
                long value = Long.parseLong(d.strip());
                long valid = accepted(ad, value + 1) ? value + 1 : value - 1;
                Long above = firstRefusedAbove(ad, value);
                return new Attr(pid, key, String.valueOf(valid), String.valueOf(valid),
                        above != null ? String.valueOf(above) : TYPO);
            }
            case AttributeDefinition.BOOLEAN -> {
                String valid = String.valueOf(!Boolean.parseBoolean(d));
                return new Attr(pid, key, valid, valid, "maybe");
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether the metatype accepts {@code value} (its min/max; no validation counts as accepted). */
    private static boolean accepted(AttributeDefinition ad, long value) {
        String why = ad.validate(String.valueOf(value));
        return why == null || why.isEmpty();
    }

    /** The smallest value above {@code value} the metatype's max refuses, or {@code null} when it has no max. */
    private static Long firstRefusedAbove(AttributeDefinition ad, long value) {
        long step = 1;
        while (accepted(ad, value + step)) {
            if (step > 1L << 40) {
                return null;
            }
            step <<= 1;
        }
        long lo = value + step / 2;
        long hi = value + step;
        while (hi - lo > 1) {
            long mid = lo + (hi - lo) / 2;
            if (accepted(ad, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Waits until {@code pending} answers nothing; a timeout names what was still pending. */
    private static void awaitNone(String what, int seconds, java.util.function.Supplier<List<String>> pending,
            java.util.function.Function<List<String>, String> explain) {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            await(what, seconds, () -> {
                last.set(0, pending.get());
                return last.get(0).isEmpty();
            });
        } catch (AssertionError e) {
            // no cause: Pax Exam reports the innermost message only
            throw new AssertionError(e.getMessage() + "; still pending: " + last.get(0) + "; "
                    + explain.apply(last.get(0)));
        }
    }

    /**
     * For the PIDs of {@code pending} ({@code pid#key …}): what their file in etc/ holds, what Config Admin holds and
     * the Config Admin events seen for them, so that a timeout tells a file never read from an update lost on the way.
     */
    private String explain(List<String> pending) {
        return explainFiles(pending.stream().map(p -> p.substring(0, p.indexOf('#')) + ".cfg").distinct().toList());
    }

    /** What each file in etc/ holds, the configuration file install made of it and the Config Admin events seen. */
    private String explainFiles(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            Path file = etc(name);
            out.append("\n").append(name).append(": file ");
            try {
                out.append(Files.exists(file) ? "(modified " + Files.getLastModifiedTime(file) + ") "
                        + Files.readString(file, StandardCharsets.UTF_8).replace('\n', '|') : "absent");
                org.osgi.service.cm.Configuration[] c = configAdmin.listConfigurations(
                        "(felix.fileinstall.filename=" + file.toFile().toURI() + ")");
                out.append("; Config Admin: ");
                if (c == null) {
                    out.append("none");
                } else {
                    for (org.osgi.service.cm.Configuration one : c) {
                        out.append(one.getPid()).append(' ').append(one.getProperties()).append(' ');
                        out.append("; events:");
                        for (String ev : events) {
                            if (ev.endsWith(" " + one.getPid())) {
                                out.append(' ').append(ev.substring(0, ev.lastIndexOf(' ')));
                            }
                        }
                    }
                }
            } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
                out.append(e);
            }
        }
        return out.toString();
    }

    /** The attributes whose valid value does not show yet as the effective value of their PID's component. */
    private static List<String> notYetInEffect(Map<String, List<Attr>> byPid) {
        List<String> out = new ArrayList<>();
        JsonNode all = healthOrNull();
        for (List<Attr> attrs : byPid.values()) {
            for (Attr a : attrs) {
                JsonNode c = all == null ? null : byPidOf(all, a.pid());
                JsonNode v = c == null ? null : c.at("/details/config").get(a.key());
                boolean shown = v != null && (v.isValueNode() ? v.asText().equalsIgnoreCase(a.expect())
                        : v.toString().contains(a.expect()));
                if (!shown) {
                    out.add(a.pid() + "#" + a.key() + " = " + v);
                }
            }
        }
        return out;
    }

    /** The attributes whose invalid value is not yet named by a DEGRADED reason of their PID's component. */
    private static List<String> notYetRefused(Map<String, List<Attr>> byPid) {
        List<String> out = new ArrayList<>();
        JsonNode all = healthOrNull();
        for (List<Attr> attrs : byPid.values()) {
            for (Attr a : attrs) {
                JsonNode c = all == null ? null : byPidOf(all, a.pid());
                if (c == null || !"DEGRADED".equals(c.get("state").asText())
                        || !c.get("reasons").toString().contains("Configuration " + a.pid() + ": " + a.key() + " = ")) {
                    out.add(a.pid() + "#" + a.key());
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- health endpoints and commands

    @Test
    public void healthIsForSupervisorsLivenessForEveryoneAndTheShellShowsTheSame() {
        Reply anonymous = get(null, "/v1/health");
        assertEquals(anonymous.text(), 401, anonymous.status());
        Reply officer = get("officer", "/v1/health");
        assertEquals(officer.text(), 403, officer.status());
        Reply live = get(null, "/v1/health/live");
        assertEquals(live.text(), 200, live.status());
        assertEquals("{\"status\":\"UP\"}", live.text().replace(" ", ""));

        JsonNode health = health();
        List<String> names = new ArrayList<>();
        health.get("components").forEach(c -> names.add(c.get("component").asText()));
        for (String expected : List.of("jiandu.monitor", "jiandu.monitor.guards", "jiandu.monitor.rule-pids",
                "jiandu.monitor.rule.art13.network-query", "jiandu.monitor.rule.b1.post-termination-query",
                "jiandu.seizure", "jiandu.calendar", "jiandu.rest", "jiandu.clock", "jiandu.demo", "jiandu.follower",
                "jiandu.courts")) {
            assertTrue(expected + " in " + names, names.contains(expected));
        }
        JsonNode monitor = component("jiandu.monitor");
        assertNotNull(monitor);
        assertEquals("[]", monitor.at("/details/missingRequiredRules").toString());
        assertEquals("org.jiandu.monitor", monitor.at("/details/pid").asText());
        assertEquals("org.jiandu.ledger.follower", component("jiandu.follower").at("/details/pid").asText());
        assertEquals("org.jiandu.courts", component("jiandu.courts").at("/details/pid").asText());

        String printed = shell(sessions, "jiandu:health");
        assertTrue(printed, printed.startsWith("Jiandu: " + health.get("status").asText()));
        assertTrue(printed, printed.contains("jiandu.monitor.rule.art13.network-query"));
        String felix = shellWithResult("hc:exec jiandu");
        assertTrue(felix, felix.contains("Jiandu"));
        assertFalse(felix, felix.contains("No health checks"));
    }

    // ---------------------------------------------------------------- helpers

    /** Runs a (Gogo) command as an administrator; answers what it printed and what it returned. */
    private String shellWithResult(String command) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.UserPrincipal("karaf"));
        subject.getPrincipals().add(new org.apache.karaf.jaas.boot.principal.RolePrincipal("admin"));
        Object result;
        try {
            result = javax.security.auth.Subject.doAs(subject, (java.security.PrivilegedExceptionAction<Object>) () -> {
                org.apache.karaf.shell.api.console.Session session = sessions.create(
                        new java.io.ByteArrayInputStream(new byte[0]), out, out);
                try {
                    return session.execute(command);
                } finally {
                    session.close();
                }
            });
        } catch (java.security.PrivilegedActionException e) {
            throw new AssertionError("Shell command failed: " + command + ": " + e.getCause(), e.getCause());
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8) + (result == null ? "" : String.valueOf(result));
    }

    private static Path etc(String name) {
        return Path.of(System.getProperty("karaf.etc")).resolve(name);
    }

    /** Writes a file the way an editor's save does: whole, so file install never reads half of it. */
    private static void write(Path file, String content) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String log() {
        Path log = Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a line of the log at ERROR contains every one of {@code parts}. */
    private static boolean loggedAtError(String log, String... parts) {
        for (String line : log.split("\n")) {
            if (line.contains("ERROR")) {
                boolean all = true;
                for (String p : parts) {
                    all &= line.contains(p);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void awaitLog(String what, String... parts) {
        await(what, 30, () -> loggedAtError(log(), parts));
    }

    private static JsonNode health() {
        Reply r = get("supervisor", "/v1/health");
        assertEquals(r.text(), 200, r.status());
        return r.body();
    }

    /** The health, once the REST server answers it (it restarts when its configuration changes). */
    private static JsonNode awaitHealth() {
        JsonNode[] h = new JsonNode[1];
        await("the health answered", 60, () -> (h[0] = healthOrNull()) != null);
        return h[0];
    }

    /** The health, or {@code null} while the REST server is being reconfigured. */
    private static JsonNode healthOrNull() {
        try {
            Reply r = get("supervisor", "/v1/health");
            return r.status() == 200 ? r.body() : null;
        } catch (AssertionError e) {
            return null;
        }
    }

    private static JsonNode component(String name) {
        JsonNode all = healthOrNull();
        if (all == null) {
            return null;
        }
        for (JsonNode c : all.get("components")) {
            if (c.get("component").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static JsonNode byPidOf(String pid) {
        JsonNode all = healthOrNull();
        return all == null ? null : byPidOf(all, pid);
    }

    private static JsonNode byPidOf(JsonNode all, String pid) {
        for (JsonNode c : all.get("components")) {
            if (pid.equals(c.at("/details/pid").asText())) {
                return c;
            }
        }
        return null;
    }

    /** Records a transfer to enforcement on {@code day} for a new case and answers its network-query deadline. */
    private static JsonNode transferredOn(String day) {
        String cn = "（2024）京0105执" + (7000 + CASES.incrementAndGet()) + "号";
        String event = "{\"hostEventId\":\"CFG-" + CASES.get() + "\",\"type\":\"TRANSFERRED_TO_ENFORCEMENT\","
                + "\"occurredAt\":\"" + day + "T10:00:00+08:00\",\"actor\":{\"personId\":\"京0105-ZXY12\","
                + "\"role\":\"执行员\",\"organisation\":\"京0105\"},\"payload\":{}}";
        await("the event recorded", 30, () -> {
            try {
                int status = post("host0105", "/v1/cases/" + seg(cn) + "/events", event).status();
                // 200: a retry after a lost answer found the event already recorded
                return status == 201 || status == 200;
            } catch (AssertionError e) {
                return false;
            }
        });
        JsonNode[] found = new JsonNode[1];
        await("art13.network-query on " + cn, 60, () -> {
            Reply r;
            try {
                r = get("supervisor", "/v1/cases/" + seg(cn) + "/deadlines");
            } catch (AssertionError e) {
                return false;
            }
            if (r.status() != 200) {
                return false;
            }
            for (JsonNode d : r.body().get("deadlines")) {
                if (d.get("ruleId").asText().equals("art13.network-query") && d.get("due") != null
                        && !d.get("due").isNull()) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
