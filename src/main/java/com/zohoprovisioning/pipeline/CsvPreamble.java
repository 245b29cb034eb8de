package com.zohoprovisioning.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.zohoprovisioning.mapping.MappingProfile;

/**
 * The lines of a CSV file before its header, consumed here: Excel's {@code sep=;} line (its delimiter kept as a
 * hint), then the lines a profile's rule names (a PowerShell {@code #TYPE} line, Entra's {@code version:v1.0}).
 */
record CsvPreamble(Character excelDelimiter, List<String> skippedLines) {

    static CsvPreamble read(BufferedReader reader, List<MappingProfile.LineRule> rules) throws IOException {
        Character excelDelimiter = excelSeparatorLine(reader);
        return new CsvPreamble(excelDelimiter, skipLines(reader, rules));
    }

    /**
     * Excel's {@code sep=;} first line: consumed, and its delimiter returned; otherwise null, nothing consumed. A
     * {@code sep=} line that names no usable delimiter (nothing, a quote, several characters) rejects the file.
     */
    private static Character excelSeparatorLine(BufferedReader reader) throws IOException {
        String start = peek(reader, 40, 64);
        if (start.length() < 4 || !start.regionMatches(true, 0, "sep=", 0, 4)) {
            return null;
        }
        int end = 4;
        while (end < start.length() && start.charAt(end) != '\r' && start.charAt(end) != '\n') {
            end++;
        }
        String value = start.substring(4, end);
        if (value.length() != 1 || value.charAt(0) == '"') {
            String shown = value.length() > 10 ? value.substring(0, 10) + "…" : value;
            throw new FileRejectedException("the first line 'sep=" + shown + "' (Excel's delimiter line) names no "
                    + "usable delimiter: it must be 'sep=' and one character, such as 'sep=;' or 'sep=,' (or delete "
                    + "that line)");
        }
        reader.readLine();
        return value.charAt(0);
    }

    /**
     * Consumes the lines before the header that a rule names, and returns their reasons; stops at the first line no
     * rule matches (at most ten lines).
     */
    private static List<String> skipLines(BufferedReader reader, List<MappingProfile.LineRule> rules)
            throws IOException {
        List<String> skipped = new ArrayList<>();
        while (!rules.isEmpty() && skipped.size() < 10) {
            String start = peek(reader, 4096, 8192);
            if (start.isEmpty()) {
                break;
            }
            int eol = start.indexOf('\n');
            String line = (eol < 0 ? start : start.substring(0, eol)).replace("\r", "");
            String reason = null;
            for (MappingProfile.LineRule r : rules) {
                if (r.pattern().matcher(line).find()) {
                    reason = r.reason();
                    break;
                }
            }
            if (reason == null) {
                break;
            }
            reader.readLine();
            skipped.add(reason);
        }
        return skipped;
    }

    /** Up to {@code chars} characters from where the reader stands (one read), left unconsumed. */
    private static String peek(BufferedReader reader, int chars, int markLimit) throws IOException {
        reader.mark(markLimit);
        char[] buf = new char[chars];
        int n = reader.read(buf, 0, buf.length);
        reader.reset();
        return n <= 0 ? "" : new String(buf, 0, n);
    }
}
