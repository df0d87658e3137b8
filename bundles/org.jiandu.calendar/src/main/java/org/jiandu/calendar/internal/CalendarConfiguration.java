package org.jiandu.calendar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.jiandu.calendar} ({@code etc/org.jiandu.calendar.cfg}). */
@ObjectClassDefinition(name = "Jiandu working-day calendar",
        description = "Statutory working-day calendar (State Council holiday notices) and deadline arithmetic.")
public @interface CalendarConfiguration {

    /** {@code fallback.weekendsOnly}. */
    @AttributeDefinition(name = "Weekends-only fallback",
            description = "For a year without a loaded State Council notice, take Monday–Friday as working days and"
                    + " mark every such result provisional, instead of refusing with CALENDAR_NOT_COVERED."
                    + " Off by default: a provisional deadline may be wrong by the whole length of a holiday.")
    boolean fallback_weekendsOnly() default false;
}
