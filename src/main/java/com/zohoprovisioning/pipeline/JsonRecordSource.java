package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON records, streamed with Jackson: a bare array of objects, or an object whose {@code users} array holds them
 * ({@code {"users":[…]}}; its only array if none is named so). A record that is not an object, one with a key named
 * twice or a value over the JSON limits ({@link JsonLimits}), or JSON that breaks off, becomes a record with a problem.
 * The file has been checked before by {@link JsonScan} (nothing after the top-level value, one array of records, no
 * value beyond the parser's limits; the strings over the per-record limit, which are left unread here).
 */
final class JsonRecordSource extends LookAheadRecordSource {

    private final Reader reader;
    private final JsonParser parser;
    private FieldMapping mapping;
    private final Charset charset;
    private final Set<String> fields = new LinkedHashSet<>();
    private final int maxFieldChars;
    private final Map<Long, Long> longStrings;
    private String wrapper;
    private long row;
    private boolean done;

    JsonRecordSource(Reader reader, FieldMapping mapping, Charset charset, ReaderSettings settings,
                     JsonScan.Shape shape) throws IOException {
        this.reader = reader;
        this.maxFieldChars = settings.maxFieldChars();
        this.mapping = mapping;
        this.charset = charset;
        this.longStrings = shape.longStrings();
        try {
            this.parser = JsonLimits.INPUT.createParser(reader);
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (true) {
                    JsonToken t = parser.nextToken();
                    if (t == JsonToken.END_OBJECT || t == null) {
                        throw new FileRejectedException("the JSON object holds no array of records (expected a bare array or {\"users\":[…]})");
                    }
                    String name = parser.currentName();
                    if (parser.nextToken() == JsonToken.START_ARRAY
                            && (shape.wrapperKey() == null || shape.wrapperKey().equals(name))) {
                        wrapper = name;
                        break;
                    }
                    parser.skipChildren();
                }
            } else if (first != JsonToken.START_ARRAY) {
                throw new FileRejectedException("the file is not JSON of the expected shape (a bare array or {\"users\":[…]})");
            }
        } catch (JsonProcessingException e) {
            throw new FileRejectedException("the file is not valid JSON: " + e.getOriginalMessage());
        }
        advance();
        if (pending != null && pending.problem() != null && pending.fields().isEmpty()) {
            throw new FileRejectedException("the JSON is not of the expected shape (an array of objects): record 1 "
                    + "cannot be read: " + pending.problem());
        }
        this.mapping = chooseProfile(this, mapping, fields, maxFieldChars);
    }

    @Override
    protected void advance() {
        pending = null;
        if (done) {
            return;
        }
        long before = row;
        try {
            JsonToken t = parser.nextToken();
            if (t == JsonToken.END_ARRAY) {
                done = true;
                return;
            }
            row++;
            if (t == null) {
                done = true;
                pending = problem("the JSON breaks off after record " + (row - 1) + ": the array of records is never"
                        + " closed, so records after it may be missing");
                return;
            }
            JsonValues.Value value = JsonValues.read(parser, longStrings);
            pending = withProblem(toRecord(row, value.node(), mapping, maxFieldChars), value.problem());
        } catch (JsonEOFException e) {
            done = true;
            row = before + 1;
            pending = problem("the JSON breaks off in the middle of this record (the file ends at "
                    + JsonLimits.where(e, parser) + ")");
        } catch (IOException e) {
            done = true;
            row = before + 1;
            // the first pass (JsonScan) rejects a file that breaks in the middle or goes beyond the parser's limits,
            // so this is a file that changed between the passes: say that the rest was not read
            pending = problem("the JSON cannot be read from here on (" + (e instanceof JsonProcessingException j
                    ? JsonLimits.where(j, parser) + "): " + j.getOriginalMessage() : "): " + e.getMessage())
                    + "; the records after it were not read");
        }
    }

    /**
     * For JSON and NDJSON: the mapping of the profile the keys of the source's first record (if any) reveal, that
     * record read again with it (unless it has a problem); its fields are added to {@code fields}.
     */
    static FieldMapping chooseProfile(LookAheadRecordSource source, FieldMapping mapping, Set<String> fields,
                                      int maxFieldChars) {
        if (source.pending == null) {
            return mapping;
        }
        FieldMapping chosen = mapping.forHeader(source.pending.original().keySet());
        // read again unless it has a problem of its reading (a key named twice, …), which reading again would lose;
        // a problem of its mapping (two keys that mean one field) is the new mapping's to find
        String problem = source.pending.problem();
        if (chosen != mapping && (problem == null
                || !source.pending.fields().isEmpty()
                && problem.equals(remap(source.pending, mapping, maxFieldChars).problem()))) {
            source.pending = remap(source.pending, chosen, maxFieldChars);
        }
        fields.addAll(source.pending.fields().keySet());
        return chosen;
    }

    /** The record with the problem found while reading it (a key named twice, a value over the limits), if any. */
    static InputRecord withProblem(InputRecord r, String problem) {
        return problem == null ? r : r.withProblem(problem);
    }

    private InputRecord problem(String message) {
        return new InputRecord(row, new LinkedHashMap<>(), new LinkedHashMap<>(), message);
    }

    static InputRecord toRecord(long row, JsonNode node, FieldMapping mapping, int maxFieldChars) {
        Map<String, Object> original = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || !node.isObject()) {
            return new InputRecord(row, original, values, "the record is " + kind(node) + ", not a JSON object");
        }
        String problem = null;
        Map<String, String> keyOf = new java.util.HashMap<>();
        JsonNode earlierRow = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (FieldMapping.isResultColumn(e.getKey())) {
                if (FieldMapping.isResultRowColumn(e.getKey())) {
                    earlierRow = e.getValue();
                }
                continue;
            }
            JsonNode value = e.getValue();
            String field = mapping.field(e.getKey());
            String other = keyOf.putIfAbsent(field, e.getKey());
            if (other != null && problem == null) {
                problem = "the keys '" + JsonValues.shorten(other) + "' and '" + JsonValues.shorten(e.getKey())
                        + "' both mean the field '" + field + "': name each field once";
            }
            if (problem == null && mapping.isFeedField(field) && !isValue(value)) {
                problem = "the field '" + JsonValues.shorten(e.getKey()) + "' holds " + kind(value)
                        + " where a value is expected (a string, number or true/false)";
            }
            String text = scalar(value);
            if (text.length() > maxFieldChars) {
                problem = problem != null ? problem : "the field '" + e.getKey() + "' is " + text.length() + " characters long (limit "
                        + maxFieldChars + ", provisioning.max-field-chars); only its first 200 are kept here";
                text = text.substring(0, 200) + "…";
                value = TextNode.valueOf(text);
            }
            original.put(e.getKey(), value);
            if (other == null) {
                values.put(field, text); // of two keys that mean one field the first is kept (the record is refused)
            }
        }
        InputRecord r = new InputRecord(row, original, values, problem);
        if (earlierRow != null) {
            r.fromEarlierRow(earlierRow);
        }
        return r;
    }

    /** The record read again with another mapping (the profile its keys revealed). */
    static InputRecord remap(InputRecord r, FieldMapping mapping, int maxFieldChars) {
        com.fasterxml.jackson.databind.node.ObjectNode node =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        r.original().forEach((k, v) -> node.set(k, v instanceof JsonNode n ? n : TextNode.valueOf(String.valueOf(v))));
        InputRecord again = toRecord(r.row(), node, mapping, maxFieldChars);
        again.earlierRow = r.earlierRow;
        return again;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isTextual()) {
            return "a string";
        }
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * True for a value a feed's field can take: a string, number, boolean or null, or an object naming its
     * {@code id} or {@code name} (Zoho's own shape, {@code "role":{"id":…}}); not an array or another object.
     */
    private static boolean isValue(JsonNode v) {
        if (v == null || v.isValueNode()) {
            return true;
        }
        return v.isObject() && (v.hasNonNull("id") || v.hasNonNull("name"))
                && !v.path("id").isContainerNode() && !v.path("name").isContainerNode();
    }

    /** A JSON value as text: objects such as {"id":…,"name":…} give their id (or name). */
    private static String scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isObject()) {
            return v.hasNonNull("id") ? v.get("id").asText() : v.path("name").asText("");
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode x : v) {
                sb.append(sb.length() == 0 ? "" : ",").append(x.asText());
            }
            return sb.toString();
        }
        return v.asText().trim();
    }

    @Override
    public FieldMapping mapping() {
        return mapping;
    }

    @Override
    public List<String> columns() {
        return null;
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public String jsonWrapper() {
        return wrapper;
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
