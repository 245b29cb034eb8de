package com.zohoprovisioning.feeds.crmusers;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The crm-users feed through the real routes and the sandbox: every action, and every error it can meet. */
class CrmUsersFeedTest extends PipelineTestSupport {

    private static final String FEED = "crm-users";

    private static Map<String, String> row(List<Map<String, String>> rows, int row) {
        return rows.stream().filter(r -> r.get("result_row").equals(String.valueOf(row))).findFirst()
                .orElseThrow(() -> new AssertionError("no result for row " + row + " in " + rows));
    }

    private JsonNode crmUser(String email) {
        for (JsonNode u : sandboxGet("/__sandbox/state").path("crm").path("users")) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return u;
            }
        }
        return null;
    }

    @Test
    void everyActionDoesWhatItSaysAndStatusesAreComparedFirst() {
        drop(FEED, "actions.csv", """
                action,id,email,first_name,last_name,role,profile,phone
                add,,ana.silva@zylker.com,Ana,Silva,Sales Rep,Standard,555-0101
                ,,ben.okafor@zylker.com,Ben,Okafor,3652397000000026008,3652397000000026017,
                update,,kevin.ortiz@zylker.com,,,Manager,,555-0199
                activate,,ivan.petrov@zylker.com,,,Manager,,
                deactivate,,uma.invited@zylker.com,,,,,
                upsert,,deborah.gill@zylker.com,Deborah,Gill,Manager,Standard,
                activate,3652397000000186017,,,,,,
                """);
        awaitDone(FEED, "actions.csv");
        List<Map<String, String>> ok = csv("success/crm-users/actions.csv");
        List<Map<String, String>> err = csv("error/crm-users/actions.csv");
        assertThat(err).as("errors: %s", err).isEmpty();
        assertThat(ok).hasSize(7);
        assertThat(row(ok, 1)).containsEntry("result_action", "created").containsEntry("result_http_status", "201");
        assertThat(row(ok, 2)).containsEntry("result_action", "created");
        assertThat(row(ok, 3)).containsEntry("result_action", "updated").containsEntry("result_id", "3652397000000281015");
        assertThat(row(ok, 4)).containsEntry("result_action", "activated");
        assertThat(row(ok, 5)).containsEntry("result_action", "deactivated");
        assertThat(row(ok, 6)).containsEntry("result_action", "unchanged").containsEntry("result_id", "3652397000000281001");
        assertThat(row(ok, 7)).as("activate an active user by id: no call (Zoho would answer ID_ALREADY_ACTIVE)")
                .containsEntry("result_action", "unchanged").containsEntry("result_id", "3652397000000186017");

        assertThat(crmUser("ana.silva@zylker.com").path("first_name").asText()).isEqualTo("Ana");
        assertThat(crmUser("ben.okafor@zylker.com").path("role").path("id").asText()).isEqualTo("3652397000000026008");
        assertThat(crmUser("kevin.ortiz@zylker.com").path("phone").asText()).isEqualTo("555-0199");
        assertThat(crmUser("ivan.petrov@zylker.com").path("status").asText()).isEqualTo("active");
        assertThat(crmUser("ivan.petrov@zylker.com").path("role").path("id").asText())
                .as("reactivated and changed in one PUT").isEqualTo("3652397000000026008");
        assertThat(crmUser("uma.invited@zylker.com").path("status").asText()).isEqualTo("inactive");
        assertThat(calls("POST /crm/v6/users")).isEqualTo(2);
        assertThat(calls("PUT /crm/v6/users/{id}")).as("unchanged rows make no call").isEqualTo(3);
        JsonNode s = summary(FEED, "actions.csv");
        assertThat(s.path("api_calls").path("by_endpoint").path("GET /crm/v6/users").asLong()).isEqualTo(1);
        assertThat(s.path("api_calls").path("by_endpoint").path("GET /crm/v6/settings/profiles").asLong()).isEqualTo(1);
        assertThat(s.path("api_calls").path("total").asLong()).isEqualTo(3 + 2 + 3);
    }

    @Test
    void everyErrorLandsInTheErrorFileWithItsCode() {
        String longEmail = "a".repeat(95) + "@zylker.com";
        drop(FEED, "errors.csv", """
                action,id,email,first_name,last_name,role,profile,phone
                add,,olivia.new@zylker.com,Olivia,,Sales Rep,Standard,
                ,,carla.diaz@zylker.com,Carla,Diaz,Wizard,Standard,
                ,,dan.diaz@zylker.com,Dan,Diaz,Manager,Superuser,
                update,,nobody@zylker.com,,,,,555
                add,,deborah.gill@zylker.com,Deborah,Gill,Manager,Standard,
                update,3652397000000281043,,,,,,555-0000
                deactivate,,patricia.boyle@zylker.com,,,,,
                update,,ivan.petrov@zylker.com,,,,,555-0100
                ,,not-an-email,Bad,Email,Sales Rep,Standard,
                ,,someone@zoho.com,Some,One,Sales Rep,Standard,
                ,,%s,Long,Address,Sales Rep,Standard,
                ,,carla.diaz@zylker.com,Carla,Diaz,Manager,Standard,
                """.formatted(longEmail));
        awaitDone(FEED, "errors.csv");
        List<Map<String, String>> err = csv("error/crm-users/errors.csv");
        assertThat(csv("success/crm-users/errors.csv")).isEmpty();
        assertThat(err).hasSize(12);
        assertThat(row(err, 1)).containsEntry("result_code", "VALIDATION_FAILED");
        assertThat(row(err, 1).get("result_message")).contains("last_name");
        assertThat(row(err, 2)).containsEntry("result_code", "UNKNOWN_ROLE");
        assertThat(row(err, 2).get("result_message")).contains("Sales Rep");
        assertThat(row(err, 3)).containsEntry("result_code", "UNKNOWN_PROFILE");
        assertThat(row(err, 3).get("result_message")).contains("Administrator", "Standard");
        assertThat(row(err, 4)).containsEntry("result_code", "USER_NOT_FOUND");
        assertThat(row(err, 5)).containsEntry("result_code", "DUPLICATE_DATA").containsEntry("result_http_status", "400");
        assertThat(row(err, 6)).containsEntry("result_code", "CANNOT_UPDATE_DELETED_USER");
        assertThat(row(err, 7)).containsEntry("result_code", "INVALID_REQUEST");
        assertThat(row(err, 8)).containsEntry("result_code", "USER_DEACTIVATED");
        assertThat(row(err, 9)).containsEntry("result_code", "VALIDATION_FAILED");
        assertThat(row(err, 10)).containsEntry("result_code", "VALIDATION_FAILED");
        assertThat(row(err, 11)).containsEntry("result_code", "INVALID_DATA");
        assertThat(row(err, 12)).containsEntry("result_code", "DUPLICATE_IN_FILE");
        assertThat(crmUser("patricia.boyle@zylker.com").path("status").asText()).isEqualTo("active");
        assertThat(crmUser("ivan.petrov@zylker.com").path("status").asText()).isEqualTo("inactive");
        assertThat(calls("POST /crm/v6/users")).as("only the duplicate and the long address reach Zoho").isEqualTo(2);
    }

    @Test
    void aStatusAlreadyHeldAndWhatOnlyTheUserMayChangeAreNotSentButSaid() {
        drop(FEED, "edges.csv", """
                action,email,mobile,country_locale,time_zone
                deactivate,ivan.petrov@zylker.com,,,
                update,kevin.ortiz@zylker.com,+1 555 0142,en_GB,Europe/London
                """);
        awaitDone(FEED, "edges.csv");
        List<Map<String, String>> ok = csv("success/crm-users/edges.csv");
        assertThat(csv("error/crm-users/edges.csv")).isEmpty();
        assertThat(row(ok, 1)).as("deactivate a deactivated user: no call (Zoho would answer ID_ALREADY_DEACTIVATED)")
                .containsEntry("result_action", "unchanged");
        assertThat(row(ok, 1).get("result_message")).contains("already deactivated");
        assertThat(row(ok, 2)).containsEntry("result_action", "updated");
        assertThat(row(ok, 2).get("result_message")).contains("time_zone not sent: Zoho lets only the user change their own");
        JsonNode kevin = crmUser("kevin.ortiz@zylker.com");
        assertThat(kevin.path("mobile").asText()).isEqualTo("+1 555 0142");
        assertThat(kevin.path("country_locale").asText()).isEqualTo("en_GB");
        assertThat(kevin.path("time_zone").asText()).isNotEqualTo("Europe/London");
        assertThat(calls("PUT /crm/v6/users/{id}")).as("only Kevin's update").isEqualTo(1);
    }

    @Test
    void aUserNamedByIdInOneRowAndByEmailInAnotherIsOneUser() {
        drop(FEED, "twice.csv", """
                action,id,email,phone
                update,,kevin.ortiz@zylker.com,555-0177
                deactivate,3652397000000281015,,
                """);
        awaitDone(FEED, "twice.csv");
        assertThat(row(csv("success/crm-users/twice.csv"), 1)).containsEntry("result_action", "updated");
        Map<String, String> second = row(csv("error/crm-users/twice.csv"), 2);
        assertThat(second).containsEntry("result_code", "DUPLICATE_IN_FILE");
        assertThat(second.get("result_message")).contains("kevin.ortiz@zylker.com", "row 1");
        assertThat(crmUser("kevin.ortiz@zylker.com").path("status").asText()).as("not deactivated").isEqualTo("active");
        assertThat(calls("PUT /crm/v6/users/{id}")).isEqualTo(1);
    }

    @Test
    void anIdExcelTurnedIntoANumberIsRefusedBeforeAnyCall() {
        drop(FEED, "excel.csv", """
                action,id,phone
                update,3.6524E+18,555-0100
                """);
        awaitDone(FEED, "excel.csv");
        Map<String, String> r = row(csv("error/crm-users/excel.csv"), 1);
        assertThat(r).containsEntry("result_code", "VALIDATION_FAILED");
        assertThat(r.get("result_message")).contains("Excel turned it into a rounded number");
        assertThat(calls("PUT /crm/v6/users/{id}")).isZero();
    }
}
