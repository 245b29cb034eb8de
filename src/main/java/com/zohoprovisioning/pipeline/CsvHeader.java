package com.zohoprovisioning.pipeline;

import org.apache.commons.csv.CSVRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file's header row and what it means: the columns kept (the {@code result_*} ones of a result file dropped
 * back are not), the field each one is, the mapping profile it chose; and a row's record by it. A header that names a
 * column twice, two columns meaning one field, or more columns than allowed rejects the file.
 */
final class CsvHeader {

    final List<String> names = new ArrayList<>();
    final Set<String> fields = new LinkedHashSet<>();
    final FieldMapping mapping;
    final int totalColumns;
    private final List<Integer> keep = new ArrayList<>();
    private final List<String> keepFields = new ArrayList<>();
    private final int maxFieldChars;
    private final boolean resultFile;
    /** The index of a {@code result_row} column (a result file dropped back), or -1. */
    private int resultRowColumn = -1;

    CsvHeader(CSVRecord row, FieldMapping mapping, ReaderSettings settings) {
        this.totalColumns = row.size();
        this.maxFieldChars = settings.maxFieldChars();
        if (totalColumns > settings.maxColumns()) {
            throw new FileRejectedException("the header has " + totalColumns + " columns, over the limit of "
                    + settings.maxColumns() + " (provisioning.max-columns)");
        }
        // a result file of this tool dropped again: its cells (and column names) carry the protective apostrophe
        // of ResultWriter.neutralise, which is taken off again; any other input keeps its apostrophes
        boolean result = false;
        for (String n : row) {
            result |= n.replace("\uFEFF", "").trim().equalsIgnoreCase("result_status");
        }
        this.resultFile = result;
        List<String> written = new ArrayList<>();
        for (String n : row) {
            written.add(name(n));
        }
        this.mapping = mapping.forHeader(written);
        Map<String, String> seen = new HashMap<>();
        Map<String, String> seenFields = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String name = name(row.get(i));
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            if (seen.put(name.toLowerCase(Locale.ROOT), name) != null) {
                throw new FileRejectedException("the header names the column '" + name + "' twice");
            }
            if (FieldMapping.isResultColumn(name)) {
                if (FieldMapping.isResultRowColumn(name)) {
                    resultRowColumn = i;
                }
                continue;
            }
            String field = this.mapping.field(name);
            String other = seenFields.put(field, name);
            if (other != null) {
                throw new FileRejectedException("the columns '" + other + "' and '" + name + "' both mean the field '"
                        + field + "'");
            }
            names.add(name);
            keep.add(i);
            keepFields.add(field);
            fields.add(field);
        }
    }

    /** A column name as written, without BOM and spaces, and without this tool's apostrophe in a result file. */
    private String name(String n) {
        String name = n.replace("\uFEFF", "").trim();
        return resultFile ? ResultWriter.unneutralise(name) : name;
    }

    /** The name of the column at this index of the row, as the results show it. */
    String column(int index) {
        int k = keep.indexOf(index);
        return k >= 0 ? names.get(k) : "column_" + (index + 1);
    }

    /** A row's record; {@code problem}: why it cannot be sent, or null (then checked here). */
    InputRecord record(long row, String[] rec, String problem) {
        int capacity = keep.size() * 4 / 3 + 1; // no rehashing while the row is put in
        Map<String, Object> original = new LinkedHashMap<>(capacity);
        Map<String, String> values = new LinkedHashMap<>(capacity);
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            String v = i < rec.length ? rec[i] : "";
            if (v.length() > maxFieldChars) {
                problem = problem != null ? problem : "the field '" + names.get(k) + "' is " + v.length()
                        + " characters long (limit " + maxFieldChars + ", provisioning.max-field-chars); only its first"
                        + " 200 are kept here";
                v = v.substring(0, 200) + "…";
            }
            if (resultFile) {
                v = ResultWriter.unneutralise(v);
            }
            original.put(names.get(k), v);
            values.put(keepFields.get(k), v.trim());
        }
        if (problem == null && rec.length > totalColumns && !extraFieldsEmpty(rec)) {
            problem = "the row has " + rec.length + " fields but the header has " + totalColumns + " (extra: "
                    + extraFields(rec) + ")";
        }
        InputRecord r = new InputRecord(row, original, values, problem);
        if (resultRowColumn >= 0 && resultRowColumn < rec.length) {
            r.fromEarlierRow(rec[resultRowColumn]);
        }
        return r;
    }

    private boolean extraFieldsEmpty(String[] rec) {
        for (int i = totalColumns; i < rec.length; i++) {
            if (!rec[i].isBlank()) {
                return false;
            }
        }
        return true;
    }

    private String extraFields(String[] rec) {
        StringBuilder sb = new StringBuilder();
        for (int i = totalColumns; i < rec.length && sb.length() < 200; i++) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(rec[i]).append('\'');
        }
        return sb.length() > 200 ? sb.substring(0, 200) + "…" : sb.toString();
    }
}
