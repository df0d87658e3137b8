package org.jiandu.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;

import org.jiandu.api.rest.ErrorBody;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The documented input limits, each refused with 400 (or 413) naming the field, through the REST layer's reader. */
class InputLimitsTest {
    private final LimitedJsonProvider provider = new LimitedJsonProvider(JsonSupport.newMapper());

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object read(String json) throws IOException {
        Class type = JsonNode.class;
        return provider.readFrom(type, type, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE,
                new MultivaluedHashMap<>(), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private ErrorBody refusal(String json) {
        BadRequestException e = assertThrows(BadRequestException.class, () -> read(json));
        return ErrorMapper.toBody(e);
    }

    @Test
    void textAboveTheLimitIsRefusedNamingTheField() {
        String text = "拍".repeat(InputLimits.MAX_TEXT_CHARS + 1);
        ErrorBody body = refusal("{\"details\":{\"text\":\"" + text + "\"}}");
        assertEquals(List.of(400, "FIELD_TOO_LONG", "details.text"), List.of(body.status(), body.code(), body.field()));
    }

    @Test
    void textAtTheLimitIsRead() throws IOException {
        String text = "拍".repeat(InputLimits.MAX_TEXT_CHARS);
        JsonNode tree = (JsonNode) read("{\"details\":{\"text\":\"" + text + "\"}}");
        assertEquals(InputLimits.MAX_TEXT_CHARS, tree.at("/details/text").textValue().length());
    }

    @Test
    void anAuctionAnnouncementOfSixteenThousandCharactersIsRead() throws IOException {
        JsonNode tree = (JsonNode) read("{\"details\":{\"text\":\"" + "公告".repeat(8_500) + "\"}}");
        assertEquals(17_000, tree.at("/details/text").textValue().length());
    }

    @Test
    void aListAboveTheLimitIsRefusedNamingTheField() {
        StringBuilder sb = new StringBuilder("{\"events\":[");
        for (int i = 0; i <= InputLimits.MAX_LIST_ITEMS; i++) {
            sb.append(i == 0 ? "" : ",").append(i);
        }
        ErrorBody body = refusal(sb.append("]}").toString());
        assertEquals(List.of(400, "TOO_MANY_ITEMS", "events"), List.of(body.status(), body.code(), body.field()));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNamingWhereItWent() {
        String deep = "{\"a\":".repeat(InputLimits.MAX_DEPTH) + "1" + "}".repeat(InputLimits.MAX_DEPTH);
        assertEquals(1, ((JsonNode) assertDoesNotThrow(deep)).at("/a".repeat(InputLimits.MAX_DEPTH - 1) + "/a")
                .asInt());
        String tooDeep = "{\"a\":".repeat(InputLimits.MAX_DEPTH + 1) + "1" + "}".repeat(InputLimits.MAX_DEPTH + 1);
        ErrorBody body = refusal(tooDeep);
        assertEquals(List.of(400, "NESTING_TOO_DEEP"), List.of(body.status(), body.code()));
        assertEquals(String.join(".", java.util.Collections.nCopies(InputLimits.MAX_DEPTH, "a")), body.field());
    }

    @Test
    void aNumberLongerThanTheLimitIsRefusedNamingTheField() {
        ErrorBody body = refusal("{\"payload\":{\"amount\":" + "9".repeat(InputLimits.MAX_NUMBER_CHARS + 1) + "}}");
        assertEquals(List.of(400, "NUMBER_TOO_LONG", "payload.amount"),
                List.of(body.status(), body.code(), body.field()));
    }

    @Test
    void twoJsonValuesInOneBodyAreRefused() {
        Exception e = assertThrows(Exception.class, () -> read("{\"a\":1} {\"b\":2}"));
        ErrorBody body = ErrorMapper.toBody(e);
        assertEquals(List.of(400, "MALFORMED_JSON"), List.of(body.status(), body.code()));
    }

    @Test
    void anEmptyBodyReadsAsNothingSoTheResourceSaysWhatItExpected() throws IOException {
        assertNull(read(""));
    }

    private Object assertDoesNotThrow(String json) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> read(json));
    }
}
