package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.jiandu.calendar.internal.Calendars.with;
import static org.jiandu.calendar.internal.Calendars.year2027;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.jiandu.api.calendar.CalendarCoverage;
import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.CalendarVersion;
import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DayKind;
import org.jiandu.api.calendar.DeadlineResult;
import org.junit.jupiter.api.Test;

/**
 * The service with {@code org.jiandu.calendar.year} configurations coming, changing and going, as Declarative
 * Services delivers them when a file appears in, changes in or leaves Karaf's etc/.
 */
class YearConfigurationTest {
    private final WorkingCalendarService service = WorkingCalendarService.of(Calendars.config(false));

    private CalendarCoverage.Rejection onlyRejection() {
        List<CalendarCoverage.Rejection> rejected = service.coverage().rejected();
        assertEquals(1, rejected.size(), rejected.toString());
        return rejected.get(0);
    }

    @Test
    void configured2027IsPickedUpWithoutRestart() {
        assertThrows(CalendarNotCoveredException.class, () -> service.isWorkingDay(d("2027-02-08")));
        service.addYear(new CalendarYearConfiguration(), year2027("org.jiandu.calendar.year~2027"));
        assertFalse(service.isWorkingDay(d("2027-02-08")), "Spring Festival 2027 as configured");
        assertTrue(service.isWorkingDay(d("2027-02-14")), "configured Sunday make-up day");
        DayInfo info = service.describe(d("2027-10-09"));
        assertEquals(DayKind.MAKE_UP_WORKDAY, info.kind());
        assertEquals("国庆节", info.holiday());
        assertEquals("国办发明电〔2026〕99号 (test)", info.calendarVersion().notice());
        assertEquals("config:org.jiandu.calendar.year~2027", info.calendarVersion().source());
        assertEquals(List.of(), service.coverage().rejected());
    }

    @Test
    void deadlineAcrossTheNewYearUsesBothYearsAndRecordsBothVersions() {
        service.addYear(new CalendarYearConfiguration(), year2027("org.jiandu.calendar.year~2027"));
        DeadlineResult r = service.deadline(Calendars.wd("2026-12-25", 10));
        // 12-28..12-31 (4), 2027-01-01..03 off, 01-04..01-08 (5), 01-11 (10th).
        assertEquals(d("2027-01-11"), r.due());
        assertFalse(r.provisional());
        assertEquals(List.of(2026, 2027), r.calendarVersions().stream().map(CalendarVersion::year).toList());
    }

    @Test
    void changedConfigurationReplacesTheYearInPlace() {
        CalendarYearConfiguration svc = new CalendarYearConfiguration();
        service.addYear(svc, year2027("pid-a"));
        assertFalse(service.isWorkingDay(d("2027-06-09")));
        service.updatedYear(svc, with(year2027("pid-a"), "holidays", "2027-01-01/2027-01-03 元旦,"
                + " 2027-02-05/2027-02-13 春节, 2027-04-03/2027-04-05 清明节, 2027-05-01/2027-05-05 劳动节,"
                + " 2027-06-10/2027-06-12 端午节, 2027-09-15/2027-09-17 中秋节, 2027-10-01/2027-10-07 国庆节"));
        assertTrue(service.isWorkingDay(d("2027-06-09")), "端午 moved by the corrected notice");
        assertFalse(service.isWorkingDay(d("2027-06-10")));
    }

    @Test
    void removedConfigurationUncoversTheYearAgain() {
        CalendarYearConfiguration svc = new CalendarYearConfiguration();
        service.addYear(svc, year2027("pid-a"));
        service.removeYear(svc);
        assertThrows(CalendarNotCoveredException.class, () -> service.isWorkingDay(d("2027-02-08")));
    }

    @Test
    void configuredYearOverridesTheBundledYearAndRemovingItRestoresTheBundledData() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("service.pid", "fix-2026");
        p.put("year", 2026);
        p.put("version", "国办发明电〔2025〕7号");
        p.put("holidays", new String[] {"2026-01-01/2026-01-03 元旦", "2026-02-15/2026-02-23 春节",
            "2026-04-04/2026-04-06 清明节", "2026-05-01/2026-05-05 劳动节", "2026-06-19/2026-06-21 端午节",
            "2026-09-25/2026-09-27 中秋节", "2026-10-01/2026-10-08 国庆节"});
        p.put("workdays", new String[] {"2026-01-04 元旦", "2026-02-14 春节", "2026-02-28 春节", "2026-05-09 劳动节",
            "2026-09-20 国庆节", "2026-10-10 国庆节"});
        CalendarYearConfiguration svc = new CalendarYearConfiguration();
        assertTrue(service.isWorkingDay(d("2026-10-08")));
        service.addYear(svc, p);
        assertFalse(service.isWorkingDay(d("2026-10-08")), "the configured notice makes 10-08 a holiday");
        assertEquals("国办发明电〔2025〕7号", service.describe(d("2026-03-02")).calendarVersion().notice());
        service.removeYear(svc);
        assertTrue(service.isWorkingDay(d("2026-10-08")));
        assertEquals("bundled", service.describe(d("2026-03-02")).calendarVersion().notice());
    }

    @Test
    void makeUpDayOnAWeekdayIsRefusedWithAClearMessageAndTheYearStaysUncovered() {
        service.addYear(new CalendarYearConfiguration(),
                with(year2027("bad-2027"), "workdays", "2027-02-17 春节"));
        CalendarCoverage.Rejection r = onlyRejection();
        assertEquals(2027, r.year());
        assertTrue(r.message().contains("2027-02-17 is listed as a make-up workday"), r.message());
        assertTrue(r.message().contains("Wednesday"), r.message());
        assertTrue(r.message().contains("org.jiandu.calendar.year-2027.cfg"), r.message());
        CalendarNotCoveredException e = assertThrows(CalendarNotCoveredException.class,
                () -> service.isWorkingDay(d("2027-03-01")));
        assertTrue(e.getMessage().contains("was refused"), e.getMessage());
    }

    @Test
    void unreadableDateIsRefusedNamingThePropertyAndTheValue() {
        service.addYear(new CalendarYearConfiguration(),
                with(year2027("bad-2027"), "holidays", "2027-13-01/2027-13-03 元旦"));
        String m = onlyRejection().message();
        assertTrue(m.contains("holidays"), m);
        assertTrue(m.contains("2027-13-01/2027-13-03"), m);
    }

    @Test
    void holidayWithoutANameIsRefused() {
        service.addYear(new CalendarYearConfiguration(), with(year2027("bad-2027"), "holidays", "2027-01-01/2027-01-03"));
        assertTrue(onlyRejection().message().contains("has no holiday name"));
    }

    @Test
    void entriesRunTogetherWithoutASeparatorAreRefusedRatherThanReadAsOneOddName() {
        service.addYear(new CalendarYearConfiguration(), with(year2027("bad-2027"), "holidays",
                "2027-01-01/2027-01-03 元旦 2027-02-05/2027-02-13 春节"));
        assertTrue(onlyRejection().message().contains("contains a date; separate entries with commas"));
    }

    @Test
    void fullWidthCommasTypedByAChineseInputMethodSeparateEntries() {
        Map<String, Object> p = year2027("fullwidth");
        p.put("workdays", "2027-02-14 春节，2027-04-25 劳动节；2027-09-26 国庆节，2027-10-09 国庆节");
        service.addYear(new CalendarYearConfiguration(), p);
        assertEquals(List.of(), service.coverage().rejected());
        assertTrue(service.isWorkingDay(d("2027-04-25")));
    }

    @Test
    void missingVersionIsRefused() {
        service.addYear(new CalendarYearConfiguration(), with(year2027("bad-2027"), "version", null));
        assertTrue(onlyRejection().message().contains("version"));
    }

    @Test
    void missingYearIsRefused() {
        service.addYear(new CalendarYearConfiguration(), with(year2027("bad-2027"), "year", "twenty"));
        CalendarCoverage.Rejection r = onlyRejection();
        assertTrue(r.message().contains("\"twenty\" is not a year"), r.message());
        assertEquals(null, r.year());
    }

    @Test
    void holidayOutsideTheConfiguredYearIsRefused() {
        service.addYear(new CalendarYearConfiguration(),
                with(year2027("bad-2027"), "year", "2028"));
        assertTrue(onlyRejection().message().contains("lies outside the notice's year 2028"));
    }

    @Test
    void dayListedTwiceInOneConfigurationIsRefused() {
        service.addYear(new CalendarYearConfiguration(), with(year2027("bad-2027"), "workdays",
                "2027-02-14 春节, 2027-10-03 国庆节"));
        assertTrue(onlyRejection().message().contains("2027-10-03 is listed more than once"));
    }

    @Test
    void twoConfigurationsForTheSameYearAreBothRefused() {
        service.addYear(new CalendarYearConfiguration(), year2027("first"));
        service.addYear(new CalendarYearConfiguration(), year2027("second"));
        assertEquals(2, service.coverage().rejected().size());
        assertTrue(service.coverage().rejected().get(0).message().contains("2 configurations define year 2027"));
        assertThrows(CalendarNotCoveredException.class, () -> service.isWorkingDay(d("2027-03-01")));
    }

    @Test
    void configurationContradictingTheNeighbouringYearIsRefused() {
        // The bundled 2023 notice makes Saturday 2022-12-31 a holiday (元旦); a 2022 configuration calling it a
        // make-up workday contradicts it.
        NoticeYear y2022 = Calendars.bundledNotices().stream().filter(n -> n.year() == 2022).findFirst().orElseThrow();
        StringBuilder holidays = new StringBuilder();
        StringBuilder workdays = new StringBuilder("2022-12-31 元旦");
        for (HolidayEntry e : y2022.entries()) {
            StringBuilder sb = e.kind() == DayKind.HOLIDAY ? holidays : workdays;
            sb.append(sb.length() == 0 ? "" : ", ").append(e.date()).append(' ').append(e.name());
        }
        Map<String, Object> p = Map.of("service.pid", "fix-2022", "year", "2022", "version", "x",
                "holidays", holidays.toString(), "workdays", workdays.toString());
        service.addYear(new CalendarYearConfiguration(), p);
        String m = onlyRejection().message();
        assertTrue(m.contains("2022-12-31"), m);
        assertTrue(m.contains("2023 data"), m);
        assertEquals("bundled", service.describe(d("2022-06-06")).calendarVersion().notice(), "bundled 2022 kept");
    }

    @Test
    void refusedConfigurationLeavesTheOtherDataInUse() {
        service.addYear(new CalendarYearConfiguration(), with(year2027("bad-2027"), "workdays", "2027-02-17 春节"));
        assertEquals(d("2024-10-10"), service.plusWorkingDays(d("2024-09-27"), 5));
    }

    @Test
    void chineseNamesReadAsIso88591FromAUtf8FileAreRepaired() {
        String misread = new String("国庆节".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        Map<String, Object> p = year2027("latin1");
        p.put("workdays", "2027-02-14 春节, 2027-04-25 劳动节, 2027-09-26 " + misread + ", 2027-10-09 国庆节");
        service.addYear(new CalendarYearConfiguration(), p);
        assertEquals(List.of(), service.coverage().rejected());
        assertEquals("国庆节", service.describe(d("2027-09-26")).holiday());
    }

    /** The example .cfg of CALENDAR.md, read as Karaf's file install reads it (ISO-8859-1 by default, or UTF-8). */
    private static Map<String, Object> calendarMdExample(Charset encoding) throws Exception {
        String md = Files.readString(Path.of("CALENDAR.md"), StandardCharsets.UTF_8);
        int start = md.indexOf("```properties\n# etc/org.jiandu.calendar.year-2027.cfg");
        String block = md.substring(md.indexOf('\n', start) + 1, md.indexOf("```", start + 3));
        Properties props = new Properties();
        props.load(new InputStreamReader(new ByteArrayInputStream(block.getBytes(StandardCharsets.UTF_8)),
                encoding));
        Map<String, Object> p = new LinkedHashMap<>();
        props.forEach((k, v) -> p.put((String) k, v));
        p.put("service.pid", "org.jiandu.calendar.year~2027");
        return p;
    }

    @Test
    void exampleFileOfCalendarMdIsAcceptedAsWritten() throws Exception {
        service.addYear(new CalendarYearConfiguration(), calendarMdExample(StandardCharsets.UTF_8));
        assertEquals(List.of(), service.coverage().rejected());
        assertEquals("国办发明电〔2026〕N号", service.describe(d("2027-10-09")).calendarVersion().notice());
        assertEquals("国庆节", service.describe(d("2027-10-09")).holiday());
    }

    @Test
    void exampleFileOfCalendarMdReadAsIso88591ByDefaultStillGivesTheRightNames() throws Exception {
        service.addYear(new CalendarYearConfiguration(), calendarMdExample(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), service.coverage().rejected());
        assertEquals("春节", service.describe(d("2027-02-08")).holiday());
        assertEquals("国办发明电〔2026〕N号", service.describe(d("2027-02-08")).calendarVersion().notice());
    }

    @Test
    void genuineLatin1TextIsNotAlteredByTheRepair() {
        assertEquals("Fête nationale", YearConfigParser.repairLatin1("Fête nationale"));
        assertEquals("国庆节", YearConfigParser.repairLatin1("国庆节"));
    }

    @Test
    void fallbackSettingChangesWithoutLosingConfiguredYears() {
        service.addYear(new CalendarYearConfiguration(), year2027("pid-a"));
        service.modified(Calendars.config(true));
        assertTrue(service.coverage().fallbackWeekendsOnly());
        assertTrue(service.describe(d("2028-03-01")).provisional());
        assertFalse(service.describe(d("2027-03-01")).provisional());
    }
}
