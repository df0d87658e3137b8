package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What Jetty refuses before any servlet answers the JSON error shape with a stable code. */
class JettyJsonErrorsTest {
    private final ObjectMapper json = JsonSupport.newMapper();

    @ParameterizedTest
    @CsvSource({"400,Bad Request,MALFORMED_REQUEST", "414,URI Too Long,URI_TOO_LONG",
        "431,Request Header Fields Too Large,HEADERS_TOO_LARGE", "413,Payload Too Large,BODY_TOO_LARGE"})
    void aBadMessageIsAnsweredAsJson(int status, String reason, String code) throws Exception {
        HttpFields fields = new HttpFields();
        ByteBuffer body = new JettyJsonErrors.JsonErrorHandler(json).badMessageError(status, reason, fields);
        assertTrue(fields.get(HttpHeader.CONTENT_TYPE).startsWith("application/json"), fields::toString);
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        assertEquals(status, node.get("status").asInt());
        assertEquals(code, node.get("code").asText());
        assertTrue(node.get("message").asText().length() > 10, node::toString);
    }
}
