package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: crm-users in roster mode against the sandbox's seed org (active: Patricia Boyle, the token's own user and
 * an Administrator; Deborah Gill; Kevin Ortiz; Uma Invited). Leavers are deactivated after the rows, protected users
 * are left alone, a failed row still counts as present, and above the guard's limit the file is held with its plan
 * until {@code approve} releases it, bound to that plan.
 */
class RosterSyncTest extends PipelineTestSupport {

    static final String FEED = "crm-users";
    static final String HEADER = "email,first_name,last_name,role,profile\n";
    static final String NEW_HIRE = "new.hire@example.com,New,Hire,Sales Rep,Standard\n";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.crm-users.mode", "roster",
                "provisioning.crm-users.roster.max-deactivations", "1",
                "provisioning.crm-users.roster.protect", "uma.*@zylker.com");
    }

    @Test
    void leaversAreDeactivatedAfterTheRowsAndProtectedUsersAreLeftAlone() throws Exception {
        // Deborah's row fails validation (unknown role) but she is present; Kevin is absent: the one leaver
        drop(FEED, "people.csv", HEADER + "deborah.gill@zylker.com,Deborah,Gill,NoSuchRole,Standard\n" + NEW_HIRE);
        awaitDone(FEED, "people.csv");

        assertThat(csv("success/" + FEED + "/people.csv")).extracting(r -> r.get("email"))
                .containsExactly("new.hire@example.com");
        assertThat(csv("error/" + FEED + "/people.csv")).extracting(r -> r.get("email"))
                .containsExactly("deborah.gill@zylker.com");
        List<Map<String, String>> leavers = csv("success/" + FEED + "/people.leavers.csv");
        assertThat(leavers).hasSize(1);
        assertThat(leavers.get(0)).containsEntry("email", "kevin.ortiz@zylker.com")
                .containsEntry("id", "3652397000000281015").containsEntry("first_name", "Kevin")
                .containsEntry("result_action", "deactivated").containsEntry("result_status", "success");
        assertThat(path("error/" + FEED + "/people.leavers.csv")).doesNotExist();
        assertThat(crmStatus("kevin.ortiz@zylker.com")).isEqualTo("inactive");
        assertThat(crmStatus("deborah.gill@zylker.com")).isEqualTo("active");
        assertThat(crmStatus("uma.invited@zylker.com")).isEqualTo("active");
        assertThat(crmStatus("patricia.boyle@zylker.com")).isEqualTo("active");
        assertThat(crmStatus("new.hire@example.com")).isEqualTo("active");

        JsonNode roster = summary(FEED, "people.csv").path("roster");
        assertThat(roster.path("active_before").asLong()).isEqualTo(4);
        assertThat(roster.path("joiners").asLong()).isEqualTo(1);
        assertThat(roster.path("leavers_planned").asLong()).isEqualTo(1);
        assertThat(roster.path("deactivated").asLong()).isEqualTo(1);
        assertThat(roster.path("failed").asLong()).isEqualTo(0);
        assertThat(roster.path("protected").asLong()).isEqualTo(2);
        assertThat(roster.path("protected_users").toString()).contains("uma.invited@zylker.com")
                .contains("patricia.boyle@zylker.com");
        assertThat(roster.path("guard").path("held").asBoolean()).isFalse();
        assertThat(roster.path("files").path("leavers_success").asText()).isEqualTo("success/" + FEED
                + "/people.leavers.csv");
        assertThat(summary(FEED, "people.csv").path("succeeded").asLong()
                + summary(FEED, "people.csv").path("failed").asLong()).as("rows only").isEqualTo(2);

        // the same roster again (tomorrow's export, nobody changed): not held as a repeat; nothing left to change
        long writes = crmWrites();
        drop(FEED, "people (1).csv", HEADER + "deborah.gill@zylker.com,Deborah,Gill,NoSuchRole,Standard\n" + NEW_HIRE);
        awaitDone(FEED, "people (1).csv");
        assertThat(path("held/" + FEED + "/people (1).csv")).doesNotExist();
        assertThat(summary(FEED, "people (1).csv").path("roster").path("leavers_planned").asLong()).isZero();
        assertThat(csv("success/" + FEED + "/people (1).csv")).singleElement()
                .satisfies(r -> assertThat(r.get("result_action")).isEqualTo("unchanged"));
        assertThat(crmWrites()).isEqualTo(writes);
    }

    @Test
    void aRosterThatLosesTooManyIsHeldWithItsPlanAndApproveReleasesIt() throws Exception {
        long writesBefore = crmWrites();
        drop(FEED, "nightly.csv", HEADER + NEW_HIRE);
        Path held = path("held/" + FEED + "/nightly.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held)
                && Files.exists(path("held/" + FEED + "/nightly.csv.reason.txt")));
        assertThat(crmWrites()).as("no call that writes").isEqualTo(writesBefore);
        String reason = Files.readString(path("held/" + FEED + "/nightly.csv.reason.txt"));
        assertThat(reason).contains("would deactivate 2 of 4 active users (50 %), above the limit of 1")
                .contains("approve " + FEED + " nightly.csv").contains("Plan digest: ");
        String plan = Files.readString(path("held/" + FEED + "/nightly.csv.plan.csv"));
        assertThat(plan).contains("add,new.hire@example.com").contains("leaver,deborah.gill@zylker.com")
                .contains("leaver,kevin.ortiz@zylker.com").contains("protected,uma.invited@zylker.com")
                .doesNotContain("ivan.petrov");
        assertThat(crmStatus("new.hire@example.com")).isNull();
        // its summary, beside the reason (reports/ holds finished files' summaries): held by the guard, no write
        JsonNode heldSummary = json("held/" + FEED + "/nightly.csv.summary.json");
        assertThat(heldSummary.path("held").asBoolean()).isTrue();
        assertThat(heldSummary.path("records_read").asLong()).isEqualTo(1);
        assertThat(heldSummary.path("credits").path("writes").asLong()).as("no call that writes").isZero();
        JsonNode heldRoster = heldSummary.path("roster");
        assertThat(heldRoster.path("leavers_planned").asLong()).isEqualTo(2);
        assertThat(heldRoster.path("deactivated").asLong()).isZero();
        assertThat(heldRoster.path("guard").path("held").asBoolean()).isTrue();
        assertThat(heldRoster.path("guard").path("over_limit").asBoolean()).isTrue();
        assertThat(heldRoster.path("guard").path("limit").asLong()).isEqualTo(1);
        assertThat(heldRoster.path("guard").path("approved").isNull()).isTrue();
        assertThat(heldSummary.path("files").path("plan").asText()).isEqualTo("held/" + FEED + "/nightly.csv.plan.csv");
        assertThat(path("reports/" + FEED + "/nightly.csv.summary.json")).doesNotExist();

        assertThat(approve("nightly.csv")).contains("plan approved");
        assertThat(path("held/" + FEED + "/nightly.csv.summary.json")).as("approve takes it with the reason")
                .doesNotExist();
        awaitDone(FEED, "nightly.csv");
        assertThat(csv("success/" + FEED + "/nightly.leavers.csv")).extracting(r -> r.get("email"))
                .containsExactlyInAnyOrder("deborah.gill@zylker.com", "kevin.ortiz@zylker.com");
        assertThat(crmStatus("deborah.gill@zylker.com")).isEqualTo("inactive");
        assertThat(crmStatus("new.hire@example.com")).isEqualTo("active");
        JsonNode guard = summary(FEED, "nightly.csv").path("roster").path("guard");
        assertThat(guard.path("held").asBoolean()).as("released by the approval").isFalse();
        assertThat(guard.path("approved").path("plan_digest").asText())
                .isEqualTo(heldRoster.path("guard").path("plan_digest").asText()).hasSize(64);
        assertThat(guard.path("approved").path("at").asText()).isNotEmpty();
        assertThat(guard.path("over_limit").asBoolean()).isTrue();
    }

    @Test
    void anApprovalIsVoidOnceZohoChangesTheLeavers() throws Exception {
        drop(FEED, "nightly.csv", HEADER + NEW_HIRE);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/" + FEED + "/nightly.csv.reason.txt")));
        // meanwhile someone reactivates Ivan in Zoho: he becomes a leaver the approved plan did not name
        zoho("PUT", "/crm/v6/users/3652397000000281029",
                "{\"users\":[{\"id\":\"3652397000000281029\",\"status\":\"active\"}]}");
        assertThat(crmStatus("ivan.petrov@zylker.com")).isEqualTo("active");
        long writesBefore = crmWrites();

        approve("nightly.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/" + FEED + "/nightly.csv.reason.txt")));
        assertThat(Files.readString(path("held/" + FEED + "/nightly.csv.reason.txt")))
                .contains("would deactivate 3 of 5").contains("named other leavers");
        assertThat(Files.readString(path("held/" + FEED + "/nightly.csv.plan.csv"))).contains("leaver,ivan.petrov@zylker.com");
        assertThat(json("held/" + FEED + "/nightly.csv.summary.json").path("roster").path("leavers_planned").asLong())
                .isEqualTo(3);
        assertThat(crmWrites()).isEqualTo(writesBefore);
        assertThat(crmStatus("kevin.ortiz@zylker.com")).isEqualTo("active");
    }

    private String approve(String file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(Application.run(new String[] {"approve", FEED, file, "-Dwork.dir=" + workDir()})).isEqualTo(0);
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A call to the sandbox's CRM API as another integration would make it (its own token). */
    private void zoho(String method, String path, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = sandbox().baseUrl();
        HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth/v2/token?grant_type=refresh_token"
                + "&client_id=sandbox-client&client_secret=sandbox-secret&refresh_token=sandbox-refresh-token"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(t.body()).path("access_token").asText();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header("Authorization", "Zoho-oauthtoken " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
    }
}
