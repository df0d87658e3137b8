package org.jiandu.itest.integrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The promise of the example: an integrator's bundle needs {@code org.jiandu.api} and nothing else of Jiandu. Reads
 * the manifest bnd wrote (bnd-process runs in process-classes, before the tests) and fails naming every imported
 * package that is neither {@code org.jiandu.api} or below, nor OSGi ({@code org.osgi.*}), nor a package of the JDK
 * ({@code java.*}, or {@code javax.*} that a JDK module holds), and on any Require-Bundle or DynamicImport-Package,
 * which would get around the check.
 */
class ImportPackageTest {
    private static final Path MANIFEST = Path.of("target", "classes", "META-INF", "MANIFEST.MF");

    /** The packages the JDK's own modules hold. */
    private static final Set<String> JDK_PACKAGES = jdkPackages();

    private static Set<String> jdkPackages() {
        Set<String> out = new TreeSet<>();
        ModuleLayer.boot().modules().stream()
                .filter(m -> m.getName().startsWith("java.") || m.getName().startsWith("jdk."))
                .forEach(m -> out.addAll(m.getPackages()));
        return out;
    }

    /** The imported packages of an Import-Package header that are not allowed; empty when all are. */
    static List<String> forbidden(String importPackage) {
        List<String> out = new ArrayList<>();
        for (String pkg : packages(importPackage)) {
            if (!allowed(pkg)) {
                out.add(pkg);
            }
        }
        return out;
    }

    static boolean allowed(String pkg) {
        return pkg.equals("org.jiandu.api") || pkg.startsWith("org.jiandu.api.")
                || pkg.startsWith("org.osgi.")
                || pkg.startsWith("java.")
                || pkg.startsWith("javax.") && JDK_PACKAGES.contains(pkg);
    }

    /**
     * The package names of a manifest header: clauses are separated by commas outside quoted strings; a clause is
     * one or more package names separated by {@code ;}, then its attributes and directives ({@code version="[1,2)"},
     * {@code resolution:=optional}).
     */
    static List<String> packages(String header) {
        List<String> out = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return out;
        }
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString());
        for (String c : clauses) {
            for (String part : c.split(";")) {
                String p = part.strip();
                if (p.contains("=")) {
                    break;
                }
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static Attributes manifest() throws IOException {
        assertTrue(Files.isRegularFile(MANIFEST), "bnd-process wrote no " + MANIFEST);
        try (InputStream in = Files.newInputStream(MANIFEST)) {
            return new Manifest(in).getMainAttributes();
        }
    }

    @Test
    void theBundleImportsOnlyTheApiOsgiAndTheJdk() throws IOException {
        Attributes m = manifest();
        String imports = m.getValue("Import-Package");
        List<String> packages = packages(imports);
        assertEquals(List.of(), forbidden(imports),
                "The integrator example may import only org.jiandu.api.*, org.osgi.* and JDK packages; "
                        + "Import-Package: " + imports);
        // the check looked at something: the example uses the API's query, finding and ledger packages
        assertTrue(packages.containsAll(List.of("org.jiandu.api.query", "org.jiandu.api.finding",
                "org.jiandu.api.ledger", "org.osgi.service.event")), "Import-Package: " + imports);
        assertEquals(null, m.getValue("Require-Bundle"), "Require-Bundle would bypass Import-Package");
        assertEquals(null, m.getValue("DynamicImport-Package"), "DynamicImport-Package would bypass the check");
        // its own package is exported, not imported (nothing else provides it)
        assertFalse(packages.contains("org.jiandu.itest.integrator"), "Import-Package: " + imports);
        assertTrue(packages(m.getValue("Export-Package")).contains("org.jiandu.itest.integrator"),
                "Export-Package: " + m.getValue("Export-Package"));
    }

    @Test
    void anImportOfAnImplementationPackageIsCaught() {
        String header = "org.jiandu.api.query;version=\"[1.0,2)\",org.jiandu.ledger.internal;version=\"[0.1,1)\","
                + "com.fasterxml.jackson.databind;version=\"[2.21,3)\",org.osgi.service.event;version=\"[1.4,2)\","
                + "javax.ws.rs;version=\"[2.1,3)\",javax.naming,org.jiandu.apix";
        assertEquals(List.of("org.jiandu.ledger.internal", "com.fasterxml.jackson.databind", "javax.ws.rs",
                "org.jiandu.apix"), forbidden(header));
    }

    @Test
    void headersWithSeveralPackagesPerClauseAndQuotedCommasAreRead() {
        assertEquals(List.of("a.b", "c.d", "e.f"),
                packages("a.b;c.d;version=\"[1,2)\";resolution:=optional,e.f;uses:=\"x.y,z.w\""));
        assertEquals(List.of(), packages(null));
    }
}
