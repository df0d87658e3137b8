package org.jiandu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.Baseline.Info;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import aQute.bnd.service.diff.Delta;

/**
 * The build baselines this bundle against the released API (bnd-baseline-maven-plugin in pom.xml, the released jar
 * under {@code baseline/}). These tests run the same bnd engine on the same baseline to show the check has teeth:
 * the API as built passes, and the same API with one method deliberately removed from {@code CaseLedger} is refused
 * as a MAJOR change that its package version does not announce.
 */
class ApiBaselineTest {
    private static final Path MODULE = Path.of(System.getProperty("user.dir"));
    private static final String LEDGER_PACKAGE = "org.jiandu.api.ledger";

    @Test
    void theApiAsBuiltMatchesItsDeclaredPackageVersions() throws Exception {
        try (Jar current = new Jar(MODULE.resolve("target/classes").toFile()); Jar base = baseline()) {
            Set<Info> infos = baseline(current, base);
            List<String> mismatches = infos.stream().filter(i -> i.mismatch)
                    .map(i -> i.packageName + " " + i.packageDiff.getDelta() + " wants " + i.suggestedVersion).toList();
            assertTrue(mismatches.isEmpty(), "packages whose version does not match their change: " + mismatches
                    + " (raise the version in the package's package-info.java as suggested; see baseline/update.sh)");
            assertTrue(infos.stream().anyMatch(i -> i.packageName.equals(LEDGER_PACKAGE)), "the ledger package was compared");
        }
    }

    @Test
    void removingAMethodFromCaseLedgerFailsTheBaseline(@TempDir Path tmp) throws Exception {
        Path source = MODULE.resolve("src/main/java/org/jiandu/api/ledger/CaseLedger.java");
        String original = Files.readString(source, StandardCharsets.UTF_8);
        String withoutVerifyAll = original.replace("VerificationReport verifyAll();", "");
        assertNotEquals(original, withoutVerifyAll, "CaseLedger.verifyAll() is the method this test removes");
        Path modified = tmp.resolve("src/org/jiandu/api/ledger/CaseLedger.java");
        Files.createDirectories(modified.getParent());
        Files.writeString(modified, withoutVerifyAll, StandardCharsets.UTF_8);
        Path out = tmp.resolve("classes");
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-proc:none", "--release", "17", "-d", out.toString(), "-cp",
                MODULE.resolve("target/classes") + File.pathSeparator + System.getProperty("java.class.path"),
                modified.toString());
        assertEquals(0, rc, "the modified CaseLedger compiles");

        try (Jar broken = new Jar(MODULE.resolve("target/classes").toFile()); Jar base = baseline()) {
            broken.putResource("org/jiandu/api/ledger/CaseLedger.class",
                    new FileResource(out.resolve("org/jiandu/api/ledger/CaseLedger.class")));
            Info ledger = baseline(broken, base).stream().filter(i -> i.packageName.equals(LEDGER_PACKAGE))
                    .findFirst().orElseThrow();
            assertEquals(Delta.MAJOR, ledger.packageDiff.getDelta(), "removing a method is a major change");
            assertTrue(ledger.mismatch, "the package version was not raised to a new major: the build must fail");
            assertEquals(ledger.olderVersion.getMajor() + 1, ledger.suggestedVersion.getMajor());
        }
    }

    private static Jar baseline() throws Exception {
        String version = System.getProperty("api.baseline.version");
        assertTrue(version != null && !version.isBlank(), "api.baseline.version is set by the pom");
        return new Jar(MODULE.resolve("baseline/repo/org/jiandu/org.jiandu.api/" + version + "/org.jiandu.api-"
                + version + ".jar").toFile());
    }

    private static Set<Info> baseline(Jar current, Jar base) throws Exception {
        try (Processor reporter = new Processor()) {
            Set<Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(current, base, null);
            assertTrue(reporter.isOk(), "bnd reported errors: " + reporter.getErrors());
            return infos;
        }
    }
}
