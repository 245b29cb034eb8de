package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** NDJSON / JSON Lines: one JSON object per line; blank lines are skipped, a bad line is a record with a problem. */
final class NdjsonRecordSource extends LookAheadRecordSource {

    private final BufferedReader reader;
    private final ObjectMapper json;
    private FieldMapping mapping;
    private final Charset charset;
    private final Set<String> fields = new LinkedHashSet<>();
    private final int maxFieldChars;
    private long row;
    private long line;

    NdjsonRecordSource(BufferedReader reader, ObjectMapper json, FieldMapping mapping, Charset charset,
                       int maxFieldChars) {
        this.reader = reader;
        this.maxFieldChars = maxFieldChars;
        this.json = json;
        this.mapping = mapping;
        this.charset = charset;
        advance();
        if (pending != null && pending.problem() != null && pending.fields().isEmpty()) {
            throw new FileRejectedException("the file is not NDJSON (one JSON object per line): " + pending.problem()
                    + (line == 1 && pending.original().containsKey("raw_line")
                    && String.valueOf(pending.original().get("raw_line")).trim().startsWith("[")
                    ? "; it looks like a JSON array: name it .json" : ""));
        }
        if (pending != null) {
            FieldMapping chosen = this.mapping.forHeader(pending.original().keySet());
            if (chosen != this.mapping) {
                this.mapping = chosen;
                if (pending.problem() == null) {
                    pending = JsonRecordSource.remap(pending, chosen, maxFieldChars);
                }
            }
            fields.addAll(pending.fields().keySet());
        }
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
            try {
                pending = JsonRecordSource.toRecord(row, json.readTree(text), mapping, maxFieldChars);
            } catch (IOException e) {
                LinkedHashMap<String, Object> raw = new LinkedHashMap<>();
                raw.put("raw_line", text);
                pending = new InputRecord(row, raw, new LinkedHashMap<>(), "line " + line + " is not valid JSON");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
