package org.jiandu.api.rest;

/**
 * An error a resource answers with: HTTP status, a stable code, a message a person can act on and the field at
 * fault (or {@code null}). Rendered as {@code {"status":404,"code":"CASE_NOT_FOUND","message":"…","field":null}}.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String field, String message) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, null, message);
    }

    public static ApiException badRequest(String code, String field, String message) {
        return new ApiException(400, code, field, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, null, message);
    }

    public static ApiException conflict(String code, String field, String message) {
        return new ApiException(409, code, field, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
