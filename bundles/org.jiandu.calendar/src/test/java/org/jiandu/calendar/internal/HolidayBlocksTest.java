package org.jiandu.calendar.internal;

import static org.jiandu.calendar.internal.Calendars.d;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.DayKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every holiday block of 2021–2026 with its make-up workdays, written out here from the State Council notices
 * independently of the bundled CSV, and checked day by day against the calendar built from the CSV.
 */
class HolidayBlocksTest {
    private final CalendarSnapshot cal = Calendars.bundled();

    record Block(String name, LocalDate start, LocalDate end, List<LocalDate> makeUps) {
        @Override
        public String toString() {
            return name + " " + start + ".." + end + (makeUps.isEmpty() ? "" : " make-up " + makeUps);
        }
    }

    private static Block b(String name, String start, String end, String... makeUps) {
        return new Block(name, d(start), d(end), Stream.of(makeUps).map(LocalDate::parse).toList());
    }

    static final List<Block> BLOCKS = List.of(
            // 2021 (国办发明电〔2020〕27号)
            b("元旦", "2021-01-01", "2021-01-03"),
            b("春节", "2021-02-11", "2021-02-17", "2021-02-07", "2021-02-20"),
            b("清明节", "2021-04-03", "2021-04-05"),
            b("劳动节", "2021-05-01", "2021-05-05", "2021-04-25", "2021-05-08"),
            b("端午节", "2021-06-12", "2021-06-14"),
            b("中秋节", "2021-09-19", "2021-09-21", "2021-09-18"),
            b("国庆节", "2021-10-01", "2021-10-07", "2021-09-26", "2021-10-09"),
            // 2022
            b("元旦", "2022-01-01", "2022-01-03"),
            b("春节", "2022-01-31", "2022-02-06", "2022-01-29", "2022-01-30"),
            b("清明节", "2022-04-03", "2022-04-05", "2022-04-02"),
            b("劳动节", "2022-04-30", "2022-05-04", "2022-04-24", "2022-05-07"),
            b("端午节", "2022-06-03", "2022-06-05"),
            b("中秋节", "2022-09-10", "2022-09-12"),
            b("国庆节", "2022-10-01", "2022-10-07", "2022-10-08", "2022-10-09"),
            // 2023 (its New Year block starts on 2022-12-31)
            b("元旦", "2022-12-31", "2023-01-02"),
            b("春节", "2023-01-21", "2023-01-27", "2023-01-28", "2023-01-29"),
            b("清明节", "2023-04-05", "2023-04-05"),
            b("劳动节", "2023-04-29", "2023-05-03", "2023-04-23", "2023-05-06"),
            b("端午节", "2023-06-22", "2023-06-24", "2023-06-25"),
            b("中秋节、国庆节", "2023-09-29", "2023-10-06", "2023-10-07", "2023-10-08"),
            // 2024
            b("元旦", "2024-01-01", "2024-01-01"),
            b("春节", "2024-02-10", "2024-02-17", "2024-02-04", "2024-02-18"),
            b("清明节", "2024-04-04", "2024-04-06", "2024-04-07"),
            b("劳动节", "2024-05-01", "2024-05-05", "2024-04-28", "2024-05-11"),
            b("端午节", "2024-06-10", "2024-06-10"),
            b("中秋节", "2024-09-15", "2024-09-17", "2024-09-14"),
            b("国庆节", "2024-10-01", "2024-10-07", "2024-09-29", "2024-10-12"),
            // 2025
            b("元旦", "2025-01-01", "2025-01-01"),
            b("春节", "2025-01-28", "2025-02-04", "2025-01-26", "2025-02-08"),
            b("清明节", "2025-04-04", "2025-04-06"),
            b("劳动节", "2025-05-01", "2025-05-05", "2025-04-27"),
            b("端午节", "2025-05-31", "2025-06-02"),
            b("国庆节、中秋节", "2025-10-01", "2025-10-08", "2025-09-28", "2025-10-11"),
            // 2026
            b("元旦", "2026-01-01", "2026-01-03", "2026-01-04"),
            b("春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"),
            b("清明节", "2026-04-04", "2026-04-06"),
            b("劳动节", "2026-05-01", "2026-05-05", "2026-05-09"),
            b("端午节", "2026-06-19", "2026-06-21"),
            b("中秋节", "2026-09-25", "2026-09-27"),
            b("国庆节", "2026-10-01", "2026-10-07", "2026-09-20", "2026-10-10"));

    @TestFactory
    Stream<DynamicTest> everyHolidayDayIsOffAndEveryMakeUpDayIsWorking() {
        return BLOCKS.stream().map(block -> DynamicTest.dynamicTest(block.toString(), () -> {
            List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
            for (LocalDate day : Calendars.daysFrom(block.start(), block.end())) {
                checks.add(() -> {
                    DayInfo info = cal.describe(day);
                    assertEquals(DayKind.HOLIDAY, info.kind(), day.toString());
                    assertFalse(info.workingDay(), day.toString());
                    assertEquals(block.name(), info.holiday(), day.toString());
                    assertEquals(block.start(), info.holidayStart(), day.toString());
                    assertEquals(block.end(), info.holidayEnd(), day.toString());
                });
            }
            for (LocalDate day : block.makeUps()) {
                checks.add(() -> {
                    DayInfo info = cal.describe(day);
                    assertEquals(DayKind.MAKE_UP_WORKDAY, info.kind(), day.toString());
                    assertTrue(info.workingDay(), day.toString());
                    assertEquals(block.name(), info.holiday(), day.toString());
                    assertTrue(day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY,
                            day + " should be a weekend day");
                });
            }
            LocalDate before = block.start().minusDays(1);
            if (before.getYear() >= 2021) { // 2020 has no notice loaded
                checks.add(() -> assertNotEquals(DayKind.HOLIDAY, cal.describe(before).kind(), "day before " + block));
            }
            checks.add(() -> assertNotEquals(DayKind.HOLIDAY, cal.describe(block.end().plusDays(1)).kind(),
                    "day after " + block));
            assertAll(checks);
        }));
    }

    @Test
    void everyOtherDayOf2021To2026IsAnOrdinaryWeekdayOrWeekend() {
        Map<LocalDate, DayKind> listed = new HashMap<>();
        for (Block block : BLOCKS) {
            Calendars.daysFrom(block.start(), block.end()).forEach(x -> listed.put(x, DayKind.HOLIDAY));
            block.makeUps().forEach(x -> listed.put(x, DayKind.MAKE_UP_WORKDAY));
        }
        List<String> wrong = new ArrayList<>();
        for (LocalDate day : Calendars.daysFrom(d("2021-01-01"), d("2026-12-31"))) {
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            DayKind expected = listed.getOrDefault(day, weekend ? DayKind.WEEKEND : DayKind.WEEKDAY);
            DayKind actual = cal.describe(day).kind();
            if (expected != actual) {
                wrong.add(day + " expected " + expected + " but was " + actual);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void newYearBlockStartingInDecemberBelongsToTheNextYearsNotice() {
        DayInfo info = cal.describe(d("2022-12-31"));
        assertEquals(DayKind.HOLIDAY, info.kind());
        assertEquals(2023, info.calendarVersion().year());
    }

    @Test
    void combinedMidAutumnAndNationalDayBlockOf2023IsOneHolidayOfEightDays() {
        DayInfo first = cal.describe(d("2023-09-29"));
        assertEquals("中秋节、国庆节", first.holiday());
        assertEquals(d("2023-09-29"), first.holidayStart());
        assertEquals(d("2023-10-06"), first.holidayEnd());
        assertEquals(d("2023-10-07"), cal.plusWorkingDays(d("2023-09-28"), 1), "Saturday 10-07 is a make-up day");
        assertEquals(d("2023-10-08"), cal.plusWorkingDays(d("2023-09-28"), 2), "Sunday 10-08 is a make-up day");
        assertEquals(d("2023-10-09"), cal.plusWorkingDays(d("2023-09-28"), 3));
    }

    @Test
    void combinedNationalDayAndMidAutumnBlockOf2025SpansEightDaysWithSundayAndSaturdayMakeUps() {
        assertEquals(d("2025-09-28"), cal.plusWorkingDays(d("2025-09-26"), 1), "Sunday 09-28 is a make-up day");
        assertEquals(d("2025-10-09"), cal.plusWorkingDays(d("2025-09-30"), 1), "10-01..10-08 are off");
        assertEquals(d("2025-10-11"), cal.plusWorkingDays(d("2025-10-09"), 2), "Saturday 10-11 is a make-up day");
        assertEquals("国庆节、中秋节", cal.describe(d("2025-10-08")).holiday());
    }

    @Test
    void saturdayAndSundayMakeUpDaysOfTheSameHolidayBothCount() {
        // 2022 Spring Festival: Saturday 01-29 and Sunday 01-30 are both working days.
        assertEquals(d("2022-01-29"), cal.plusWorkingDays(d("2022-01-28"), 1));
        assertEquals(d("2022-01-30"), cal.plusWorkingDays(d("2022-01-28"), 2));
        assertEquals(d("2022-02-07"), cal.plusWorkingDays(d("2022-01-28"), 3));
    }
}
