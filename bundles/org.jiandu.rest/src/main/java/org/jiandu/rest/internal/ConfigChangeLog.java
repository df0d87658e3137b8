package org.jiandu.rest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.AccessController;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.TypedQuery;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.jiandu.api.Roles;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.health.HealthState;
import org.jiandu.api.query.CourtScope;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit of legal parameters (法〔2021〕322号 Art. 8: the time limits of each node are hard limits, so who changed
 * one, when and from what to what must be on record): every Config Admin change of a Jiandu configuration (a PID or
 * factory PID {@code org.jiandu.*}) is stored in {@code JD_CONFIG_CHANGE} with the PID, every changed key with its old
 * and new value, how the change was made ({@link Source}) and who made it as far as that can be known.
 *
 * <p>A {@link SynchronousConfigurationListener}: Config Admin calls it on the thread that made the change, before
 * {@code Configuration.update()} or {@code delete()} returns, so that thread's JAAS subject (the user of a Karaf shell
 * session, SSH or local, or of a JMX call) and its stack (file install, the shell, the web console) are still there to
 * be read; the record is committed before the change's caller goes on. An asynchronous {@link ConfigurationListener}
 * would see neither. What cannot be known is said so in {@code actor}: a file edited in {@code etc/} names the file
 * and its OS owner (who saved it is not known to Karaf), a change through the Config Admin API by code in this Karaf
 * without a JAAS subject names the calling class.
 *
 * <p>Old values come from {@code JD_CONFIG_STATE}, the last properties recorded for each PID, kept in memory and in
 * the database: at activation every Jiandu configuration is compared with it, so a file edited while the node was
 * down is recorded at the next start ({@link Source#STARTUP}); at the very first start every configuration is
 * recorded once as {@code CREATED}, its values then. Values of keys that look like secrets ({@link #SECRET}) are never
 * stored, only a short SHA-256 prefix that tells that they changed.
 */
@Component(service = {SynchronousConfigurationListener.class, ConfigChangeLog.class, HealthIndicator.class},
        immediate = true)
public class ConfigChangeLog implements SynchronousConfigurationListener, HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigChangeLog.class);
    /** The configurations audited: every PID (or factory PID) of Jiandu. */
    static final String PREFIX = "org.jiandu.";
    /** Keys whose values are not stored: password, secret, token … anywhere in the name, or a segment {@code pin}. */
    static final Pattern SECRET = Pattern.compile(
            "(?i).*(password|passphrase|secret|credential|token|privatekey).*|(?i)(.*[._-])?pin([._-].*)?");
    /** The longest value stored; longer values are cut and marked. */
    static final int MAX_VALUE = 2000;
    private static final String FILENAME = "felix.fileinstall.filename";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** How a change was made, read from the changing thread's stack. */
    public enum Source {
        /** Karaf's file install read a file in {@code etc/} (an edit, a copy, a deployment). */
        FILE,
        /** A Karaf shell command ({@code config:*}, local console, SSH or {@code bin/client}). */
        SHELL,
        /** A JMX call (Karaf's config MBean). */
        JMX,
        /** The Felix web console. */
        WEB_CONSOLE,
        /** Code in this Karaf calling the Config Admin API directly (a bundle, a test, a script). */
        CONFIG_ADMIN,
        /** Found at the audit's start: changed while it was not running, or the values at its first start. */
        STARTUP
    }

    /** One changed key: its value before and after ({@code null}: not set). */
    public record KeyChange(String key, Object oldValue, Object newValue) {
    }

    /** Who made a change, as far as can be known. */
    record Actor(Source source, String user, String organisation, String description, String file) {
    }

    /** The tables exist at the version this code expects before this component touches them. */
    @Reference
    private RestSchema schema;

    private final EntityManagerFactory emf;
    private final ConfigurationAdmin configAdmin;
    private final Clock clock = Clock.systemUTC();
    /** PID → the properties last recorded (normalised: {@link #normalise}). Guarded by {@code this}. */
    private final Map<String, Map<String, Object>> known = new TreeMap<>();
    /** PID → the file in etc/ it was last read from, if any. Guarded by {@code this}. */
    private final Map<String, String> files = new TreeMap<>();
    /** Why the last change could not be stored, or {@code null} when it was. */
    private volatile String failure;

    @Activate
    public ConfigChangeLog(@Reference(target = "(osgi.unit.name=jiandu-rest)") EntityManagerFactory emf,
            @Reference ConfigurationAdmin configAdmin) {
        this.emf = emf;
        this.configAdmin = configAdmin;
        try {
            reconcile();
        } catch (RuntimeException e) {
            // the REST server serves the audit with this component: a failed comparison must not take the API down
            failure = "The configurations could not be compared with JD_CONFIG_STATE at start (" + e
                    + "): changes made while the audit was not running are not recorded; later changes are";
            LOG.error("Config-change audit: {}", failure, e);
        }
    }

    /**
     * Compares every Jiandu configuration with the state last recorded and records the differences: what changed
     * while the audit was not running (or, at the first start, the values then).
     */
    private synchronized void reconcile() {
        Map<String, Map<String, Object>> stored = loadStates();
        Map<String, Configuration> now = new TreeMap<>();
        try {
            Configuration[] all = configAdmin.listConfigurations("(|(" + Constants.SERVICE_PID + "=" + PREFIX + "*)("
                    + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + PREFIX + "*))");
            for (Configuration c : all == null ? new Configuration[0] : all) {
                now.put(c.getPid(), c);
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Config-change audit: cannot list the Jiandu configurations", e);
        }
        boolean first = stored.isEmpty();
        for (Configuration c : now.values()) {
            Map<String, Object> props = normalise(c.getProperties());
            Map<String, Object> old = stored.get(c.getPid());
            String file = fileOf(c.getProperties());
            if (file != null) {
                files.put(c.getPid(), file);
            }
            String description = (first ? "the values at the first start of the config-change audit"
                    : old == null ? "created while the config-change audit was not running"
                            : "changed while the config-change audit was not running")
                    + (file != null ? "; " + describeFile(file) : "; not from a file (set through Config Admin)");
            Actor actor = new Actor(Source.STARTUP, null, null, description, file);
            store(c.getPid(), c.getFactoryPid(), old == null ? "CREATED" : "UPDATED", actor, old, props);
        }
        for (Map.Entry<String, Map<String, Object>> e : stored.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                Actor actor = new Actor(Source.STARTUP, null, null,
                        "deleted while the config-change audit was not running", null);
                store(e.getKey(), null, "DELETED", actor, e.getValue(), null);
            }
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        String factoryPid = event.getFactoryPid();
        if (!(pid != null && pid.startsWith(PREFIX) || factoryPid != null && factoryPid.startsWith(PREFIX))) {
            return;
        }
        if (event.getType() != ConfigurationEvent.CM_UPDATED && event.getType() != ConfigurationEvent.CM_DELETED) {
            return;
        }
        // read on the changing thread, before anything else: the subject and the stack are only there now
        Subject subject = currentSubject();
        List<String> stack = StackWalker.getInstance().walk(frames -> frames.map(f -> f.getClassName()).toList());
        synchronized (this) {
            Dictionary<String, Object> properties = null;
            if (event.getType() == ConfigurationEvent.CM_UPDATED) {
                properties = currentProperties(pid);
                if (properties == null) {
                    // deleted again before this listener ran: its deletion is recorded by its own event
                    return;
                }
            }
            Map<String, Object> old = known.get(pid);
            String file = properties != null ? fileOf(properties) : files.get(pid);
            if (file != null && properties != null) {
                files.put(pid, file);
            } else {
                files.remove(pid);
            }
            Actor actor = actor(subject, stack, file, Thread.currentThread().getName());
            if (event.getType() == ConfigurationEvent.CM_DELETED) {
                store(pid, factoryPid, "DELETED", actor, old, null);
            } else {
                store(pid, factoryPid, old == null ? "CREATED" : "UPDATED", actor, old, normalise(properties));
            }
        }
    }

    /** Records the change of {@code pid} from {@code old} to {@code now} ({@code null}: absent), if any. */
    private void store(String pid, String factoryPid, String kind, Actor actor, Map<String, Object> old,
            Map<String, Object> now) {
        List<KeyChange> changes = diff(old, now);
        if (changes.isEmpty()) {
            remember(pid, now);
            return;
        }
        long at = clock.millis();
        String json = changesJson(changes);
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(new ConfigChangeEntry(at, pid, factoryPid, kind, actor.source().name(), actor.user(),
                    actor.organisation(), actor.description(), actor.file(), json));
            ConfigStateEntry state = em.find(ConfigStateEntry.class, pid);
            if (now == null) {
                if (state != null) {
                    em.remove(state);
                }
            } else if (state == null) {
                em.persist(new ConfigStateEntry(pid, at, stateJson(now)));
            } else {
                state.set(at, stateJson(now));
            }
            em.getTransaction().commit();
            failure = null;
            // only what is stored becomes the old values: after a failure the next record starts from the last stored
            remember(pid, now);
        } catch (RuntimeException e) {
            failure = "The change of " + pid + " at " + java.time.Instant.ofEpochMilli(at) + " by "
                    + actor.description()
                    + " could not be stored in JD_CONFIG_CHANGE (" + e + "); it is in the log, and the next start"
                    + " records it again";
            // not swallowed: the change is in the log in full, and the next start records it again from the state
            LOG.error("Config-change audit: could not store the change of {} by {} ({}): {}", pid, actor.description(),
                    kind, json, e);
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
        LOG.info("Configuration {} {} by {}: {}", pid, kind.toLowerCase(java.util.Locale.ROOT), actor.description(),
                json);
    }

    /**
     * The audit's health, as component {@code jiandu.config-changes}: DEGRADED while the last change could not be
     * stored.
     */
    @Override
    public List<ComponentHealth> health() {
        String f = failure;
        return List.of(new ComponentHealth("jiandu.config-changes", f == null ? HealthState.UP : HealthState.DEGRADED,
                f == null ? List.of() : List.of(f), Map.of("table", "JD_CONFIG_CHANGE", "pids", PREFIX + "*")));
    }

    private void remember(String pid, Map<String, Object> now) {
        if (now == null) {
            known.remove(pid);
        } else {
            known.put(pid, now);
        }
    }

    /** Who made a change on this thread: the JAAS subject if any, the kind of caller from the stack. */
    static Actor actor(Subject subject, List<String> stack, String file, String thread) {
        String user = null;
        String organisation = null;
        if (subject != null) {
            for (Principal p : subject.getPrincipals(UserPrincipal.class)) {
                user = p.getName();
            }
            for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
                if (p.getName().startsWith(Roles.ORGANISATION_PREFIX)) {
                    organisation = p.getName().substring(Roles.ORGANISATION_PREFIX.length());
                }
            }
        }
        Source source = Source.CONFIG_ADMIN;
        String caller = null;
        for (String cls : stack) {
            if (cls.startsWith("org.apache.felix.fileinstall.")) {
                source = Source.FILE;
                break;
            }
            if (cls.startsWith("org.apache.karaf.shell.") || cls.startsWith("org.apache.felix.gogo.")) {
                source = Source.SHELL;
                break;
            }
            if (cls.startsWith("org.apache.felix.webconsole.")) {
                source = Source.WEB_CONSOLE;
                break;
            }
            if (cls.startsWith("javax.management.") || cls.startsWith("com.sun.jmx.")
                    || cls.startsWith("org.apache.karaf.management.")) {
                source = Source.JMX;
                break;
            }
        }
        for (String cls : stack) {
            if (!cls.startsWith("java.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.")
                    && !cls.startsWith("javax.") && !cls.startsWith("org.apache.felix.cm.")
                    && !cls.startsWith("org.osgi.") && !cls.startsWith(ConfigChangeLog.class.getName())) {
                caller = cls;
                break;
            }
        }
        String who = user != null ? "user " + user + (organisation != null ? " (org:" + organisation + ")" : "")
                : "no JAAS user";
        String description = switch (source) {
            case FILE -> describeFile(file);
            case SHELL -> who + " in the Karaf shell";
            case JMX -> who + " through JMX";
            case WEB_CONSOLE -> who + " in the web console";
            default -> (user != null ? who : "unknown: no JAAS user") + ", through the Config Admin API from "
                    + caller + " (thread " + thread + ")";
        };
        return new Actor(source, user, organisation, description, file);
    }

    /** A file of file install, as {@code file etc/x.cfg (OS owner root, modified …)}: who saved it is unknown. */
    static String describeFile(String file) {
        if (file == null) {
            return "file install, file unknown";
        }
        Path path;
        try {
            path = file.startsWith("file:") ? Paths.get(java.net.URI.create(file)) : Path.of(file);
        } catch (RuntimeException e) {
            return "file " + file + " (OS owner unknown: " + e.getMessage() + ")";
        }
        String shown = path.toString();
        String etc = System.getProperty("karaf.etc");
        if (etc != null && path.startsWith(Path.of(etc))) {
            shown = "etc/" + Path.of(etc).relativize(path);
        }
        if (!Files.exists(path)) {
            return "file " + shown + " (deleted; who deleted it is not known to Karaf)";
        }
        String owner;
        try {
            owner = "OS owner " + Files.getOwner(path).getName() + ", modified " + Files.getLastModifiedTime(path);
        } catch (IOException e) {
            owner = "OS owner unknown: " + e;
        }
        return "file " + shown + " (" + owner + "; who saved it is not known to Karaf)";
    }

    @SuppressWarnings("removal")
    private static Subject currentSubject() {
        // Karaf runs shell commands and JMX calls under Subject.doAs (JaasHelper); deprecated for removal from Java
        // 17 on, it still answers there on the Java 17 Karaf 4.4 runs on
        return Subject.getSubject(AccessController.getContext());
    }

    private Dictionary<String, Object> currentProperties(String pid) {
        try {
            Configuration[] c = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
            return c == null || c.length == 0 ? null : c[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("Config-change audit: cannot read configuration " + pid, e);
        }
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }

    private static String fileOf(Dictionary<String, ?> properties) {
        Object f = properties == null ? null : properties.get(FILENAME);
        return f == null ? null : String.valueOf(f);
    }

    /**
     * The properties as recorded: every key but Config Admin's and file install's own (the file is recorded apart),
     * each value a string or a list of strings (an
     * array or collection), a secret as a short hash, a long value cut.
     */
    static Map<String, Object> normalise(Dictionary<String, ?> properties) {
        Map<String, Object> out = new TreeMap<>();
        if (properties == null) {
            return out;
        }
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (key.startsWith(":") || key.equals(Constants.SERVICE_PID)
                    || key.equals(ConfigurationAdmin.SERVICE_FACTORYPID)
                    || key.equals(ConfigurationAdmin.SERVICE_BUNDLELOCATION) || key.equals(FILENAME)) {
                continue;
            }
            Object v = properties.get(key);
            Object value;
            if (v != null && v.getClass().isArray()) {
                List<String> list = new ArrayList<>();
                for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                    list.add(String.valueOf(java.lang.reflect.Array.get(v, i)));
                }
                value = list;
            } else if (v instanceof Collection<?> c) {
                value = c.stream().map(String::valueOf).toList();
            } else {
                value = String.valueOf(v);
            }
            out.put(key, SECRET.matcher(key).matches() ? secret(value) : cut(value));
        }
        return out;
    }

    private static Object cut(Object value) {
        if (value instanceof String s && s.length() > MAX_VALUE) {
            return s.substring(0, MAX_VALUE) + "…(" + s.length() + " characters)";
        }
        if (value instanceof List<?> l) {
            return l.stream().map(ConfigChangeLog::cut).toList();
        }
        return value;
    }

    private static String secret(Object value) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return "(secret, not stored; sha-256 " + HexFormat.of().formatHex(h, 0, 4) + "…)";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The keys whose values differ between {@code old} and {@code now} (either {@code null}: no configuration). */
    static List<KeyChange> diff(Map<String, Object> old, Map<String, Object> now) {
        Map<String, Object> a = old == null ? Map.of() : old;
        Map<String, Object> b = now == null ? Map.of() : now;
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<KeyChange> out = new ArrayList<>();
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                out.add(new KeyChange(k, a.get(k), b.get(k)));
            }
        }
        return out;
    }

    /** The changes as JSON, cut to fit {@link ConfigChangeEntry#CHANGES_LENGTH} (values dropped first). */
    static String changesJson(List<KeyChange> changes) {
        String json = write(changes);
        if (json.length() <= ConfigChangeEntry.CHANGES_LENGTH) {
            return json;
        }
        List<KeyChange> shorter = new ArrayList<>();
        for (KeyChange c : changes) {
            shorter.add(new KeyChange(c.key(), c.oldValue() == null ? null : "(too long to store)",
                    c.newValue() == null ? null : "(too long to store)"));
        }
        json = write(shorter);
        return json.length() <= ConfigChangeEntry.CHANGES_LENGTH ? json
                : write(List.of(new KeyChange("(" + changes.size() + " keys)", "(too long to store)",
                        "(too long to store)")));
    }

    private static String stateJson(Map<String, Object> props) {
        String json = write(props);
        if (json.length() <= ConfigChangeEntry.CHANGES_LENGTH) {
            return json;
        }
        Map<String, Object> shorter = new LinkedHashMap<>();
        props.forEach((k, v) -> shorter.put(k, "(too long to store, sha-256 " + secret(v) + ")"));
        return write(shorter);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and lists of strings always serialise", e);
        }
    }

    /** The stored state of every PID, read at activation. */
    private Map<String, Map<String, Object>> loadStates() {
        EntityManager em = emf.createEntityManager();
        try {
            Map<String, Map<String, Object>> out = new TreeMap<>();
            for (ConfigStateEntry s : em.createQuery("SELECT s FROM ConfigStateEntry s", ConfigStateEntry.class)
                    .getResultList()) {
                out.put(s.getPid(), JSON.readValue(s.getProperties(), MAP));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Config-change audit: a stored state in JD_CONFIG_STATE is no JSON", e);
        } finally {
            em.close();
        }
    }

    /** The changes recorded, newest first, with their changed keys parsed. */
    public record Recorded(ConfigChangeEntry entry, List<KeyChange> changes) {
    }

    /**
     * The newest recorded changes of {@code pid} (a prefix when it ends with {@code *}; all: {@code null}) made by
     * users of the organisations {@code scope} covers; changes without a user's organisation (files, startup, code)
     * only with {@code all} (admin).
     */
    List<Recorded> search(String pid, String source, int limit, CourtScope scope, boolean all) {
        if (scope.none() && !all) {
            return List.of();
        }
        EntityManager em = emf.createEntityManager();
        try {
            StringBuilder jpql = new StringBuilder("SELECT c FROM ConfigChangeEntry c WHERE 1 = 1");
            boolean prefix = pid != null && pid.endsWith("*");
            if (pid != null) {
                jpql.append(prefix ? " AND c.pid LIKE :pid ESCAPE '!'" : " AND c.pid = :pid");
            }
            if (source != null) {
                jpql.append(" AND c.source = :source");
            }
            List<String> provinces = List.copyOf(scope.provinces());
            if (!all) {
                List<String> covered = new ArrayList<>();
                if (scope.any()) {
                    covered.add("c.organisation IS NOT NULL");
                }
                if (!scope.courts().isEmpty()) {
                    covered.add("c.organisation IN :courts");
                }
                for (int i = 0; i < provinces.size(); i++) {
                    covered.add("c.organisation LIKE :province" + i);
                }
                jpql.append(" AND (").append(covered.isEmpty() ? "1 = 0" : String.join(" OR ", covered)).append(')');
            }
            jpql.append(" ORDER BY c.id DESC");
            TypedQuery<ConfigChangeEntry> q = em.createQuery(jpql.toString(), ConfigChangeEntry.class)
                    .setMaxResults(limit);
            if (pid != null) {
                q.setParameter("pid", prefix ? pid.substring(0, pid.length() - 1).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%" : pid);
            }
            if (source != null) {
                q.setParameter("source", source);
            }
            if (!all) {
                if (!scope.courts().isEmpty()) {
                    q.setParameter("courts", List.copyOf(scope.courts()));
                }
                for (int i = 0; i < provinces.size(); i++) {
                    q.setParameter("province" + i, provinces.get(i) + "%");
                }
            }
            List<Recorded> out = new ArrayList<>();
            for (ConfigChangeEntry e : q.getResultList()) {
                out.add(new Recorded(e, parse(e.getChanges())));
            }
            return out;
        } finally {
            em.close();
        }
    }

    private static List<KeyChange> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<KeyChange>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JD_CONFIG_CHANGE.CHANGES is no JSON list of changes: " + json, e);
        }
    }
}
