package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.Settings;

/**
 * How to read a feed's files: charset ({@code UTF-8} default; a BOM wins), the charset to fall back to when the
 * bytes are not valid UTF-8 (empty for none), the CSV delimiter ({@code auto} sniffs , ; and tab), and the limits
 * that keep a hostile file from exhausting memory or sending a runaway export to Zoho: characters per field,
 * bytes per file, CSV columns, and records per file (a file over it is rejected before any record is sent).
 */
public record ReaderSettings(String charset, String fallbackCharset, String delimiter, int maxFieldChars,
                             long maxFileBytes, int maxColumns, long maxRecords) {

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

    /** True unless the fallback charset is switched off (empty or "none"). */
    public boolean hasFallbackCharset() {
        return !fallbackCharset.isEmpty();
    }

    /** The CSV delimiter set ({@code tab} or {@code \t} for a tab), or null for {@code auto}: sniffed from the header. */
    public Character fixedDelimiter() {
        if (delimiter == null || delimiter.isBlank() || delimiter.equalsIgnoreCase("auto")) {
            return null;
        }
        return delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
    }

    /**
     * A feed's settings: {@code provisioning.<feed>.charset}, {@code .fallback-charset} and {@code .delimiter} when
     * set, else {@code provisioning.charset}, {@code .fallback-charset}, {@code .delimiter}; and the limits
     * {@code provisioning.max-field-chars}, {@code max-file-bytes}, {@code max-columns}, {@code max-records}.
     */
    public static ReaderSettings from(Settings settings, String feed) {
        String p = "provisioning." + feed + ".";
        return new ReaderSettings(
                settings.optionalText(p + "charset").orElseGet(() -> settings.text("provisioning.charset")),
                settings.optionalText(p + "fallback-charset").orElseGet(() -> settings.text("provisioning.fallback-charset")),
                settings.optionalText(p + "delimiter").orElseGet(() -> settings.text("provisioning.delimiter")),
                settings.integer("provisioning.max-field-chars"),
                settings.longNumber("provisioning.max-file-bytes"),
                settings.integer("provisioning.max-columns"),
                settings.longNumber("provisioning.max-records"));
    }
}
