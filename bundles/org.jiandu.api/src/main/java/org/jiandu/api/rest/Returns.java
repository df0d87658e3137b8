package org.jiandu.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The body type of a resource method that answers a {@code javax.ws.rs.core.Response} (to choose its status), so
 * that {@code GET /api/openapi.json} can describe the body as it does for a method returning its DTO record
 * directly. Not needed on a method whose return type is the body.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Returns {
    /** The body's type, a DTO record. */
    Class<?> value();

    /** The success statuses the method answers with that body. */
    int[] status() default {200};
}
