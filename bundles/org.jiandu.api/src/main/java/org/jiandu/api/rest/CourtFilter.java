package org.jiandu.api.rest;

import java.util.List;
import java.util.regex.Pattern;

import org.jiandu.api.ValidationException;
import org.jiandu.api.query.CourtScope;

/**
 * The {@code court} and {@code limit} parameters of Jiandu's read resources, read alike by every bundle: the courts a
 * caller asks for and may see, refused with 403 when the caller's organisation does not cover them.
 *
 * @since rest package 1.3.0
 */
public final class CourtFilter {
    /** A court code ({@code 京0105}), an intermediate court ({@code 京01}), a province ({@code 京}) or {@code 最高法}. */
    public static final Pattern COURT = Pattern.compile(
            "最高法|[京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新军兵](\\d{2}|\\d{4})?");
    /** The largest page a read resource answers. */
    public static final int MAX_LIMIT = 100;

    private CourtFilter() {
    }

    /**
     * The scope of {@code court} ({@code null}: everything the caller sees), refused with 403
     * {@code ORGANISATION_MISMATCH} when the caller's organisation does not cover it; a malformed code is added to
     * {@code errors} ({@code INVALID_COURT}, field {@code court}).
     */
    public static CourtScope of(Caller caller, String court, List<ValidationException> errors) {
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
}
