package org.jiandu.ledger.internal.courts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
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
 * that cannot be read leaves the last directory in use.
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
        @AttributeDefinition(description = "The directory file; empty = ${karaf.etc}/jiandu-courts.csv")
        String file() default "";

        @AttributeDefinition(description = "Seconds between checks whether the file changed")
        int reload_seconds() default 10;
    }

    private final Path file;
    private final ScheduledExecutorService watcher;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Directory directory = Directory.EMPTY;
    private volatile List<String> problems = List.of();
    private volatile long stamp = -1;

    @Activate
    public CourtDirectoryService(Config config) {
        this(resolve(config.file()), Math.max(1, config.reload_seconds()));
    }

    CourtDirectoryService(Path file, int reloadSeconds) {
        this.file = file;
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

    private static Path resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.strip());
        }
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
        List<String> p = problems;
        Map<String, Object> d = Map.of("courts", directory.courts().size(), "procuratorates",
                directory.procuratorates().size(), "file", String.valueOf(file));
        return List.of(new ComponentHealth("jiandu.courts", p.isEmpty() ? HealthState.UP : HealthState.DEGRADED,
                new ArrayList<>(p), d));
    }
}
