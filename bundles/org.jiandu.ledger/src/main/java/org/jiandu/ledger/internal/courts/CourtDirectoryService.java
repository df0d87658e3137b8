package org.jiandu.ledger.internal.courts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jiandu.api.court.Court;
import org.jiandu.api.court.CourtDirectory;
import org.jiandu.api.court.Procuratorate;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CourtDirectory} of {@code jiandu-core}, read from {@code etc/jiandu-courts.csv}. On first start the
 * shipped directory (the demo's and the tests' courts) is written there for court IT to extend; the file is read
 * again whenever it changes (checked every {@code reload.seconds}). A line that does not fit is refused with an ERROR
 * naming the file and the line, and shown in health ({@code jiandu.courts} DEGRADED); the other lines load. A file
 * that cannot be read leaves the last directory in use. The configuration ({@code org.jiandu.courts}: {@code file},
 * {@code reload.seconds}) is read with {@link ConfigReader}: a bad value is refused with an ERROR naming PID and key
 * and its default used, and {@code jiandu.courts} shows DEGRADED with {@code pid} and {@code config} in its details.
 */
@Component(immediate = true, service = {CourtDirectory.class, HealthIndicator.class},
        configurationPid = CourtDirectoryService.PID)
@Designate(ocd = CourtDirectoryService.Config.class)
public final class CourtDirectoryService implements CourtDirectory, HealthIndicator {
    static final String PID = "org.jiandu.courts";
    static final String FILE_NAME = "jiandu-courts.csv";
    private static final Logger LOG = LoggerFactory.getLogger(CourtDirectoryService.class);

    @ObjectClassDefinition(name = "Jiandu court directory",
            description = "Courts and procuratorates with who is under whom (README \"Courts and organisations\")")
    public @interface Config {
        @AttributeDefinition(
                description = "The directory file, an absolute path; empty = ${karaf.etc}/jiandu-courts.csv")
        String file() default "";

        @AttributeDefinition(description = "Seconds between checks whether the file changed", min = "1", max = "3600")
        int reload_seconds() default 10;
    }

    /** One reading of {@link #PID}: the file, the reload period and what was refused. */
    record Read(Path file, int reloadSeconds, ConfigReport report) {
    }

    private final Path file;
    private final ScheduledExecutorService watcher;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Directory directory = Directory.EMPTY;
    private volatile List<String> problems = List.of();
    private volatile long stamp = -1;
    private final ConfigReport configReport;

    /** DS reactivates the component on a new configuration (no modified method): the watcher restarts with it. */
    @Activate
    public CourtDirectoryService(Map<String, Object> properties) {
        this(read(properties));
    }

    private CourtDirectoryService(Read read) {
        this(read.file(), read.reloadSeconds(), read.report());
        for (String p : read.report().messages()) {
            LOG.error("{}", p);
        }
    }

    CourtDirectoryService(Path file, int reloadSeconds) {
        this(file, reloadSeconds, ConfigReport.empty(PID));
    }

    private CourtDirectoryService(Path file, int reloadSeconds, ConfigReport configReport) {
        this.file = file;
        this.configReport = configReport;
        if (file != null && !Files.exists(file)) {
            writeShipped(file);
        }
        reload();
        if (file != null) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jiandu-courts-watcher");
                t.setDaemon(true);
                return t;
            });
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, reloadSeconds, reloadSeconds, TimeUnit.SECONDS);
        } else {
            watcher = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** Reads the configuration: never throws because of a value ({@link ConfigReader}'s policy). */
    static Read read(Map<String, ?> properties) {
        ConfigReader r = ConfigReader.of(PID, properties, Config.class);
        Path shipped = shippedPath();
        String fallback = shipped == null ? "" : shipped.toString();
        String configured = r.parsed("file", CourtDirectoryService::path, fallback);
        Path file = configured.isEmpty() ? shipped : Paths.get(configured);
        // the file in use, also when it is the default
        r.effective("file", file == null ? "" : file.toString());
        int reload = r.integer("reload.seconds", 1, 3600, "");
        return new Read(file, reload, r.report());
    }

    /** A configured {@code file}: empty (the default), or an absolute path that is not a directory. */
    static String path(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return s;
        }
        Path p;
        try {
            p = Paths.get(s);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("is not a path: " + e.getReason());
        }
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("must be an absolute path (e.g. " + Paths.get(
                    System.getProperty("karaf.etc", "/opt/karaf/etc"), FILE_NAME).toAbsolutePath() + ")");
        }
        if (Files.isDirectory(p)) {
            throw new IllegalArgumentException("is a directory; name the file (e.g. " + p.resolve(FILE_NAME) + ")");
        }
        return p.toString();
    }

    private static Path shippedPath() {
        String etc = System.getProperty("karaf.etc");
        return etc == null ? null : Paths.get(etc, FILE_NAME);
    }

    private static void writeShipped(Path target) {
        try (InputStream in = CourtDirectoryService.class.getResourceAsStream(FILE_NAME)) {
            if (in == null) {
                throw new IOException("the shipped " + FILE_NAME + " is missing from the bundle");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            LOG.info("Court directory: wrote the shipped directory to {}; extend it with your courts", target);
        } catch (IOException e) {
            LOG.error("Court directory: could not write the shipped directory to {}; using it from the bundle", target,
                    e);
        }
    }

    void reloadIfChanged() {
        try {
            long s = Files.exists(file) ? Files.getLastModifiedTime(file).toMillis() ^ Files.size(file) : -1;
            if (s != stamp) {
                reload();
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Court directory: could not check {}; the last directory stays in use", file, e);
        }
    }

    /** Reads the file (or, without one, the shipped directory) and puts it in use. */
    synchronized void reload() {
        List<String> lines;
        String name;
        try {
            if (file != null && Files.exists(file)) {
                stamp = Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                name = file.toString();
            } else {
                if (file != null) {
                    LOG.error("Court directory: {} does not exist; using the shipped directory", file);
                    stamp = -1;
                }
                try (InputStream in = CourtDirectoryService.class.getResourceAsStream(FILE_NAME)) {
                    lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                }
                name = "the shipped " + FILE_NAME;
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Court directory: could not read {}; the last directory stays in use", file, e);
            return;
        }
        CourtFile.Parsed parsed = CourtFile.parse(lines, name);
        for (String p : parsed.problems()) {
            LOG.error("Court directory: {}", p);
        }
        directory = new Directory(parsed.courts(), parsed.procuratorates());
        problems = List.copyOf(parsed.problems());
        warned.clear();
        LOG.info("Court directory: {} courts and {} procuratorates from {}{}", parsed.courts().size(),
                parsed.procuratorates().size(), name,
                parsed.problems().isEmpty() ? "" : " (" + parsed.problems().size() + " lines refused)");
    }

    @Override
    public Optional<Court> court(String code) {
        return directory.court(code);
    }

    @Override
    public Optional<Procuratorate> procuratorate(String code) {
        return directory.procuratorate(code);
    }

    @Override
    public List<Court> courts() {
        return directory.courts();
    }

    @Override
    public List<Procuratorate> procuratorates() {
        return directory.procuratorates();
    }

    @Override
    public boolean covers(String organisation, String courtCode) {
        return directory.covers(organisation, courtCode, code -> {
            if (warned.add(code)) {
                LOG.warn("Court directory: {} is not listed in {}; scoping for it follows the code alone (the same"
                        + " court; a province abbreviation covers its codes). Add it to the directory", code,
                        file == null ? FILE_NAME : file);
            }
        });
    }

    @Override
    public Set<String> covered(String organisation) {
        return directory.covered(organisation);
    }

    @Override
    public List<ComponentHealth> health() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("courts", directory.courts().size());
        d.put("procuratorates", directory.procuratorates().size());
        d.put("file", String.valueOf(file));
        // the refused configuration values first, then the refused lines of the file
        return List.of(configReport.health("jiandu.courts", problems, d));
    }
}
