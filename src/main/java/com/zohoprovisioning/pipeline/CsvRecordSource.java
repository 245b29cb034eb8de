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
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
    private final CsvHeader header;
    private final char delimiter;
    private final Charset charset;
    private final boolean bom;
    private final List<String> skippedLines;
    /** Rows a stray quote swallowed, each an error of its own, handed on before the next row is read. */
    private final Deque<InputRecord> swallowed = new ArrayDeque<>();
    private final UnclosedQuote.Text text;
    /** After a quote never closed: the rest of the file, read again line by line; null otherwise. */
    private UnclosedQuote unclosed;
    private long row;
    private long blankRows;
    private boolean broken;

    CsvRecordSource(Reader reader, char delimiter, Charset charset, boolean bom, FieldMapping mapping,
                    ReaderSettings settings, List<String> skippedLines, UnclosedQuote.Text text) throws IOException {
        this.reader = reader;
        this.text = text;
        this.skippedLines = List.copyOf(skippedLines);
        this.delimiter = delimiter;
        this.charset = charset;
        this.bom = bom;
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
        this.header = new CsvHeader(names, mapping, settings);
        advance();
    }

    @Override
    public List<String> columns() {
        return Collections.unmodifiableList(header.names);
    }

    @Override
    public Set<String> fields() {
        return header.fields;
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
        return header.mapping;
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
        RunawayQuote.Found quote = RunawayQuote.find(cells, delimiter, header.totalColumns);
        pending = quote == null ? record(cells, null) : runaway(cells, quote);
    }

    /**
     * The row a stray quote opened in, as an error (its cell cut to what it held on its own line), and an error for
     * each row it swallowed, queued.
     */
    private InputRecord runaway(String[] cells, RunawayQuote.Found quote) {
        String column = header.column(quote.column());
        long opened = row;
        String[] own = Arrays.copyOf(cells, cells.length);
        own[quote.column()] = quote.firstLine();
        Arrays.fill(own, quote.column() + 1, own.length, "");
        InputRecord first = record(own, quote.openedProblem(opened, column));
        for (List<String> line : quote.records()) {
            row++;
            swallowed.add(record(line.toArray(String[]::new), quote.swallowedProblem(opened, column)));
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

    /** What a CSV parse error says of the rest of the file; after a quote never closed, its rows are read again. */
    private String unclosed(UncheckedIOException e) {
        try {
            unclosed = text == null ? null : UnclosedQuote.after(text, e, row, delimiter, header.totalColumns);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return unclosed == null ? "; nothing from here to the end of the file was read" : UnclosedQuote.REST;
    }

    /** A row's record by the header; {@code problem}: why it cannot be sent, or null (then checked there). */
    private InputRecord record(String[] cells, String problem) {
        return header.record(row, cells, problem);
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
            return record(cells.toArray(String[]::new), unclosed.problem());
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
