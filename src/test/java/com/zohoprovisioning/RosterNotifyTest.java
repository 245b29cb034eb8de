package com.zohoprovisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: a roster the guard holds is told (here by webhook) with the guard's reason, where its plan is and how to
 * approve it, and nothing of its rows or of the leavers. A roster whose rows are clean but a leaver's deactivation was
 * refused finished with errors; a clean one (notify.on-success=true) is told with its leavers' counts and files.
 */
class RosterNotifyTest extends WebhookTestSupport {


    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("notify.webhook.url", webhook().url(), "provisioning.crm-users.mode", "roster",
                "provisioning.crm-users.roster.max-deactivations", "1", "notify.on-success", "true");
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
                .contains("Plan:        held/crm-users/nightly.csv.plan.csv")
                .contains("Summary:     held/crm-users/nightly.csv.summary.json")
                .contains("java -jar target/zoho-provisioning.jar approve crm-users nightly.csv (approves this plan only)")
                .doesNotContain("new.hire").doesNotContain("kevin").doesNotContain("deborah").doesNotContain("zylker");
        assertThat(webhook().received()).hasSize(1);
    }

    @Test
    void aRosterWhoseOnlyFailureIsALeaverFinishesWithErrors() throws Exception {
        // Kevin, the one leaver, is deactivated by someone else while his deactivation is on its way (each call
        // takes 1.5 s here): Zoho refuses it, ID_ALREADY_DEACTIVATED
        sandbox().faults().update(new com.zohoprovisioning.sandbox.SandboxFaults.Settings(1500, 0, 0, 0, 0));
        try (LogCapture leavers = LogCapture.of(com.zohoprovisioning.pipeline.RosterLeavers.class)) {
            drop("crm-users", "nightly.csv", "email,first_name,last_name,role,profile\n"
                    + "deborah.gill@zylker.com,Deborah,Gill,Manager,Standard\n"
                    + "uma.invited@zylker.com,Uma,Invited,Sales Rep,Standard\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> leavers.events().stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("deactivating 1 leavers")));
            synchronized (sandbox().state().lock()) {
                for (com.fasterxml.jackson.databind.JsonNode u : sandbox().state().list("crm", "users")) {
                    if (u.path("id").asText().equals("3652397000000281015")) {
                        ((ObjectNode) u).put("status", "inactive");
                    }
                }
            }
        }
        awaitDone("crm-users", "nightly.csv");
        assertThat(csv("error/crm-users/nightly.leavers.csv")).singleElement()
                .satisfies(r -> assertThat(r.get("result_code")).isEqualTo("ID_ALREADY_DEACTIVATED"));
        assertThat(path("error/crm-users/nightly.csv")).as("every row succeeded").doesNotExist();

        await().atMost(Duration.ofSeconds(30)).until(() -> !webhook().received().isEmpty());
        String text = JSON.readTree(webhook().received().get(0).body()).path("text").asText();
        assertThat(text).startsWith("[zoho-provisioning] errors: crm-users/nightly.csv, 1 of 1 leavers not deactivated")
                .contains("finished with errors: 2 records, 2 succeeded, 0 failed; leavers: 1 planned, 0 deactivated,"
                        + " 1 failed, 1 protected (left alone).")
                .contains("error/crm-users/nightly.leavers.csv")
                .contains("reports/crm-users/nightly.csv.summary.json")
                .contains("Leavers not deactivated by code: ID_ALREADY_DEACTIVATED 1")
                .doesNotContain("Fix the rows")
                .doesNotContain("kevin").doesNotContain("deborah").doesNotContain("uma").doesNotContain("zylker")
                .doesNotContain("sandbox-secret").doesNotContain("refresh");
        assertThat(webhook().received()).hasSize(1);
    }

    @Test
    void aCleanRosterIsToldWithItsLeaversCountsAndFiles() throws Exception {
        drop("crm-users", "nightly.csv", "email,first_name,last_name,role,profile\n"
                + "deborah.gill@zylker.com,Deborah,Gill,Manager,Standard\n"
                + "uma.invited@zylker.com,Uma,Invited,Sales Rep,Standard\n");
        awaitDone("crm-users", "nightly.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> !webhook().received().isEmpty());
        String text = JSON.readTree(webhook().received().get(0).body()).path("text").asText();
        assertThat(text).startsWith("[zoho-provisioning] done: crm-users/nightly.csv, 2 records succeeded")
                .contains("finished: 2 records, all 2 succeeded; leavers: 1 planned, 1 deactivated, 0 failed,"
                        + " 1 protected (left alone).")
                .contains("success/crm-users/nightly.leavers.csv")
                .doesNotContain("nightly.leavers.csv\nLeavers not")
                .doesNotContain("kevin").doesNotContain("deborah").doesNotContain("uma").doesNotContain("zylker");
        assertThat(webhook().received()).hasSize(1);
    }
}
