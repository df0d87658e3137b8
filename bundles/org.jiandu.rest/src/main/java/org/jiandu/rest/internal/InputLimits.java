package org.jiandu.rest.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jiandu.api.ValidationException;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The documented limits of every request under {@code /api} (README, "Errors"), set here once. The servlet refuses a
 * body above {@link #MAX_BODY_BYTES} with 413 before anything reads it; the JSON parser enforces nesting depth,
 * name and number lengths as it reads ({@link #parser()}); and every parsed JSON body is walked once for text
 * length and list length ({@link #check(JsonNode)}), so a resource never sees input above them and each refusal
 * names the field at fault.
 */
final class InputLimits {
    /** Request body, in bytes (a batch of 1,000 events fits with room to spare). */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    /** One JSON string value, in characters (an auction announcement of 16,000+ characters fits). */
    static final int MAX_TEXT_CHARS = 65_536;
    /** Items of one JSON array (above a batch's 1,000 events, which the batch endpoint refuses itself). */
    static final int MAX_LIST_ITEMS = 10_000;
    /** Objects and arrays nested in one another. */
    static final int MAX_DEPTH = 32;
    /** Characters of one JSON number (an amount or a count; no real figure is longer). */
    static final int MAX_NUMBER_CHARS = 40;
    /** Characters of one JSON property name. */
    static final int MAX_NAME_CHARS = 256;

    private InputLimits() {
    }

    /** The parser's part of the limits. */
    static StreamReadConstraints parser() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_TEXT_CHARS)
                .maxNumberLength(MAX_NUMBER_CHARS).maxNameLength(MAX_NAME_CHARS)
                .maxDocumentLength(MAX_BODY_BYTES).build();
    }

    /**
     * Checks a parsed body against the text and list limits, reporting every value above them.
     *
     * @throws ValidationException {@code FIELD_TOO_LONG} or {@code TOO_MANY_ITEMS} naming each field at fault
     */
    static void check(JsonNode body) {
        List<ValidationException> errors = new ArrayList<>();
        walk(body, "", errors);
        if (!errors.isEmpty()) {
            throw ValidationException.of(errors);
        }
    }

    private static void walk(JsonNode node, String path, List<ValidationException> errors) {
        if (node == null || errors.size() >= 20) {
            return;
        }
        if (node.isTextual()) {
            String s = node.textValue();
            if (s.length() > MAX_TEXT_CHARS) {
                errors.add(new ValidationException("FIELD_TOO_LONG", field(path), field(path) + " holds "
                        + s.length() + " characters; a text field holds at most " + MAX_TEXT_CHARS));
            }
        } else if (node.isArray()) {
            if (node.size() > MAX_LIST_ITEMS) {
                errors.add(new ValidationException("TOO_MANY_ITEMS", field(path), field(path) + " holds "
                        + node.size() + " items; a list holds at most " + MAX_LIST_ITEMS));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), errors);
            }
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "(body)" : path;
    }

    /**
     * The refusal for a limit the parser enforced, naming the field the parser was in.
     *
     * @param where the parser's context when it stopped (may be null)
     */
    static ValidationException refusal(StreamConstraintsException e, JsonStreamContext where) {
        String field = pathOf(where);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String code;
        String limit;
        if (message.contains("nesting depth")) {
            code = "NESTING_TOO_DEEP";
            limit = "JSON objects and arrays nest at most " + MAX_DEPTH + " deep";
        } else if (message.startsWith("Number value length")) {
            code = "NUMBER_TOO_LONG";
            limit = "a number has at most " + MAX_NUMBER_CHARS + " characters";
        } else if (message.startsWith("Name length")) {
            code = "NAME_TOO_LONG";
            limit = "a property name has at most " + MAX_NAME_CHARS + " characters";
        } else if (message.startsWith("String value length")) {
            code = "FIELD_TOO_LONG";
            limit = "a text field holds at most " + MAX_TEXT_CHARS + " characters";
        } else {
            code = "BODY_TOO_LARGE";
            limit = "a request body holds at most " + MAX_BODY_BYTES + " bytes";
        }
        return new ValidationException(code, field, (field == null ? "The body" : field) + " is above the limit: "
                + limit);
    }

    /** The JSON path of a parser context as Jiandu names fields: {@code details.candidates[3].assetId}. */
    static String pathOf(JsonStreamContext where) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = where; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            sb.append(parts.get(i));
        }
        String s = sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
        return s.isEmpty() ? null : s;
    }
}
