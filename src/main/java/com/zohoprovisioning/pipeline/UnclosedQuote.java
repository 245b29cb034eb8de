package com.zohoprovisioning.pipeline;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rows after a quote that is never closed: Commons CSV reads the rest of the file into that one value and then
 * fails, so the file is read again from the line after the one the quote opened on, and each line that looks like a
 * record ({@link RunawayQuote}) is handed out as a row of its own, to get an error line: none vanishes unreported.
 * One line at a time, however long the rest of the file.
 */
final class UnclosedQuote implements Closeable {

    /** The file's text again, from the first line the CSV parser read (after the BOM and the preamble). */
    @FunctionalInterface
    interface Text {
        BufferedReader reopen() throws IOException;
    }

    /** What the error of the row the quote opened in says of the rest of the file. */
    static final String REST = "; the rest of the file was read as that one value: each line after it that looks like "
            + "a record gets an error line of its own";

    private static final Pattern START_LINE = Pattern.compile("\\(startline ([\\d,]+)\\)");
    private static final String NEVER_CLOSED = "EOF reached before encapsulated token finished";

    private final BufferedReader lines;
    private final char delimiter;
    private final int columns;
    private final String problem;

    private UnclosedQuote(BufferedReader lines, char delimiter, int columns, String problem) {
        this.lines = lines;
        this.delimiter = delimiter;
        this.columns = columns;
        this.problem = problem;
    }

    /**
     * The lines of {@code text} after the one a quote never closed opened on (in row {@code row}), or null when the
     * parse {@code error} is not such a quote.
     */
    static UnclosedQuote after(Text text, Exception error, long row, char delimiter, int columns) throws IOException {
        String m = String.valueOf(rootCause(error).getMessage());
        Matcher start = START_LINE.matcher(m);
        if (!m.contains(NEVER_CLOSED) || !start.find()) {
            return null;
        }
        String line = start.group(1).replace(",", "");
        BufferedReader r = text.reopen();
        for (long i = Long.parseLong(line); i > 0 && r.readLine() != null; i--) {
            // skipped: read already, up to and with the line the quote opened on
        }
        return new UnclosedQuote(r, delimiter, columns, "this row lies after a quote opened in row " + row + " (line "
                + line + ") that is never closed, so it was not read as a row of its own: close that quote, then drop"
                + " the file again");
    }

    /** A CSV parse error in words: an unbalanced quote names the line it opened on. */
    static String describe(Exception e) {
        String m = String.valueOf(rootCause(e).getMessage());
        Matcher start = START_LINE.matcher(m);
        if (m.contains(NEVER_CLOSED) && start.find()) {
            return "a quoted field opened on line " + start.group(1) + " is never closed (unbalanced quote)";
        }
        return "the row cannot be read as CSV (" + m + ")";
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The error of each row after the quote. */
    String problem() {
        return problem;
    }

    /** The cells of the next line that looks like a record, or null at the end of the file. */
    List<String> next() throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (RunawayQuote.looksLikeRecord(line, delimiter, columns)) {
                return RunawayQuote.cells(line, delimiter);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
