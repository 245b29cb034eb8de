package com.zohoprovisioning.mapping;

import com.zohoprovisioning.pipeline.FieldMapping;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.LookAheadRecordSource;
import com.zohoprovisioning.pipeline.RecordSource;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The records of a file with its mapping profile applied, in this order: rows to skip (not records: counted by
 * reason, never sent, never in a result file), values to drop (a password: removed from the record and blanked in
 * the result files), value maps, then defaults (the profile's, then the feed's) for fields still empty. Records that
 * could not be read pass through untouched, so they still reach the error file.
 */
public final class ProfiledRecordSource extends LookAheadRecordSource {

    /** Row numbers kept per skip reason in the summary. */
    static final int ROWS_LISTED = 50;

    private final RecordSource source;
    private final FieldMapping mapping;
    private final MappingProfile profile;
    private final Map<String, String> fieldOf = new HashMap<>();
    private final Set<String> fields = new LinkedHashSet<>();
    private final Map<String, Long> skippedRows = new LinkedHashMap<>();
    private final Map<String, List<Long>> skippedRowNumbers = new LinkedHashMap<>();
    private final Map<String, Long> droppedValues = new LinkedHashMap<>();
    private final Map<String, Long> skippedLines = new LinkedHashMap<>();

    public ProfiledRecordSource(RecordSource source) {
        this.source = source;
        this.mapping = source.mapping();
        this.profile = mapping == null ? null : mapping.profile();
        for (String reason : source.skippedLines()) {
            skippedLines.merge(reason, 1L, Long::sum);
        }
        fields.addAll(source.fields());
        if (mapping != null) {
            if (profile != null) {
                profile.values().forEach(v -> fields.add(mapping.target(v.target())));
                profile.defaults().keySet().forEach(f -> fields.add(mapping.target(f)));
            }
            fields.addAll(mapping.defaults().keySet());
        }
        advance();
    }

    @Override
    protected void advance() {
        pending = null;
        while (source.hasNext()) {
            InputRecord r = apply(source.next());
            if (r != null) {
                pending = r;
                return;
            }
        }
    }

    /** The record with the profile applied, or null when a skip rule drops it. */
    private InputRecord apply(InputRecord r) {
        if (r.problem() != null || mapping == null) {
            return r;
        }
        Map<String, String> values = r.fields();
        if (profile != null) {
            for (MappingProfile.Rule rule : profile.skipRows()) {
                if (rule.test(values.get(field(rule.column())))) {
                    synchronized (this) {
                        skippedRows.merge(rule.reason(), 1L, Long::sum);
                        List<Long> rows = skippedRowNumbers.computeIfAbsent(rule.reason(), k -> new ArrayList<>());
                        if (rows.size() < ROWS_LISTED) {
                            rows.add(r.row());
                        }
                    }
                    return null;
                }
            }
            for (MappingProfile.Rule rule : profile.dropValues()) {
                String field = field(rule.column());
                if (rule.test(values.get(field))) {
                    values.remove(field);
                    for (Map.Entry<String, Object> e : r.original().entrySet()) {
                        if (field(e.getKey()).equals(field)) {
                            e.setValue("");
                        }
                    }
                    synchronized (this) {
                        droppedValues.merge(rule.reason(), 1L, Long::sum);
                    }
                }
            }
            for (MappingProfile.ValueMap vm : profile.values()) {
                String from = null;
                for (String column : vm.from()) {
                    String v = values.get(field(column));
                    if (v != null && !v.isEmpty()) {
                        from = v;
                        break;
                    }
                }
                String out = vm.apply(from);
                if (out != null && !out.isEmpty()) {
                    values.put(mapping.target(vm.target()), out);
                }
            }
            profile.defaults().forEach((f, v) -> fillDefault(r, mapping.target(f), v));
        }
        mapping.defaults().forEach((f, v) -> fillDefault(r, f, v));
        return r;
    }

    private static void fillDefault(InputRecord r, String field, String value) {
        if (r.get(field) == null && !value.isEmpty()) {
            r.putDefault(field, value);
        }
    }

    private String field(String column) {
        return fieldOf.computeIfAbsent(column, mapping::field);
    }

    /** What the summary says about the mapping: the profile and how it was chosen, and what was skipped. */
    public synchronized Map<String, Object> profileReport() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", profile == null ? null : profile.name());
        p.put("description", profile == null ? null : profile.description());
        p.put("chosen_by", profile == null ? null : mapping.profileSource());
        return p;
    }

    public synchronized Map<String, Object> skippedReport() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows", skippedRows.values().stream().mapToLong(Long::longValue).sum());
        s.put("rows_by_reason", new LinkedHashMap<>(skippedRows));
        s.put("row_numbers", new LinkedHashMap<>(skippedRowNumbers));
        s.put("lines_before_header", new LinkedHashMap<>(skippedLines));
        s.put("values_dropped", new LinkedHashMap<>(droppedValues));
        s.put("blank_rows", source.blankRows());
        return s;
    }

    public synchronized long skippedRowCount() {
        return skippedRows.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public long blankRows() {
        return source.blankRows();
    }

    @Override
    public List<String> columns() {
        return source.columns();
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public String jsonWrapper() {
        return source.jsonWrapper();
    }

    @Override
    public char delimiter() {
        return source.delimiter();
    }

    @Override
    public Charset charset() {
        return source.charset();
    }

    @Override
    public boolean bom() {
        return source.bom();
    }

    @Override
    public FieldMapping mapping() {
        return mapping;
    }

    @Override
    public List<String> skippedLines() {
        return source.skippedLines();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
