package org.jiandu.monitor.internal.rules;

import java.util.List;
import java.util.Map;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.deadline.DeadlineAction;
import org.jiandu.api.deadline.DeadlineRule;
import org.jiandu.api.deadline.DeadlineRules;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.jiandu.api.ledger.LedgerEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration side shared by the built-in rules; their pure helpers ({@code day}, {@code is}, {@code open},
 * {@code close}, {@code earlier} …) are the API's {@link DeadlineRules}, which a third party's rule uses alike.
 * Every built-in rule is a pure function of (entry, history) as the
 * {@link DeadlineRule} contract asks; its parameters come from its own Config Admin configuration (PID
 * {@link #pidOf(String) org.jiandu.monitor.rule.<rule id with '_' for '-'>}) and are read once per call from a
 * volatile field.
 *
 * <p><b>Configuration policy</b> (the same for every Jiandu configuration, see {@link ConfigReader}): a value that
 * cannot be read or is out of range is logged at ERROR with its PID and key, the rule uses the law's default (its
 * metatype default) in its place, and reports DEGRADED through {@link HealthIndicator}; activation never throws
 * because of a value, so the rule never leaves the registry over a typo.
 */
public abstract class RuleSupport implements DeadlineRule, HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(RuleSupport.class);
    /** The configuration PID prefix of the built-in rules. */
    public static final String PID_PREFIX = "org.jiandu.monitor.rule.";
    /** The units a rule's period may be configured in. */
    public static final List<String> UNITS = List.of("WD", "D", "M", "H");

    private volatile ConfigReport configReport;

    /**
     * The configuration PID of rule {@code id}: the prefix and the id with {@code _} for {@code -}. Karaf's file
     * install reads a {@code -} (or {@code ~}) in a {@code .cfg} file name as its factory separator, so
     * {@code etc/org.jiandu.monitor.rule.art13.network-query.cfg} would become a factory configuration the rule never
     * sees; the id itself (shown in deadlines, alerts and {@code /api/v1/rules}) keeps its {@code -}.
     */
    public static String pidOf(String id) {
        return PID_PREFIX + id.replace('-', '_').replace('~', '_');
    }

    /** The PID rule {@code id} was configured under before (refused with an ERROR naming {@link #pidOf}). */
    public static String oldPidOf(String id) {
        return PID_PREFIX + id;
    }

    /** A reader of this rule's configuration properties, with the defaults of its configuration annotation. */
    protected final ConfigReader reader(Map<String, ?> properties, Class<?> annotation) {
        return ConfigReader.of(pidOf(id()), properties, annotation);
    }

    /** Keeps what {@code reader} found and logs each refused value at ERROR (PID, key, value, default used). */
    protected final void configured(ConfigReader reader) {
        ConfigReport report = reader.report();
        for (String problem : report.messages()) {
            LOG.error("{}", problem);
        }
        configReport = report;
    }

    /** What the last (re)configuration refused and the effective parameters. */
    public final ConfigReport configReport() {
        ConfigReport r = configReport;
        return r == null ? ConfigReport.empty(pidOf(id())) : r;
    }

    /** The rule's health: its configuration, as component {@code jiandu.monitor.rule.<id>}. */
    @Override
    public List<ComponentHealth> health() {
        return List.of(configReport().health("jiandu.monitor.rule." + id()));
    }

    /** A period: amount and unit, as configured. */
    public record Period(int amount, PeriodUnit unit) {
        /** @throws IllegalArgumentException when the unit is unknown or the amount out of range */
        public static Period of(int amount, String unit) {
            PeriodUnit u = PeriodUnit.parse(unit);
            if (amount < 1 || amount > DeadlineRequest.MAX_AMOUNT) {
                throw new IllegalArgumentException("A rule's period must be 1.." + DeadlineRequest.MAX_AMOUNT
                        + " " + u.english() + ", not " + amount);
            }
            return new Period(amount, u);
        }
    }

    /**
     * The key that lets a period be configured longer than the law's: the law sets the longest time an act may
     * take, so a court may shorten a period but lengthens it only deliberately, with {@code allowLonger = true} in
     * the same configuration (法〔2021〕322号 Art. 8: the time limits of each node are hard limits).
     */
    public static final String ALLOW_LONGER = "allowLonger";

    /** The period of keys {@code <prefix>.amount} and {@code <prefix>.unit}, each checked on its own. */
    protected static Period period(ConfigReader r, String prefix) {
        int amount = r.integer(prefix + ".amount", 1, DeadlineRequest.MAX_AMOUNT, "");
        String unit = r.choice(prefix + ".unit", UNITS);
        Period statutory = new Period(Integer.parseInt(r.defaultEntries(prefix + ".amount").get(0).strip()),
                PeriodUnit.parse(r.defaultEntries(prefix + ".unit").get(0).strip()));
        Period p = bounded(r, prefix + ".amount", new Period(amount, PeriodUnit.parse(unit)), statutory);
        if (p == statutory) {
            r.effective(prefix + ".unit", statutory.unit().name());
        }
        return p;
    }

    /**
     * A period the law leaves to the court (its default is a placeholder, not a statutory limit): keys
     * {@code <prefix>.amount} and {@code <prefix>.unit}, without the bound of {@link #bounded}.
     */
    protected static Period localPeriod(ConfigReader r, String prefix) {
        int amount = r.integer(prefix + ".amount", 1, DeadlineRequest.MAX_AMOUNT, "");
        return new Period(amount, PeriodUnit.parse(r.choice(prefix + ".unit", UNITS)));
    }

    /** A period of fixed unit whose amount is key {@code key}. */
    protected static Period period(ConfigReader r, String key, PeriodUnit unit) {
        Period statutory = new Period(Integer.parseInt(r.defaultEntries(key).get(0).strip()), unit);
        return bounded(r, key, new Period(r.integer(key, 1, DeadlineRequest.MAX_AMOUNT, ""), unit), statutory);
    }

    /**
     * {@code configured}, or the statutory period when {@code configured} is longer and {@link #ALLOW_LONGER} is not
     * set (refused at ERROR naming the PID and key, DEGRADED in health). Periods of different units are compared by
     * their approximate length: a working day 1.4 days (7 per 5), a month 30 days.
     */
    static Period bounded(ConfigReader r, String key, Period configured, Period statutory) {
        boolean allowLonger = r.bool(ALLOW_LONGER, false);
        if (allowLonger || hours(configured) <= hours(statutory)) {
            return configured;
        }
        r.check(key, configured.amount(), "sets " + configured.amount() + " " + configured.unit().english()
                + ", longer than the statutory " + statutory.amount() + " " + statutory.unit().english()
                + "; a court may shorten a statutory period, and lengthens it only with " + ALLOW_LONGER
                + " = true in the same configuration", statutory.amount());
        return statutory;
    }

    private static double hours(Period p) {
        return p.amount() * switch (p.unit()) {
            case H -> 1.0;
            case D -> 24.0;
            case WD -> 24.0 * 7 / 5;
            case M -> 24.0 * 30;
        };
    }

    /**
     * Opens {@code key} with a configured period, counted from the entry's event (see
     * {@link DeadlineRules#open(String, LedgerEntry, int, PeriodUnit, boolean)}).
     */
    protected static DeadlineAction.Open open(String key, LedgerEntry trigger, Period period, boolean stops) {
        return DeadlineRules.open(key, trigger, period.amount(), period.unit(), stops);
    }
}
