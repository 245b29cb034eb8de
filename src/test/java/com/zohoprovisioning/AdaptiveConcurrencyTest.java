package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * zoho.max-concurrent = auto (the default): the routes find how many calls in flight the sandbox's org allows
 * (its concurrency limit C, 429 above it) while a file runs, report it in the summary, and back off when the limit
 * drops mid-file. Records never fail with TOO_MANY_REQUESTS.
 */
class AdaptiveConcurrencyTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.runaway.max-consecutive-failures", "0");
    }

    private void faults(String json) {
        sandboxCall("POST", "/__sandbox/faults", json);
    }

    private JsonNode run(String name, int records) {
        drop("bigin-users", name, BiginUsersCsv.of(name.replace(".csv", ""), records));
        awaitDone("bigin-users", name);
        assertThat(csv("success/bigin-users/" + name)).hasSize(records);
        assertThat(csv("error/bigin-users/" + name)).as("no record fails with TOO_MANY_REQUESTS").isEmpty();
        return summary("bigin-users", name);
    }

    @Test
    void findsALimitOfFive() {
        faults("{\"maxConcurrent\":5,\"latencyMs\":20}");
        JsonNode summary = run("five.csv", 300);
        JsonNode bigin = summary.path("concurrency").path("bigin");
        assertThat(bigin.path("mode").asText()).isEqualTo("auto");
        assertThat(bigin.path("limit").asInt()).isBetween(3, 5);
        JsonNode requests = sandboxGet("/__sandbox/requests");
        long calls = summary.path("api_calls").path("total").asLong();
        assertThat(requests.path("rejected_429").asLong()).as("429s of %s calls", calls).isLessThanOrEqualTo(calls / 20);
    }

    @Test
    void findsALimitOfTwentyFiveWithoutA429() {
        faults("{\"maxConcurrent\":25,\"latencyMs\":20}");
        JsonNode summary = run("many.csv", 300);
        assertThat(summary.path("concurrency").path("bigin").path("limit").asInt()).isEqualTo(25);
        JsonNode requests = sandboxGet("/__sandbox/requests");
        assertThat(requests.path("rejected_429").asInt()).isZero();
        assertThat(requests.path("peak_in_flight").asInt()).isGreaterThan(10);
    }

    @Test
    void aStormOf429sBacksOff() {
        faults("{\"maxConcurrent\":25,\"latencyMs\":20}");
        drop("bigin-users", "storm.csv", BiginUsersCsv.of("storm", 400));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> calls("POST /bigin/v1/users") >= 100);
        faults("{\"maxConcurrent\":2}");
        awaitDone("bigin-users", "storm.csv");
        assertThat(csv("success/bigin-users/storm.csv")).hasSize(400);
        assertThat(csv("error/bigin-users/storm.csv")).isEmpty();
        assertThat(summary("bigin-users", "storm.csv").path("concurrency").path("bigin").path("limit").asInt())
                .isLessThanOrEqualTo(2);
        assertThat(sandboxGet("/__sandbox/requests").path("rejected_429").asInt())
                .as("a few 429s while the limit comes down, then only a rare probe").isLessThan(60);
    }
}
