package com.zohoprovisioning;

import com.zohoprovisioning.pipeline.RunStats;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result folder cannot be written ({@code work.dir/.tmp} is a regular file, which fails even for root): the feed
 * stops the file with a clear error, the input stays in the inbox and no record is lost; once the obstacle is gone
 * the file is processed with every record exactly once and no user is created twice.
 */
class UnwritableOutputTest extends PipelineTestSupport {

    private static final int RECORDS = 5;

    @Test
    void anUnwritableResultFolderStopsTheFileWhichResumesOnceItIsFixed() throws Exception {
        Path obstacle = Files.writeString(path(".tmp"), "not a directory");
        String csv = BiginUsersCsv.of("unwritable", RECORDS);
        drop("bigin-users", "blocked.csv", csv);

        RunStats stats = awaitFatalError();
        assertThat(stats.fatalErrors().get(0)).as("a clear reason").contains("cannot write");
        assertThat(path("inbox/bigin-users/blocked.csv")).as("the input stays in the inbox").exists();
        assertThat(path("success/bigin-users")).doesNotExist();
        assertThat(path("error/bigin-users")).doesNotExist();
        assertThat(path("archive/bigin-users")).doesNotExist();
        assertThat(calls("POST /bigin/v1/users"))
                .as("no record is sent while the run cannot keep its temp files (the duplicate-key index is one)")
                .isZero();

        Files.delete(obstacle);
        awaitDone("bigin-users", "blocked.csv");

        List<Map<String, String>> ok = csv("success/bigin-users/blocked.csv");
        List<Map<String, String>> failed = csv("error/bigin-users/blocked.csv");
        assertThat(failed).isEmpty();
        assertThat(ok).hasSize(RECORDS);
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        assertThat(rows).as("each record exactly once").hasSize(RECORDS);
        assertThat(sandboxGet("/__sandbox/requests").path("counts_by_status").path("POST /bigin/v1/users 400").asLong())
                .as("no add was sent again for a user already created").isZero();
        for (int i = 1; i <= RECORDS; i++) {
            assertThat(biginUser("unwritable" + i + "@example.com")).as("user " + i).isNotNull();
        }
        long users = 0;
        for (var u : sandboxGet("/__sandbox/state").path("bigin").path("users")) {
            users += u.path("email").asText().startsWith("unwritable") ? 1 : 0;
        }
        assertThat(users).as("one user per row").isEqualTo(RECORDS);
        assertThat(path("inbox/bigin-users/blocked.csv")).doesNotExist();
    }

    @Test
    void anUnwritableSuccessFolderKeepsTheFileAndTheRetryRewritesFromTheJournalWithoutCalls() throws Exception {
        Path obstacle = Files.writeString(path("success"), "not a directory");
        String csv = BiginUsersCsv.of("unpublished", RECORDS);
        drop("bigin-users", "unpublished.csv", csv);

        awaitFatalError();
        assertThat(path("inbox/bigin-users/unpublished.csv")).as("the input stays in the inbox").exists();
        assertThat(path("archive/bigin-users")).doesNotExist();
        long posts = calls("POST /bigin/v1/users");
        assertThat(posts).as("every record was sent once").isEqualTo(RECORDS);

        Files.delete(obstacle);
        awaitDone("bigin-users", "unpublished.csv");

        List<Map<String, String>> ok = csv("success/bigin-users/unpublished.csv");
        assertThat(csv("error/bigin-users/unpublished.csv")).isEmpty();
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        assertThat(ok).hasSize(RECORDS);
        assertThat(rows).as("each record exactly once").hasSize(RECORDS);
        assertThat(calls("POST /bigin/v1/users")).as("the retries rewrote the results from the journal").isEqualTo(RECORDS);
        assertThat(summary("bigin-users", "unpublished.csv").path("resumed_from_journal").asLong()).isEqualTo(RECORDS);
    }
}
