package org.jiandu.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import org.jiandu.api.ValidationException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * Jackson for CXF, with {@link InputLimits} applied to every JSON body a resource reads as a tree: what is above a
 * limit is refused with 400 naming the field before the resource sees it. (A refusal travels through CXF as a
 * {@link BadRequestException} whose cause is the {@link ValidationException}; {@link ErrorMapper} answers the cause.)
 */
final class LimitedJsonProvider extends JacksonJsonProvider {
    private final ObjectMapper json;

    LimitedJsonProvider(ObjectMapper json) {
        super(json);
        this.json = json;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        if (!JsonNode.class.isAssignableFrom(type)) {
            return super.readFrom(type, genericType, annotations, mediaType, httpHeaders, entityStream);
        }
        try (JsonParser p = json.getFactory().createParser(entityStream)) {
            try {
                if (p.nextToken() == null) {
                    return null; // an empty body: the resource says what it expected
                }
                JsonNode tree = json.readTree(p);
                if (p.nextToken() != null) {
                    throw refused(new ValidationException("MALFORMED_JSON", null,
                            "The request body holds more than one JSON value at line "
                                    + p.currentLocation().getLineNr() + ", column "
                                    + p.currentLocation().getColumnNr()));
                }
                InputLimits.check(tree);
                return tree;
            } catch (StreamConstraintsException e) {
                throw refused(InputLimits.refusal(e, p.getParsingContext()));
            } catch (ValidationException e) {
                throw refused(e);
            }
        }
    }

    private static BadRequestException refused(ValidationException e) {
        return new BadRequestException(e);
    }
}
