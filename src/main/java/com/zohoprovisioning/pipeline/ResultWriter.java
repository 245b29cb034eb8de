package com.zohoprovisioning.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes result records in the input's format: the original fields in their order, then the {@code result_*}
 * fields. CSV keeps the input's delimiter and is UTF-8, with a BOM unless {@code provisioning.results-bom=false}; cells that a spreadsheet would run as a formula
 * (starting with = + - @ tab CR) get a leading apostrophe, which {@link #unneutralise} removes again on re-import.
 * Written through a buffer, not flushed per record: a restart rebuilds the file from the run's journal
 * ({@link FileJournal}), which is written first. Thread-safe.
 */
public final class ResultWriter implements Closeable {

    public static final List<String> RESULT_FIELDS = List.of("result_status", "result_action", "result_id",
            "result_code", "result_message", "result_http_status", "result_row");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final FileFormat format;
    private final List<String> columns;
    private final String profile;
    private final Writer out;
    private CSVPrinter csv;
    private JsonGenerator json;
    private long count;

    public ResultWriter(Path path, FileFormat format, List<String> columns, char delimiter, boolean bom,
                        String jsonWrapper) {
        this(path, format, columns, delimiter, bom, jsonWrapper, null);
    }

    /** With a mapping profile: every result also names it in {@code result_profile}. */
    public ResultWriter(Path path, FileFormat format, List<String> columns, char delimiter, boolean bom,
                        String jsonWrapper, String profile) {
        this.path = path;
        this.profile = profile;
        this.format = format;
        this.columns = columns;
        try {
            OutputFiles.file(path);
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
            switch (format) {
                case CSV -> {
                    if (bom) {
                        out.write('\uFEFF');
                    }
                    List<String> header = new ArrayList<>(columns);
                    header.addAll(RESULT_FIELDS);
                    if (profile != null) {
                        header.add("result_profile");
                    }
                    csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(delimiter).get());
                    csv.printRecord(header.stream().map(ResultWriter::neutralise).toList());
                    csv.flush();
                }
                case JSON -> {
                    // the generator's flush per record hands its bytes to the buffer, not to the disk
                    json = JSON.getFactory().createGenerator(out).disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                    json.setPrettyPrinter(new com.fasterxml.jackson.core.util.DefaultPrettyPrinter());
                    if (jsonWrapper != null) {
                        json.writeStartObject();
                        json.writeArrayFieldStart(jsonWrapper);
                    } else {
                        json.writeStartArray();
                    }
                    json.flush();
                }
                case NDJSON -> {
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write result file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public synchronized long count() {
        return count;
    }

    public synchronized void write(InputRecord record, RecordOutcome outcome) {
        List<String> results = results(record, outcome);
        try {
            switch (format) {
                case CSV -> {
                    List<String> row = new ArrayList<>(columns.size() + results.size());
                    for (String c : columns) {
                        Object v = record.original().get(c);
                        row.add(neutralise(v == null ? "" : v.toString()));
                    }
                    for (String r : results) {
                        row.add(neutralise(r));
                    }
                    if (profile != null) {
                        row.add(neutralise(profile));
                    }
                    csv.printRecord(row);
                }
                case JSON -> {
                    writeObject(json, record, results, profile);
                    json.flush();
                }
                case NDJSON -> {
                    JsonGenerator g = JSON.getFactory().createGenerator(out)
                            .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
                    writeObject(g, record, results, profile);
                    g.flush();
                    out.write('\n');
                }
            }
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write result file " + path, e);
        }
    }

    private static void writeObject(JsonGenerator g, InputRecord record, List<String> results, String profile)
            throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : record.original().entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() instanceof JsonNode n) {
                g.writeTree(n);
            } else {
                g.writeString(e.getValue() == null ? "" : e.getValue().toString());
            }
        }
        for (int i = 0; i < RESULT_FIELDS.size(); i++) {
            String name = RESULT_FIELDS.get(i);
            String v = results.get(i);
            if (name.equals("result_http_status") || name.equals("result_row")) {
                if (v.isEmpty()) {
                    g.writeNullField(name);
                } else {
                    g.writeNumberField(name, Long.parseLong(v));
                }
            } else {
                g.writeStringField(name, v);
            }
        }
        if (profile != null) {
            g.writeStringField("result_profile", profile);
        }
        g.writeEndObject();
    }

    private static List<String> results(InputRecord record, RecordOutcome o) {
        return List.of(o.success() ? "success" : "error", nz(o.action()), nz(o.id()), nz(o.code()), nz(o.message()),
                o.httpStatus() == null ? "" : o.httpStatus().toString(), String.valueOf(record.resultRow()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Prefixes an apostrophe to a cell (a value or a column name) a spreadsheet would read as a formula, and to a
     * cell that already starts with apostrophes before such a character, so that {@link #unneutralise} gives back
     * exactly what was written.
     */
    public static String neutralise(String v) {
        if (v.isEmpty()) {
            return v;
        }
        int k = 0;
        while (k < v.length() && v.charAt(k) == '\'') {
            k++;
        }
        return k < v.length() && formulaStart(v.charAt(k)) ? "'" + v : v;
    }

    /**
     * Undoes {@link #neutralise} on input; only for cells of a file this tool wrote (one with a
     * {@code result_status} column), never for the cells of any other input.
     */
    public static String unneutralise(String v) {
        // exactly the cells neutralise prefixes: an apostrophe before what neutralise would have prefixed
        return v.length() >= 2 && v.charAt(0) == '\'' && neutralise(v.substring(1)).equals(v) ? v.substring(1) : v;
    }

    private static boolean formulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    @Override
    public synchronized void close() throws IOException {
        if (csv != null) {
            csv.close(true);
        } else if (json != null) {
            json.writeEndArray();
            if (json.getOutputContext().inObject()) {
                json.writeEndObject();
            }
            json.close();
            out.close();
        } else {
            out.close();
        }
    }
}
