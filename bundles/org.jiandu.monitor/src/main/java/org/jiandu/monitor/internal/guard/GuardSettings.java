package org.jiandu.monitor.internal.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.event.CoreEventTypes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guards' configuration (PID {@value GuardsConfiguration#PID}), read once, checked against the law, and shared
 * by the three guards. A change is picked up live ({@link Modified}); guards read {@link #current()} once per
 * check, so one check never sees half of an old and half of a new configuration.
 */
@Component(service = GuardSettings.class, configurationPid = GuardsConfiguration.PID)
@Designate(ocd = GuardsConfiguration.class)
public class GuardSettings {
    private static final Logger LOG = LoggerFactory.getLogger(GuardSettings.class);

    /** Disposal methods of DISPOSAL_STARTED (CoreEventTypes). */
    static final List<String> DISPOSAL_METHODS = List.of("ONLINE_AUCTION", "AUCTION", "SALE", "SELF_DISPOSAL",
            "SET_OFF");
    /** Reference-price methods short of appraisal (参考价规定). */
    static final List<String> PRE_APPRAISAL_METHODS = List.of("NEGOTIATION", "DIRECTED_INQUIRY", "ONLINE_INQUIRY");
    /** 终本规定 Art. 1(4): more than three months. */
    static final int LAW_MIN_MONTHS = 3;
    /** Art. 17: at most 90 days. */
    static final int LAW_MAX_SELF_DISPOSAL_DAYS = 90;

    /**
     * One consistent set of values.
     *
     * @param queryableTypes        property types a 终本 case's queries must cover
     * @param minMonthsSinceFiling  calendar months that must have passed since filing, strictly
     * @param refusedReasons        squashed phrases that disqualify a reason for leaving property undisposed
     * @param panelNeedsPresident   the collegial-panel route also needs details.presidentApproval
     * @param caseAccounts          court code (or province abbreviation) → squashed designated case account
     * @param methodsWithoutException disposal methods allowed without a recorded exception
     * @param forbiddenPhrases      squashed phrases refused in auction announcements
     * @param selfDisposalMaxDays   longest self-disposal period
     * @param methodsBeforeAppraisal reference-price methods that count as a prior attempt
     * @param problems              configuration values refused (each replaced by its default)
     */
    record Values(List<String> queryableTypes, int minMonthsSinceFiling, List<String> refusedReasons,
            boolean panelNeedsPresident, Map<String, String> caseAccounts, Set<String> methodsWithoutException,
            List<String> forbiddenPhrases, int selfDisposalMaxDays, Set<String> methodsBeforeAppraisal,
            List<String> problems) {

        /** The designated case account of the case's court, squashed, or {@code null} when none is configured. */
        String caseAccountOf(CaseNumber cn) {
            String exact = caseAccounts.get(cn.courtCode());
            if (exact != null) {
                return exact;
            }
            return caseAccounts.get(cn.courtCode().substring(0, 1));
        }
    }

    private volatile Values current;

    @Activate
    public GuardSettings(GuardsConfiguration config) {
        apply(config);
    }

    @Modified
    void modified(GuardsConfiguration config) {
        apply(config);
    }

    private void apply(GuardsConfiguration config) {
        Values v = parse(config);
        for (String p : v.problems()) {
            LOG.error("Configuration {} refused: {}", GuardsConfiguration.PID, p);
        }
        current = v;
    }

    Values current() {
        return current;
    }

    /** Reads and checks a configuration; never throws: each bad value is reported and replaced by its default. */
    static Values parse(GuardsConfiguration c) {
        GuardsConfiguration d = Defaults.INSTANCE;
        List<String> problems = new ArrayList<>();

        List<String> types = upperList("termination.queryablePropertyTypes", c.termination_queryablePropertyTypes(),
                d.termination_queryablePropertyTypes(), CoreEventTypes.PROPERTY_TYPES, problems);

        int months = c.termination_minMonthsSinceFiling();
        if (months < LAW_MIN_MONTHS || months > 120) {
            problems.add("termination.minMonthsSinceFiling = " + months + ": must be " + LAW_MIN_MONTHS
                    + "–120 (终本规定 Art. 1(4) requires more than 3 months); using " + LAW_MIN_MONTHS);
            months = LAW_MIN_MONTHS;
        }

        List<String> refused = phrases("termination.refusedUndisposedReasons",
                c.termination_refusedUndisposedReasons(), d.termination_refusedUndisposedReasons(), problems);

        Map<String, String> accounts = accounts(c.money_caseAccounts(), problems);

        Set<String> methods = new LinkedHashSet<>(upperList("disposal.methodsWithoutException",
                c.disposal_methodsWithoutException(), d.disposal_methodsWithoutException(), DISPOSAL_METHODS,
                problems));

        List<String> forbidden = phrases("disposal.forbiddenAnnouncementPhrases",
                c.disposal_forbiddenAnnouncementPhrases(), d.disposal_forbiddenAnnouncementPhrases(), problems);

        int maxDays = c.disposal_selfDisposalMaxDays();
        if (maxDays < 1 || maxDays > LAW_MAX_SELF_DISPOSAL_DAYS) {
            problems.add("disposal.selfDisposalMaxDays = " + maxDays + ": must be 1–" + LAW_MAX_SELF_DISPOSAL_DAYS
                    + " (Art. 17: 最长不得超过90日); using " + LAW_MAX_SELF_DISPOSAL_DAYS);
            maxDays = LAW_MAX_SELF_DISPOSAL_DAYS;
        }

        Set<String> before = new LinkedHashSet<>(upperList("disposal.methodsBeforeAppraisal",
                c.disposal_methodsBeforeAppraisal(), d.disposal_methodsBeforeAppraisal(), PRE_APPRAISAL_METHODS,
                problems));

        return new Values(List.copyOf(types), months, List.copyOf(refused),
                c.termination_collegialPanelNeedsPresidentApproval(), Map.copyOf(accounts), Set.copyOf(methods),
                List.copyOf(forbidden), maxDays, Set.copyOf(before), List.copyOf(problems));
    }

    /** A non-empty list of known upper-case names; anything else is refused as a whole. */
    private static List<String> upperList(String key, String[] given, String[] fallback, List<String> known,
            List<String> problems) {
        List<String> out = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String s : given == null ? new String[0] : given) {
            for (String part : s.split("[,，\\s]+")) {
                String u = part.trim().toUpperCase(Locale.ROOT);
                if (u.isEmpty()) {
                    continue;
                }
                if (!known.contains(u)) {
                    unknown.add(part.trim());
                } else if (!out.contains(u)) {
                    out.add(u);
                }
            }
        }
        if (!unknown.isEmpty() || out.isEmpty()) {
            problems.add(key + " = " + (given == null ? "[]" : List.of(given)) + ": "
                    + (unknown.isEmpty() ? "must not be empty" : "unknown " + unknown + ", known are " + known)
                    + "; using the default " + List.of(fallback));
            return List.of(fallback);
        }
        return out;
    }

    /** A non-empty list of phrases, squashed for matching. */
    private static List<String> phrases(String key, String[] given, String[] fallback, List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String s : entries(given)) {
            String q = Text.squash(s);
            if (!q.isEmpty() && !out.contains(q)) {
                out.add(q);
            }
        }
        if (out.isEmpty()) {
            problems.add(key + " must not be empty; using the default " + List.of(fallback));
            return List.of(fallback).stream().map(Text::squash).toList();
        }
        return out;
    }

    private static Map<String, String> accounts(String[] given, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries(given)) {
            int eq = entry.indexOf('=');
            String code = eq < 0 ? "" : entry.substring(0, eq).trim();
            String account = eq < 0 ? "" : Text.squash(entry.substring(eq + 1));
            if (eq < 0 || account.isEmpty() || !isCourtCode(code)) {
                problems.add("money.caseAccounts entry '" + entry + "' ignored: write court code=account, e.g."
                        + " 京0105=0200 0012 0902 4000 123");
            } else if (out.putIfAbsent(code, account) != null) {
                problems.add("money.caseAccounts names court " + code + " twice; the first entry is used");
            }
        }
        return out;
    }

    /**
     * The entries of a list property: a {@code .cfg} file gives one string, so entries may also be separated by
     * commas or semicolons (half- or full-width) or line breaks.
     */
    private static List<String> entries(String[] given) {
        List<String> out = new ArrayList<>();
        for (String s : given == null ? new String[0] : given) {
            for (String part : s.split("[,，;；\\n]")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    private static boolean isCourtCode(String code) {
        if (code.isEmpty()) {
            return false;
        }
        try {
            return CaseNumber.parse("（2024）" + code + "执1号").courtCode().equals(code);
        } catch (ValidationException e) {
            return false;
        }
    }

    /** The annotation's defaults, as an instance (for fallbacks and tests). */
    static final class Defaults {
        static final GuardsConfiguration INSTANCE = with(Map.of());

        private Defaults() {
        }

        /** A configuration with the given values (keys are the annotation's method names) and defaults for the rest. */
        static GuardsConfiguration with(Map<String, Object> values) {
            Function<java.lang.reflect.Method, Object> value = m -> values.containsKey(m.getName())
                    ? values.get(m.getName()) : m.getDefaultValue();
            return (GuardsConfiguration) java.lang.reflect.Proxy.newProxyInstance(
                    GuardsConfiguration.class.getClassLoader(), new Class<?>[] {GuardsConfiguration.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "annotationType" -> GuardsConfiguration.class;
                        case "toString" -> "GuardsConfiguration" + values;
                        case "hashCode" -> values.hashCode();
                        case "equals" -> proxy == args[0];
                        default -> value.apply(method);
                    });
        }
    }
}
