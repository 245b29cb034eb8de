package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error file dropped back as it is: a row refused on purpose (DUPLICATE_IN_FILE, refused for the row before it,
 * which is not in the error file) would be applied, so its result_message says so; every result of the re-dropped
 * file names the original file's row (its result_row column) in result_row.
 */
class DroppedBackErrorFileTest extends PipelineTestSupport {

    @Test
    void aDuplicateRowWarnsThatDroppingItBackAppliesItAndResultRowsNameTheOriginalRows() throws IOException {
        drop("bigin-users", "people.csv", """
                email,first_name,last_name,role,profile
                ann@example.com,Ann,Original,Manager,Standard
                bob@example.com,Bob,Builder,Manager,Standard

                ann@example.com,Ann,Renamed,Manager,Standard
                cid@example.com,Cid,Nobody,NoSuchRole,Standard
                """);
        awaitDone("bigin-users", "people.csv");
        List<Map<String, String>> err = csv("error/bigin-users/people.csv");
        assertThat(err).extracting(r -> r.get("email")).containsExactlyInAnyOrder("ann@example.com", "cid@example.com");
        Map<String, String> duplicate = byEmail(err, "ann@example.com");
        Map<String, String> unknownRole = byEmail(err, "cid@example.com");
        assertThat(duplicate).containsEntry("result_code", "DUPLICATE_IN_FILE").containsEntry("result_row", "3");
        assertThat(duplicate.get("result_message")).contains("comes first, in row 1")
                .contains("dropping this file back as it is will apply this row");
        assertThat(unknownRole).containsEntry("result_code", "UNKNOWN_ROLE").containsEntry("result_row", "4");
        assertThat(unknownRole.get("result_message")).doesNotContain("dropping this file back");
        assertThat(biginUser("ann@example.com").path("last_name").asText()).isEqualTo("Original");

        // dropped back unchanged: the duplicate is applied (as warned), the other row fails again; both name the
        // rows of people.csv
        drop("bigin-users", "people-again.csv", Files.readAllBytes(path("error/bigin-users/people.csv")));
        awaitDone("bigin-users", "people-again.csv");
        assertThat(csv("success/bigin-users/people-again.csv")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("email", "ann@example.com").containsEntry("result_action", "updated")
                .containsEntry("result_row", "3").doesNotContainKey("result_row_1"));
        assertThat(csv("error/bigin-users/people-again.csv")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("email", "cid@example.com").containsEntry("result_code", "UNKNOWN_ROLE")
                .containsEntry("result_row", "4"));
        assertThat(biginUser("ann@example.com").path("last_name").asText()).isEqualTo("Renamed");
    }

    @Test
    void aJsonErrorFileDroppedBackKeepsTheOriginalRowsToo() throws IOException {
        drop("bigin-users", "people.json", """
                [{"email": "dee@example.com", "last_name": "First", "role": "Manager", "profile": "Standard"},
                 {"email": "eve@example.com", "last_name": "Nope", "role": "NoSuchRole", "profile": "Standard"},
                 {"email": "dee@example.com", "last_name": "Second", "role": "Manager", "profile": "Standard"}]
                """);
        awaitDone("bigin-users", "people.json");
        JsonNode err = json("error/bigin-users/people.json");
        assertThat(err).hasSize(2);
        JsonNode duplicate = err.get(0).path("email").asText().equals("dee@example.com") ? err.get(0) : err.get(1);
        assertThat(duplicate.path("result_code").asText()).isEqualTo("DUPLICATE_IN_FILE");
        assertThat(duplicate.path("result_message").asText()).contains("dropping this file back as it is will apply this row");

        drop("bigin-users", "people-again.json", Files.readAllBytes(path("error/bigin-users/people.json")));
        awaitDone("bigin-users", "people-again.json");
        JsonNode ok = json("success/bigin-users/people-again.json");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0).path("email").asText()).isEqualTo("dee@example.com");
        assertThat(ok.get(0).path("result_row").asLong()).isEqualTo(3);
        JsonNode again = json("error/bigin-users/people-again.json");
        assertThat(again).hasSize(1);
        assertThat(again.get(0).path("result_row").asLong()).isEqualTo(2);
    }

    private static Map<String, String> byEmail(List<Map<String, String>> rows, String email) {
        return rows.stream().filter(r -> r.get("email").equals(email)).findFirst().orElseThrow();
    }
}
