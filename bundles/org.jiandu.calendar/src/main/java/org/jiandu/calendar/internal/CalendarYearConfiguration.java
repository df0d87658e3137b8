package org.jiandu.calendar.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One {@code org.jiandu.calendar.year} factory configuration, present as a service whose properties are the
 * configuration's. {@link WorkingCalendarService} collects them and rebuilds its snapshot when one appears,
 * changes or goes, so a file dropped into Karaf's {@code etc/} takes effect without a restart. Reading and
 * checking the properties is the calendar's job, so that a refused configuration is reported next to the data
 * it would have changed.
 */
@Component(configurationPid = CalendarYearConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, service = CalendarYearConfiguration.class)
@Designate(ocd = CalendarYearDefinition.class, factory = true)
public final class CalendarYearConfiguration {
    public static final String FACTORY_PID = "org.jiandu.calendar.year";

    @Activate
    public CalendarYearConfiguration() {
        // Nothing to hold: the configuration travels as the service's properties.
    }

    /**
     * Declared so that a changed file updates the service's properties in place (the calendar's {@code updated}
     * callback) instead of unregistering and re-registering it, which would leave the year uncovered for a moment.
     */
    @Modified
    void modified() {
        // The new properties reach the calendar through its updated callback.
    }
}
