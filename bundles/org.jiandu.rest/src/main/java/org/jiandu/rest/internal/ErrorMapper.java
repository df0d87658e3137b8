package org.jiandu.rest.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.jiandu.api.ValidationException;
import org.jiandu.api.ledger.HostEventConflictException;
import org.jiandu.api.rest.ApiException;
import org.jiandu.api.rest.ErrorBody;
import org.jiandu.api.rest.ErrorBody.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Every error of every endpoint becomes the one JSON shape ({@link ErrorBody}); never a stack trace. Unexpected
 * errors answer 500 with an incident id that is also in the log, so support can find the cause.
 */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable thrown) {
        ErrorBody body = toBody(thrown);
        return Response.status(body.status()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body)
                .build();
    }

    static ErrorBody toBody(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof ValidationException v) {
            List<FieldError> errors = v.all().stream()
                    .map(e -> new FieldError(e.code(), e.getMessage(), e.field())).toList();
            return new ErrorBody(400, v.code(), v.getMessage(), v.field(), errors);
        }
        if (t instanceof ApiException a) {
            return ErrorBody.of(a.status(), a.code(), a.getMessage(), a.field());
        }
        if (t instanceof HostEventConflictException c) {
            return ErrorBody.of(409, "HOST_EVENT_ID_REUSED", c.getMessage(), c.field());
        }
        if (t instanceof StreamConstraintsException limit) {
            JsonStreamContext where = limit.getProcessor() instanceof JsonParser p ? p.getParsingContext() : null;
            return toBody(InputLimits.refusal(limit, where));
        }
        if (t instanceof JsonProcessingException j) {
            String field = j instanceof JsonMappingException jm ? pathOf(jm) : null;
            String where = j.getLocation() == null ? ""
                    : " at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
            return ErrorBody.of(400, "MALFORMED_JSON", "The request body is not valid JSON" + where + ": "
                    + j.getOriginalMessage(), field);
        }
        if (t instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return ErrorBody.of(status, codeFor(status), messageFor(status, w), null);
        }
        if (clientWentAway(thrown)) {
            // the client hung up before the answer was written (its timeout, a closed browser tab): nothing failed
            // on this side, and there is no one left to answer
            LOG.info("The client closed the connection before the answer was written: {}", thrown.toString());
            return ErrorBody.of(499, "CLIENT_CLOSED_REQUEST", "The client closed the connection", null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error, incident {}", incident, thrown);
        return ErrorBody.of(500, "INTERNAL_ERROR",
                "An unexpected error occurred; nothing was changed by this request unless it says otherwise. Incident "
                        + incident + " is in the server log.", null);
    }

    /** Whether the chain holds Jetty's end-of-stream on a connection the client closed (broken pipe, reset). */
    static boolean clientWentAway(Throwable thrown) {
        for (Throwable c = thrown; c != null && c.getCause() != c; c = c.getCause()) {
            if (c.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception to answer: the first of Jiandu's own (or a JSON error) anywhere in the chain — CXF wraps what a
     * body reader throws — else the first client error CXF raised, else the root cause.
     */
    private static Throwable unwrap(Throwable t) {
        Throwable webError = null;
        Throwable cur = t;
        for (int i = 0; i < 10 && cur != null; i++) {
            if (cur instanceof ValidationException || cur instanceof ApiException
                    || cur instanceof HostEventConflictException || cur instanceof JsonProcessingException) {
                return cur;
            }
            if (webError == null && cur instanceof WebApplicationException) {
                webError = cur;
            }
            if (cur.getCause() == null) {
                break;
            }
            cur = cur.getCause();
        }
        return webError != null ? webError : cur;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "NOT_AUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "BODY_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
    }

    private static String messageFor(int status, WebApplicationException w) {
        return switch (status) {
            case 404 -> "No such endpoint or resource; see /api/openapi.json for the endpoints";
            case 405 -> "This endpoint does not accept this HTTP method; see /api/openapi.json";
            case 406 -> "This endpoint answers application/json only";
            case 415 -> "Send the body as application/json";
            default -> w.getMessage() == null ? "HTTP " + status : w.getMessage();
        };
    }
}
