package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Opens an input file as a stream of records: checks it is text of a known format ({@link InputFileCheck}), picks
 * the charset ({@link InputCharset}), rejects a file over the record limit ({@link RecordCountLimit}), and hands
 * back the {@link RecordSource} for its format (for CSV after its preamble and with its delimiter).
 */
public final class RecordReader {

    private RecordReader() {
    }

    public static RecordSource open(Path file, FileFormat format, ReaderSettings settings, FieldMapping mapping)
            throws IOException {
        return open(file, format, settings, mapping, null, null);
    }

    /**
     * {@code nul}: the first NUL character of the whole file, found as it was copied ({@link TakenInput}), or null;
     * {@code utf8}: the whole file checked as UTF-8 as it was copied, or null (then checked here when needed).
     */
    static RecordSource open(Path file, FileFormat format, ReaderSettings settings, FieldMapping mapping,
                             NulScan.Found nul, Utf8Scan.Result utf8) throws IOException {
        FileHead head = InputFileCheck.check(file, settings, nul);
        InputCharset charset = new InputCharset(file, head, format, settings, utf8);
        RecordCountLimit.check(head, settings, () -> source(file, charset, format, settings, mapping));
        return source(file, charset, format, settings, mapping);
    }

    private static RecordSource source(Path file, InputCharset charset, FileFormat format, ReaderSettings settings,
                                       FieldMapping mapping) throws IOException {
        InputCharset.Text text = charset.open();
        boolean ok = false;
        try {
            RecordSource source = switch (format) {
                case CSV -> {
                    CsvPreamble preamble = CsvPreamble.read(text.reader(), mapping.profiles().preamble());
                    char delimiter = CsvDelimiter.of(text.reader(), settings, preamble.excelDelimiter());
                    // read again after a quote that is never closed, from the same first line
                    UnclosedQuote.Text again = () -> {
                        java.io.BufferedReader r = InputCharset.reopen(file, text.charset());
                        CsvPreamble.read(r, mapping.profiles().preamble());
                        return r;
                    };
                    yield new CsvRecordSource(text.reader(), delimiter, text.charset(), text.bom(), mapping, settings,
                            preamble.skippedLines(), again);
                }
                case JSON -> {
                    JsonScan.Shape shape;
                    try (Reader again = InputCharset.reopen(file, text.charset())) {
                        shape = JsonScan.scan(again);
                    }
                    yield new JsonRecordSource(text.reader(), mapping, text.charset(), settings, shape);
                }
                case NDJSON -> new NdjsonRecordSource(text.reader(), mapping, text.charset(), settings);
            };
            ok = true;
            return source;
        } finally {
            if (!ok) {
                text.reader().close();
            }
        }
    }
}
