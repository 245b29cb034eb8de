package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the bytes of an input as they stream past (the copy of {@link TakenInput}, beside {@link NulScan}) against
 * strict UTF-8: where the first byte that is not part of a valid UTF-8 sequence is, and whether the file holds a valid
 * multi-byte sequence (an accented letter in UTF-8, or a UTF-8 byte order mark). A file with both mixes encodings
 * ({@link InputCharset} rejects it); the fallback charset is for a file with no valid multi-byte sequence at all.
 */
final class Utf8Scan {

    /**
     * What the scan found: whether a valid multi-byte sequence is in the file, and the first invalid byte (its byte
     * offset, 0-based, or -1 when the file is valid UTF-8; its line, 1-based; its value).
     */
    record Result(boolean multiByte, long invalidOffset, long invalidLine, int invalidByte) {

        boolean valid() {
            return invalidOffset < 0;
        }

        /** Where the first invalid byte is, in words: {@code line 3, byte 120 (0xE9)}. */
        String where() {
            return "line " + invalidLine + ", byte " + invalidOffset + " (0x" + String.format("%02X", invalidByte) + ")";
        }
    }

    private long offset;
    private long line = 1;
    private boolean multiByte;
    private long invalidOffset = -1;
    private long invalidLine;
    private int invalidByte;
    /** The continuation bytes still wanted by the sequence under way, and the range the next one must be in. */
    private int need;
    private int lo;
    private int hi;
    private long leadOffset;
    private long leadLine;
    private int lead;

    /** The whole file read once (for a file that was not scanned as it was copied). */
    static Result of(Path file) throws IOException {
        Utf8Scan scan = new Utf8Scan();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0 && !scan.done()) {
                scan.update(buf, n);
            }
        }
        return scan.result();
    }

    void update(byte[] bytes, int length) {
        for (int i = 0; i < length && !done(); i++) {
            next(bytes[i] & 0xff);
        }
    }

    /** Both things known: nothing later changes the result. */
    private boolean done() {
        return multiByte && invalidOffset >= 0;
    }

    private void next(int b) {
        long at = offset++;
        if (need > 0) {
            if (b >= lo && b <= hi) {
                lo = 0x80;
                hi = 0xBF;
                if (--need == 0) {
                    multiByte = true;
                }
                return;
            }
            invalid(leadOffset, leadLine, lead);
            need = 0; // the byte that broke the sequence starts afresh
        }
        if (b < 0x80) {
            if (b == '\n') {
                line++;
            }
        } else if (b >= 0xC2 && b <= 0xDF) {
            start(b, at, 1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            start(b, at, 2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            start(b, at, 2, 0x80, 0x9F); // no UTF-16 surrogates
        } else if (b >= 0xE1 && b <= 0xEF) {
            start(b, at, 2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            start(b, at, 3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            start(b, at, 3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            start(b, at, 3, 0x80, 0x8F);
        } else {
            invalid(at, line, b);
        }
    }

    private void start(int b, long at, int continuations, int low, int high) {
        lead = b;
        leadOffset = at;
        leadLine = line;
        need = continuations;
        lo = low;
        hi = high;
    }

    private void invalid(long at, long onLine, int b) {
        if (invalidOffset < 0) {
            invalidOffset = at;
            invalidLine = onLine;
            invalidByte = b;
        }
    }

    Result result() {
        if (need > 0) {
            invalid(leadOffset, leadLine, lead); // cut off at the end of the file
        }
        return new Result(multiByte, invalidOffset, invalidLine, invalidByte);
    }
}
