package com.zohoprovisioning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service's periodic check: each misplaced file is warned about once, not at every poll. */
class MisplacedFilesTest {

    @TempDir
    Path work;

    @Test
    void eachMisplacedFileIsWarnedAboutOnceAndAgainWhenDroppedAgain() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve("a.csv"), "email\n");
        Files.writeString(inbox.resolve("a.csv.profile"), "none\n");
        Files.writeString(inbox.resolve("a.csv.camelLock"), "");
        Files.writeString(inbox.resolve("a.csv.approved"), "sha256=00\n"); // what `approve` writes beside a.csv
        Files.writeString(inbox.resolve("people.xlsx"), "PK");
        MisplacedFiles check = new MisplacedFiles(work, List.of("bigin-users"));
        assertThat(check.find()).containsExactly(inbox.resolve("people.xlsx").toAbsolutePath().normalize());

        try (LogCapture log = LogCapture.of(MisplacedFiles.class)) {
            assertThat(check.warnNew()).isEqualTo(1);
            assertThat(check.warnNew()).isEqualTo(1);
            assertThat(log.events()).as("one warning for two polls").hasSize(1);
            Files.delete(inbox.resolve("people.xlsx"));
            assertThat(check.warnNew()).isZero();
            Files.writeString(inbox.resolve("people.xlsx"), "PK");
            check.warnNew();
            assertThat(log.events()).as("dropped again: warned again").hasSize(2);
        }
    }

    @Test
    void aFileInASubfolderOfAFeedsFolderIsWarnedAbout() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve("a.csv"), "email\n");
        MisplacedFiles check = new MisplacedFiles(work, List.of("bigin-users"));
        Path sub = Files.createDirectories(inbox.resolve("2026/december"));
        Files.writeString(sub.resolve("b.csv"), "email\n");
        assertThat(check.find()).as("a subfolder is never taken from").containsExactly(
                inbox.resolve("2026/december/b.csv").toAbsolutePath().normalize());
        try (LogCapture log = LogCapture.of(MisplacedFiles.class)) {
            check.warnNew();
            assertThat(log.events()).anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith(
                    "inbox/bigin-users/2026/december/b.csv is not taken: it is in a subfolder, inbox/bigin-users/2026/december/,"
                            + " and subfolders are not taken from"));
        }
    }
}
