package org.jiandu.api.rest;

import java.util.List;

/**
 * The one JSON error shape of every Jiandu endpoint. {@code errors} lists every problem when there are several
 * (a batch with several bad items); the top-level code, message and field repeat the first.
 */
public record ErrorBody(int status, String code, String message, String field, List<FieldError> errors) {
    public record FieldError(String code, String message, String field) {
    }

    public static ErrorBody of(int status, String code, String message, String field) {
        return new ErrorBody(status, code, message, field, List.of());
    }
}
