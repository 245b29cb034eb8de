package com.zohoprovisioning.pipeline;

import java.io.Closeable;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;

/** The records of one open input file, read as a stream. */
public interface RecordSource extends Iterator<InputRecord>, Closeable {

    /** The CSV header as written (result_* columns left out), or null for JSON. */
    List<String> columns();

    /** Our field names present in the file (from the header, or the first JSON record). */
    java.util.Set<String> fields();

    /** The key of {"users":[…]} for JSON wrapped in an object, null for a bare array or NDJSON. */
    default String jsonWrapper() {
        return null;
    }

    default char delimiter() {
        return ',';
    }

    Charset charset();

    default boolean bom() {
        return false;
    }

    /** The mapping this file's records were read with (its profile chosen from the header), or null. */
    default FieldMapping mapping() {
        return null;
    }

    /** Lines skipped before the header (a PowerShell #TYPE line, Entra's version line), as their reasons. */
    default List<String> skippedLines() {
        return List.of();
    }

    /**
     * Rows skipped because they hold nothing: empty, or only delimiters and spaces ({@code ,,,,} — what a
     * spreadsheet leaves after deleted rows). Counted as they are read; never records.
     */
    default long blankRows() {
        return 0;
    }
}
