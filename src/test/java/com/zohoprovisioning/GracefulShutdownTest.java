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
 * SIGTERM mid-file: a child JVM runs the service (no --once) on a 1,000-record file against a slow sandbox (20 ms per
 * call) in this JVM; once some records are done it gets SIGTERM ({@link Process#destroy()}). It exits within the
 * shutdown timeout with 0 or 143, and either finished the file, or a later --once run finishes it: every record has
 * exactly one outcome, and no user is created twice.
 */
class GracefulShutdownTest extends ChildAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 1_000;

    @Test
    void sigtermMidFileExitsCleanlyAndEveryRecordEndsWithOneOutcome() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.latency-ms", "20"))).start();
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        String csv = BiginUsersCsv.of("term", RECORDS);
        Files.writeString(inbox.resolve(".big.csv.part"), csv);
        Files.move(inbox.resolve(".big.csv.part"), inbox.resolve("big.csv"));

        Process service = child("service", false);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> journalLines() >= 100);
        long linesAtTerm = journalLines();
        long termAt = System.nanoTime();
        service.destroy(); // SIGTERM
        assertThat(service.waitFor(40, TimeUnit.SECONDS)).as("the service exits after SIGTERM").isTrue();
        long exitMs = (System.nanoTime() - termAt) / 1_000_000;
        String log = Files.readString(work.resolve("service.log"));
        assertThat(service.exitValue()).as(log).isIn(0, 143);
        assertThat(log).as("what happens on SIGTERM, then the last line")
                .contains("Stopping: no new file is taken; the files being processed are finished first (at most 30 s")
                .containsPattern("INFO .* - zoho-provisioning stopped\\s*$");

        boolean finished = !Files.exists(inbox.resolve("big.csv"));
        long resumed = 0;
        if (!finished) {
            Process once = child("once", true);
            assertThat(once.waitFor(60, TimeUnit.SECONDS)).as("the --once run finishes").isTrue();
            assertThat(once.exitValue()).as(Files.readString(work.resolve("once.log"))).isZero();
            resumed = JSON.readTree(work.resolve("reports/bigin-users/big.csv.summary.json").toFile())
                    .path("resumed_from_journal").asLong();
        }

        List<CSVRecord> ok = read(work.resolve("success/bigin-users/big.csv"));
        Path err = work.resolve("error/bigin-users/big.csv");
        List<CSVRecord> failed = Files.exists(err) ? read(err) : List.of();
        assertThat(ok.size() + failed.size()).as("success + error = input records").isEqualTo(RECORDS);
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        failed.forEach(r -> rows.add(r.get("result_row")));
        assertThat(rows).as("each record exactly once").hasSize(RECORDS);
        assertThat(failed).isEmpty();
        assertThat(inbox.resolve("big.csv")).doesNotExist();

        JsonNode requests = JSON.valueToTree(sandbox.requests().toJson());
        assertThat(requests.path("counts_by_status").path("POST /bigin/v1/users 400").asLong())
                .as("no add was sent for a user that already existed").isZero();
        long users = 0;
        for (JsonNode u : JSON.valueToTree(sandbox.state().root()).path("bigin").path("users")) {
            users += u.path("email").asText().startsWith("term") ? 1 : 0;
        }
        assertThat(users).as("one user per row").isEqualTo(RECORDS);
        System.out.printf("shutdown test: SIGTERM at %d journal lines; exit %d after %d ms; file %s%n", linesAtTerm,
                service.exitValue(), exitMs, finished ? "finished before exit" : "finished by --once (" + resumed + " resumed)");
    }

    private Process child(String name, boolean once) throws IOException {
        return child(name, 4, once);
    }
}
