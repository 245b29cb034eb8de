package com.zohoprovisioning.pipeline;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * A CSV file's delimiter: the one configured ({@code provisioning.delimiter}), else the one Excel's {@code sep=}
 * line names, else the one of , ; and tab that the header line (outside quotes) uses most.
 */
final class CsvDelimiter {

    /** How far the header line is read to count delimiters. */
    private static final int LIMIT = 1 << 20;

    private CsvDelimiter() {
    }

    static char of(BufferedReader reader, ReaderSettings settings, Character excelDelimiter) throws IOException {
        Character fixed = settings.fixedDelimiter();
        if (fixed != null) {
            return fixed;
        }
        if (excelDelimiter != null) {
            return excelDelimiter;
        }
        return sniff(reader);
    }

    /** The delimiter the header line uses most; the reader is left where it was. Ties go to , then ;. */
    private static char sniff(BufferedReader reader) throws IOException {
        reader.mark(LIMIT + 1);
        int comma = 0;
        int semi = 0;
        int tab = 0;
        boolean quoted = false;
        for (int i = 0; i < LIMIT; i++) {
            int c = reader.read();
            if (c < 0 || (!quoted && (c == '\n' || c == '\r'))) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == ',') {
                    comma++;
                } else if (c == ';') {
                    semi++;
                } else if (c == '\t') {
                    tab++;
                }
            }
        }
        reader.reset();
        if (semi > comma && semi >= tab) {
            return ';';
        }
        if (tab > comma && tab > semi) {
            return '\t';
        }
        return ',';
    }
}
