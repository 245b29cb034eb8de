package com.zohoprovisioning;

import com.zohoprovisioning.pipeline.RunStats;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Zoho answering 5xx to everything: the file waits in the inbox (no row burnt), and goes through once Zoho is back. */
class ZohoUnavailableTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.retry.max-redeliveries", "2");
    }

    @Test
    void aFileWaitsWhileZohoIsDownAndIsProcessedWhenItIsBack() {
        sandboxCall("POST", "/__sandbox/faults", "{\"errorRate\":1.0}");
        drop("bigin-users", "down.csv", """
                email,phone
                patricia.boyle@zylker.com,2
                uma.invited@zylker.com,3
                """);
        RunStats stats = awaitFatalError();
        assertThat(stats.fatalErrors().get(0)).contains("503");
        assertThat(path("inbox/bigin-users/down.csv")).exists();
        assertThat(path("error/bigin-users")).doesNotExist();
        assertThat(calls("GET /bigin/v1/settings/roles")).as("each attempt retried").isGreaterThanOrEqualTo(3);

        sandboxCall("POST", "/__sandbox/faults", "{\"errorRate\":0.0}");
        awaitDone("bigin-users", "down.csv");
        assertThat(csv("success/bigin-users/down.csv")).hasSize(2);
        assertThat(biginUser("uma.invited@zylker.com").path("phone").asText()).isEqualTo("3");
    }
}
