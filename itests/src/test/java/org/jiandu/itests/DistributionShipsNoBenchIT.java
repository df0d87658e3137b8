package org.jiandu.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.karaf.shell.api.action.Command;
import org.junit.Test;

/**
 * The distribution a court installs ships no command that writes benchmark data (issue 8: benchmark drivers live in
 * the jiandu-bench feature, which no distribution carries). Reads the built assembly as it is: every Jiandu bundle in
 * {@code system/}, every Karaf shell command declared in them, and the feature repositories it carries.
 */
public class DistributionShipsNoBenchIT {

    private static final Path ASSEMBLY = Path.of(System.getProperty("basedir", "."), "..", "distribution", "target",
            "assembly").normalize();
    private static final String COMMAND_DESCRIPTOR = "Lorg/apache/karaf/shell/api/action/Command;";

    @Test
    public void noJianduBundleOfTheDistributionDeclaresABenchmarkCommand() throws Exception {
        List<Path> jars = jianduJars();
        assertFalse("no Jiandu bundle under " + ASSEMBLY.resolve("system") + ": build the distribution first",
                jars.isEmpty());
        assertTrue("the bench bundle is carried: " + jars,
                jars.stream().noneMatch(j -> j.toString().contains("org.jiandu.bench")));
        TreeSet<String> commands = commands(jars);
        // the check sees commands at all: the ledger's and the monitor's are there
        assertTrue(commands.toString(), commands.contains("jiandu:verify"));
        assertTrue(commands.toString(), commands.contains("jiandu:monitor-stats"));
        List<String> bench = commands.stream().filter(c -> c.contains("bench") || c.contains("baseline"))
                .collect(Collectors.toList());
        assertEquals("benchmark commands in the distribution", List.of(), bench);
    }

    @Test
    public void theDistributionCarriesNoBenchFeature() throws IOException {
        Path system = ASSEMBLY.resolve("system").resolve("org").resolve("jiandu");
        try (Stream<Path> files = Files.walk(system)) {
            List<Path> all = files.filter(Files::isRegularFile).collect(Collectors.toList());
            assertTrue("the jiandu-features repository is carried", all.stream()
                    .anyMatch(p -> p.getFileName().toString().startsWith("jiandu-features")));
            assertTrue("a bench features repository is carried: " + all,
                    all.stream().noneMatch(p -> p.toString().contains("jiandu-bench")));
            for (Path p : all) {
                if (p.getFileName().toString().endsWith(".xml")) {
                    String xml = Files.readString(p, StandardCharsets.UTF_8);
                    assertFalse(p + " names a bench feature", xml.contains("jiandu-bench"));
                }
            }
        }
        String boot = Files.readString(ASSEMBLY.resolve("etc").resolve("org.apache.karaf.features.cfg"),
                StandardCharsets.UTF_8);
        assertTrue(boot, boot.contains("jiandu-core"));
        assertFalse(boot, boot.contains("jiandu-bench"));
    }

    private static List<Path> jianduJars() throws IOException {
        Path system = ASSEMBLY.resolve("system").resolve("org").resolve("jiandu");
        if (!Files.isDirectory(system)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(system)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()
                    .collect(Collectors.toList());
        }
    }

    /** scope:name of every class annotated with Karaf's {@code @Command} in the jars. */
    private static TreeSet<String> commands(List<Path> jars) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path j : jars) {
            urls.add(j.toUri().toURL());
        }
        TreeSet<String> out = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
                DistributionShipsNoBenchIT.class.getClassLoader())) {
            for (Path j : jars) {
                try (JarFile jar = new JarFile(j.toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (!e.getName().endsWith(".class") || !declaresCommand(jar, e)) {
                            continue;
                        }
                        String name = e.getName().replace('/', '.').substring(0, e.getName().length() - 6);
                        Command c = Class.forName(name, false, loader).getAnnotation(Command.class);
                        if (c != null) {
                            out.add(c.scope() + ":" + c.name());
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean declaresCommand(JarFile jar, JarEntry e) throws IOException {
        try (InputStream in = jar.getInputStream(e)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(COMMAND_DESCRIPTOR);
        }
    }
}
