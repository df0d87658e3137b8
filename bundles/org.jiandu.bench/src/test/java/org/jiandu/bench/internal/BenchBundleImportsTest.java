package org.jiandu.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The bench bundle measures Jiandu the way an integrator's bundle would use it: through {@code org.jiandu.api}
 * services, OSGi, the Karaf shell API and JDBC (javax.sql, to seed rows and read what the monitor did). An import of
 * a Jiandu implementation package would tie it to internals that change without notice.
 */
class BenchBundleImportsTest {

    private static final List<String> ALLOWED = List.of("org.jiandu.api", "org.osgi.", "org.apache.karaf.shell.api.",
            "javax.sql");

    @Test
    void importsOnlyTheApiOsgiTheShellApiAndJdbc() throws Exception {
        List<String> imports = importedPackages();
        assertFalse(imports.isEmpty(), "the generated manifest imports nothing: was bnd-process run?");
        assertTrue(imports.contains("org.jiandu.api.ledger"), "imports " + imports);
        List<String> foreign = new ArrayList<>();
        for (String p : imports) {
            if (ALLOWED.stream().noneMatch(a -> p.equals(a) || p.startsWith(a.endsWith(".") ? a : a + "."))) {
                foreign.add(p);
            }
        }
        assertEquals(List.of(), foreign, "packages outside the API, OSGi, the shell API and JDBC");
    }

    @Test
    void commandsAreRegisteredForTheKarafShell() throws Exception {
        Manifest m = manifest();
        assertEquals("*", m.getMainAttributes().getValue("Karaf-Commands"));
        assertEquals("org.jiandu.bench", m.getMainAttributes().getValue("Bundle-SymbolicName"));
    }

    private static List<String> importedPackages() throws Exception {
        String header = manifest().getMainAttributes().getValue("Import-Package");
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        // split on commas outside quoted attribute values (version ranges contain commas)
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().split(";")[0].trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString().split(";")[0].trim());
        }
        return out;
    }

    private static Manifest manifest() throws Exception {
        Path mf = Path.of("target", "classes", "META-INF", "MANIFEST.MF");
        assertTrue(Files.exists(mf), mf + " (bnd-process writes it before the tests)");
        try (InputStream in = Files.newInputStream(mf)) {
            return new Manifest(in);
        }
    }
}
