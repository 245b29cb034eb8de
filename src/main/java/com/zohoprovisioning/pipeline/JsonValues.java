package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reading JSON input values so that no record can vanish. The parser is built with Jackson's limits on number and
 * key length lifted, so that a value beyond the usual limits does not end the stream there (Jackson cannot resume
 * after such an error); each record is then built here token by token and checked against those usual limits
 * ({@link #MAX_NUMBER_LENGTH}, {@link #MAX_NAME_LENGTH}) and for a key named twice: such a record gets a problem
 * (an error line) and the records after it are read as usual. Numbers are only converted when within the limit.
 */
final class JsonValues {

    /** Jackson's default limits, kept per record. */
    static final int MAX_NUMBER_LENGTH = StreamReadConstraints.DEFAULT_MAX_NUM_LEN;
    static final int MAX_NAME_LENGTH = StreamReadConstraints.DEFAULT_MAX_NAME_LEN;

    /** The mapper for input files: number and key length checked per record here, not by the parser. */
    static final ObjectMapper INPUT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .build());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonValues() {
    }

    /** A value read from the parser, and the first reason it cannot be taken as a record (or null). */
    record Value(JsonNode node, String problem) {
    }

    /** Reads the value at the parser's current token (and its children): the parser ends on its last token. */
    static Value read(JsonParser p) throws IOException {
        String[] problem = new String[1];
        JsonNode node = read(p, problem);
        return new Value(node, problem[0]);
    }

    private static JsonNode read(JsonParser p, String[] problem) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return null;
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (name.length() > MAX_NAME_LENGTH) {
                        note(problem, "a key is " + name.length() + " characters long, over the JSON reader's limit of "
                                + MAX_NAME_LENGTH + " (it begins '" + name.substring(0, 40) + "…')");
                        name = name.substring(0, 200) + "…";
                    }
                    p.nextToken();
                    JsonNode value = read(p, problem);
                    if (!seen.add(name)) {
                        note(problem, "the key '" + shorten(name) + "' appears more than once in this record: "
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
                    a.add(read(p, problem));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                String text = p.getText();
                int digits = text.startsWith("-") ? text.length() - 1 : text.length();
                if (digits > MAX_NUMBER_LENGTH) {
                    String key = p.currentName();
                    note(problem, "the number" + (key == null ? "" : " in '" + shorten(key) + "'") + " is "
                            + digits + " characters long, over the JSON reader's limit of " + MAX_NUMBER_LENGTH);
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

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static void note(String[] problem, String message) {
        if (problem[0] == null) {
            problem[0] = message;
        }
    }

    /** The outcome of {@link #scan}: the wrapper key to read the records from (null: a bare array or unknown). */
    record Shape(String wrapperKey) {
    }

    /**
     * A first pass over a JSON file, token by token (nothing kept in memory), before anything is sent: it rejects
     * what would otherwise lose records without a word — anything after the top-level value (two arrays one after
     * the other), a wrapper object with several arrays none of which is {@code users}, a wrapper key named twice, or
     * JSON that is broken in the middle of the records (the parser cannot resume after it). JSON that merely breaks
     * off at the end is left to the reading pass (an error line for the record cut off), and so is anything wrong
     * before the records begin (the reading pass rejects the file with its usual reasons).
     */
    static Shape scan(Reader reader) throws IOException {
        try (JsonParser p = INPUT.createParser(reader)) {
            JsonToken first;
            try {
                first = p.nextToken();
            } catch (JsonProcessingException e) {
                return new Shape(null);
            }
            String key = null;
            long[] records = new long[1];
            try {
                if (first == JsonToken.START_OBJECT) {
                    List<String> keys = new ArrayList<>();
                    List<String> arrays = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        keys.add(shorten(name));
                        if (!seen.add(name)) {
                            throw new FileRejectedException("the JSON object names the key '" + shorten(name)
                                    + "' twice (keys found: " + String.join(", ", keys) + "): records could be lost");
                        }
                        if (p.nextToken() == JsonToken.START_ARRAY) {
                            arrays.add(name);
                            skipElements(p, records);
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (p.currentToken() == null) {
                        return new Shape(null); // breaks off: the reading pass says so
                    }
                    if (arrays.contains("users")) {
                        key = "users";
                    } else if (arrays.size() > 1) {
                        throw new FileRejectedException("the JSON object holds " + arrays.size()
                                + " arrays and none is named 'users' (keys found: " + String.join(", ", keys)
                                + "): put the records in {\"users\":[…]}");
                    } else if (arrays.size() == 1) {
                        key = arrays.get(0);
                    }
                } else if (first == JsonToken.START_ARRAY) {
                    skipElements(p, records);
                    if (p.currentToken() == null) {
                        return new Shape(null);
                    }
                } else {
                    return new Shape(null);
                }
            } catch (JsonEOFException e) {
                return new Shape(null); // breaks off at the end: the reading pass gives the record cut off an error line
            } catch (JsonProcessingException e) {
                throw new FileRejectedException("the JSON is broken after " + records[0] + " complete record(s) (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                        + e.getOriginalMessage() + "; the records after it cannot be read, so none was sent");
            }
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonProcessingException e) {
                after = JsonToken.NOT_AVAILABLE;
            }
            if (after != null) {
                com.fasterxml.jackson.core.JsonLocation at = after == JsonToken.NOT_AVAILABLE
                        ? p.currentLocation() : p.currentTokenLocation();
                throw new FileRejectedException("there is more after the end of the JSON "
                        + (first == JsonToken.START_ARRAY ? "array" : "object") + " (line "
                        + at.getLineNr() + ", column " + at.getColumnNr()
                        + "), such as a second array of records: put all records in one array");
            }
            return new Shape(key);
        }
    }

    /** Skips the elements of the array just started, counting the complete ones. */
    private static void skipElements(JsonParser p, long[] count) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                return;
            }
            p.skipChildren();
            count[0]++;
        }
    }
}
