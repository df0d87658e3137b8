package org.jiandu.api.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import org.jiandu.api.ValidationException;
import org.jiandu.api.query.CourtScope;

/**
 * The {@code court}, {@code limit} and {@code asOf} parameters of Jiandu's read resources, read alike by every
 * bundle: the courts a caller asks for and may see (403 when the caller's organisation does not cover them), the
 * size of a page, the day a view is computed for.
 *
 * @since rest package 1.3.0
 */
public final class ReadParams {
    /** A court code ({@code 京0105}), an intermediate court ({@code 京01}), a province ({@code 京}) or {@code 最高法}. */
    public static final Pattern COURT = Pattern.compile(
            "最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](\\d{2}|\\d{4})?");
    /** The largest page a read resource answers. */
    public static final int MAX_LIMIT = 100;

    private ReadParams() {
    }

    /**
     * The scope of {@code court} ({@code null}: everything the caller sees), refused with 403
     * {@code ORGANISATION_MISMATCH} when the caller's organisation does not cover it; a malformed code is added to
     * {@code errors} ({@code INVALID_COURT}, field {@code court}).
     */
    public static CourtScope courts(Caller caller, String court, List<ValidationException> errors) {
        if (court == null) {
            String org = caller.organisation();
            if (!caller.isAdmin() && (org == null || org.isEmpty())) {
                throw new ApiException(403, "ORGANISATION_MISMATCH", "court",
                        "User " + caller.user() + " belongs to no organisation");
            }
            return CourtScope.forCaller(caller);
        }
        String c = court.strip();
        if (!COURT.matcher(c).matches()) {
            errors.add(new ValidationException("INVALID_COURT", "court",
                    "court must be a court code such as 京0105, 京01, 京 or 最高法"));
            return CourtScope.court(c);
        }
        if (!caller.coversCourt(c)) {
            throw new ApiException(403, "ORGANISATION_MISMATCH", "court", "Organisation " + caller.organisation()
                    + " of user " + caller.user() + " does not cover court " + c);
        }
        return CourtScope.of(c, false, caller.courts());
    }

    /** {@code limit} 1..{@value #MAX_LIMIT}, default 50; a bad value is added to {@code errors}. */
    public static int limit(String limit, List<ValidationException> errors) {
        if (limit == null) {
            return 50;
        }
        int max;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            max = 0;
        }
        if (max < 1 || max > MAX_LIMIT) {
            errors.add(new ValidationException("INVALID_LIMIT", "limit", "limit must be a whole number from 1 to "
                    + MAX_LIMIT));
            return 1;
        }
        return max;
    }

    /**
     * The day of {@code text} (an ISO date between 1990 and 2100), or {@code today} when it is absent or blank.
     *
     * @throws ValidationException {@code INVALID_DATE} naming {@code field}
     */
    public static LocalDate day(String text, String field, LocalDate today) {
        if (text == null || text.isBlank()) {
            return today;
        }
        try {
            LocalDate d = LocalDate.parse(text.trim());
            if (d.getYear() >= 1990 && d.getYear() <= 2100) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // reported below with the field
        }
        throw new ValidationException("INVALID_DATE", field, field + " must be an ISO date such as 2025-06-30"
                + " between 1990 and 2100");
    }
}
