package org.jiandu.calendar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Factory PID {@code org.jiandu.calendar.year}: one configuration per State Council notice, e.g.
 * {@code etc/org.jiandu.calendar.year-2027.cfg}. Format in CALENDAR.md; read by {@link YearConfigParser}.
 */
@ObjectClassDefinition(
        name = "Jiandu calendar year (State Council holiday notice)",
        description = "The holidays and make-up workdays one State Council notice arranges for one year. Overrides"
                + " the data shipped in the bundle for that year.")
public @interface CalendarYearDefinition {

    @AttributeDefinition(name = "Year", description = "The year the notice arranges, e.g. 2027.")
    String year();

    @AttributeDefinition(name = "Version",
            description = "The notice's name or number, e.g. 国办发明电〔2026〕7号. Stored with every deadline computed"
                    + " from this year.")
    String version();

    @AttributeDefinition(name = "Holidays",
            description = "Holiday blocks as START/END NAME (or DATE NAME), separated by commas, e.g."
                    + " 2027-01-01/2027-01-03 元旦, 2027-02-06/2027-02-13 春节.")
    String[] holidays();

    @AttributeDefinition(name = "Make-up workdays (调休上班)", required = false,
            description = "Saturdays or Sundays that are working days, as DATE NAME where NAME is the holiday made up"
                    + " for, separated by commas, e.g. 2027-02-14 春节.")
    String[] workdays() default {};
}
