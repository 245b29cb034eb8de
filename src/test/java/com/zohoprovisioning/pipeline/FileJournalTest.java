package com.zohoprovisioning.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal's writes: a "sent" line is on disk before its call goes out, with the outcome lines that waited for
 * it; a run killed while outcomes wait finds those rows in doubt (sent, no outcome), never done twice.
 */
class FileJournalTest {

    @TempDir
    Path dir;

    private List<String> lines() throws IOException {
        Path file = dir.resolve(FileJournal.FILE);
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void outcomesWaitForTheNextSentLineAndASentLineIsWrittenAtOnce() throws IOException {
        FileJournal journal = FileJournal.open(dir);
        journal.sent(1, "POST");
        assertThat(lines()).containsExactly("{\"row\":1,\"sent\":\"POST\"}");

        journal.outcome(1, RecordOutcome.ok("created", "42", "SUCCESS", "User added", 201));
        journal.outcome(3, RecordOutcome.error(null, "VALIDATION_FAILED", "email is missing", null));
        assertThat(lines()).as("outcomes wait").hasSize(1);

        journal.sent(2, "PUT");
        assertThat(lines()).hasSize(4).last().isEqualTo("{\"row\":2,\"sent\":\"PUT\"}");
        assertThat(lines().get(1)).startsWith("{\"row\":1,\"outcome\":{\"success\":true,\"action\":\"created\",\"id\":\"42\"");

        // the process dies now: row 2's outcome never reaches the file
        journal.outcome(2, RecordOutcome.ok("updated", "7", "SUCCESS", "User updated", 200));
        FileJournal restarted = FileJournal.open(dir);
        assertThat(restarted.outcome(1)).isNotNull().extracting(RecordOutcome::id).isEqualTo("42");
        assertThat(restarted.outcome(3)).isNotNull().extracting(RecordOutcome::code).isEqualTo("VALIDATION_FAILED");
        assertThat(restarted.outcome(2)).as("row 2 is done again, not taken as done").isNull();
        assertThat(restarted.inDoubt(2)).as("and reconciled first: its call went out").isEqualTo("PUT");
    }

    @Test
    void closeAndDoneWriteTheWaitingOutcomes() throws IOException {
        FileJournal journal = FileJournal.open(dir);
        journal.outcome(5, RecordOutcome.error(null, "UNKNOWN_ROLE", "no role Boss", null));
        journal.close();
        assertThat(lines()).singleElement().asString().startsWith("{\"row\":5,\"outcome\":");

        FileJournal again = FileJournal.open(dir);
        again.outcome(6, RecordOutcome.ok("unchanged", "9", "UNCHANGED", "nothing to change", null));
        again.done("archive/bigin-users/users.csv");
        assertThat(lines()).hasSize(3).last().isEqualTo("{\"done\":\"archive/bigin-users/users.csv\"}");
        assertThat(FileJournal.open(dir).done()).isEqualTo("archive/bigin-users/users.csv");
    }

    @Test
    void manyWaitingOutcomesAreWrittenBeforeTheyPileUp() throws IOException {
        FileJournal journal = FileJournal.open(dir);
        int n = 2_000; // well over the bytes that may wait
        for (int row = 1; row <= n; row++) {
            journal.outcome(row, RecordOutcome.error(null, "VALIDATION_FAILED", "email is not an e-mail address", null));
        }
        assertThat(lines().size()).isGreaterThan(n / 2).isLessThan(n);
    }
}
