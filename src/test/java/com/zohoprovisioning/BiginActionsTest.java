package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every action of the Bigin users feed, and every documented Zoho error landing in the error file. */
class BiginActionsTest extends PipelineTestSupport {

    private Map<String, Map<String, String>> byEmail(List<Map<String, String>> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("email") + "#" + r.get("result_row"), r -> r));
    }

    private Map<String, String> row(List<Map<String, String>> rows, int row) {
        return rows.stream().filter(r -> r.get("result_row").equals(String.valueOf(row))).findFirst()
                .orElseThrow(() -> new AssertionError("no result for row " + row + " in " + rows));
    }

    @Test
    void everyActionDoesWhatItSays() {
        drop("bigin-users", "actions.csv", """
                action,email,first_name,last_name,role,profile,phone
                add,new.one@example.com,New,One,Manager,Standard,
                ,new.two@example.com,New,Two,CEO,Administrator,
                update,patricia.boyle@zylker.com,,,,,555-0123
                activate,ivan.petrov@zylker.com,,,,,
                deactivate,uma.invited@zylker.com,,,,,
                upsert,olivia.owner@zylker.com,Olivia,Owner,CEO,Administrator,
                update,nobody@example.com,,,,,555
                """);
        awaitDone("bigin-users", "actions.csv");
        List<Map<String, String>> ok = csv("success/bigin-users/actions.csv");
        List<Map<String, String>> err = csv("error/bigin-users/actions.csv");
        assertThat(ok.size() + err.size()).isEqualTo(7);
        assertThat(row(ok, 1)).containsEntry("result_action", "created");
        assertThat(row(ok, 2)).containsEntry("result_action", "created");
        assertThat(row(ok, 3)).containsEntry("result_action", "updated");
        assertThat(row(ok, 4)).containsEntry("result_action", "activated");
        assertThat(row(ok, 5)).containsEntry("result_action", "deactivated");
        assertThat(row(ok, 6)).containsEntry("result_action", "unchanged").containsEntry("result_id", "554023000000500001");
        assertThat(row(err, 7)).containsEntry("result_code", "USER_NOT_FOUND");

        assertThat(biginUser("new.two@example.com").path("role").asText()).isEqualTo("554023000000015966");
        assertThat(biginUser("patricia.boyle@zylker.com").path("phone").asText()).isEqualTo("555-0123");
        assertThat(biginUser("ivan.petrov@zylker.com").path("status").asText()).isEqualTo("active");
        assertThat(biginUser("uma.invited@zylker.com").path("status").asText()).isEqualTo("inactive");
        assertThat(calls("PUT /bigin/v1/users/{id}")).as("unchanged and unknown rows make no call").isEqualTo(3);
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(2);
    }

    @Test
    void zohoErrorsLandInTheErrorFileWithCodeMessageAndStatus() {
        drop("bigin-users", "errors.csv", """
                action,id,email,first_name,last_name,role,profile,time_zone
                add,,olivia.owner@zylker.com,Olivia,Owner,CEO,Administrator,
                update,554023000000691021,dana.deleted@zylker.com,Dana,,,,
                activate,,patricia.boyle@zylker.com,,,,,
                deactivate,,ivan.petrov@zylker.com,,,,,
                update,,uma.invited@zylker.com,,,,,US/Samoa
                update,554023000000691003,patricia.new@zylker.com,,,,,
                """);
        awaitDone("bigin-users", "errors.csv");
        List<Map<String, String>> err = csv("error/bigin-users/errors.csv");
        assertThat(csv("success/bigin-users/errors.csv")).isEmpty();
        assertThat(err).hasSize(6);
        assertThat(row(err, 1)).containsEntry("result_code", "DUPLICATE_DATA").containsEntry("result_http_status", "400");
        assertThat(row(err, 2)).containsEntry("result_code", "CANNOT_UPDATE_DELETED_USER");
        assertThat(row(err, 3)).containsEntry("result_code", "ID_ALREADY_ACTIVE");
        assertThat(row(err, 4)).containsEntry("result_code", "ID_ALREADY_DEACTIVATED");
        assertThat(row(err, 5)).containsEntry("result_code", "INVALID_DATA").containsEntry("result_http_status", "200");
        assertThat(row(err, 5).get("result_message")).contains("time_zone");
        assertThat(row(err, 6)).containsEntry("result_code", "EMAIL_UPDATE_NOT_ALLOWED");
        assertThat(biginUser("olivia.owner@zylker.com").path("status").asText()).isEqualTo("active");

        // the primary contact (Olivia, named by id: in the file above she would be row 1's user again)
        drop("bigin-users", "primary.csv", """
                action,id
                deactivate,554023000000500001
                """);
        awaitDone("bigin-users", "primary.csv");
        Map<String, String> primary = row(csv("error/bigin-users/primary.csv"), 1);
        assertThat(primary).containsEntry("result_code", "INVALID_REQUEST");
        assertThat(primary.get("result_message")).contains("Primary Contact");
        assertThat(biginUser("olivia.owner@zylker.com").path("status").asText()).isEqualTo("active");
    }

    @Test
    void aSecondRecordForTheSameEmailIsNotSent() {
        drop("bigin-users", "dupes.csv", """
                email,first_name,last_name,role,profile
                twin@example.com,First,Twin,Manager,Standard
                other@example.com,Other,Person,Manager,Standard
                TWIN@example.com,Second,Twin,CEO,Standard
                """);
        awaitDone("bigin-users", "dupes.csv");
        List<Map<String, String>> err = csv("error/bigin-users/dupes.csv");
        assertThat(err).hasSize(1);
        assertThat(row(err, 3)).containsEntry("result_code", "DUPLICATE_IN_FILE");
        assertThat(row(err, 3).get("result_message")).contains("row 1");
        assertThat(biginUser("twin@example.com").path("first_name").asText()).isEqualTo("First");
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(2);
    }

    @Test
    void invalidRecordsNameEveryBadFieldAndCostNoCall() {
        drop("bigin-users", "invalid.csv", """
                email,first_name,last_name,role,profile,dob,status,time_format,country_locale
                someone@skydesk.jp,A,B,Manager,Standard,,,,
                fresh@example.com,Only,,,,31/12/1990,asleep,25h,english
                fresh2@example.com,No,Role,,Standard,,,,
                """);
        awaitDone("bigin-users", "invalid.csv");
        List<Map<String, String>> err = csv("error/bigin-users/invalid.csv");
        assertThat(err).hasSize(3).allSatisfy(r -> assertThat(r.get("result_code")).isEqualTo("VALIDATION_FAILED"));
        assertThat(row(err, 1).get("result_message")).contains("skydesk.jp");
        assertThat(row(err, 2).get("result_message")).contains("dob").contains("status").contains("time_format")
                .contains("country_locale");
        assertThat(row(err, 3).get("result_message")).contains("role").doesNotContain("last_name");
        assertThat(calls("POST /bigin/v1/users")).isZero();
    }
}
