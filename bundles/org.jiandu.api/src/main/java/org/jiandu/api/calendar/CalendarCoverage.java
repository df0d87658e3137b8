package org.jiandu.api.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * What the calendar currently knows: one version per covered year, the fallback setting, the supported range,
 * and the configurations it refused (with why).
 *
 * @param years                 covered years, ascending
 * @param fallbackWeekendsOnly  whether uncovered years are taken as weekends-only (results then provisional)
 * @param supportedFrom         first day the calendar can compute with at all (even with the fallback)
 * @param supportedTo           last such day
 * @param rejected              configurations refused, each with its reason; empty when all were accepted
 */
public record CalendarCoverage(List<CalendarVersion> years, boolean fallbackWeekendsOnly, LocalDate supportedFrom,
        LocalDate supportedTo, List<Rejection> rejected) {

    public CalendarCoverage {
        years = List.copyOf(years);
        rejected = List.copyOf(rejected);
    }

    /**
     * A calendar year configuration that was refused.
     *
     * @param source  {@code config:<pid>}
     * @param year    the year it claimed, or {@code null} if unreadable
     * @param message what is wrong, naming the property and value at fault
     */
    public record Rejection(String source, Integer year, String message) {
    }
}
