package org.jiandu.calendar.internal;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.PeriodUnit;

/** Test fixtures: calendars built the way the service builds them, and short-hands. */
final class Calendars {
    private Calendars() {
    }

    private static final List<NoticeYear> BUNDLED = HolidayCsv.bundled().notices();

    static CalendarSnapshot bundled() {
        return new CalendarSnapshot(BUNDLED, false, List.of());
    }

    static CalendarSnapshot bundledWithFallback() {
        return new CalendarSnapshot(BUNDLED, true, List.of());
    }

    static List<NoticeYear> bundledNotices() {
        return BUNDLED;
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static DeadlineRequest wd(String from, int n, DeductedInterval... deducted) {
        return DeadlineRequest.ofDate(d(from), n, PeriodUnit.WD, List.of(deducted));
    }

    static DeadlineRequest days(String from, int n, DeductedInterval... deducted) {
        return DeadlineRequest.ofDate(d(from), n, PeriodUnit.D, List.of(deducted));
    }

    static DeadlineRequest months(String from, int n, DeductedInterval... deducted) {
        return DeadlineRequest.ofDate(d(from), n, PeriodUnit.M, List.of(deducted));
    }

    static DeductedInterval deduct(String start, String end, String reason) {
        return new DeductedInterval(d(start), d(end), reason);
    }

    /** Configuration PID {@code org.jiandu.calendar} as DS would hand it over. */
    static CalendarConfiguration config(boolean fallback) {
        return new CalendarConfiguration() {
            @Override
            public boolean fallback_weekendsOnly() {
                return fallback;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CalendarConfiguration.class;
            }
        };
    }

    /**
     * Properties of an {@code org.jiandu.calendar.year} configuration for a plausible 2027 notice (not the real
     * one, which is not published yet): the shape a court would drop into etc/.
     */
    static Map<String, Object> year2027(String pid) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("service.pid", pid);
        p.put("service.factoryPid", "org.jiandu.calendar.year");
        p.put("felix.fileinstall.filename", "file:/opt/karaf/etc/org.jiandu.calendar.year-2027.cfg");
        p.put("year", "2027");
        p.put("version", "国办发明电〔2026〕99号 (test)");
        p.put("holidays", "2027-01-01/2027-01-03 元旦, 2027-02-05/2027-02-13 春节, 2027-04-03/2027-04-05 清明节,"
                + " 2027-05-01/2027-05-05 劳动节, 2027-06-09/2027-06-11 端午节, 2027-09-15/2027-09-17 中秋节,"
                + " 2027-10-01/2027-10-07 国庆节");
        p.put("workdays", "2027-02-14 春节, 2027-04-25 劳动节, 2027-09-26 国庆节, 2027-10-09 国庆节");
        return p;
    }

    /** A working copy of a property map, to break one property. */
    static Map<String, Object> with(Map<String, Object> p, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(p);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }

    /** Every day from {@code a} to {@code b} inclusive. */
    static List<LocalDate> daysFrom(LocalDate a, LocalDate b) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate x = a; !x.isAfter(b); x = x.plusDays(1)) {
            out.add(x);
        }
        return out;
    }
}
