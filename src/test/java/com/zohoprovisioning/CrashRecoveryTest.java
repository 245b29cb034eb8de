package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 mid-file: a child JVM runs {@code Application --once} on a 10,000-record file against a sandbox in this
 * JVM; it is killed (destroyForcibly) once its journal holds some outcomes, then started again. Every record
 * ends with exactly one outcome, and no user is created twice (no add answered DUPLICATE_DATA, one user per row).
 */
class CrashRecoveryTest extends ChildAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = Integer.getInteger("crash.records", 10_000);

    @Test
    void aKilledRunResumesWithOneOutcomePerRecordAndNoDuplicateCreates() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaults()).start();
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        String csv = BiginUsersCsv.of("crash", RECORDS);
        Files.writeString(inbox.resolve(".big.csv.part"), csv);
        Files.move(inbox.resolve(".big.csv.part"), inbox.resolve("big.csv"));

        Process first = child("run1");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> journalLines() >= 1500);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long linesAtKill = journalLines();
        assertThat(inbox.resolve("big.csv")).as("the killed run did not finish").exists();

        Process second = child("run2");
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("the second run finishes").isTrue();
        assertThat(second.exitValue()).as(Files.readString(work.resolve("run2.log"))).isZero();

        List<CSVRecord> ok = read(work.resolve("success/bigin-users/big.csv"));
        Path err = work.resolve("error/bigin-users/big.csv");
        List<CSVRecord> failed = Files.exists(err) ? read(err) : List.of();
        assertThat(ok.size() + failed.size()).isEqualTo(RECORDS);
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        failed.forEach(r -> rows.add(r.get("result_row")));
        assertThat(rows).as("each record exactly once").hasSize(RECORDS);
        assertThat(ok).extracting(r -> Long.parseLong(r.get("result_row")))
                .as("in input order: the lines from the journal and the new ones alike").isSorted();
        assertThat(failed).isEmpty();

        JsonNode requests = JSON.valueToTree(sandbox.requests().toJson());
        assertThat(requests.path("counts_by_status").path("POST /bigin/v1/users 400").asLong())
                .as("no add was sent for a user that already existed").isZero();
        long users = 0;
        for (JsonNode u : JSON.valueToTree(sandbox.state().root()).path("bigin").path("users")) {
            users += u.path("email").asText().startsWith("crash") ? 1 : 0;
        }
        assertThat(users).isEqualTo(RECORDS);
        JsonNode summary = JSON.readTree(work.resolve("reports/bigin-users/big.csv.summary.json").toFile());
        assertThat(summary.path("resumed_from_journal").asLong()).isPositive().isLessThan(RECORDS);
        System.out.printf("crash test: killed with %d journal lines; second run resumed %d records, sent %d calls, %d ms%n",
                linesAtKill, summary.path("resumed_from_journal").asLong(), summary.path("api_calls").path("total").asLong(),
                summary.path("duration_ms").asLong());
    }

    private Process child(String name) throws IOException {
        return child(name, 8, true);
    }
}
