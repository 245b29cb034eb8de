package com.zohoprovisioning.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * CSV records through Commons CSV: the first record is the header (names trimmed, matched case-insensitively),
 * quoted fields may hold delimiters, quotes and line breaks. A row that cannot be read (too many fields, an
 * unbalanced quote at the end, an oversized field) becomes a record with a problem, never a lost row.
 */
final class CsvRecordSource implements RecordSource {

    private final Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> it;
    private final List<String> header = new ArrayList<>();
    private final List<Integer> keep = new ArrayList<>();
    private final List<String> keepFields = new ArrayList<>();
    private final Set<String> fields = new LinkedHashSet<>();
    private final char delimiter;
    private final Charset charset;
    private final boolean bom;
    private final int maxFieldChars;
    private long row;
    private boolean broken;
    private int totalColumns;

    CsvRecordSource(Reader reader, char delimiter, Charset charset, boolean bom, FieldMapping mapping,
                    int maxFieldChars) throws IOException {
        this.reader = reader;
        this.delimiter = delimiter;
        this.charset = charset;
        this.bom = bom;
        this.maxFieldChars = maxFieldChars;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrailingData(true).setLenientEof(true).get();
        this.parser = format.parse(reader);
        this.it = parser.iterator();
        if (!it.hasNext()) {
            throw new FileRejectedException("the file has no header row");
        }
        CSVRecord names = it.next();
        this.totalColumns = names.size();
        Map<String, String> seen = new HashMap<>();
        Map<String, String> seenFields = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").trim();
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (seen.put(lower, name) != null) {
                throw new FileRejectedException("the header names the column '" + name + "' twice");
            }
            if (FieldMapping.isResultColumn(name)) {
                continue;
            }
            String field = mapping.field(name);
            String other = seenFields.put(field, name);
            if (other != null) {
                throw new FileRejectedException("the columns '" + other + "' and '" + name + "' both mean the field '"
                        + field + "'");
            }
            header.add(name);
            keep.add(i);
            keepFields.add(field);
            fields.add(field);
        }
    }

    @Override
    public List<String> columns() {
        return Collections.unmodifiableList(header);
    }

    @Override
    public Set<String> fields() {
        return fields;
    }

    @Override
    public char delimiter() {
        return delimiter;
    }

    @Override
    public Charset charset() {
        return charset;
    }

    @Override
    public boolean bom() {
        return bom;
    }

    @Override
    public boolean hasNext() {
        if (broken) {
            return false;
        }
        try {
            return it.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            return true;
        }
    }

    @Override
    public InputRecord next() {
        if (broken) {
            throw new NoSuchElementException();
        }
        row++;
        CSVRecord rec;
        try {
            rec = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            broken = true;
            return new InputRecord(row, new LinkedHashMap<>(), new LinkedHashMap<>(),
                    "the rest of the file from here cannot be read as CSV (" + rootMessage(e) + ")");
        }
        Map<String, Object> original = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        String problem = null;
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            String v = i < rec.size() ? rec.get(i) : "";
            if (v.length() > maxFieldChars) {
                problem = "the field '" + header.get(k) + "' is " + v.length() + " characters long (limit "
                        + maxFieldChars + ")";
                v = v.substring(0, 200) + "…";
            }
            v = ResultWriter.unneutralise(v);
            original.put(header.get(k), v);
            values.put(keepFields.get(k), v.trim());
        }
        if (problem == null && rec.size() > totalColumns && !extraFieldsEmpty(rec)) {
            problem = "the row has " + rec.size() + " fields but the header has " + totalColumns;
        }
        return new InputRecord(row, original, values, problem);
    }

    private boolean extraFieldsEmpty(CSVRecord rec) {
        for (int i = totalColumns; i < rec.size(); i++) {
            if (!rec.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
