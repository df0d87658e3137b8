package org.jiandu.seizure.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of PID {@code org.jiandu.seizure}, checked and resolved per court. A value that does not parse
 * is logged at ERROR with the PID and key and the default is used in its place, so that a typo never switches the
 * guard off; health shows DEGRADED with the reason ({@link ConfigReader}'s policy).
 */
@Component(service = {SeizureSettings.class, HealthIndicator.class}, configurationPid = SeizureSettings.PID)
@Designate(ocd = SeizureConfiguration.class)
public final class SeizureSettings implements HealthIndicator {
    public static final String PID = "org.jiandu.seizure";
    static final String RATIO = "clearlyExceedsRatio";
    static final String ORDER = "impactOrder";
    private static final Logger LOG = LoggerFactory.getLogger(SeizureSettings.class);
    private static final BigDecimal MAX_RATIO = BigDecimal.TEN;

    private volatile Snapshot snapshot;

    /** The resolved choices: defaults and per-court overrides. */
    record Snapshot(CourtPolicy fallback, Map<String, BigDecimal> ratios, Map<String, List<ImpactClass>> orders,
            int leadDays, int maxCases, List<String> problems, ConfigReport report) {

        CourtPolicy policy(String courtCode) {
            BigDecimal ratio = fallback.ratio();
            String ratioSource = RATIO;
            List<ImpactClass> order = fallback.order();
            String orderSource = ORDER;
            for (String key : keys(courtCode)) {
                if (ratios.containsKey(key)) {
                    ratio = ratios.get(key);
                    ratioSource = RATIO + "." + key;
                    break;
                }
            }
            for (String key : keys(courtCode)) {
                if (orders.containsKey(key)) {
                    order = orders.get(key);
                    orderSource = ORDER + "." + key;
                    break;
                }
            }
            return new CourtPolicy(ratio, order, ratioSource + ", " + orderSource);
        }

        private static List<String> keys(String courtCode) {
            if (courtCode == null || courtCode.isEmpty()) {
                return List.of();
            }
            String province = courtCode.substring(0, 1);
            return CaseNumber.SUPREME_COURT.equals(courtCode) || province.equals(courtCode) ? List.of(courtCode)
                    : List.of(courtCode, province);
        }
    }

    @Activate
    public SeizureSettings(Map<String, Object> properties) {
        modified(properties);
    }

    /** Settings from a plain map (tests, benchmarks). */
    static SeizureSettings of(Map<String, Object> properties) {
        return new SeizureSettings(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Snapshot s = read(properties);
        for (String p : s.report().messages()) {
            LOG.error("{}", p);
        }
        this.snapshot = s;
    }

    /** The settings' health: the configuration, as component {@code jiandu.seizure}. */
    @Override
    public List<ComponentHealth> health() {
        return List.of(snapshot.report().health("jiandu.seizure"));
    }

    /** The renewal lead of {@code properties}, checked as {@link #read} does (for the renewal rule, same PID). */
    static int leadDays(ConfigReader r) {
        return r.integer("renewal.leadDays", 10, 180, "longer than any holiday block (9 days)");
    }

    /** Reads and checks the whole configuration; never throws: each bad value is replaced by its default. */
    static Snapshot read(Map<String, ?> properties) {
        ConfigReader r = ConfigReader.of(PID, properties, SeizureConfiguration.class);
        int leadDays = leadDays(r);
        int maxCases = r.integer("cache.maxCases", 10, 10_000_000, "");
        Snapshot s = parse(properties, leadDays, maxCases);
        for (String p : s.problems()) {
            int at = p.indexOf(' ');
            int colon = p.indexOf(':');
            int end = colon > 0 && (at < 0 || colon < at) ? colon : at;
            r.problem(end > 0 ? p.substring(0, end) : RATIO, p);
        }
        r.effective(RATIO, s.fallback().ratio());
        r.effective(ORDER, s.fallback().order());
        s.ratios().forEach((court, ratio) -> r.effective(RATIO + "." + court, ratio));
        s.orders().forEach((court, order) -> r.effective(ORDER + "." + court, order));
        return new Snapshot(s.fallback(), s.ratios(), s.orders(), s.leadDays(), s.maxCases(), s.problems(),
                r.report());
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The policy of the court that handles {@code caseNumber}. */
    CourtPolicy policy(CaseNumber caseNumber) {
        return snapshot.policy(caseNumber.courtCode());
    }

    /** The ratio and impact-order keys (default and per court) of {@code properties}; the numbers as given. */
    static Snapshot parse(Map<String, ?> properties, int leadDays, int maxCases) {
        List<String> problems = new ArrayList<>();
        BigDecimal ratio = CourtPolicy.DEFAULT_RATIO;
        List<ImpactClass> order = ImpactClass.DEFAULT_ORDER;
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        Map<String, List<ImpactClass>> orders = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : properties.entrySet()) {
            String key = e.getKey();
            if (key.equals(RATIO)) {
                BigDecimal r = ratio(e.getValue(), key, problems);
                ratio = r == null ? ratio : r;
            } else if (key.startsWith(RATIO + ".")) {
                BigDecimal r = ratio(e.getValue(), key, problems);
                if (r != null) {
                    ratios.put(key.substring(RATIO.length() + 1).trim(), r);
                }
            } else if (key.equals(ORDER)) {
                List<ImpactClass> o = order(e.getValue(), key, problems);
                order = o == null ? order : o;
            } else if (key.startsWith(ORDER + ".")) {
                List<ImpactClass> o = order(e.getValue(), key, problems);
                if (o != null) {
                    orders.put(key.substring(ORDER.length() + 1).trim(), o);
                }
            }
        }
        return new Snapshot(new CourtPolicy(ratio, order, "default"), Map.copyOf(ratios), Map.copyOf(orders),
                leadDays, maxCases, List.copyOf(problems), ConfigReport.empty(PID));
    }

    private static BigDecimal ratio(Object v, String key, List<String> problems) {
        try {
            BigDecimal r = new BigDecimal(String.valueOf(v).trim());
            if (r.compareTo(BigDecimal.ONE) < 0 || r.compareTo(MAX_RATIO) > 0) {
                problems.add(key + " = " + v + " is outside 1–10");
                return null;
            }
            return r;
        } catch (NumberFormatException ex) {
            problems.add(key + " = " + v + " is not a decimal such as 1.2");
            return null;
        }
    }

    private static List<ImpactClass> order(Object v, String key, List<String> problems) {
        List<String> names = new ArrayList<>();
        if (v instanceof String[] arr) {
            for (String s : arr) {
                names.addAll(Arrays.asList(s.split("[,，\\s]+")));
            }
        } else if (v instanceof Iterable<?> it) {
            it.forEach(o -> names.add(String.valueOf(o)));
        } else {
            names.addAll(Arrays.asList(String.valueOf(v).split("[,，\\s]+")));
        }
        List<ImpactClass> out = new ArrayList<>();
        for (String n : names) {
            if (n.isBlank()) {
                continue;
            }
            ImpactClass c;
            try {
                c = ImpactClass.valueOf(n.trim());
            } catch (IllegalArgumentException ex) {
                problems.add(key + ": unknown impact class " + n.trim() + "; known: "
                        + Arrays.toString(ImpactClass.values()));
                return null;
            }
            if (out.contains(c)) {
                problems.add(key + ": " + c + " is listed twice");
                return null;
            }
            out.add(c);
        }
        for (ImpactClass c : ImpactClass.DEFAULT_ORDER) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
