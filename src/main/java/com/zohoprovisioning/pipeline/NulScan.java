package com.zohoprovisioning.pipeline;

/**
 * Finds the first NUL character of an input as its bytes stream past (the copy of {@link TakenInput}), so that one
 * anywhere in the file, not only in its first 8 KB, rejects the file before anything is sent. In UTF-16 (a byte order
 * mark first) a NUL is a zero code unit, and lines end with a line-feed unit; otherwise a NUL is a zero byte.
 */
final class NulScan {

    /** Where the first NUL is: its byte offset and its line (1-based). */
    record Found(long offset, long line) {
    }

    private long offset;
    private long line = 1;
    private int first = -1;
    /** 0 not UTF-16, 1 UTF-16 LE, 2 UTF-16 BE; -1 until the first two bytes are known. */
    private int utf16 = -1;
    private int previous;
    private Found found;

    void update(byte[] bytes, int length) {
        for (int i = 0; i < length && found == null; i++) {
            next(bytes[i] & 0xff);
        }
    }

    private void next(int b) {
        long at = offset++;
        if (utf16 < 0) {
            if (at == 0) {
                first = b;
                return;
            }
            utf16 = first == 0xFF && b == 0xFE ? 1 : first == 0xFE && b == 0xFF ? 2 : 0;
            if (utf16 == 0) {
                single(first, 0);
                if (found == null) {
                    single(b, 1);
                }
            }
            return;
        }
        if (utf16 == 0) {
            single(b, at);
        } else if (at % 2 == 0) {
            previous = b;
        } else {
            int unit = utf16 == 1 ? b << 8 | previous : previous << 8 | b;
            if (unit == 0) {
                found = new Found(at - 1, line);
            } else if (unit == '\n') {
                line++;
            }
        }
    }

    private void single(int b, long at) {
        if (b == 0) {
            found = new Found(at, line);
        } else if (b == '\n') {
            line++;
        }
    }

    /** The first NUL, or null when there is none (a one-byte file is judged at {@link #found()}). */
    Found found() {
        if (utf16 < 0 && offset == 1 && first == 0) {
            return new Found(0, 1);
        }
        return found;
    }
}
