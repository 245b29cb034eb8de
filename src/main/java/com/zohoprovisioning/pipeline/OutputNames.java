package com.zohoprovisioning.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The name a file's outputs are derived from (results, summary, archive, reason, temp folder). A file system allows
 * 255 bytes per name, and we append up to ~60 ({@code .<stamp>-n}, {@code .summary.json}, {@code .reason.txt},
 * {@code .<nanos>}, a temp write's {@code .…tmp}): an input name longer than {@link #MAX_BYTES} bytes in UTF-8 (a
 * multibyte character counts as several) is shortened: its stem cut at a character boundary, {@code ~} and 8 hex
 * digits of the SHA-256 of the whole name added (two long names with the same start stay apart), its extension kept.
 */
public final class OutputNames {

    /** The longest output name kept as it is, in UTF-8 bytes. */
    public static final int MAX_BYTES = 180;
    private static final int MAX_EXTENSION_BYTES = 16;

    private OutputNames() {
    }

    public static String of(String name) {
        if (bytes(name) <= MAX_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && bytes(name.substring(dot)) <= MAX_EXTENSION_BYTES ? name.substring(dot) : "";
        String stem = name.substring(0, name.length() - ext.length());
        String tag = "~" + HexFormat.of().formatHex(Sha256.of(name)).substring(0, 8);
        int budget = MAX_BYTES - bytes(tag) - bytes(ext);
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int n = bytes(new String(Character.toChars(cp)));
            if (used + n > budget) {
                break;
            }
            cut.appendCodePoint(cp);
            used += n;
            i += Character.charCount(cp);
        }
        return cut + tag + ext;
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
