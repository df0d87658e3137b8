package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigChangeLogTest {
    @Test
    void onlyTheKeysThatDifferAreChangesWithTheirOldAndNewValues() {
        List<ConfigChangeLog.KeyChange> d = ConfigChangeLog.diff(Map.of("a", "1", "b", "2", "gone", "x"),
                Map.of("a", "1", "b", "3", "added", List.of("p", "q")));
        assertEquals(List.of(new ConfigChangeLog.KeyChange("added", null, List.of("p", "q")),
                new ConfigChangeLog.KeyChange("b", "2", "3"), new ConfigChangeLog.KeyChange("gone", "x", null)), d);
    }

    @Test
    void aDeletedConfigurationChangesEveryKeyToNothing() {
        assertEquals(List.of(new ConfigChangeLog.KeyChange("years", "4", null)),
                ConfigChangeLog.diff(Map.of("years", "4"), null));
    }

    @Test
    void configAdminsOwnKeysAreLeftOutArraysAreListsAndSecretsAreNeverStored() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("service.pid", "org.jiandu.x");
        p.put("felix.fileinstall.filename", "file:/etc/org.jiandu.x.cfg");
        p.put(":org.apache.felix.configadmin.revision:", 3L);
        p.put("period.amount", 5);
        p.put("queryableTypes", new String[] {"DEPOSIT", "VEHICLE"});
        p.put("keystore.password", "geheim");
        Map<String, Object> n = ConfigChangeLog.normalise(p);
        assertEquals("5", n.get("period.amount"));
        assertEquals(List.of("DEPOSIT", "VEHICLE"), n.get("queryableTypes"));
        assertFalse(n.get("keystore.password").toString().contains("geheim"), n.toString());
        assertTrue(n.get("keystore.password").toString().startsWith("(secret, not stored"), n.toString());
        assertEquals(3, n.size(), n.toString());
    }

    @Test
    void secretsAreRecognisedByNameWithoutHidingOrdinaryKeys() {
        for (String secret : new String[] {"keystore.password", "signing.keyPassword", "api.token", "hsm.pin",
            "pin", "client-secret", "privateKey"}) {
            assertTrue(ConfigChangeLog.SECRET.matcher(secret).matches(), secret);
        }
        for (String plain : new String[] {"court.mapping", "shipping.days", "period.amount", "escalation.courtLeaders",
            "spinner"}) {
            assertFalse(ConfigChangeLog.SECRET.matcher(plain).matches(), plain);
        }
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("text", "x".repeat(ConfigChangeLog.MAX_VALUE + 10));
        String v = (String) ConfigChangeLog.normalise(p).get("text");
        assertTrue(v.endsWith("…(" + (ConfigChangeLog.MAX_VALUE + 10) + " characters)"), v);
    }

    @Test
    void theChangesOfAHugeConfigurationStillFitTheirColumn() {
        List<ConfigChangeLog.KeyChange> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(new ConfigChangeLog.KeyChange("key" + i, null, "v".repeat(ConfigChangeLog.MAX_VALUE)));
        }
        String json = ConfigChangeLog.changesJson(many);
        assertTrue(json.length() <= ConfigChangeEntry.CHANGES_LENGTH, json.length() + " characters");
        assertTrue(json.contains("key99"), json);
    }

    @Test
    void aShellCommandIsTheShellsUserWithTheOrganisationOfTheirRoles() {
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal("supervisor"));
        s.getPrincipals().add(new RolePrincipal("admin"));
        s.getPrincipals().add(new RolePrincipal("org:京0105"));
        ConfigChangeLog.Actor a = ConfigChangeLog.actor(s, List.of("org.apache.felix.cm.impl.ConfigurationImpl",
                "org.apache.karaf.config.core.impl.ConfigRepositoryImpl",
                "org.apache.karaf.shell.impl.console.SessionImpl"), null, "Karaf local console user karaf");
        assertEquals(ConfigChangeLog.Source.SHELL, a.source());
        assertEquals("supervisor", a.user());
        assertEquals("京0105", a.organisation());
        assertEquals("user supervisor (org:京0105) in the Karaf shell", a.description());
    }

    @Test
    void codeWithoutASubjectIsUnknownButNamesTheCallingClassAndThread() {
        ConfigChangeLog.Actor a = ConfigChangeLog.actor(null, List.of("org.apache.felix.cm.impl.ConfigurationImpl",
                "org.apache.felix.cm.impl.ConfigurationAdapter", "com.example.Tuner", "java.lang.Thread"), null, "t1");
        assertEquals(ConfigChangeLog.Source.CONFIG_ADMIN, a.source());
        assertNull(a.user());
        assertEquals("unknown: no JAAS user, through the Config Admin API from com.example.Tuner (thread t1)",
                a.description());
    }

    @Test
    void aFileNamesItselfAndItsOwnerAndSaysWhoSavedItIsUnknown(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("org.jiandu.x.cfg"), "a = 1\n");
        ConfigChangeLog.Actor a = ConfigChangeLog.actor(null, List.of("org.apache.felix.cm.impl.ConfigurationImpl",
                "org.apache.felix.fileinstall.internal.ConfigInstaller"), f.toUri().toString(), "fileinstall-etc");
        assertEquals(ConfigChangeLog.Source.FILE, a.source());
        String owner = Files.getOwner(f).getName();
        assertTrue(a.description().startsWith("file " + f + " (OS owner " + owner + ", modified "), a.description());
        assertTrue(a.description().endsWith("; who saved it is not known to Karaf)"), a.description());
        Files.delete(f);
        assertEquals("file " + f + " (deleted; who deleted it is not known to Karaf)",
                ConfigChangeLog.describeFile(f.toUri().toString()));
    }
}
