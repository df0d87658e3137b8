package org.jiandu.api.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the values of one configuration (a PID) and checks them; never throws because of a value. Each read answers
 * the value to use: the configured one when it is valid, otherwise the attribute's default, with the refusal
 * recorded. {@link #report()} then answers what was refused and the effective value of every key read, which the
 * component logs ({@link ConfigReport#problems()} at ERROR) and shows in its health.
 *
 * <p>Values are taken from the raw Config Admin properties (a {@code .cfg} file gives strings, Config Admin may give
 * numbers, booleans or arrays); defaults come from the component's configuration annotation, so the default used on
 * a refusal is always the one its metatype documents. Keys are the property names ({@code period.amount}); the
 * annotation's method for a key is found with the Declarative Services name mapping ({@code period_amount}).
 *
 * <p>Not thread-safe: one reader per (re)configuration, on the thread that activates or modifies the component.
 */
public final class ConfigReader {
    private final String pid;
    private final Map<String, ?> properties;
    private final Class<?> annotation;
    private final Map<String, Object> effective = new LinkedHashMap<>();
    private final List<ConfigReport.Problem> problems = new ArrayList<>();

    private ConfigReader(String pid, Map<String, ?> properties, Class<?> annotation) {
        this.pid = Objects.requireNonNull(pid, "pid");
        this.properties = properties == null ? Map.of() : properties;
        this.annotation = annotation;
    }

    /**
     * A reader of {@code properties} (the component's configuration properties, possibly empty) whose defaults are
     * those of the configuration annotation {@code annotation} (may be {@code null}: then every read passes its
     * default explicitly).
     */
    public static ConfigReader of(String pid, Map<String, ?> properties, Class<?> annotation) {
        return new ConfigReader(pid, properties, annotation);
    }

    public String pid() {
        return pid;
    }

    /**
     * The properties an instance of a configuration annotation stands for (key → value, by the Declarative
     * Services name mapping): lets code and tests that hold a typed configuration use a reader. A method that
     * throws (a value its proxy could not convert) gives a text saying so, which the reader then refuses.
     */
    public static Map<String, Object> propertiesOf(Object config) {
        Map<String, Object> out = new LinkedHashMap<>();
        Class<?> type = null;
        for (Class<?> i : config == null ? new Class<?>[0] : config.getClass().getInterfaces()) {
            if (i.isAnnotation()) {
                type = i;
                break;
            }
        }
        if (type == null) {
            return out;
        }
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() != 0) {
                continue;
            }
            try {
                Object v = m.invoke(config);
                if (v != null) {
                    out.put(propertyName(m.getName()), v);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a value the proxy could not convert: kept as text saying so, which every read then refuses
                Throwable cause = e.getCause() == null ? e : e.getCause();
                out.put(propertyName(m.getName()), "unreadable (" + cause.getMessage() + ")");
            }
        }
        return out;
    }

    /** The raw value of {@code key} as configured, or {@code null} when it is not set. */
    public Object raw(String key) {
        return properties.get(key);
    }

    /** An integer in {@code min..max}; {@code law} says where the bounds come from (shown in the refusal). */
    public int integer(String key, int min, int max, String law) {
        int fallback = ((Number) defaultOf(key)).intValue();
        return integer(key, min, max, fallback, law);
    }

    /** As {@link #integer(String, int, int, String)} with an explicit default. */
    public int integer(String key, int min, int max, int fallback, String law) {
        Object v = properties.get(key);
        if (v == null) {
            return keep(key, fallback);
        }
        long n;
        if (v instanceof Number number) {
            n = number.longValue();
        } else {
            try {
                n = Long.parseLong(single(v).strip());
            } catch (NumberFormatException e) {
                return refuse(key, v, "is not a whole number", fallback);
            }
        }
        if (n < min || n > max) {
            return refuse(key, v, "must be " + min + "–" + max + (law == null || law.isEmpty() ? "" : " (" + law + ")"),
                    fallback);
        }
        return keep(key, (int) n);
    }

    /** {@code true} or {@code false} (any case); anything else is refused. */
    public boolean bool(String key) {
        return bool(key, (Boolean) defaultOf(key));
    }

    public boolean bool(String key, boolean fallback) {
        Object v = properties.get(key);
        if (v == null) {
            return keep(key, fallback);
        }
        if (v instanceof Boolean b) {
            return keep(key, b);
        }
        String s = single(v).strip().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("false")) {
            return keep(key, Boolean.parseBoolean(s));
        }
        return refuse(key, v, "must be true or false", fallback);
    }

    /** One of {@code options} (compared ignoring case, answered as written in {@code options}). */
    public String choice(String key, Collection<String> options) {
        return choice(key, options, (String) defaultOf(key));
    }

    public String choice(String key, Collection<String> options, String fallback) {
        Object v = properties.get(key);
        if (v == null) {
            return keep(key, fallback);
        }
        String s = single(v).strip();
        for (String o : options) {
            if (o.equalsIgnoreCase(s)) {
                return keep(key, o);
            }
        }
        return refuse(key, v, "must be one of " + options, fallback);
    }

    /**
     * A text value checked and converted by {@code parse}, which throws {@link IllegalArgumentException} with the
     * reason when the text is invalid; the default (the annotation's, converted the same way) is used then.
     */
    public <T> T parsed(String key, Function<String, T> parse) {
        Object d = defaultOf(key);
        return parsed(key, parse, parse.apply(String.valueOf(d)));
    }

    public <T> T parsed(String key, Function<String, T> parse, T fallback) {
        Object v = properties.get(key);
        if (v == null) {
            return keep(key, fallback);
        }
        try {
            return keep(key, parse.apply(single(v).strip()));
        } catch (IllegalArgumentException e) {
            return refuse(key, v, e.getMessage(), fallback);
        }
    }

    /**
     * The entries of a list value: an array or collection from Config Admin, or one string from a {@code .cfg}
     * file whose entries are separated by {@code separators} (a regular expression, e.g. {@code "[,，;；\\n]"}).
     * Blank entries are dropped. The list is not checked: pass it to {@link #check}.
     */
    public List<String> entries(String key, String separators) {
        Object v = properties.get(key);
        if (v == null) {
            Object d = annotation == null ? null : defaultOf(key);
            return d instanceof String[] a ? List.of(a) : List.of();
        }
        List<String> raw = new ArrayList<>();
        if (v instanceof String[] a) {
            raw.addAll(Arrays.asList(a));
        } else if (v instanceof Collection<?> c) {
            c.forEach(o -> raw.add(String.valueOf(o)));
        } else {
            raw.add(String.valueOf(v));
        }
        List<String> out = new ArrayList<>();
        for (String s : raw) {
            for (String part : s.split(separators)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /**
     * A non-empty list of names from {@code known} (upper-cased, duplicates dropped, separated by commas or
     * whitespace in a {@code .cfg} file). An unknown name or an empty list refuses the whole value: the
     * annotation's default list is used.
     */
    public List<String> names(String key, Collection<String> known) {
        return names(key, known, defaultEntries(key));
    }

    public List<String> names(String key, Collection<String> known, List<String> fallback) {
        if (properties.get(key) == null) {
            return keep(key, fallback);
        }
        List<String> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : entries(key, "[,，;；\\s]+")) {
            String u = part.toUpperCase(Locale.ROOT);
            if (!known.contains(u)) {
                unknown.add(part);
            } else if (!out.contains(u)) {
                out.add(u);
            }
        }
        if (!unknown.isEmpty()) {
            return refuse(key, properties.get(key), "unknown " + unknown + "; known are " + known, fallback);
        }
        if (out.isEmpty()) {
            return refuse(key, properties.get(key), "must not be empty", fallback);
        }
        return keep(key, List.copyOf(out));
    }

    /** The annotation's default of {@code key} as a list (empty when it has none). */
    public List<String> defaultEntries(String key) {
        Object d = defaultOf(key);
        return d instanceof String[] a ? List.of(a) : d == null ? List.of() : List.of(String.valueOf(d));
    }

    /**
     * Records {@code value} as the effective value of {@code key} when {@code why} is {@code null}, otherwise
     * refuses the configured value with {@code why} and records {@code fallback}; answers the value recorded.
     * For values a component checks itself (lists, cross-key rules).
     */
    public <T> T check(String key, T value, String why, T fallback) {
        return why == null ? keep(key, value) : refuse(key, properties.get(key), why, fallback);
    }

    /** Records a refusal that is not about one value being replaced (e.g. one bad entry of a list dropped). */
    public void problem(String key, String why) {
        problems.add(new ConfigReport.Problem(pid, key, display(properties.get(key)), why, null));
    }

    /** Records the effective value of a key read without this reader. */
    public void effective(String key, Object value) {
        effective.put(key, value);
    }

    /** What was refused and the effective value of every key read. */
    public ConfigReport report() {
        return new ConfigReport(pid, problems, effective);
    }

    private <T> T keep(String key, T value) {
        effective.put(key, value);
        return value;
    }

    private <T> T refuse(String key, Object given, String why, T fallback) {
        problems.add(new ConfigReport.Problem(pid, key, given == null ? null : display(given), why,
                String.valueOf(display(fallback))));
        effective.put(key, fallback);
        return fallback;
    }

    private static String display(Object v) {
        if (v instanceof Object[] a) {
            return Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    private static String single(Object v) {
        if (v instanceof Object[] a) {
            return a.length == 0 ? "" : String.valueOf(a[0]);
        }
        if (v instanceof Collection<?> c) {
            return c.isEmpty() ? "" : String.valueOf(c.iterator().next());
        }
        return String.valueOf(v);
    }

    /** The annotation's default for {@code key}, by the Declarative Services name mapping. */
    private Object defaultOf(String key) {
        if (annotation == null) {
            throw new IllegalStateException("No configuration annotation given for " + pid + "; pass the default");
        }
        for (Method m : annotation.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && key.equals(propertyName(m.getName()))) {
                return m.getDefaultValue();
            }
        }
        throw new IllegalArgumentException(annotation.getName() + " declares no attribute " + key);
    }

    /** Declarative Services 1.4 (OSGi Compendium 112.8.2.2): {@code $$}→{@code $}, {@code $_$}→{@code -}, {@code __}→{@code _}, {@code _}→{@code .}, lone {@code $} dropped. */
    static String propertyName(String method) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c == '$') {
                if (method.startsWith("$$", i)) {
                    out.append('$');
                    i++;
                } else if (method.startsWith("$_$", i)) {
                    out.append('-');
                    i += 2;
                }
            } else if (c == '_') {
                if (method.startsWith("__", i)) {
                    out.append('_');
                    i++;
                } else {
                    out.append('.');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
