package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The duplicate-key index: first rows found again across its growth, kept in one file outside the heap. */
class KeyIndexTest {

    @TempDir
    Path dir;

    @Test
    void everyKeyKeepsItsFirstRowAcrossGrowthAndOnlyTheCurrentTableFileRemains() throws IOException {
        KeyIndex index = new KeyIndex(dir.resolve("run"));
        int n = 200_000; // grows from 16,384 slots to 524,288
        for (int row = 1; row <= n; row++) {
            assertThat(index.putIfAbsent("user" + row + "@example.com", row)).isEqualTo(-1);
        }
        for (int row = 1; row <= n; row += 997) {
            assertThat(index.putIfAbsent("user" + row + "@example.com", n + row)).isEqualTo(row);
        }
        assertThat(index.putIfAbsent("someone.new@example.com", n + 1)).isEqualTo(-1);
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(".keys-524288");
        }
    }
}
