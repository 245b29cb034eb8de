package com.zohoprovisioning.pipeline;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CSV records through Commons CSV: the first record is the header (names trimmed, matched case-insensitively),
 * quoted fields may hold delimiters, quotes and line breaks. A row that cannot be read (too many fields, a quote
 * that is never closed, an oversized field) becomes a record with a problem, never a lost row; a header that cannot
 * be read, names a column twice or has more columns than allowed rejects the file. Blank rows (empty, or only
 * delimiters and spaces: a spreadsheet's leftovers of deleted rows), before the header, between records or at the
 * end, are skipped and counted ({@link #blankRows}); they take no record number. A stray opening quote that swallowed
 * the rows after it ({@link RunawayQuote}) gives its row an error, and each swallowed row one of its own: no row is
 * merged into another silently.
 */
final class CsvRecordSource extends LookAheadRecordSource {

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
    private final int totalColumns;
    private final FieldMapping mapping;
    private final List<String> skippedLines;
    /** The rows a runaway quote swallowed, handed out (as errors) after the row it opened in. */
    private final Deque<InputRecord> swallowed = new ArrayDeque<>();
    private final UnclosedQuote.Text text;
    /** After a quote never closed: the lines after it that look like records, each an error row; else null. */
    private UnclosedQuote unclosed;
    private long row;
    private long blankRows;
    private boolean broken;
    private final boolean resultFile;
    /** The index of a {@code result_row} column (a result file dropped back), or -1. */
    private int resultRowColumn = -1;

    CsvRecordSource(Reader reader, char delimiter, Charset charset, boolean bom, FieldMapping mapping,
                    ReaderSettings settings, List<String> skippedLines, UnclosedQuote.Text text) throws IOException {
        this.reader = reader;
        this.text = text;
        this.skippedLines = List.copyOf(skippedLines);
        this.delimiter = delimiter;
        this.charset = charset;
        this.bom = bom;
        this.maxFieldChars = settings.maxFieldChars();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrailingData(true).get();
        this.parser = format.parse(reader);
        this.it = parser.iterator();
        CSVRecord names;
        try {
            do {
                if (!it.hasNext()) {
                    throw new FileRejectedException("the file has no header row");
                }
                names = it.next();
            } while (blank(names));
        } catch (UncheckedIOException e) {
            throw new FileRejectedException("the header row cannot be read as CSV: " + UnclosedQuote.describe(e));
        }
        this.totalColumns = names.size();
        if (totalColumns > settings.maxColumns()) {
            throw new FileRejectedException("the header has " + totalColumns + " columns, over the limit of "
                    + settings.maxColumns() + " (provisioning.max-columns)");
        }
        // a result file of this tool dropped again: its cells (and column names) carry the protective apostrophe
        // of ResultWriter.neutralise, which is taken off again; any other input keeps its apostrophes
        boolean resultFile = false;
        for (String n : names) {
            resultFile |= n.replace("\uFEFF", "").trim().equalsIgnoreCase("result_status");
        }
        this.resultFile = resultFile;
        List<String> written = new ArrayList<>();
        for (String n : names) {
            written.add(headerName(n));
        }
        this.mapping = mapping.forHeader(written);
        Map<String, String> seen = new HashMap<>();
        Map<String, String> seenFields = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = headerName(names.get(i));
            if (name.isEmpty()) {
                name = "column_" + (i + 1);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (seen.put(lower, name) != null) {
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
            header.add(name);
            keep.add(i);
            keepFields.add(field);
            fields.add(field);
        }
        advance();
    }

    /** A column name as written, without BOM and spaces, and without this tool's apostrophe in a result file. */
    private String headerName(String n) {
        String name = n.replace("\uFEFF", "").trim();
        return resultFile ? ResultWriter.unneutralise(name) : name;
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
    public FieldMapping mapping() {
        return mapping;
    }

    @Override
    public List<String> skippedLines() {
        return skippedLines;
    }

    /** Reads one record ahead, so that a parse error becomes that record's problem and ends the stream. */
    @Override
    protected void advance() {
        pending = swallowed.poll();
        if (pending == null && unclosed != null) {
            pending = afterUnclosedQuote();
        }
        if (pending != null || broken) {
            return;
        }
        CSVRecord rec;
        try {
            while (true) {
                if (!it.hasNext()) {
                    return;
                }
                rec = it.next();
                if (!blank(rec)) {
                    break;
                }
                blankRows++;
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof CSVException)) {
                throw e;
            }
            row++;
            broken = true;
            pending = new InputRecord(row, new LinkedHashMap<>(), new LinkedHashMap<>(),
                    UnclosedQuote.describe(e) + unclosed(e));
            return;
        }
        row++;
        String[] cells = rec.values();
        RunawayQuote.Found quote = RunawayQuote.find(cells, delimiter, totalColumns);
        pending = quote == null ? toRecord(cells, null) : runaway(cells, quote);
    }

    /**
     * The row a stray quote opened in, as an error (its cell cut to what it held on its own line), and an error for
     * each row it swallowed, queued.
     */
    private InputRecord runaway(String[] cells, RunawayQuote.Found quote) {
        int k = keep.indexOf(quote.column());
        String column = k >= 0 ? header.get(k) : "column_" + (quote.column() + 1);
        long opened = row;
        String[] own = Arrays.copyOf(cells, cells.length);
        own[quote.column()] = quote.firstLine();
        Arrays.fill(own, quote.column() + 1, own.length, "");
        InputRecord first = toRecord(own, quote.openedProblem(opened, column));
        for (List<String> line : quote.records()) {
            row++;
            swallowed.add(toRecord(line.toArray(String[]::new), quote.swallowedProblem(opened, column)));
        }
        return first;
    }

    @Override
    public long blankRows() {
        return blankRows;
    }

    /** True for a row with no content: empty, or only delimiters and spaces. */
    private static boolean blank(CSVRecord rec) {
        for (String v : rec) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A row's record; {@code problem}: why it cannot be sent, or null (then checked here). */
    private InputRecord toRecord(String[] rec, String problem) {
        int capacity = keep.size() * 4 / 3 + 1; // no rehashing while the row is put in
        Map<String, Object> original = new LinkedHashMap<>(capacity);
        Map<String, String> values = new LinkedHashMap<>(capacity);
        for (int k = 0; k < keep.size(); k++) {
            int i = keep.get(k);
            String v = i < rec.length ? rec[i] : "";
            if (v.length() > maxFieldChars) {
                problem = problem != null ? problem : "the field '" + header.get(k) + "' is " + v.length()
                        + " characters long (limit " + maxFieldChars + ", provisioning.max-field-chars); only its first"
                        + " 200 are kept here";
                v = v.substring(0, 200) + "…";
            }
            if (resultFile) {
                v = ResultWriter.unneutralise(v);
            }
            original.put(header.get(k), v);
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

    /** What a CSV parse error says of the rest of the file; after a quote never closed, its rows are read again. */
    private String unclosed(UncheckedIOException e) {
        try {
            unclosed = text == null ? null : UnclosedQuote.after(text, e, row, delimiter, totalColumns);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return unclosed == null ? "; nothing from here to the end of the file was read" : UnclosedQuote.REST;
    }

    /** The next line after a quote never closed that looks like a record, as an error row; null at the end. */
    private InputRecord afterUnclosedQuote() {
        try {
            List<String> cells = unclosed.next();
            if (cells == null) {
                unclosed.close();
                unclosed = null;
                return null;
            }
            row++;
            return toRecord(cells.toArray(String[]::new), unclosed.problem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (unclosed != null) {
            unclosed.close();
        }
        parser.close();
        reader.close();
    }
}
