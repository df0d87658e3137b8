package org.jiandu.calendar.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.DayKind;

/**
 * Reads the holiday table shipped in the bundle ({@code cn-public-holidays.csv}: {@code date,kind,name} with kind
 * {@code holiday} or {@code workday}).
 *
 * <p>The table may hold several transcriptions (reprints) of the same notice. Rows that agree are taken once;
 * rows that disagree about a day (kind or name) make the whole table refused, naming every line involved, since
 * no one can tell which reprint is right. Rows are grouped by the notice that lists them: the calendar year of
 * the date, except that a New Year (元旦) row dated in December belongs to the next year's notice (2022-12-31 was
 * arranged by the 2023 notice). Each group is then checked as a whole ({@link NoticeYear#of}).
 */
final class HolidayCsv {
    static final String RESOURCE = "cn-public-holidays.csv";
    static final String SOURCE = "bundled";

    private HolidayCsv() {
    }

    /** The table shipped inside the bundle. */
    static Parsed bundled() {
        try (InputStream in = HolidayCsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundle lacks its holiday table " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled holiday table " + RESOURCE, e);
        }
    }

    /**
     * The notices of a table and how many duplicate rows were folded.
     *
     * @param notices        one per year, ascending
     * @param duplicateRows  rows identical to an earlier row (reprints), taken once
     */
    record Parsed(List<NoticeYear> notices, int duplicateRows) {
    }

    /**
     * Parses and checks a table.
     *
     * @param name names the table in messages
     * @throws ValidationException {@code INVALID_CALENDAR_DATA} listing every problem with its line number
     */
    static Parsed parse(Reader reader, String name) {
        List<String> problems = new ArrayList<>();
        Map<LocalDate, Row> byDate = new LinkedHashMap<>();
        int duplicates = 0;
        try (BufferedReader in = new BufferedReader(reader)) {
            String line;
            int no = 0;
            boolean header = false;
            while ((line = in.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!t.replace(" ", "").equals("date,kind,name")) {
                        problems.add("line " + no + ": expected the header date,kind,name, found \"" + t + "\"");
                    }
                    header = true;
                    continue;
                }
                Row row = row(t, no, problems);
                if (row == null) {
                    continue;
                }
                Row earlier = byDate.get(row.entry.date());
                if (earlier == null) {
                    byDate.put(row.entry.date(), row);
                } else if (earlier.entry.equals(row.entry)) {
                    duplicates++;
                } else {
                    problems.add("line " + no + " (" + row.entry.canonical() + ") contradicts line " + earlier.line
                            + " (" + earlier.entry.canonical() + ")");
                }
            }
            if (!header) {
                problems.add("the table is empty");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the holiday table " + name, e);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("INVALID_CALENDAR_DATA", null,
                    "Holiday table " + name + " refused: " + String.join("; ", problems));
        }
        Map<Integer, List<HolidayEntry>> byYear = new TreeMap<>();
        for (Row r : byDate.values()) {
            byYear.computeIfAbsent(noticeYear(r.entry), y -> new ArrayList<>()).add(r.entry);
        }
        List<NoticeYear> notices = new ArrayList<>();
        for (Map.Entry<Integer, List<HolidayEntry>> e : byYear.entrySet()) {
            try {
                notices.add(NoticeYear.of(e.getKey(), SOURCE, SOURCE, e.getValue()));
            } catch (ValidationException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("INVALID_CALENDAR_DATA", null,
                    "Holiday table " + name + " refused: " + String.join("; ", problems));
        }
        return new Parsed(List.copyOf(notices), duplicates);
    }

    /** The year of the notice that lists the entry. */
    static int noticeYear(HolidayEntry e) {
        boolean newYearBlockInDecember = e.date().getMonthValue() == 12 && e.name().contains("元旦");
        return e.date().getYear() + (newYearBlockInDecember ? 1 : 0);
    }

    private static Row row(String line, int no, List<String> problems) {
        String[] f = line.split(",", -1);
        if (f.length != 3) {
            problems.add("line " + no + ": expected 3 fields date,kind,name, found " + f.length + " in \"" + line + "\"");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(f[0].strip());
        } catch (DateTimeParseException e) {
            problems.add("line " + no + ": \"" + f[0] + "\" is not an ISO date (yyyy-mm-dd)");
            return null;
        }
        DayKind kind;
        switch (f[1].strip()) {
            case "holiday" -> kind = DayKind.HOLIDAY;
            case "workday" -> kind = DayKind.MAKE_UP_WORKDAY;
            default -> {
                problems.add("line " + no + ": kind \"" + f[1] + "\" is neither holiday nor workday");
                return null;
            }
        }
        String name = f[2].strip();
        if (name.isEmpty()) {
            problems.add("line " + no + ": the holiday name is empty");
            return null;
        }
        return new Row(new HolidayEntry(date, kind, name), no);
    }

    private record Row(HolidayEntry entry, int line) {
    }
}
