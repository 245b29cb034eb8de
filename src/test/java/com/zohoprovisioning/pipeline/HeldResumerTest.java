package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A file held for Zoho's API credits by an earlier run goes back into its inbox at the time its reason names. */
class HeldResumerTest {

    @TempDir
    Path work;

    @Test
    void aServiceStartedLaterKeepsTheAppointmentOfTheReason() throws Exception {
        Path held = Files.createDirectories(work.resolve("held/bigin-users"));
        Files.writeString(held.resolve("due.csv"), "email\n");
        Files.writeString(held.resolve("due.csv.reason.txt"), "Reason: Zoho API credits: 3 left, reserve 20\n"
                + HeldResumer.RESUMES + Instant.now().minusSeconds(5) + " (in service mode)\n");
        Files.writeString(held.resolve("later.csv"), "email\n");
        Files.writeString(held.resolve("later.csv.reason.txt"), HeldResumer.RESUMES + Instant.now().plusSeconds(3600)
                + " (in service mode)\n");
        Files.writeString(held.resolve("repeat.csv"), "email\n");
        Files.writeString(held.resolve("repeat.csv.reason.txt"), "Reason: a repeat\n");
        HeldResumer resumer = new HeldResumer(work);
        try {
            resumer.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(work.resolve("inbox/bigin-users/due.csv")));
        } finally {
            resumer.stop();
        }
        assertThat(held.resolve("due.csv")).doesNotExist();
        assertThat(held.resolve("due.csv.reason.txt")).doesNotExist();
        assertThat(held.resolve("later.csv")).exists();
        assertThat(held.resolve("repeat.csv")).exists();
    }
}
