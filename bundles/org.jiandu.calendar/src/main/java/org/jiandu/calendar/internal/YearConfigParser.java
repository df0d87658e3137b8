package org.jiandu.calendar.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.DayKind;

/**
 * Reads one year's notice from the properties of a {@code org.jiandu.calendar.year} factory configuration (see
 * CALENDAR.md):
 *
 * <pre>
 * year = 2027
 * version = 国办发明电〔2026〕N号
 * holidays = 2027-01-01/2027-01-03 元旦, 2027-02-06/2027-02-13 春节, …
 * workdays = 2027-02-14 春节, …
 * </pre>
 *
 * Lists may be one string (entries separated by commas, semicolons or new lines) or a string array.
 */
final class YearConfigParser {
    static final String YEAR = "year";
    static final String VERSION = "version";
    static final String HOLIDAYS = "holidays";
    static final String WORKDAYS = "workdays";

    private YearConfigParser() {
    }

    /**
     * A parsed year.
     *
     * @param notice   the notice
     * @param warnings things accepted but worth a log line
     */
    record Parsed(NoticeYear notice, List<String> warnings) {
    }

    /**
     * @param source {@code config:<pid>}, for messages and the version
     * @throws ValidationException {@code INVALID_CALENDAR_DATA} naming the property at fault
     */
    static Parsed parse(Map<String, ?> props, String source) {
        List<String> warnings = new ArrayList<>();
        int year = year(props.get(YEAR));
        String version = text(props.get(VERSION), warnings, VERSION);
        if (version == null || version.isBlank()) {
            throw invalid(VERSION, "the notice's name or number is required, e.g. version = 国办发明电〔"
                    + (year - 1) + "〕7号");
        }
        List<HolidayEntry> entries = new ArrayList<>();
        List<String> holidays = items(props.get(HOLIDAYS), warnings, HOLIDAYS);
        if (holidays.isEmpty()) {
            throw invalid(HOLIDAYS, "at least one holiday is required, e.g. holidays = " + year + "-01-01 元旦");
        }
        for (String item : holidays) {
            entries.addAll(entries(item, DayKind.HOLIDAY, HOLIDAYS));
        }
        for (String item : items(props.get(WORKDAYS), warnings, WORKDAYS)) {
            entries.addAll(entries(item, DayKind.MAKE_UP_WORKDAY, WORKDAYS));
        }
        return new Parsed(NoticeYear.of(year, version, source, entries), List.copyOf(warnings));
    }

    private static int year(Object v) {
        if (v == null) {
            throw invalid(YEAR, "the year the notice arranges is required, e.g. year = 2027");
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw invalid(YEAR, "\"" + v + "\" is not a year, e.g. year = 2027");
        }
    }

    /** The entries of one list item: {@code START[/END] NAME}. */
    private static List<HolidayEntry> entries(String item, DayKind kind, String property) {
        int blank = -1;
        for (int i = 0; i < item.length(); i++) {
            if (Character.isWhitespace(item.charAt(i))) {
                blank = i;
                break;
            }
        }
        String example = kind == DayKind.HOLIDAY ? "2027-10-01/2027-10-07 国庆节" : "2027-09-26 国庆节";
        if (blank < 0) {
            throw invalid(property, "\"" + item + "\" has no holiday name; write e.g. " + example);
        }
        String range = item.substring(0, blank);
        String name = item.substring(blank).strip();
        if (name.chars().anyMatch(c -> Character.isDigit(c) || c == '/')) {
            // Two entries run together ("… 元旦 2027-02-05/…") would otherwise pass as one oddly named holiday.
            throw invalid(property, "the holiday name \"" + name + "\" in \"" + item
                    + "\" contains a date; separate entries with commas");
        }
        int slash = range.indexOf('/');
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(slash < 0 ? range : range.substring(0, slash));
            end = slash < 0 ? start : LocalDate.parse(range.substring(slash + 1));
        } catch (DateTimeParseException e) {
            throw invalid(property, "\"" + range + "\" in \"" + item + "\" is not an ISO date or START/END range; write e.g. "
                    + example);
        }
        if (end.isBefore(start)) {
            throw invalid(property, "\"" + item + "\" ends before it starts");
        }
        if (end.toEpochDay() - start.toEpochDay() > 31) {
            throw invalid(property, "\"" + item + "\" spans more than a month; no holiday block is that long");
        }
        List<HolidayEntry> out = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            out.add(new HolidayEntry(d, kind, name));
        }
        return out;
    }

    private static List<String> items(Object v, List<String> warnings, String property) {
        List<String> raw = new ArrayList<>();
        if (v == null) {
            return raw;
        } else if (v instanceof String[] a) {
            raw.addAll(List.of(a));
        } else if (v instanceof Collection<?> c) {
            c.forEach(o -> raw.add(String.valueOf(o)));
        } else {
            raw.add(v.toString());
        }
        List<String> out = new ArrayList<>();
        for (String r : raw) {
            // Full-width separators too: a Chinese input method types ，and ；.
            for (String part : r.split("[,;\\n\\r，；]")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    out.add(text(p, warnings, property));
                }
            }
        }
        return out;
    }

    private static String text(Object v, List<String> warnings, String property) {
        if (v == null) {
            return null;
        }
        String s = v.toString();
        String repaired = repairLatin1(s);
        if (!repaired.equals(s)) {
            warnings.add(property + ": \"" + s + "\" was UTF-8 read as ISO-8859-1 and is taken as \"" + repaired
                    + "\"; set felix.fileinstall.configEncoding=UTF-8 or write \\uXXXX escapes");
        }
        return repaired;
    }

    /**
     * Karaf's file install reads {@code etc/*.cfg} as ISO-8859-1 unless {@code felix.fileinstall.configEncoding}
     * says otherwise, so a UTF-8 file's Chinese names arrive as mojibake (元旦 → "å\u0085\u0083æ\u0097¦"). A string
     * made only of ISO-8859-1 characters, some non-ASCII, whose bytes are valid UTF-8, is such a misreading and is
     * decoded again; any other string is returned unchanged.
     */
    static String repairLatin1(String s) {
        boolean nonAscii = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            nonAscii |= c > 0x7F;
        }
        if (!nonAscii) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            // Genuine ISO-8859-1 text (e.g. an accented Latin name), not a misreading: keep it as given.
            return s;
        }
    }

    private static ValidationException invalid(String property, String message) {
        return new ValidationException("INVALID_CALENDAR_DATA", property, property + ": " + message);
    }
}
