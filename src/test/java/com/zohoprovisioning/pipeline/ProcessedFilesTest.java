package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessedFilesTest {

    @TempDir
    Path work;

    @Test
    void windowsAreDaysHoursMinutesOrOff() {
        assertThat(ProcessedFiles.parseWindow("k", "30d")).isEqualTo(Duration.ofDays(30));
        assertThat(ProcessedFiles.parseWindow("k", "12h")).isEqualTo(Duration.ofHours(12));
        assertThat(ProcessedFiles.parseWindow("k", "90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(ProcessedFiles.parseWindow("k", "0")).isZero();
        assertThatThrownBy(() -> ProcessedFiles.parseWindow("provisioning.repeat-window", "a month"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("provisioning.repeat-window");
    }

    @Test
    void entriesOlderThanTheWindowArePrunedWhenRead() throws Exception {
        ProcessedFiles store = new ProcessedFiles(work, Duration.ofDays(1));
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        store.record("f", new ProcessedFiles.Entry(a, Instant.now().minus(Duration.ofDays(2)), "old.csv", null, null,
                null, null));
        store.record("f", new ProcessedFiles.Entry(b, Instant.now(), "new\tname.csv", "reports/f/x", null, null, null));
        Files.writeString(store.file("f"), "torn line", java.nio.file.StandardOpenOption.APPEND);
        assertThat(store.find("f", a)).isEmpty();
        assertThat(store.find("f", b)).get().extracting(ProcessedFiles.Entry::file).isEqualTo("new name.csv");
        assertThat(Files.readString(store.file("f"))).doesNotContain("old.csv");
        assertThat(store.find("other", b)).isEmpty();
    }
}
