package com.zohoprovisioning.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Remembers the first row of each record key of a file (to find a second record for the same e-mail) in two
 * primitive arrays keyed by a 64-bit hash of the key: about 24 bytes a record, whatever the key's length.
 */
final class KeyIndex {

    private long[] keys = new long[1024];
    private long[] rows = new long[1024];
    private int size;

    /** Stores row for key unless the key is there already; returns the earlier row, or -1. */
    long putIfAbsent(String key, long row) {
        long h = hash(key);
        if (h == 0) {
            h = 1;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) (mix(h) & mask);
        while (keys[i] != 0) {
            if (keys[i] == h) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = h;
        rows[i] = row;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = (int) (mix(oldKeys[j]) & mask);
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                rows[i] = oldRows[j];
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** FNV-1a, 64 bits, over the key's UTF-8 bytes. */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
