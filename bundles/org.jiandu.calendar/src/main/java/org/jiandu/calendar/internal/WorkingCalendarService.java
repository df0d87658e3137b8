package org.jiandu.calendar.internal;

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
@Component(service = WorkingCalendar.class, configurationPid = WorkingCalendarService.PID, immediate = true)
@Designate(ocd = CalendarConfiguration.class)
public final class WorkingCalendarService implements WorkingCalendar {
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

    @Activate
    public WorkingCalendarService(CalendarConfiguration config) {
        HolidayCsv.Parsed table = HolidayCsv.bundled();
        this.bundled = table.notices();
        LOG.info("Calendar: bundled {} holds {} years ({}–{}){}", HolidayCsv.RESOURCE, bundled.size(),
                bundled.get(0).year(), bundled.get(bundled.size() - 1).year(),
                table.duplicateRows() == 0 ? "" : "; " + table.duplicateRows() + " identical reprinted rows taken once");
        synchronized (this) {
            this.fallback = config.fallback_weekendsOnly();
            rebuild();
        }
    }

    @Modified
    synchronized void modified(CalendarConfiguration config) {
        this.fallback = config.fallback_weekendsOnly();
        rebuild();
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
