package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Remembers the first row of each record key of a file (to find a second record for the same e-mail): an
 * open-addressing table of (64-bit hash of the key, row) pairs, 16 bytes a slot whatever the key's length, kept
 * at most half full. The table lives in a memory-mapped file in the run's temp folder, not on the heap, so the
 * heap stays the same size whatever the size of the file (at 1,000,000 keys the file is 32 MB, in the page cache).
 */
final class KeyIndex {

    private static final int FIRST_SLOTS = 1 << 14;

    private final Path dir;
    private LongBuffer table; // slot i: key at 2i, row at 2i+1; key 0 = empty
    private Path file;
    private int slots;
    private int size;

    KeyIndex(Path dir) {
        this.dir = dir;
    }

    /** Stores row for key unless the key is there already; returns the earlier row, or -1. */
    long putIfAbsent(String key, long row) {
        long h = hash(key);
        if (h == 0) {
            h = 1;
        }
        if (table == null || (size + 1) * 2 > slots) {
            grow();
        }
        int mask = slots - 1;
        int i = (int) (mix(h) & mask);
        long k;
        while ((k = table.get(2 * i)) != 0) {
            if (k == h) {
                return table.get(2 * i + 1);
            }
            i = (i + 1) & mask;
        }
        table.put(2 * i, h);
        table.put(2 * i + 1, row);
        size++;
        return -1;
    }

    private void grow() {
        LongBuffer old = table;
        Path oldFile = file;
        int oldSlots = slots;
        slots = old == null ? FIRST_SLOTS : oldSlots * 2;
        file = dir.resolve(".keys-" + slots);
        try {
            OutputFiles.file(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // a new file reads as zeros: every slot empty
                table = ch.map(FileChannel.MapMode.READ_WRITE, 0, (long) slots * 16).asLongBuffer();
            }
            int mask = slots - 1;
            for (int j = 0; j < oldSlots; j++) {
                long k = old.get(2 * j);
                if (k != 0) {
                    int i = (int) (mix(k) & mask);
                    while (table.get(2 * i) != 0) {
                        i = (i + 1) & mask;
                    }
                    table.put(2 * i, k);
                    table.put(2 * i + 1, old.get(2 * j + 1));
                }
            }
            if (oldFile != null) {
                Files.deleteIfExists(oldFile); // its mapping goes with the old buffer
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the duplicate-key index " + file + ": " + e.getMessage(), e);
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
