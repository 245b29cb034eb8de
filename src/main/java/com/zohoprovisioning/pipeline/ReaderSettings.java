package com.zohoprovisioning.pipeline;

/**
 * How to read a feed's files: charset ({@code UTF-8} default; a BOM wins), the charset to fall back to when the
 * bytes are not valid UTF-8 (empty for none), the CSV delimiter ({@code auto} sniffs , ; and tab), and limits.
 */
public record ReaderSettings(String charset, String fallbackCharset, String delimiter, int maxFieldChars,
                             long maxFileBytes) {

    public static ReaderSettings defaults() {
        return new ReaderSettings("UTF-8", "windows-1252", "auto", 100_000, 2L * 1024 * 1024 * 1024);
    }
}
