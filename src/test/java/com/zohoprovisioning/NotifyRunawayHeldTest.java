package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A file the runaway guard holds (Zoho down mid-file) is told with the guard's reason and how to release it. */
class NotifyRunawayHeldTest extends WebhookTestSupport {


    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("notify.webhook.url", webhook().url(),
                "provisioning.runaway.max-consecutive-failures", "5",
                "zoho.max-concurrent", "2",
                "zoho.retry.max-redeliveries", "0",
                "zoho.breaker.max-pause-ms", "0");
    }

    @Test
    void theRunawayGuardsHoldIsToldWithItsReasonAndTheWayBack() throws Exception {
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":20}");
        drop("bigin-users", "outage.csv", BiginUsersCsv.of("notify-out", 200));
        await().atMost(Duration.ofSeconds(20)).until(() -> calls("POST /bigin/v1/users") >= 10);
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":20,\"down\":true}");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/bigin-users/outage.csv")));

        await().atMost(Duration.ofSeconds(30)).until(() -> !webhook().received().isEmpty());
        String text = JSON.readTree(webhook().received().get(0).body()).path("text").asText();
        assertThat(text).startsWith("[zoho-provisioning] held: bigin-users/outage.csv\n\n"
                        + "bigin-users/outage.csv is held: runaway guard: ")
                .contains("in a row")
                .containsPattern("Records with an outcome: \\d+ \\(\\d+ succeeded, \\d+ failed\\)")
                .contains("held/bigin-users/outage.csv.reason.txt")
                .contains("To release it: java -jar target/zoho-provisioning.jar approve bigin-users outage.csv (or, once"
                        + " the cause is fixed, move it back into inbox/bigin-users/ as it is: it continues where it stopped)")
                .doesNotContain("notify-out");
        assertThat(webhook().received()).hasSize(1);
    }
}
