package com.zohoprovisioning;

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
 * Zoho failing every call mid-file (an outage): after provisioning.runaway.max-consecutive-failures records in a row
 * failed on Zoho's side, the file stops calling, goes to held/ with the reason, and continues where it stopped when
 * moved back once Zoho answers again: every record exactly once, none of the finished ones sent again.
 */
class RunawayGuardTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        // fail fast: no retries, no waiting while the circuit breaker is open
        return Map.of("provisioning.runaway.max-consecutive-failures", "5",
                "zoho.max-concurrent", "2",
                "zoho.retry.max-redeliveries", "0",
                "zoho.breaker.max-pause-ms", "0");
    }

    @Test
    void anOutageStopsTheFileWhichLaterContinuesWhereItStopped() throws IOException {
        int n = 200;
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":20}");
        drop("bigin-users", "outage.csv", BiginUsersCsv.of("out", n));
        await().atMost(Duration.ofSeconds(20)).until(() -> calls("POST /bigin/v1/users") >= 10);
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":20,\"down\":true}");

        Path held = path("held/bigin-users/outage.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held));
        assertThat(path("inbox/bigin-users/outage.csv")).doesNotExist();
        assertThat(Files.readString(path("held/bigin-users/outage.csv.reason.txt")))
                .contains("in a row").contains("move this file back into inbox/bigin-users/");
        long sentBefore = calls("POST /bigin/v1/users");
        assertThat(sentBefore).as("the file stopped long before its end").isLessThan(n / 2);

        sandboxCall("POST", "/__sandbox/faults", "{\"down\":false}");
        Files.move(held, path("inbox/bigin-users/outage.csv"));
        awaitDone("bigin-users", "outage.csv");
        List<Map<String, String>> ok = csv("success/bigin-users/outage.csv");
        List<Map<String, String>> err = csv("error/bigin-users/outage.csv");
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        err.forEach(r -> rows.add(r.get("result_row")));
        assertThat(ok.size() + err.size()).as("every record exactly once").isEqualTo(n);
        assertThat(rows).hasSize(n);
        assertThat(err).as("the records that failed during the outage keep their ZOHO_UNAVAILABLE line")
                .allSatisfy(r -> assertThat(r.get("result_code")).isIn("ZOHO_UNAVAILABLE", "VALIDATION_FAILED",
                        "DUPLICATE_IN_FILE", "UNKNOWN_ROLE"));
        assertThat(err).anySatisfy(r -> assertThat(r.get("result_code")).isEqualTo("ZOHO_UNAVAILABLE"));
        assertThat(sandboxGet("/__sandbox/requests").path("counts_by_status").path("POST /bigin/v1/users 400").asLong())
                .as("no add was sent twice").isZero();
        assertThat(path(".journal/bigin-users")).isEmptyDirectory();
    }
}
