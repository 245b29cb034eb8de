package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Bigin users feed end to end: CSV in, sandbox over HTTP, sorted result files, summary, archive. */
class BiginUsersFeedTest extends PipelineTestSupport {

    @Test
    void csvRecordsAreAddedUpdatedAndRejectedIntoSortedResultFiles() {
        drop("bigin-users", "people.csv", """
                email,first_name,last_name,role,profile,phone,notes
                kim.lee@example.com,Kim,Lee,Manager,Standard,,new hire
                patricia.boyle@zylker.com,,,,,555-0199,phone change
                not-an-email,Bad,Row,Manager,Standard,,bad
                sam.ray@example.com,Sam,Ray,Wizard,Standard,,unknown role
                """);
        awaitDone("bigin-users", "people.csv");

        List<Map<String, String>> ok = csv("success/bigin-users/people.csv");
        List<Map<String, String>> err = csv("error/bigin-users/people.csv");
        assertThat(ok).hasSize(2);
        assertThat(err).hasSize(2);
        Map<String, String> created = ok.stream().filter(r -> r.get("email").equals("kim.lee@example.com")).findFirst().orElseThrow();
        assertThat(created).containsEntry("result_action", "created").containsEntry("result_status", "success")
                .containsEntry("notes", "new hire").containsEntry("result_row", "1");
        assertThat(created.get("result_id")).isNotBlank();
        Map<String, String> updated = ok.stream().filter(r -> r.get("email").startsWith("patricia")).findFirst().orElseThrow();
        assertThat(updated).containsEntry("result_action", "updated").containsEntry("result_id", "554023000000691003");
        assertThat(err).extracting(r -> r.get("result_code")).containsExactlyInAnyOrder("VALIDATION_FAILED", "UNKNOWN_ROLE");
        assertThat(err.stream().filter(r -> r.get("result_code").equals("UNKNOWN_ROLE")).findFirst().orElseThrow()
                .get("result_message")).contains("Wizard").contains("Manager").contains("CEO");

        JsonNode kim = biginUser("kim.lee@example.com");
        assertThat(kim.path("role").asText()).isEqualTo("554023000000015969");
        assertThat(kim.path("profile").asText()).isEqualTo("554023000000015975");
        assertThat(biginUser("patricia.boyle@zylker.com").path("phone").asText()).isEqualTo("555-0199");
        assertThat(biginUser("sam.ray@example.com")).isNull();

        JsonNode summary = summary("bigin-users", "people.csv");
        assertThat(summary.path("records_read").asLong()).isEqualTo(4);
        assertThat(summary.path("succeeded").asLong()).isEqualTo(2);
        assertThat(summary.path("failed").asLong()).isEqualTo(2);
        assertThat(summary.path("api_calls").path("by_endpoint").path("POST /bigin/v1/users").asLong()).isEqualTo(1);
        assertThat(summary.path("api_calls").path("by_endpoint").path("PUT /bigin/v1/users/{id}").asLong()).isEqualTo(1);
        assertThat(path("archive/bigin-users/people.csv")).exists();
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(1);
    }

    @Test
    void seedSampleJsonCreatesTheUserAndAnswersInTheSameShape() {
        drop("bigin-users", "seed-add.json", """
                {"users":[{"role":"554023000000015969","first_name":"Patricia","email":"Patricia@abcl.com",
                  "profile":"554023000000015975","last_name":"Boyle"}]}
                """);
        awaitDone("bigin-users", "seed-add.json");
        JsonNode out = json("success/bigin-users/seed-add.json");
        assertThat(out.path("users")).hasSize(1);
        JsonNode rec = out.path("users").get(0);
        assertThat(rec.path("email").asText()).isEqualTo("Patricia@abcl.com");
        assertThat(rec.path("result_action").asText()).isEqualTo("created");
        assertThat(rec.path("result_http_status").asInt()).isEqualTo(201);
        assertThat(rec.path("result_row").asInt()).isEqualTo(1);
        assertThat(path("error/bigin-users/seed-add.json")).doesNotExist();
        assertThat(biginUser("patricia@abcl.com")).isNotNull();
    }
}
