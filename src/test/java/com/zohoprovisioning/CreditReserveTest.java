package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The credit reserve in service mode: the sandbox's org has a small daily budget; once Zoho reports fewer credits
 * left than zoho.credits.reserve, the file in flight is held (no row fails), and once the report is stale
 * (zoho.credits.recheck-after) it goes back into the inbox by itself and finishes from its journal, each row once.
 */
class CreditReserveTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.credits.reserve", "20", "zoho.credits.recheck-after", "2s",
                "sandbox.credits-per-day", "60", "sandbox.latency-ms", "5");
    }

    private long added() {
        return sandboxGet("/__sandbox/requests").path("counts_by_status").path("POST /bigin/v1/users 201").asLong(0);
    }

    @Test
    void theReserveHoldsAFileAndItResumesWithEveryRowOnce() throws Exception {
        drop("bigin-users", "credits.csv", BiginUsersCsv.of("credit", 80));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(path("held/bigin-users/credits.csv.reason.txt")));
        String reason = Files.readString(path("held/bigin-users/credits.csv.reason.txt"));
        assertThat(reason).contains("Zoho API credits: ").contains("reserve 20; move the file back to the inbox, or it"
                + " resumes by itself after");
        assertThat(path("error/bigin-users/credits.csv")).doesNotExist();
        assertThat(added()).as("the calls in flight when the reserve was reached may still go").isBetween(30L, 59L);

        sandboxCall("POST", "/__sandbox/faults", "{\"refillCredits\":true,\"creditsPerDay\":1000}");
        awaitDone("bigin-users", "credits.csv");
        List<Map<String, String>> ok = csv("success/bigin-users/credits.csv");
        assertThat(ok).hasSize(80);
        assertThat(ok.stream().map(r -> r.get("result_row")).collect(Collectors.toSet())).hasSize(80);
        assertThat(csv("error/bigin-users/credits.csv")).isEmpty();
        assertThat(added()).as("no add sent twice").isEqualTo(80);
        assertThat(summary("bigin-users", "credits.csv").path("resumed_from_journal").asLong()).isPositive();
        assertThat(summary("bigin-users", "credits.csv").path("credits").path("remaining").path("bigin")
                .path("after").asLong()).isPositive();
    }

    @Test
    void aFileWhoseLookupsMeetTheReserveIsHeldBeforeAnyRecordAndResumes() throws Exception {
        sandboxCall("POST", "/__sandbox/faults", "{\"creditsPerDay\":10}");
        drop("bigin-users", "early.csv", BiginUsersCsv.of("early", 10));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(path("held/bigin-users/early.csv.reason.txt")));
        assertThat(Files.readString(path("held/bigin-users/early.csv.reason.txt")))
                .contains("Zoho API credits: 9 left, reserve 20").contains("Records with an outcome: 0");
        assertThat(calls("GET /bigin/v1/settings/profiles")).as("the lookup after the first was not sent").isZero();

        sandboxCall("POST", "/__sandbox/faults", "{\"refillCredits\":true,\"creditsPerDay\":1000}");
        awaitDone("bigin-users", "early.csv");
        assertThat(csv("success/bigin-users/early.csv")).hasSize(10);
        assertThat(added()).isEqualTo(10);
    }
}
