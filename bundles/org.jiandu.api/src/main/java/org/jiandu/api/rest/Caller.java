package org.jiandu.api.rest;

import java.security.Principal;
import java.util.Set;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.Roles;

/**
 * The authenticated caller of a REST request: user name, roles and organisation (a court code such as
 * {@code 京0105}, {@code 最高法}, or a procuratorate code). The REST layer sets it as the request's user principal,
 * so a resource gets it with {@code Caller.from(securityContext.getUserPrincipal())}.
 */
public record Caller(String user, Set<String> roles, String organisation) implements Principal {

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
     * Whether this caller's organisation covers the court of {@code caseNumber}: the same court; a high court
     * (a bare province abbreviation such as {@code 京}) covers every court of its province; {@code 最高法} covers
     * all; {@code admin} covers everything. Intermediate courts cover only their own cases, since court codes do
     * not encode which basic courts lie under which intermediate court.
     */
    public boolean covers(CaseNumber caseNumber) {
        if (isAdmin()) {
            return true;
        }
        return covers(organisation, caseNumber.courtCode());
    }

    /**
     * Refuses a caller whose organisation does not cover the case's court ({@link #covers(CaseNumber)}) with 403
     * {@code ORGANISATION_MISMATCH}, naming {@code field} (where the request named the case).
     */
    public void requireCovers(CaseNumber caseNumber, String field) {
        if (!covers(caseNumber)) {
            throw new ApiException(403, "ORGANISATION_MISMATCH", field, "Organisation " + organisation + " of user "
                    + user + " does not cover court " + caseNumber.courtCode() + " of case " + caseNumber.canonical());
        }
    }

    /** Whether {@code organisation} covers the court with code {@code courtCode}; see {@link #covers(CaseNumber)}. */
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
