package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Zoho misbehaving, injected in the sandbox over HTTP through /__sandbox/faults: rate and concurrency limits (429
 * with Retry-After), 5xx, connection resets, lost answers, read timeouts, a full outage. The client keeps its
 * in-flight calls under zoho.bigin.max-concurrent, retries what is transient, never retries business errors, and
 * pauses (circuit breaker) instead of failing records while Zoho is down.
 */
class ZohoFaultsTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.ofEntries(
                Map.entry("zoho.max-concurrent", "4"),
                Map.entry("zoho.bigin.max-concurrent", "2"),
                Map.entry("zoho.retry.max-redeliveries", "5"),
                Map.entry("zoho.breaker.window", "10"),
                Map.entry("zoho.breaker.minimum-calls", "5"),
                Map.entry("zoho.breaker.open-seconds", "1"),
                Map.entry("zoho.breaker.retry-delay-ms", "200"),
                Map.entry("zoho.breaker.max-pause-ms", "30000"),
                Map.entry("camel.component.http.so-timeout", "500"),
                Map.entry("camel.component.http.response-timeout", "500"),
                Map.entry("provisioning.runaway.max-consecutive-failures", "0"));
    }

    private void faults(String json) {
        sandboxCall("POST", "/__sandbox/faults", json);
    }

    private ZohoResponse call(String method, String path, String body) {
        Exchange ex = new DefaultExchange(context);
        ex.getMessage().setBody(body);
        return template.send(ZohoClientTest.uri("bigin", method, path, null), ex).getMessage().getBody(ZohoResponse.class);
    }

    private long answers(String endpoint, int status) {
        return sandboxGet("/__sandbox/requests").path("counts_by_status").path(endpoint + " " + status).asLong(0);
    }

    @Test
    void inFlightCallsStayUnderThePerApiLimit() {
        faults("{\"maxConcurrent\":2,\"latencyMs\":100}");
        drop("bigin-users", "limit.csv", BiginUsersCsv.of("limit", 12));
        awaitDone("bigin-users", "limit.csv");
        assertThat(csv("success/bigin-users/limit.csv")).hasSize(12);
        JsonNode requests = sandboxGet("/__sandbox/requests");
        assertThat(requests.path("peak_in_flight").asInt()).isLessThanOrEqualTo(2);
        assertThat(requests.path("rejected_429").asInt()).isZero();
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoffHonouringRetryAfter() {
        faults("{\"maxConcurrent\":1,\"latencyMs\":60,\"retryAfterSeconds\":1}");
        drop("bigin-users", "busy.csv", BiginUsersCsv.of("busy", 10));
        awaitDone("bigin-users", "busy.csv");
        assertThat(csv("success/bigin-users/busy.csv")).hasSize(10);
        assertThat(csv("error/bigin-users/busy.csv")).isEmpty();
        assertThat(sandboxGet("/__sandbox/requests").path("rejected_429").asInt()).isPositive();
        assertThat(calls("POST /bigin/v1/users")).isGreaterThan(10);
    }

    @Test
    void serverErrorsResetsAndLostAnswersAreRetriedAndNoUserIsCreatedTwice() {
        faults("{\"errorRate\":0.1,\"resetRate\":0.05,\"dropRate\":0.05}");
        drop("bigin-users", "flaky.csv", BiginUsersCsv.of("flaky", 20));
        awaitDone("bigin-users", "flaky.csv");
        List<Map<String, String>> ok = csv("success/bigin-users/flaky.csv");
        assertThat(csv("error/bigin-users/flaky.csv")).isEmpty();
        assertThat(ok).hasSize(20).allSatisfy(r -> assertThat(r.get("result_action")).isEqualTo("created"));
        assertThat(ok).allSatisfy(r -> assertThat(r.get("result_id")).isNotBlank());
        long flakyUsers = 0;
        for (JsonNode u : sandboxGet("/__sandbox/state").path("bigin").path("users")) {
            if (u.path("email").asText().startsWith("flaky")) {
                flakyUsers++;
            }
        }
        assertThat(flakyUsers).isEqualTo(20);
        assertThat(answers("POST /bigin/v1/users", 503) + answers("POST /bigin/v1/users", -1)).isPositive();
    }

    @Test
    void readTimeoutsAreRetriedThenTheCallFailsWithZohoUnavailable() {
        faults("{\"latencyMs\":800}");
        long start = System.nanoTime();
        ZohoResponse r = call("GET", "/bigin/v1/settings/roles", null);
        assertThat(r.success()).isFalse();
        assertThat(r.code()).isEqualTo("ZOHO_UNAVAILABLE");
        assertThat(r.message()).contains("after retries");
        await().atMost(Duration.ofSeconds(5)).until(() -> calls("GET /bigin/v1/settings/roles") == 6);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        faults("{\"latencyMs\":200}");
        assertThat(call("GET", "/bigin/v1/settings/roles", null).success()).as("slow, but within the timeout").isTrue();
    }

    @Test
    void businessErrorsAreNeverRetried() {
        ZohoResponse r = call("POST", "/bigin/v1/users", "{\"users\":[{\"last_name\":\"X\",\"email\":\"patricia.boyle@zylker.com\","
                + "\"role\":\"554023000000015969\",\"profile\":\"554023000000015975\"}]}");
        assertThat(r.code()).isEqualTo("DUPLICATE_DATA");
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(1);
    }

    @Test
    void whileZohoIsDownTheFeedPausesAndResumesWhenItIsBack() {
        faults("{\"latencyMs\":50}");
        drop("bigin-users", "outage.csv", BiginUsersCsv.of("outage", 40));
        await().atMost(Duration.ofSeconds(20)).until(() -> calls("POST /bigin/v1/users") >= 6);
        faults("{\"down\":true}");
        await().atMost(Duration.ofSeconds(20)).until(() -> answers("POST /bigin/v1/users", 503) >= 5);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                Files.exists(path("inbox/bigin-users/outage.csv")));
        long failedCalls = answers("POST /bigin/v1/users", 503);
        faults("{\"down\":false}");
        awaitDone("bigin-users", "outage.csv");
        assertThat(csv("success/bigin-users/outage.csv")).hasSize(40);
        assertThat(csv("error/bigin-users/outage.csv")).isEmpty();
        assertThat(failedCalls).as("while the breaker is open only a probe goes out now and then").isLessThan(25);
    }
}
