package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The first bytes of an input file (8 KB at most) and its size: enough to tell text from a workbook or binary data,
 * a blank file, or UTF-16 without a byte order mark, without reading the whole file.
 */
record FileHead(byte[] bytes, long size) {

    static final int LENGTH = 8192;

    static FileHead read(Path file, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileHead(in.readNBytes(LENGTH), size);
        }
    }

    /** True when the head is the whole file. */
    boolean whole() {
        return size <= bytes.length;
    }

    /** True when the bytes start with these (unsigned) values. */
    boolean startsWith(int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    boolean utf16Bom() {
        return startsWith(0xFF, 0xFE) || startsWith(0xFE, 0xFF);
    }

    /** True when the bytes (after a UTF-8 BOM) are only spaces, tabs and line breaks. */
    boolean blank() {
        for (int i = startsWith(0xEF, 0xBB, 0xBF) ? 3 : 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && !lineSpace(b)) {
                return false;
            }
        }
        return true;
    }

    /** True when over a third of the bytes are NUL: UTF-16 text (with or without a BOM). */
    boolean looksUtf16() {
        int zeros = 0;
        for (byte b : bytes) {
            if (b == 0) {
                zeros++;
            }
        }
        return bytes.length >= 4 && zeros * 3 > bytes.length;
    }

    /** The control characters text may hold: tab, line feed, carriage return, form feed. */
    static boolean lineSpace(int c) {
        return c == '\t' || c == '\n' || c == '\r' || c == 0x0c;
    }
}
