package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reading JSON input values so that no record can vanish. The parser ({@link JsonLimits#INPUT}) is built with
 * Jackson's limits lifted, so that a value beyond the usual limits does not end the stream there (Jackson cannot
 * resume after such an error); each record is then built here token by token and checked against those usual limits
 * (string, number and key length, nesting depth: {@link JsonLimits}) and for a key named twice: such a record gets a
 * problem (an error line) and the records after it are read as usual. A string the first pass found too long is
 * skipped unread, a value nested too deep is skipped by the parser, and numbers are only converted when within the
 * limit.
 */
final class JsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** A value read from the parser, and the first reason it cannot be taken as a record (or null). */
    record Value(JsonNode node, String problem) {
    }

    /** What reading one record found: its first problem, the key of the record being read, the long strings. */
    private static final class Reading {
        private final Map<Long, Long> longStrings;
        private String problem;
        private String field;
        private boolean tooDeep;

        Reading(Map<Long, Long> longStrings) {
            this.longStrings = longStrings;
        }

        void note(String message) {
            if (problem == null) {
                problem = message;
            }
        }

        String in() {
            return field == null ? "" : " in '" + shorten(field) + "'";
        }
    }

    /** Reads the value at the parser's current token (and its children): the parser ends on its last token. */
    static Value read(JsonParser p) throws IOException {
        return read(p, Map.of());
    }

    /**
     * As {@link #read(JsonParser)}; {@code longStrings}: the strings over the limit that the first pass found
     * ({@link JsonScan.Shape#longStrings()}), left unread.
     */
    static Value read(JsonParser p, Map<Long, Long> longStrings) throws IOException {
        Reading reading = new Reading(longStrings);
        JsonNode node = read(p, reading, 0);
        return new Value(node, reading.problem);
    }

    private static JsonNode read(JsonParser p, Reading r, int level) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
                && p.getParsingContext().getNestingDepth() > JsonLimits.MAX_NESTING_DEPTH) {
            r.note("the value" + r.in() + " is nested more than " + JsonLimits.MAX_NESTING_DEPTH
                    + " levels deep, over the JSON reader's limit of " + JsonLimits.MAX_NESTING_DEPTH);
            r.tooDeep = true;
            p.skipChildren();
            return null;
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (name.length() > JsonLimits.MAX_NAME_LENGTH) {
                        r.note("a key is " + name.length() + " characters long, over the JSON reader's limit of "
                                + JsonLimits.MAX_NAME_LENGTH + " (it begins '" + name.substring(0, 40) + "…')");
                        name = name.substring(0, 200) + "…";
                    }
                    if (level == 0) {
                        r.field = name;
                        r.tooDeep = false;
                    }
                    p.nextToken();
                    JsonNode value = read(p, r, level + 1);
                    if (level == 0 && r.tooDeep) {
                        value = NODES.textNode("(not read: nested more than " + JsonLimits.MAX_NESTING_DEPTH
                                + " levels deep)");
                    }
                    if (!seen.add(name)) {
                        r.note("the key '" + shorten(name) + "' appears more than once in this record: "
                                + "each field must be named once");
                        continue; // the first value is kept for the error line
                    }
                    o.set(name, value);
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == null) {
                        throw new JsonEOFException(p, null, "unexpected end of input in an array");
                    }
                    a.add(read(p, r, level + 1));
                }
                return a;
            }
            case VALUE_STRING:
                return string(p, r);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText();
                int digits = text.startsWith("-") ? text.length() - 1 : text.length();
                if (digits > JsonLimits.MAX_NUMBER_LENGTH) {
                    r.note("the number" + r.in() + " is " + digits + " characters long, over the JSON reader's limit of "
                            + JsonLimits.MAX_NUMBER_LENGTH);
                    return NODES.textNode(text.substring(0, 200) + "…");
                }
                if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                    return NODES.numberNode(p.getDoubleValue());
                }
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                return NODES.pojoNode(p.getEmbeddedObject());
        }
    }

    /** A string, unless it is over the limit: one the first pass found is not read at all (the parser skips it). */
    private static JsonNode string(JsonParser p, Reading r) throws IOException {
        Long taken = r.longStrings.isEmpty() ? null : r.longStrings.get(p.currentTokenLocation().getCharOffset());
        if (taken != null) {
            r.note("the string" + r.in() + " takes " + taken + " characters of the file, over the JSON reader's limit of "
                    + JsonLimits.MAX_STRING_LENGTH + " characters, and was not read");
            return NODES.textNode("(not read: over " + JsonLimits.MAX_STRING_LENGTH + " characters)");
        }
        String text = p.getText();
        if (text.length() > JsonLimits.MAX_STRING_LENGTH) {
            r.note("the string" + r.in() + " is " + text.length() + " characters long, over the JSON reader's limit of "
                    + JsonLimits.MAX_STRING_LENGTH);
            return NODES.textNode(text.substring(0, 200) + "…");
        }
        return NODES.textNode(text);
    }

    static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

}
