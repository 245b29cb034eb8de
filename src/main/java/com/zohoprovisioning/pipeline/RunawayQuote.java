package com.zohoprovisioning.pipeline;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A quoted CSV value that runs over line breaks into lines that look like records of their own: a stray opening
 * quote ({@code …,Standard,"Sales} with no closing quote on its line) that swallowed the rows after it up to the
 * next quote. A continued line looks like a record when it holds at least as many delimiters as the header has
 * columns less one (with three columns or more), or starts with an e-mail address followed by a delimiter. A
 * legitimate multi-line value (an address, a note) has neither, and is kept as it is.
 */
final class RunawayQuote {

    private static final Pattern EMAIL_LIKE = Pattern.compile("[^@\\s\"]+@[^@\\s\"]+\\.[^@\\s\"]+");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    /**
     * The value of column {@code column} (its index in the row) opened a quote that ran over {@code continued} more
     * lines; {@code firstLine} is what it held on its own line; {@code records}: the continued lines that look like
     * records, each as the cells it would have had (approximate: its quotes are gone).
     */
    record Found(int column, String firstLine, int continued, List<List<String>> records) {

        private static final String FIX = "close the quote, or quote the whole value, then drop the file again";

        /** The error of the row the quote opened in ({@code row}, its column named {@code column}). */
        String openedProblem(long row, String column) {
            return where(row, column) + ": " + FIX + " (this row and the " + records.size() + " swallowed were not "
                    + "sent; its " + column + " is shown as it was on its own line)";
        }

        /** The error of each row the quote swallowed. */
        String swallowedProblem(long row, String column) {
            return "this row lies inside a quote opened in row " + row + ", column " + column + " ("
                    + where(row, column) + "), so it was not read as a row of its own: " + FIX;
        }

        private String where(long row, String column) {
            int n = records.size();
            return "a quote opened in row " + row + ", column " + column + ", runs over the next " + continued
                    + " line" + (continued == 1 ? "" : "s") + ", "
                    + (n == continued ? (n == 1 ? "which looks" : "which look") : n + " of which look") + " like "
                    + (n == 1 ? "a record" : "records") + " of " + (n == 1 ? "its" : "their") + " own";
        }
    }

    private RunawayQuote() {
    }

    /** The first value of {@code cells} that swallowed lines looking like records, or null. */
    static Found find(String[] cells, char delimiter, int columns) {
        for (int i = 0; i < cells.length; i++) {
            String v = cells[i];
            if (v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
                continue;
            }
            String[] lines = LINE_BREAK.split(v, -1);
            List<List<String>> records = new ArrayList<>();
            for (int l = 1; l < lines.length; l++) {
                if (looksLikeRecord(lines[l], delimiter, columns)) {
                    records.add(cells(lines[l], delimiter));
                }
            }
            if (!records.isEmpty()) {
                return new Found(i, lines[0], lines.length - 1, records);
            }
        }
        return null;
    }

    static boolean looksLikeRecord(String line, char delimiter, int columns) {
        int delimiters = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                delimiters++;
            }
        }
        if (columns >= 3 && delimiters >= columns - 1) {
            return true;
        }
        int first = line.indexOf(delimiter);
        return first > 0 && EMAIL_LIKE.matcher(line.substring(0, first).strip()).matches();
    }

    /** The cells of one line, as CSV (or the whole line in one cell when it cannot be read so). */
    static List<String> cells(String line, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setTrailingData(true)
                .setLenientEof(true).get();
        try (CSVParser p = format.parse(new java.io.StringReader(line))) {
            List<CSVRecord> all = p.getRecords();
            if (all.size() == 1) {
                return Arrays.asList(all.get(0).values());
            }
        } catch (IOException | RuntimeException e) {
            // kept whole below
        }
        return List.of(line);
    }
}
