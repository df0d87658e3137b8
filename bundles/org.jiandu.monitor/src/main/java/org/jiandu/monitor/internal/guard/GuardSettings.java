package org.jiandu.monitor.internal.guard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.ValidationException;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.event.CoreEventTypes;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
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
@Component(service = {GuardSettings.class, HealthIndicator.class}, configurationPid = GuardsConfiguration.PID)
@Designate(ocd = GuardsConfiguration.class)
public class GuardSettings implements HealthIndicator {
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
     * @param problems              configuration values refused (each replaced by its default), as key = value: why
     * @param report                the same with the PID, and the effective values (health, log)
     */
    record Values(List<String> queryableTypes, int minMonthsSinceFiling, List<String> refusedReasons,
            boolean panelNeedsPresident, Map<String, String> caseAccounts, Set<String> methodsWithoutException,
            List<String> forbiddenPhrases, int selfDisposalMaxDays, Set<String> methodsBeforeAppraisal,
            List<String> problems, ConfigReport report) {

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
    public GuardSettings(Map<String, Object> properties) {
        configure(properties);
    }

    /** With a typed configuration (tests). */
    GuardSettings(GuardsConfiguration config) {
        this(ConfigReader.propertiesOf(config));
    }

    @Modified
    void configure(Map<String, Object> properties) {
        Values v = parse(properties);
        for (String p : v.report().messages()) {
            LOG.error("{}", p);
        }
        current = v;
    }

    /** With a typed configuration (tests). */
    void modified(GuardsConfiguration config) {
        configure(ConfigReader.propertiesOf(config));
    }

    Values current() {
        return current;
    }

    /** The guards' health: their configuration, as component {@code jiandu.monitor.guards}. */
    @Override
    public List<ComponentHealth> health() {
        return List.of(current.report().health("jiandu.monitor.guards"));
    }

    /** Reads and checks a typed configuration (tests). */
    static Values parse(GuardsConfiguration c) {
        return parse(ConfigReader.propertiesOf(c));
    }

    /** Reads and checks a configuration; never throws: each bad value is reported and replaced by its default. */
    static Values parse(Map<String, ?> properties) {
        ConfigReader r = ConfigReader.of(GuardsConfiguration.PID, properties, GuardsConfiguration.class);

        List<String> types = r.names("termination.queryablePropertyTypes", CoreEventTypes.PROPERTY_TYPES);
        int months = r.integer("termination.minMonthsSinceFiling", LAW_MIN_MONTHS, 120,
                "终本规定 Art. 1(4) requires more than 3 months");
        List<String> refused = phrases(r, "termination.refusedUndisposedReasons");
        boolean panel = r.bool("termination.collegialPanelNeedsPresidentApproval");
        Map<String, String> accounts = accounts(r);
        Set<String> methods = new LinkedHashSet<>(r.names("disposal.methodsWithoutException", DISPOSAL_METHODS));
        List<String> forbidden = phrases(r, "disposal.forbiddenAnnouncementPhrases");
        int maxDays = r.integer("disposal.selfDisposalMaxDays", 1, LAW_MAX_SELF_DISPOSAL_DAYS,
                "Art. 17: 最长不得超过90日");
        Set<String> before = new LinkedHashSet<>(r.names("disposal.methodsBeforeAppraisal", PRE_APPRAISAL_METHODS));

        ConfigReport report = r.report();
        List<String> problems = new ArrayList<>();
        for (ConfigReport.Problem p : report.problems()) {
            problems.add(p.key() + " = " + p.given() + ": " + p.reason()
                    + (p.fallback() == null ? "" : "; using " + p.fallback()));
        }
        return new Values(List.copyOf(types), months, List.copyOf(refused), panel, Map.copyOf(accounts),
                Set.copyOf(methods), List.copyOf(forbidden), maxDays, Set.copyOf(before), List.copyOf(problems),
                report);
    }

    /** A non-empty list of phrases, squashed for matching. */
    private static List<String> phrases(ConfigReader r, String key) {
        List<String> out = new ArrayList<>();
        for (String s : r.entries(key, "[,，;；\\n]")) {
            String q = Text.squash(s);
            if (!q.isEmpty() && !out.contains(q)) {
                out.add(q);
            }
        }
        List<String> fallback = r.defaultEntries(key).stream().map(Text::squash).toList();
        return r.check(key, out, out.isEmpty() ? "must not be empty" : null, fallback);
    }

    private static Map<String, String> accounts(ConfigReader r) {
        String key = "money.caseAccounts";
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : r.entries(key, "[,，;；\\n]")) {
            int eq = entry.indexOf('=');
            String code = eq < 0 ? "" : entry.substring(0, eq).trim();
            String account = eq < 0 ? "" : Text.squash(entry.substring(eq + 1));
            if (eq < 0 || account.isEmpty() || !isCourtCode(code)) {
                r.problem(key, "entry '" + entry + "' ignored: write court code=account, e.g."
                        + " 京0105=0200 0012 0902 4000 123");
            } else if (out.putIfAbsent(code, account) != null) {
                r.problem(key, "court " + code + " is named twice; the first entry is used");
            }
        }
        r.effective(key, out);
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
