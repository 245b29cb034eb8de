package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: a roster the guard holds is told (here by webhook) with the guard's reason, where its plan is and how to
 * approve it, and nothing of its rows or of the leavers.
 */
class RosterNotifyTest extends WebhookTestSupport {


    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("notify.webhook.url", webhook().url(), "provisioning.crm-users.mode", "roster",
                "provisioning.crm-users.roster.max-deactivations", "1");
    }

    @Test
    void aHeldRosterIsToldWithItsReasonPlanAndApproval() throws Exception {
        drop("crm-users", "nightly.csv", "email,first_name,last_name,role,profile\n"
                + "new.hire@example.com,New,Hire,Sales Rep,Standard\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/crm-users/nightly.csv.plan.csv")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !webhook().received().isEmpty());
        String text = JSON.readTree(webhook().received().get(0).body()).path("text").asText();
        assertThat(text).contains("crm-users/nightly.csv is held: roster guard: would deactivate 3 of 4 active users (75 %),"
                        + " above the limit of 1")
                .contains("nightly.csv.plan.csv")
                .contains("java -jar target/zoho-provisioning.jar approve crm-users nightly.csv (approves this plan only)")
                .doesNotContain("new.hire").doesNotContain("kevin").doesNotContain("deborah").doesNotContain("zylker");
        assertThat(webhook().received()).hasSize(1);
    }
}
