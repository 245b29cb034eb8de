package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The management port: health (live, ready with the routes and the Zoho token) and Prometheus metrics, scraped
 * after a file: records by feed, outcome and code, files done, Zoho API calls, last success time.
 */
class MetricsEndpointTest extends PipelineTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private int port;

    private int port() {
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return port;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("camel.management.enabled", "true", "camel.management.port", String.valueOf(port()),
                "camel.management.host", "127.0.0.1");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpAndMetricsCountTheRecordsOfAFile() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/observe/health/ready").statusCode() == 200);
        assertThat(get("/observe/health/live").statusCode()).isEqualTo(200);
        assertThat(get("/observe/health").body()).contains("UP");
        assertThat(get("/observe/health/ready?exposureLevel=full").body())
                .contains("{\"name\":\"zoho-token\",\"status\":\"UP\"}", "{\"name\":\"route:bigin-users-inbox\",\"status\":\"UP\"}");

        drop("bigin-users", "metrics.csv", "email,last_name,role,profile\n"
                + "m1@example.com,One,Manager,Standard\nm2@example.com,Two,Manager,Standard\n"
                + "bad-address,Three,Manager,Standard\nm4@example.com,Four,NoSuchRole,Standard\n");
        awaitDone("bigin-users", "metrics.csv");

        String metrics = get("/observe/metrics").body();
        assertThat(value(metrics, "zoho_provisioning_records_total", "outcome=\"success\"")).isEqualTo(2);
        assertThat(value(metrics, "zoho_provisioning_records_total", "outcome=\"error\"")).isEqualTo(2);
        assertThat(value(metrics, "zoho_provisioning_records_total", "code=\"UNKNOWN_ROLE\"")).isEqualTo(1);
        assertThat(value(metrics, "zoho_provisioning_files_total", "outcome=\"done\"")).isEqualTo(1);
        assertThat(value(metrics, "zoho_provisioning_api_calls_seconds_count", "endpoint=\"POST /bigin/v1/users\""))
                .isEqualTo(calls("POST /bigin/v1/users"));
        assertThat(value(metrics, "zoho_provisioning_last_success_time_seconds", "feed=\"bigin-users\"")).isPositive();
        // the calls in flight the API allows (zoho.max-concurrent = auto: from 2, one more per call answered at first)
        assertThat(value(metrics, "zoho_provisioning_api_concurrency_limit", "api=\"bigin\",mode=\"auto\""))
                .isBetween(2.0, 25.0);
        // the JVM and process metrics (camel.metrics.binders)
        assertThat(metrics).containsPattern("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} \\S+$")
                .containsPattern("(?m)^jvm_threads_live_threads(\\{[^}]*\\})? \\S+$")
                .containsPattern("(?m)^jvm_classes_loaded_classes(\\{[^}]*\\})? \\S+$")
                .containsPattern("(?m)^process_cpu_usage(\\{[^}]*\\})? \\S+$")
                .containsPattern("(?m)^process_uptime_seconds(\\{[^}]*\\})? \\S+$");
        assertThat(value(metrics, "jvm_memory_used_bytes", "area=\"heap\"")).isPositive();
    }

    /** The sum of the samples of a metric whose labels contain the given text (and feed="bigin-users"). */
    private static double value(String metrics, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            if (m.group(1).contains(label) && m.group(1).contains("feed=\"bigin-users\"") || m.group(1).contains(label)
                    && !m.group(1).contains("feed=")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
