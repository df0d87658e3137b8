package org.jiandu.calendar.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DayKind;

/**
 * The days one State Council notice (国务院办公厅关于部分节假日安排的通知) lists for one year, checked for
 * consistency, with its {@link CalendarVersion}.
 *
 * <p>A notice for year Y lists days of Y and, for a New Year (元旦) block that starts in the old year, days of
 * December of Y−1 (the 2023 notice made 2022-12-31 a holiday).
 */
record NoticeYear(int year, List<HolidayEntry> entries, CalendarVersion version) {

    /** The statutory festivals (《全国年节及纪念日放假办法》) every year's notice arranges, by the stem of their name. */
    static final List<String> FESTIVAL_STEMS = List.of("元旦", "春节", "清明", "劳动", "端午", "中秋", "国庆");

    /**
     * Checks the entries and computes the version.
     *
     * @param notice the notice's name (e.g. {@code 国办发明电〔2026〕7号}) or {@code bundled}
     * @param source {@code bundled} or {@code config:<pid>}
     * @throws ValidationException {@code INVALID_CALENDAR_DATA} listing every problem found
     */
    static NoticeYear of(int year, String notice, String source, List<HolidayEntry> entries) {
        List<String> problems = new ArrayList<>();
        if (year < CalendarSnapshot.FIRST_DAY.getYear() || year > CalendarSnapshot.LAST_DAY.getYear()) {
            throw new ValidationException("INVALID_CALENDAR_DATA", "year", "Year " + year
                    + " is outside the range the calendar supports (" + CalendarSnapshot.FIRST_DAY.getYear() + "–"
                    + CalendarSnapshot.LAST_DAY.getYear() + ")");
        }
        if (notice == null || notice.isBlank()) {
            problems.add("version: the notice's name or number is required (e.g. 国办发明电〔2026〕7号)");
        }
        LocalDate first = LocalDate.of(year - 1, 12, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Set<LocalDate> seen = new HashSet<>();
        Set<String> holidayNames = new HashSet<>();
        for (HolidayEntry e : entries) {
            if (!seen.add(e.date())) {
                problems.add(e.date() + " is listed more than once");
            }
            if (e.date().isBefore(first) || e.date().isAfter(last)) {
                problems.add(e.date() + " (" + e.name() + ") lies outside the notice's year " + year
                        + " (only a New Year block may start in December " + (year - 1) + ")");
            }
            if (e.date().isBefore(CalendarSnapshot.FIRST_DAY)) {
                problems.add(e.date() + " is before the first day the calendar supports, "
                        + CalendarSnapshot.FIRST_DAY);
            }
            if (e.name() == null || e.name().isBlank()) {
                problems.add(e.date() + " has no holiday name");
            }
            if (e.kind() == DayKind.HOLIDAY && e.name() != null) {
                holidayNames.add(e.name());
            }
        }
        for (HolidayEntry e : entries) {
            if (e.kind() != DayKind.MAKE_UP_WORKDAY) {
                continue;
            }
            DayOfWeek dow = e.date().getDayOfWeek();
            if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                problems.add(e.date() + " is listed as a make-up workday (调休上班) but is a " + CalendarText.dayName(dow)
                        + ", already a working day: a make-up workday is a Saturday or Sunday");
            }
            if (e.name() != null && !holidayNames.contains(e.name())) {
                problems.add(e.date() + " is a make-up workday for \"" + e.name()
                        + "\", but no holiday of that name is listed in " + year);
            }
        }
        if (!entries.isEmpty()) {
            for (String stem : FESTIVAL_STEMS) {
                if (holidayNames.stream().noneMatch(n -> n.contains(stem))) {
                    problems.add("no holiday named with " + stem + " is listed for " + year
                            + ": every notice arranges 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节 and 国庆节 (incomplete copy?)");
                }
            }
        } else {
            problems.add("no holiday is listed for " + year);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("INVALID_CALENDAR_DATA", null,
                    "Calendar data for " + year + " from " + source + " is inconsistent: " + String.join("; ", problems));
        }
        List<HolidayEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(HolidayEntry::date));
        return new NoticeYear(year, List.copyOf(sorted), new CalendarVersion(year, notice.strip(), digest(sorted), source));
    }

    /** The entries by date. */
    Map<LocalDate, HolidayEntry> byDate() {
        Map<LocalDate, HolidayEntry> m = new HashMap<>();
        for (HolidayEntry e : entries) {
            m.put(e.date(), e);
        }
        return m;
    }

    private static String digest(List<HolidayEntry> sorted) {
        StringBuilder sb = new StringBuilder();
        for (HolidayEntry e : sorted) {
            sb.append(e.canonical()).append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
