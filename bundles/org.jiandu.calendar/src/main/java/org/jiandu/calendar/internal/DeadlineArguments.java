package org.jiandu.calendar.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jiandu.api.ValidationException;
import org.jiandu.api.calendar.DeadlineRequest;
import org.jiandu.api.calendar.DeductedInterval;
import org.jiandu.api.calendar.PeriodUnit;
import org.jiandu.api.calendar.WorkingCalendar;

/**
 * Turns the text arguments of the REST endpoint and the shell command ({@code from}, {@code amount}, {@code unit},
 * {@code deduct}) into a {@link DeadlineRequest}, so that both refuse the same input with the same message. Errors
 * name the parameter at fault.
 */
final class DeadlineArguments {
    static final String FROM = "from";
    static final String AMOUNT = "amount";
    static final String UNIT = "unit";
    static final String DEDUCT = "deduct";

    private DeadlineArguments() {
    }

    /** @throws ValidationException naming {@code from}, {@code amount}, {@code unit} or {@code deduct} */
    static DeadlineRequest parse(String from, String amount, String unit, List<String> deduct) {
        Object trigger = trigger(from);
        int n = amount(amount);
        PeriodUnit u = PeriodUnit.parse(unit);
        List<DeductedInterval> deducted = new ArrayList<>();
        if (deduct != null) {
            for (String d : deduct) {
                deducted.add(DeductedInterval.parse(d, DEDUCT));
            }
        }
        if (u == PeriodUnit.H && !(trigger instanceof Instant)) {
            throw new ValidationException("INSTANT_REQUIRED", FROM, "A period in hours (小时) counts from an instant,"
                    + " not a day: give from as e.g. " + from + "T10:00+08:00 (in a URL, write + as %2B)");
        }
        return trigger instanceof Instant i ? DeadlineRequest.ofInstant(i, n, u, deducted)
                : DeadlineRequest.ofDate((LocalDate) trigger, n, u, deducted);
    }

    /** A day ({@code 2024-09-27}) as {@link LocalDate}, or a date-time as {@link Instant}. */
    static Object trigger(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", FROM, "The trigger is required: a day such as 2024-09-27,"
                    + " or for hours an instant such as 2024-09-27T10:00+08:00");
        }
        String t = text.strip();
        if (t.indexOf('T') < 0) {
            return date(t, FROM);
        }
        // An unencoded '+' in a URL query arrives as a blank: 2024-09-27T10:00 08:00.
        String s = t.replace(' ', '+');
        try {
            return ZonedDateTime.parse(s).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(s).atZone(WorkingCalendar.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw new ValidationException("INVALID_DATE", FROM, "\"" + text + "\" is not an ISO day or instant;"
                        + " write e.g. 2024-09-27, 2024-09-27T10:00+08:00 or 2024-09-27T02:00:00Z");
            }
        }
    }

    /** An ISO day, refused with {@code field} named. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", field, "A day is required, e.g. 2024-10-12");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new ValidationException("INVALID_DATE", field,
                    "\"" + text + "\" is not a day; write an ISO date such as 2024-10-12");
        }
    }

    static int amount(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("MISSING_FIELD", AMOUNT, "The amount is required: a whole number of units");
        }
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("INVALID_AMOUNT", AMOUNT,
                    "\"" + text + "\" is not a whole number from 0 to " + DeadlineRequest.MAX_AMOUNT);
        }
        if (n < 0 || n > DeadlineRequest.MAX_AMOUNT) {
            throw new ValidationException("INVALID_AMOUNT", AMOUNT,
                    "The amount must be a whole number from 0 to " + DeadlineRequest.MAX_AMOUNT + ", not " + n);
        }
        return n;
    }
}
