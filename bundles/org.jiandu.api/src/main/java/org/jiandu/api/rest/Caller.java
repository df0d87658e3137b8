package org.jiandu.api.rest;

import java.security.Principal;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;
import org.jiandu.api.court.CourtDirectory;

/**
 * The authenticated caller of a REST request: user name, roles and organisation (a court code such as
 * {@code 京0105}, {@code 最高法}, or a procuratorate code). The REST layer sets it as the request's user principal,
 * so a resource gets it with {@code Caller.from(securityContext.getUserPrincipal())}.
 *
 * @param courts the directory scoping is decided with ({@link CourtDirectory#covers}); null when none is installed,
 *               then only the rule that needs no directory applies (see {@link #covers(String, String)})
 */
public record Caller(String user, Set<String> roles, String organisation, CourtDirectory courts) implements Principal {

    /** A caller scoped without a directory. */
    public Caller(String user, Set<String> roles, String organisation) {
        this(user, roles, organisation, null);
    }

    @Override
    public String getName() {
        return user;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /**
     * Whether this caller's organisation covers the court of {@code caseNumber}; {@code admin} covers everything.
     * With a directory, as {@link CourtDirectory#covers} says: a court covers the courts under it (an intermediate
     * court its basic courts, a high court its province, {@code 最高法} all), a procuratorate the courts it is paired
     * with. Without one, {@link #covers(String, String)}.
     */
    public boolean covers(CaseNumber caseNumber) {
        return coversCourt(caseNumber.courtCode());
    }

    /** Whether this caller's organisation covers the court with code {@code courtCode}; see {@link #covers(CaseNumber)}. */
    public boolean coversCourt(String courtCode) {
        if (isAdmin()) {
            return true;
        }
        return courts != null ? courts.covers(organisation, courtCode) : covers(organisation, courtCode);
    }

    /**
     * Refuses a caller whose organisation does not cover the case's court ({@link #covers(CaseNumber)}) with 403
     * {@code ORGANISATION_MISMATCH}, naming {@code field} (where the request named the case).
     */
    public void requireCovers(CaseNumber caseNumber, String field) {
        if (!covers(caseNumber)) {
            throw new ApiException(403, "ORGANISATION_MISMATCH", field, "Organisation " + organisation + " of user "
                    + user + " does not cover court " + caseNumber.courtCode() + " of case " + caseNumber.canonical()
                    + (courts == null ? "" : " (" + courts.name(caseNumber.courtCode()) + ")"));
        }
    }

    /**
     * The rule that needs no directory: whether {@code organisation} is the court {@code courtCode}, or a high court
     * (a bare province abbreviation such as {@code 京}) and the code starts with it, or {@code 最高法}. Intermediate
     * courts cover only their own cases here, since court codes do not encode which basic courts lie under which
     * intermediate court; {@link CourtDirectory} knows.
     */
    public static boolean covers(String organisation, String courtCode) {
        if (organisation == null || organisation.isEmpty()) {
            return false;
        }
        if (organisation.equals(courtCode) || "最高法".equals(organisation)) {
            return true;
        }
        return organisation.length() == 1 && !"最".equals(organisation) && courtCode.startsWith(organisation);
    }

    /** The caller behind a request's user principal. */
    public static Caller from(Principal principal) {
        if (principal instanceof Caller c) {
            return c;
        }
        throw new ApiException(401, "NOT_AUTHENTICATED", null, "This request is not authenticated");
    }
}
