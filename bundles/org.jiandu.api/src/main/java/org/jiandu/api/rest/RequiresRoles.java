package org.jiandu.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles (see {@link org.jiandu.api.Roles}) allowed to call a resource method. On a class it applies to every
 * method that does not declare its own. A method with no such annotation on it or its class is refused (default
 * deny). {@link #ANY_AUTHENTICATED} admits any authenticated user.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRoles {
    /** Admits every authenticated user whatever their roles. */
    String ANY_AUTHENTICATED = "*";

    String[] value();
}
