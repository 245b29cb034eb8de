package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * NDJSON / JSON Lines: one JSON object per line; blank lines are skipped, a bad line (not JSON, two values on one
 * line, a key named twice, a value over the JSON limits of {@link JsonLimits}: a string, number or key too long, a
 * value nested too deep) is a record with a problem that says which, and reading goes on at the next.
 */
final class NdjsonRecordSource extends LookAheadRecordSource {

    private final BufferedReader reader;
    private FieldMapping mapping;
    private final Charset charset;
    private final Set<String> fields = new LinkedHashSet<>();
    private final int maxFieldChars;
    private long row;
    private long line;

    NdjsonRecordSource(BufferedReader reader, FieldMapping mapping, Charset charset, ReaderSettings settings) {
        this.reader = reader;
        this.maxFieldChars = settings.maxFieldChars();
        this.mapping = mapping;
        this.charset = charset;
        advance();
        if (pending != null && pending.problem() != null && pending.fields().isEmpty()) {
            throw new FileRejectedException("the file is not NDJSON (one JSON object per line): " + pending.problem()
                    + (line == 1 && pending.original().containsKey("raw_line")
                    && String.valueOf(pending.original().get("raw_line")).trim().startsWith("[")
                    ? "; it looks like a JSON array: name it .json" : ""));
        }
        this.mapping = JsonRecordSource.chooseProfile(this, mapping, fields, maxFieldChars);
    }

    @Override
    protected void advance() {
        pending = null;
        try {
            String text;
            do {
                text = reader.readLine();
                line++;
            } while (text != null && text.isBlank());
            if (text == null) {
                return;
            }
            row++;
            try (JsonParser p = JsonLimits.INPUT.createParser(text)) {
                p.nextToken();
                JsonValues.Value value = JsonValues.read(p);
                if (p.nextToken() != null) {
                    pending = rawLine(text, "line " + line + " holds more than one JSON value (two records on one"
                            + " line?): put each record on a line of its own");
                    return;
                }
                pending = JsonRecordSource.withProblem(
                        JsonRecordSource.toRecord(row, value.node(), mapping, maxFieldChars), value.problem());
            } catch (StreamConstraintsException e) {
                pending = rawLine(text, "line " + line + " holds a value beyond what the JSON reader can take at all"
                        + ": " + JsonLimits.describe(e));
            } catch (IOException e) {
                pending = rawLine(text, "line " + line + " is not valid JSON");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputRecord rawLine(String text, String problem) {
        LinkedHashMap<String, Object> raw = new LinkedHashMap<>();
        raw.put("raw_line", text);
        return new InputRecord(row, raw, new LinkedHashMap<>(), problem);
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
    public Charset charset() {
        return charset;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
