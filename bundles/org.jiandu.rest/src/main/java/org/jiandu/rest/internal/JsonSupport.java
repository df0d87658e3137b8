package org.jiandu.rest.internal;

import java.io.IOException;

import org.jiandu.api.CaseNumber;
import org.jiandu.api.event.Payload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator.Feature;

/**
 * The one ObjectMapper configuration of the REST server: ISO dates, exact decimals, API types as plain JSON, and the
 * parser's part of the documented {@link InputLimits}.
 */
final class JsonSupport {
    private JsonSupport() {
    }

    static ObjectMapper newMapper() {
        SimpleModule api = new SimpleModule("jiandu-api");
        api.addSerializer(CaseNumber.class, new JsonSerializer<CaseNumber>() {
            @Override
            public void serialize(CaseNumber v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.canonical());
            }
        });
        api.addSerializer(Payload.class, new JsonSerializer<Payload>() {
            @Override
            public void serialize(Payload v, JsonGenerator g, SerializerProvider p) throws IOException {
                p.defaultSerializeValue(v.asMap(), g);
            }
        });
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(InputLimits.parser()).build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .registerModule(api)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                // keep "5000.00" as the host wrote it (Jackson 2.15+ strips trailing zeros in trees by default)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }
}
