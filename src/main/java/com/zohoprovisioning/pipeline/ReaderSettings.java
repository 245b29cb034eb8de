package com.zohoprovisioning.pipeline;

/**
 * How to read a feed's files: charset ({@code UTF-8} default; a BOM wins), the charset to fall back to when the
 * bytes are not valid UTF-8 (empty for none), the CSV delimiter ({@code auto} sniffs , ; and tab), and the limits
 * that keep a hostile file from exhausting memory or sending a runaway export to Zoho: characters per field,
 * bytes per file, CSV columns, and records per file (a file over it is rejected before any record is sent).
 */
public record ReaderSettings(String charset, String fallbackCharset, String delimiter, int maxFieldChars,
                             long maxFileBytes, int maxColumns, long maxRecords) {

    public static final int DEFAULT_MAX_FIELD_CHARS = 100_000;
    public static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_COLUMNS = 1_000;
    public static final long DEFAULT_MAX_RECORDS = 1_000_000;

    /** Checks the charsets at startup, so a typo fails the boot rather than every file; "none" switches off the fallback. */
    public ReaderSettings {
        if (!java.nio.charset.Charset.isSupported(charset)) {
            throw new IllegalArgumentException("provisioning.charset: unknown charset '" + charset + "'");
        }
        if (fallbackCharset == null || fallbackCharset.isBlank() || fallbackCharset.equalsIgnoreCase("none")) {
            fallbackCharset = "";
        } else if (!java.nio.charset.Charset.isSupported(fallbackCharset)) {
            throw new IllegalArgumentException("provisioning.fallback-charset: unknown charset '" + fallbackCharset + "'");
        }
        if (maxFieldChars < 1 || maxFileBytes < 1 || maxColumns < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("provisioning.max-field-chars, max-file-bytes, max-columns and max-records"
                    + " must be at least 1");
        }
    }

    /** The settings with the default column and record limits. */
    public ReaderSettings(String charset, String fallbackCharset, String delimiter, int maxFieldChars,
                          long maxFileBytes) {
        this(charset, fallbackCharset, delimiter, maxFieldChars, maxFileBytes, DEFAULT_MAX_COLUMNS, DEFAULT_MAX_RECORDS);
    }

    public static ReaderSettings defaults() {
        return new ReaderSettings("UTF-8", "windows-1252", "auto", DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_FILE_BYTES,
                DEFAULT_MAX_COLUMNS, DEFAULT_MAX_RECORDS);
    }
}
