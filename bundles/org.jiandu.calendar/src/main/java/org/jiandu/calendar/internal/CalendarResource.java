package org.jiandu.calendar.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.jiandu.api.calendar.CalendarCoverage;
import org.jiandu.api.calendar.CalendarNotCoveredException;
import org.jiandu.api.calendar.DayInfo;
import org.jiandu.api.calendar.WorkingCalendar;
import org.jiandu.api.rest.RequiresRoles;
import org.jiandu.api.rest.RestResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/calendar}: deadlines and working days for any authenticated user. Bad parameters are refused
 * with a {@link org.jiandu.api.ValidationException} naming {@code from}, {@code amount}, {@code unit},
 * {@code deduct} or {@code date} (HTTP 400); a year without a loaded notice gives {@code CALENDAR_NOT_COVERED}.
 */
@Component(service = RestResource.class)
@Path("/v1/calendar")
@Produces(MediaType.APPLICATION_JSON)
public final class CalendarResource implements RestResource {
    private final WorkingCalendar calendar;

    @Activate
    public CalendarResource(@Reference WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * {@code GET /v1/calendar/deadline?from=2024-09-27&amount=5&unit=WD[&deduct=2024-10-01/2024-10-05]…}.
     * {@code from} is a day, or an instant (required for {@code unit=H}); each {@code deduct} is a deducted period
     * {@code START/END}, both days inclusive, optionally followed by a blank and a reason.
     */
    @GET
    @Path("/deadline")
    @RequiresRoles(RequiresRoles.ANY_COURT_USER)
    public DeadlineResponse deadline(@QueryParam("from") String from, @QueryParam("amount") String amount,
            @QueryParam("unit") String unit, @QueryParam("deduct") List<String> deduct) {
        return DeadlineResponse.of(calendar.deadline(DeadlineArguments.parse(from, amount, unit, deduct)));
    }

    /** {@code GET /v1/calendar/days/2024-10-12}: whether the day is a working day, and why. */
    @GET
    @Path("/days/{date}")
    @RequiresRoles(RequiresRoles.ANY_COURT_USER)
    public DayInfo day(@PathParam("date") String date) {
        try {
            return calendar.describe(DeadlineArguments.date(date, "date"));
        } catch (CalendarNotCoveredException e) {
            throw e.under("date");
        }
    }

    /** {@code GET /v1/calendar/years}: covered years with their versions, and refused configurations. */
    @GET
    @Path("/years")
    @RequiresRoles(RequiresRoles.ANY_COURT_USER)
    public CalendarCoverage years() {
        return calendar.coverage();
    }
}
