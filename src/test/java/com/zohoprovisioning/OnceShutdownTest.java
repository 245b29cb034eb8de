package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zohoprovisioning.sandbox.SandboxFaults;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

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
 * SIGTERM to {@code --once} mid-file: a child JVM runs --once on a 2,000-record file against a slow sandbox (50 ms per
 * call) with camel.main.shutdown-timeout=3; once some records are journalled it gets SIGTERM ({@link Process#destroy()}).
 * It says what it does, ends within the timeout with exit 1 (not everything was done; not the signal's 143) and
 * "zoho-provisioning stopped" last; a second --once finishes the file from the journal, every row exactly once.
 */
class OnceShutdownTest extends ChildAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 2_000;

    @Test
    void sigtermDuringOnceSaysWhatItDoesExitsOneAndTheNextRunFinishesTheFile() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.latency-ms", "50"))).start();
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve(".big.csv.part"), BiginUsersCsv.of("stop", RECORDS));
        Files.move(inbox.resolve(".big.csv.part"), inbox.resolve("big.csv"));

        Process once = child("once", 4, true, "camel.main.shutdown-timeout=3");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> journalLines() >= 100);
        long termAt = System.nanoTime();
        once.destroy(); // SIGTERM
        assertThat(once.waitFor(30, TimeUnit.SECONDS)).as("--once exits after SIGTERM").isTrue();
        long exitMs = (System.nanoTime() - termAt) / 1_000_000;
        String log = Files.readString(work.resolve("once.log"));
        assertThat(exitMs).as("within the shutdown timeout (3 s) and the JVM's own stop: " + log).isLessThan(15_000);
        assertThat(once.exitValue()).as("1: not everything was done\n" + log).isEqualTo(1);
        assertThat(log).as("what happens on SIGTERM, then the last line")
                .contains("Stopping: no new file is taken; the files being processed are finished first (at most 3 s, "
                        + "camel.main.shutdown-timeout; a file not finished by then stays in the inbox and resumes "
                        + "from its journal on the next start or run)")
                .containsPattern("INFO .* - zoho-provisioning stopped\\s*$")
                .doesNotContain("Forcing shutdown");
        assertThat(inbox.resolve("big.csv")).as("the file was cut short: it stays for the next run").exists();

        sandbox.faults().update(new SandboxFaults.Settings(0, 0, 0, 0, 0));
        Process again = child("again", 4, true);
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).as("the second --once finishes").isTrue();
        assertThat(again.exitValue()).as(Files.readString(work.resolve("again.log"))).isZero();
        assertThat(inbox).isEmptyDirectory();
        long resumed = JSON.readTree(work.resolve("reports/bigin-users/big.csv.summary.json").toFile())
                .path("resumed_from_journal").asLong();
        assertThat(resumed).as("the records done before SIGTERM came from the journal").isPositive();

        List<CSVRecord> ok = read(work.resolve("success/bigin-users/big.csv"));
        assertThat(work.resolve("error/bigin-users/big.csv")).doesNotExist();
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        assertThat(ok).as("one line per record").hasSize(RECORDS);
        assertThat(rows).as("each record exactly once").hasSize(RECORDS);
        JsonNode requests = JSON.valueToTree(sandbox.requests().toJson());
        assertThat(requests.path("counts_by_status").path("POST /bigin/v1/users 400").asLong())
                .as("no add was sent for a user that already existed").isZero();
        long users = 0;
        for (JsonNode u : JSON.valueToTree(sandbox.state().root()).path("bigin").path("users")) {
            users += u.path("email").asText().startsWith("stop") ? 1 : 0;
        }
        assertThat(users).as("one user per row").isEqualTo(RECORDS);
        System.out.printf("--once shutdown test: exit %d after %d ms; %d records resumed from the journal%n",
                once.exitValue(), exitMs, resumed);
    }
}
