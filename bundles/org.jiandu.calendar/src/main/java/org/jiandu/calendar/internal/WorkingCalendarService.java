package org.jiandu.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.calendar.CalendarCoverage;
import org.jiandu.api.calendar.CalendarCoverage.Rejection;
import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeadlineResult;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.config.ConfigReader;
import org.jiandu.api.config.ConfigReport;
import org.jiandu.api.health.ComponentHealth;
import org.jiandu.api.health.HealthIndicator;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link WorkingCalendar} service: the bundled State Council notices (2021–2026), overridden and extended by
 * {@code org.jiandu.calendar.year} configurations, as one immutable {@link CalendarSnapshot} that is rebuilt and
 * swapped in whole whenever a configuration appears, changes or goes. Readers only read a volatile field, so they
 * never block and never see half an update.
 *
 * <p>A broken bundled table stops activation (the service does not appear, the log says why). A broken
 * configuration is refused on its own: logged at ERROR, listed by {@link #coverage()} and named in the
 * {@code CALENDAR_NOT_COVERED} message of the year it would have supplied; the other data stays in use.
 */
@Component(service = {WorkingCalendar.class, HealthIndicator.class}, configurationPid = WorkingCalendarService.PID,
        immediate = true)
@Designate(ocd = CalendarConfiguration.class)
public final class WorkingCalendarService implements WorkingCalendar, HealthIndicator {
    public static final String PID = "org.jiandu.calendar";
    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendarService.class);

    private final List<NoticeYear> bundled;
    /** Guarded by {@code this}; keyed by service instance. */
    private final Map<CalendarYearConfiguration, Map<String, Object>> configured = new LinkedHashMap<>();
    /** Guarded by {@code this}. */
    private boolean fallback;
    /** Guarded by {@code this}: messages already logged, so that each refusal is logged once. */
    private final Set<String> logged = new HashSet<>();
    private volatile CalendarSnapshot snapshot;
    private volatile ConfigReport configReport = ConfigReport.empty(PID);
    /** Jiandu's clock (shifted in rehearsals), for "today" in health; the system clock until it is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(jiandu.clock=true)")
    private volatile Clock clock;

    @Activate
    public WorkingCalendarService(Map<String, Object> properties) {
        HolidayCsv.Parsed table = HolidayCsv.bundled();
        this.bundled = table.notices();
        LOG.info("Calendar: bundled {} holds {} years ({}–{}){}", HolidayCsv.RESOURCE, bundled.size(),
                bundled.get(0).year(), bundled.get(bundled.size() - 1).year(),
                table.duplicateRows() == 0 ? "" : "; " + table.duplicateRows() + " identical reprinted rows taken once");
        synchronized (this) {
            configure(properties);
        }
    }

    /**
     * With a typed configuration (tests). A factory, not a constructor: Declarative Services chooses among the public
     * one-argument constructors, and would call this one with a proxy whose unset values are 0 and empty.
     */
    public static WorkingCalendarService of(CalendarConfiguration config) {
        return new WorkingCalendarService(ConfigReader.propertiesOf(config));
    }

    @Modified
    synchronized void reconfigure(Map<String, Object> properties) {
        configure(properties);
    }

    /** With a typed configuration (tests). */
    void modified(CalendarConfiguration config) {
        reconfigure(ConfigReader.propertiesOf(config));
    }

    /** Called with {@code this} locked. */
    private void configure(Map<String, Object> properties) {
        ConfigReader r = ConfigReader.of(PID, properties, CalendarConfiguration.class);
        this.fallback = r.bool("fallback.weekendsOnly");
        ConfigReport report = r.report();
        for (String problem : report.messages()) {
            LOG.error("{}", problem);
        }
        configReport = report;
        rebuild();
    }

    /**
     * The calendar's health: DEGRADED while this year or the next is not covered by a State Council notice
     * (deadlines reaching into it stay uncomputed, or provisional with the weekends-only fallback), while a year
     * configuration is refused, or when a value of {@value #PID} was replaced by its default.
     */
    @Override
    public List<ComponentHealth> health() {
        Clock c = clock;
        int today = LocalDate.now(c == null ? Clock.system(java.time.ZoneId.of("Asia/Shanghai")) : c).getYear();
        CalendarCoverage coverage = snapshot.coverage();
        Set<Integer> covered = new HashSet<>();
        for (var v : coverage.years()) {
            covered.add(v.year());
        }
        List<String> reasons = new ArrayList<>();
        for (int year : List.of(today, today + 1)) {
            if (!covered.contains(year)) {
                reasons.add("Calendar year " + year + " is not covered by a State Council holiday notice: deadlines"
                        + " reaching into it are " + (coverage.fallbackWeekendsOnly() ? "provisional (weekends only)"
                                : "not computed (NO_CALENDAR)") + "; load it as etc/" + CalendarYearConfiguration.FACTORY_PID
                        + "-" + year + ".cfg");
            }
        }
        for (Rejection rej : coverage.rejected()) {
            reasons.add("Calendar year configuration " + rej.source() + " refused: " + rej.message());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("years", new ArrayList<>(new java.util.TreeSet<>(covered)));
        details.put("fallbackWeekendsOnly", coverage.fallbackWeekendsOnly());
        details.put("rejected", coverage.rejected().size());
        return List.of(configReport.health("jiandu.calendar", reasons, details));
    }

    @Reference(service = CalendarYearConfiguration.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedYear", unbind = "removeYear")
    synchronized void addYear(CalendarYearConfiguration year, Map<String, Object> properties) {
        configured.put(year, Map.copyOf(properties));
        rebuild();
    }

    synchronized void updatedYear(CalendarYearConfiguration year, Map<String, Object> properties) {
        configured.put(year, Map.copyOf(properties));
        rebuild();
    }

    synchronized void removeYear(CalendarYearConfiguration year) {
        if (configured.remove(year) != null) {
            rebuild();
        }
    }

    /** Called with {@code this} locked. */
    private void rebuild() {
        List<CalendarAssembler.Configured> list = new ArrayList<>();
        for (Map<String, Object> p : configured.values()) {
            Object pid = p.getOrDefault(Constants.SERVICE_PID, "component " + p.get("component.id"));
            list.add(new CalendarAssembler.Configured(String.valueOf(pid), p));
        }
        CalendarAssembler.Result r = CalendarAssembler.assemble(bundled, list, fallback);
        snapshot = r.snapshot();
        Set<String> now = new HashSet<>();
        for (String note : r.overrides()) {
            if (now.add(note) && !logged.contains(note)) {
                LOG.info("Calendar: {}", note);
            }
        }
        for (String note : r.warnings()) {
            if (now.add(note) && !logged.contains(note)) {
                LOG.warn("Calendar: {}", note);
            }
        }
        for (Rejection rej : r.snapshot().coverage().rejected()) {
            if (now.add(rej.message()) && !logged.contains(rej.message())) {
                LOG.error("Calendar: {}", rej.message());
            }
        }
        logged.retainAll(now);
        logged.addAll(now);
        LOG.info("Calendar: {}", r.snapshot());
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return snapshot.isWorkingDay(date);
    }

    @Override
    public DayInfo describe(LocalDate date) {
        return snapshot.describe(date);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        return snapshot.plusWorkingDays(date, n);
    }

    @Override
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return snapshot.workingDaysBetween(fromExclusive, toInclusive);
    }

    @Override
    public DeadlineResult deadline(DeadlineRequest request) {
        return snapshot.deadline(request);
    }

    @Override
    public CalendarCoverage coverage() {
        return snapshot.coverage();
    }
}
