package org.jiandu.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.CalendarCoverage.Rejection;

/**
 * Combines the bundled notices with the configured ones into a {@link CalendarSnapshot}.
 *
 * <p>A configured year replaces the bundled data of that year (a corrected or newly published notice). A
 * configuration is refused, and the rest goes on without it, when it cannot be read, is inconsistent in itself
 * ({@link NoticeYear#of}), shares its year with another configuration (which of the two is meant cannot be told),
 * or contradicts a neighbouring year about a day both list (a New Year block that starts in December).
 */
final class CalendarAssembler {
    private CalendarAssembler() {
    }

    /** One {@code org.jiandu.calendar.year} configuration: its PID and properties. */
    record Configured(String pid, Map<String, ?> properties) {
        String source() {
            return "config:" + pid;
        }

        String where() {
            Object file = properties.get("felix.fileinstall.filename");
            return "configuration " + pid + (file == null ? "" : " (" + file + ")");
        }
    }

    /**
     * The snapshot, and what to log about it besides the refusals it lists.
     *
     * @param overrides configured years that replace bundled ones, one line each
     * @param warnings  things accepted but worth fixing (names that arrived in the wrong encoding)
     */
    record Result(CalendarSnapshot snapshot, List<String> overrides, List<String> warnings) {
    }

    static Result assemble(List<NoticeYear> bundled, Collection<Configured> configured, boolean fallback) {
        List<Rejection> rejected = new ArrayList<>();
        List<String> overrides = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TreeMap<Integer, List<Parsed>> byYear = new TreeMap<>();
        List<Configured> ordered = new ArrayList<>(configured);
        ordered.sort(Comparator.comparing(Configured::pid));
        for (Configured c : ordered) {
            try {
                YearConfigParser.Parsed p = YearConfigParser.parse(c.properties(), c.source());
                p.warnings().forEach(w -> warnings.add(c.where() + ": " + w));
                byYear.computeIfAbsent(p.notice().year(), y -> new ArrayList<>()).add(new Parsed(c, p.notice()));
            } catch (ValidationException e) {
                rejected.add(new Rejection(c.source(), yearOf(c), c.where() + " refused: " + e.getMessage()));
            }
        }
        TreeMap<Integer, NoticeYear> accepted = new TreeMap<>();
        bundled.forEach(n -> accepted.put(n.year(), n));
        for (Map.Entry<Integer, List<Parsed>> e : byYear.entrySet()) {
            int year = e.getKey();
            if (e.getValue().size() > 1) {
                String all = e.getValue().stream().map(p -> p.configured().where()).collect(Collectors.joining(", "));
                for (Parsed p : e.getValue()) {
                    rejected.add(new Rejection(p.configured().source(), year, p.configured().where()
                            + " refused: " + e.getValue().size() + " configurations define year " + year + " (" + all
                            + "); keep one"));
                }
                continue;
            }
            Parsed p = e.getValue().get(0);
            List<String> conflicts = new ArrayList<>();
            for (int neighbour : new int[] {year - 1, year + 1}) {
                NoticeYear other = accepted.get(neighbour);
                if (other != null) {
                    conflicts.addAll(conflicts(p.notice(), other));
                }
            }
            if (!conflicts.isEmpty()) {
                rejected.add(new Rejection(p.configured().source(), year, p.configured().where() + " refused: "
                        + String.join("; ", conflicts)));
                continue;
            }
            NoticeYear replaced = accepted.put(year, p.notice());
            if (replaced != null) {
                overrides.add(p.configured().where() + " replaces the " + replaced.version().source() + " data for " + year
                        + " (" + replaced.version().id() + " → " + p.notice().version().id() + ")");
            }
        }
        return new Result(new CalendarSnapshot(new ArrayList<>(accepted.values()), fallback, rejected),
                List.copyOf(overrides), List.copyOf(warnings));
    }

    /** Days listed by both notices, differently. */
    private static List<String> conflicts(NoticeYear a, NoticeYear b) {
        List<String> out = new ArrayList<>();
        Map<LocalDate, HolidayEntry> other = b.byDate();
        for (HolidayEntry e : a.entries()) {
            HolidayEntry o = other.get(e.date());
            if (o != null && !o.equals(e)) {
                out.add(e.date() + " is listed as " + e.canonical() + " but the " + b.year() + " data ("
                        + b.version().id() + ") lists it as " + o.canonical());
            }
        }
        return out;
    }

    private static Integer yearOf(Configured c) {
        Object y = c.properties().get(YearConfigParser.YEAR);
        if (y == null) {
            return null;
        }
        try {
            return Integer.valueOf(y.toString().strip());
        } catch (NumberFormatException e) {
            // Only labels a configuration that is being refused; its message already says the year is unreadable.
            return null;
        }
    }

    private record Parsed(Configured configured, NoticeYear notice) {
    }
}
