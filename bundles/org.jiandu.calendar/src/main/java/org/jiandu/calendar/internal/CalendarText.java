package org.jiandu.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;

/** How dates and ranges are written in reasons and explanations. */
final class CalendarText {
    private CalendarText() {
    }

    /** {@code 2024-10-01 (Tue)}. */
    static String day(LocalDate d) {
        return d + " (" + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ")";
    }

    /** {@code 2024-10-01 (Tue) – 2024-10-07 (Mon)}, or a single day. */
    static String range(LocalDate a, LocalDate b) {
        return a.equals(b) ? day(a) : day(a) + " – " + day(b);
    }

    /** {@code Tuesday}. */
    static String dayName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** {@code 1st}, {@code 2nd}, {@code 3rd}, {@code 11th}. */
    static String ordinal(int n) {
        int h = n % 100;
        String suffix = h >= 11 && h <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** {@code 1 day}, {@code 2 days}. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
