package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A token refused mid-file (Zoho's "Access Denied" refresh limit) is an auth error, never a row error: the file
 * stops at once (the runaway guard's path), goes to held/ with the reason, no record gets AUTH_FAILED, and a later
 * run (the file moved back into the inbox once the token works) continues where it stopped, sending none of the
 * finished records again.
 */
class RunawayFileTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.runaway.max-consecutive-failures", "5",
                "zoho.max-concurrent", "2",
                "zoho.token.denied-cooldown-ms", "1000");
    }

    @Test
    void aBrokenTokenStopsTheFileWhichLaterContinuesWhereItStopped() throws IOException {
        int n = 200;
        String file = BiginUsersCsv.of("run", n);
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":20}");
        drop("bigin-users", "runaway.csv", file);
        await().atMost(Duration.ofSeconds(20)).until(() -> calls("POST /bigin/v1/users") >= 10);
        sandboxCall("POST", "/__sandbox/faults", "{\"tokenRefreshLimit\":-1}");
        sandboxCall("POST", "/__sandbox/expire-tokens", null);

        Path held = path("held/bigin-users/runaway.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held));
        assertThat(path("inbox/bigin-users/runaway.csv")).doesNotExist();
        String reason = Files.readString(path("held/bigin-users/runaway.csv.reason.txt"));
        assertThat(reason).contains("Zoho refused the token: ").contains("Access Denied")
                .contains("fix the credentials, then move the file back into the inbox: it continues where it stopped");
        assertThat(path("error/bigin-users/runaway.csv")).doesNotExist();
        long journalOutcomes;
        try (var dirs = Files.list(path(".journal/bigin-users"))) {
            Path journal = dirs.findFirst().orElseThrow().resolve("journal.ndjson");
            journalOutcomes = Files.readAllLines(journal).stream().filter(l -> l.contains("\"outcome\"")).count();
            assertThat(Files.readString(journal)).doesNotContain("AUTH_FAILED");
        }
        assertThat(journalOutcomes).as("the records done before the refusal are kept in the journal").isGreaterThanOrEqualTo(10);
        long created = calls("POST /bigin/v1/users");
        assertThat(created).as("the file stopped long before its end").isLessThan(n / 2);
        assertThat(sandboxGet("/__sandbox/requests").path("counts").path("POST /oauth/v2/token").asLong())
                .as("the refresh limit is respected: no refresh per record").isLessThanOrEqualTo(3);

        sandboxCall("POST", "/__sandbox/faults", "{\"tokenRefreshLimit\":10}");
        Files.move(held, path("inbox/bigin-users/runaway.csv"));
        awaitDone("bigin-users", "runaway.csv");
        List<Map<String, String>> ok = csv("success/bigin-users/runaway.csv");
        List<Map<String, String>> err = csv("error/bigin-users/runaway.csv");
        assertThat(ok.size() + err.size()).isEqualTo(n);
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        err.forEach(r -> rows.add(r.get("result_row")));
        assertThat(rows).hasSize(n);
        assertThat(err).as("no AUTH_FAILED line: the token refusal paused the file").isEmpty();
        JsonNode byStatus = sandboxGet("/__sandbox/requests").path("counts_by_status");
        assertThat(byStatus.path("POST /bigin/v1/users 400").asLong()).as("no add was sent twice").isZero();
        long users = 0;
        for (JsonNode u : sandboxGet("/__sandbox/state").path("bigin").path("users")) {
            users += u.path("email").asText().startsWith("run") ? 1 : 0;
        }
        assertThat(users).isEqualTo(n - err.size());
        assertThat(summary("bigin-users", "runaway.csv").path("resumed_from_journal").asLong()).isEqualTo(journalOutcomes);
        assertThat(path(".journal/bigin-users")).isEmptyDirectory();
    }
}
