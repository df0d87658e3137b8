package org.jiandu.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles (see {@link org.jiandu.api.Roles}) allowed to call a resource method. On a class it applies to every
 * method that does not declare its own. A method with no such annotation on it or its class is refused (default
 * deny). {@link #ANY_COURT_USER} admits any user of a court role, {@link #ANY_AUTHENTICATED} any authenticated user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRoles {
    /**
     * Admits every authenticated user whatever their roles, a prosecutor included: only for what reveals nothing of
     * a case (e.g. the ledger's signed checkpoints, which are hashes).
     */
    String ANY_AUTHENTICATED = "*";

    /**
     * Admits every user who holds a court role ({@code host-system}, {@code court-officer}, {@code supervisor},
     * {@code inspector}, {@code admin}) but not a user who is only a prosecutor: the procuratorate reaches the
     * courts' data through the procuratorate feature's own endpoint, which decides what it shows (法〔2021〕322号
     * Art. 36: information sharing with the procuratorate under the law, not the court's internal views).
     */
    String ANY_COURT_USER = "*court";

    String[] value();
}
