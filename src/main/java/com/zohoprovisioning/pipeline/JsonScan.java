package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A first pass over a JSON file, token by token (no value kept in memory), before anything is sent. It rejects what
 * would otherwise lose records without a word: anything after the top-level value (two arrays one after the other),
 * a wrapper object with several arrays none of which is {@code users}, a wrapper key named twice, JSON that is broken
 * in the middle of the records (the parser cannot resume after it), and a value beyond the parser's own limits
 * ({@link JsonLimits}). It also finds the strings longer than the per-record limit (the parser skips a string here
 * without reading it): the reading pass leaves those unread and gives their record an error line. JSON that merely
 * breaks off at the end is left to the reading pass (an error line for the record cut off), and so is anything
 * wrong before the records begin (the reading pass rejects the file with its usual reasons).
 */
final class JsonScan {

    /**
     * The outcome: the wrapper key to read the records from (null: a bare array or unknown), and the strings over
     * {@link JsonLimits#MAX_STRING_LENGTH}, by the character offset of their opening quote, with the number of
     * characters each takes in the file (their length as written, escapes counted, and the blanks after it).
     */
    record Shape(String wrapperKey, Map<Long, Long> longStrings) {
    }

    private final JsonParser p;
    private final Map<Long, Long> longStrings = new HashMap<>();
    private long stringStart = -1;
    private long records;

    private JsonScan(JsonParser p) {
        this.p = p;
    }

    static Shape scan(Reader reader) throws IOException {
        try (JsonParser p = JsonLimits.INPUT.createParser(reader)) {
            return new JsonScan(p).run();
        }
    }

    private Shape run() throws IOException {
        JsonToken first;
        try {
            first = p.nextToken();
        } catch (JsonProcessingException e) {
            return shape(null);
        }
        String key = null;
        try {
            if (first == JsonToken.START_OBJECT) {
                List<String> keys = new ArrayList<>();
                List<String> arrays = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    keys.add(JsonValues.shorten(name));
                    if (!seen.add(name)) {
                        throw new FileRejectedException("the JSON object names the key '" + JsonValues.shorten(name)
                                + "' twice (keys found: " + String.join(", ", keys) + "): records could be lost");
                    }
                    if (p.nextToken() == JsonToken.START_ARRAY) {
                        arrays.add(name);
                        skipElements();
                    } else {
                        p.skipChildren();
                    }
                }
                if (p.currentToken() == null) {
                    return shape(null); // breaks off: the reading pass says so
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
                skipElements();
                if (p.currentToken() == null) {
                    return shape(null);
                }
            } else {
                return shape(null);
            }
        } catch (JsonEOFException e) {
            endOfStringAt(p.currentLocation());
            return shape(null); // breaks off at the end: the reading pass gives the record cut off an error line
        } catch (StreamConstraintsException e) {
            throw new FileRejectedException("the JSON holds a value beyond what the JSON reader can take at all, after "
                    + records + " complete record(s) (" + JsonLimits.where(e, p) + "): " + JsonLimits.describe(e)
                    + "; the records after it cannot be read, so none was sent");
        } catch (JsonProcessingException e) {
            throw new FileRejectedException("the JSON is broken after " + records + " complete record(s) ("
                    + JsonLimits.where(e, p) + "): " + e.getOriginalMessage()
                    + "; the records after it cannot be read, so none was sent");
        }
        JsonToken after;
        try {
            after = p.nextToken();
        } catch (JsonProcessingException e) {
            after = JsonToken.NOT_AVAILABLE;
        }
        if (after != null) {
            JsonLocation at = after == JsonToken.NOT_AVAILABLE ? p.currentLocation() : p.currentTokenLocation();
            throw new FileRejectedException("there is more after the end of the JSON "
                    + (first == JsonToken.START_ARRAY ? "array" : "object") + " (line "
                    + at.getLineNr() + ", column " + at.getColumnNr()
                    + "), such as a second array of records: put all records in one array"
                    + (first == JsonToken.START_OBJECT && after == JsonToken.START_OBJECT
                    ? ", or, for one JSON object per line (NDJSON), name the file .ndjson" : ""));
        }
        return shape(key);
    }

    private Shape shape(String key) {
        return new Shape(key, longStrings);
    }

    /** Skips the elements of the array just started, counting the complete ones and noting the long strings. */
    private void skipElements() throws IOException {
        int depth = 0;
        while (true) {
            JsonToken t = p.nextToken();
            if (stringStart >= 0) {
                endOfStringAt(t == null ? p.currentLocation() : p.currentTokenLocation());
            }
            if (t == null) {
                return;
            }
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> {
                    if (depth == 0) {
                        return; // the end of the array of records
                    }
                    if (--depth == 0) {
                        records++;
                    }
                }
                case FIELD_NAME -> {
                }
                default -> {
                    if (t == JsonToken.VALUE_STRING) {
                        stringStart = p.currentTokenLocation().getCharOffset();
                    }
                    if (depth == 0) {
                        records++;
                    }
                }
            }
        }
    }

    /** The string begun at {@link #stringStart} ends before {@code next}: noted when it is over the limit. */
    private void endOfStringAt(JsonLocation next) {
        if (stringStart < 0 || next == null) {
            return;
        }
        long taken = next.getCharOffset() - stringStart;
        if (taken - 3 > JsonLimits.MAX_STRING_LENGTH) { // its quotes and what follows it are not in it
            longStrings.put(stringStart, taken);
        }
        stringStart = -1;
    }
}
