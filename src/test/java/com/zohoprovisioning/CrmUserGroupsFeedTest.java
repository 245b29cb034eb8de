package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRM user-group membership feed end to end: CSV in, routes, sandbox over HTTP, result files, final membership. */
class CrmUserGroupsFeedTest extends PipelineTestSupport {

    private static final String FEED = "crm-user-groups";
    private static final String TEST_GROUP = "3652397000009949005";

    @Test
    void addsAndRemovesEveryMemberTypeWithSubordinates() {
        drop(FEED, "add.csv", """
                group,member_type,member,subordinates,action,description
                test group,users,patricia.boyle@zylker.com,,add,
                test group,roles,Manager,true,,
                test group,territories,New York,false,add,
                test group,groups,Support,,add,Everyone we page at night
                test group,users,deborah.gill@zylker.com,,remove,
                """);
        awaitDone(FEED, "add.csv");

        List<Map<String, String>> ok = byRow("success/" + FEED + "/add.csv");
        assertThat(csv("error/" + FEED + "/add.csv")).isEmpty();
        assertThat(ok).extracting(r -> r.get("result_action"))
                .containsExactly("member_added", "member_added", "member_added", "member_added", "unchanged");
        assertThat(ok).allSatisfy(r -> assertThat(r).containsEntry("result_id", TEST_GROUP).containsEntry("result_status", "success"));
        assertThat(ok.get(0)).containsEntry("result_http_status", "200").containsEntry("result_code", "SUCCESS");
        assertThat(members("test group")).containsExactlyInAnyOrder(
                "users:Patricia Boyle", "roles:Manager+sub", "territories:New York", "groups:Support");
        assertThat(group("test group").path("description").asText()).isEqualTo("Everyone we page at night");

        drop(FEED, "remove.csv", """
                group,member_type,member,action
                test group,users,patricia.boyle@zylker.com,remove
                test group,roles,3652397000000026008,remove
                test group,territories,new york,remove
                test group,groups,3652397000009949033,remove
                test group,roles,CEO,remove
                """);
        awaitDone(FEED, "remove.csv");
        assertThat(csv("error/" + FEED + "/remove.csv")).isEmpty();
        assertThat(byRow("success/" + FEED + "/remove.csv")).extracting(r -> r.get("result_action"))
                .containsExactly("member_removed", "member_removed", "member_removed", "member_removed", "unchanged");
        assertThat(members("test group")).isEmpty();
        assertThat(summary(FEED, "remove.csv").path("api_calls").path("by_endpoint")
                .path("PUT /crm/v6/settings/user_groups/{id}").asLong()).isEqualTo(4);
    }

    @Test
    void unknownNamesAndInvalidRecordsGoToTheErrorFile() {
        drop(FEED, "bad.csv", """
                group,member_type,member,subordinates
                No Such Group,users,patricia.boyle@zylker.com,
                Sales Team,users,nobody@zylker.com,
                Sales Team,roles,Wizard,
                Sales Team,territories,Atlantis,
                Sales Team,users,deborah.gill@zylker.com,true
                Sales Team,robots,R2D2,
                Sales Team,groups,Sales Team,
                Sales Team,roles,Manager,maybe
                Sales Team,users,deborah.gill@zylker.com,
                """);
        awaitDone(FEED, "bad.csv");
        List<Map<String, String>> err = byRow("error/" + FEED + "/bad.csv");
        assertThat(err).extracting(r -> r.get("result_code")).containsExactly("UNKNOWN_GROUP", "UNKNOWN_MEMBER",
                "UNKNOWN_MEMBER", "UNKNOWN_MEMBER", "VALIDATION_FAILED", "VALIDATION_FAILED", "VALIDATION_FAILED",
                "VALIDATION_FAILED");
        assertThat(err.get(0).get("result_message")).contains("No Such Group").contains("test group").contains("Support");
        assertThat(err.get(1).get("result_message")).contains("nobody@zylker.com");
        assertThat(err.get(2).get("result_message")).contains("Wizard").contains("Manager").contains("CEO");
        assertThat(err.get(3).get("result_message")).contains("Atlantis").contains("New York");
        assertThat(err.get(4).get("result_message")).contains("subordinates");
        assertThat(err.get(5).get("result_message")).contains("member_type");
        assertThat(err.get(6).get("result_message")).contains("itself");
        assertThat(err.get(7).get("result_message")).contains("maybe");
        assertThat(csv("success/" + FEED + "/bad.csv")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("result_action", "member_added").containsEntry("result_row", "9"));
        assertThat(members("Sales Team")).containsExactly("users:Deborah Gill");
        assertThat(summary(FEED, "bad.csv").path("by_error_code").path("UNKNOWN_MEMBER").asLong()).isEqualTo(3);
    }

    @Test
    void aUserWithoutManageGroupsPermissionGetsNoPermission() {
        sandboxCall("PUT", "/__sandbox/crm/current-user", "{\"email\":\"kevin.ortiz@zylker.com\"}");
        drop(FEED, "denied.csv", """
                group,member
                Support,patricia.boyle@zylker.com
                """);
        awaitDone(FEED, "denied.csv");
        assertThat(csv("error/" + FEED + "/denied.csv")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("result_code", "NO_PERMISSION").containsEntry("result_http_status", "403")
                .containsEntry("result_status", "error").containsEntry("result_message", "permission denied"));
        assertThat(members("Support")).isEmpty();
    }

    @Test
    void zohoRejectingANestedGroupCycleIsARecordError() {
        drop(FEED, "nest.csv", """
                group,member_type,member
                Sales Team,groups,Support
                """);
        awaitDone(FEED, "nest.csv");
        drop(FEED, "cycle.csv", """
                group,member_type,member
                Support,groups,Sales Team
                """);
        awaitDone(FEED, "cycle.csv");
        assertThat(csv("success/" + FEED + "/nest.csv")).hasSize(1);
        assertThat(csv("success/" + FEED + "/cycle.csv")).isEmpty();
        assertThat(members("Sales Team")).containsExactly("groups:Support");
        assertThat(members("Support")).isEmpty();
        Map<String, String> err = csv("error/" + FEED + "/cycle.csv").get(0);
        assertThat(err).containsEntry("result_code", "INVALID_DATA").containsEntry("result_http_status", "400");
        // Zoho's item-level error ({"user_groups":[{"code":"INVALID_DATA",…,"status":"error"}]}) is the row's error
        assertThat(err.get("result_message")).isEqualTo("a user group cannot contain itself (field: id)");
    }

    @Test
    void tenRecordsForOneGroupRunInFileOrderAndEndWithExactlyTheExpectedMembers() {
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":15}");
        drop(FEED, "ten.csv", """
                group,member_type,member,subordinates,action
                Sales Team,users,patricia.boyle@zylker.com,,add
                Sales Team,users,deborah.gill@zylker.com,,add
                Support,users,kevin.ortiz@zylker.com,,add
                Sales Team,roles,Sales Rep,false,add
                Sales Team,users,patricia.boyle@zylker.com,,remove
                Sales Team,territories,California,true,add
                Sales Team,users,kevin.ortiz@zylker.com,,add
                Sales Team,roles,Sales Rep,true,add
                Sales Team,territories,California,,remove
                Sales Team,users,patricia.boyle@zylker.com,,add
                Sales Team,users,deborah.gill@zylker.com,,add
                """);
        awaitDone(FEED, "ten.csv");
        assertThat(csv("error/" + FEED + "/ten.csv")).isEmpty();
        List<Map<String, String>> ok = byRow("success/" + FEED + "/ten.csv");
        assertThat(ok).extracting(r -> r.get("result_action")).containsExactly("member_added", "member_added",
                "member_added", "member_added", "member_removed", "member_added", "member_added", "updated",
                "member_removed", "member_added", "unchanged");
        assertThat(members("Sales Team")).containsExactlyInAnyOrder("users:Deborah Gill", "roles:Sales Rep+sub",
                "users:Kevin Ortiz", "users:Patricia Boyle");
        assertThat(members("Support")).containsExactly("users:Kevin Ortiz");
        JsonNode s = summary(FEED, "ten.csv");
        assertThat(s.path("succeeded").asLong()).isEqualTo(11);
        assertThat(s.path("api_calls").path("by_endpoint").path("PUT /crm/v6/settings/user_groups/{id}").asLong()).isEqualTo(10);
        // each group's members read once; Sales Team's read back once, after its second PUT (the first found it
        // empty: nothing to lose); Support has one PUT, into an empty group: no read-back
        assertThat(s.path("api_calls").path("by_endpoint").path("GET /crm/v6/settings/user_groups/{id}/sources").asLong()).isEqualTo(3);
    }

    /** A result file's records in input order (records of different groups finish in any order). */
    private List<Map<String, String>> byRow(String relative) {
        List<Map<String, String>> rows = new ArrayList<>(csv(relative));
        rows.sort((a, b) -> Integer.compare(Integer.parseInt(a.get("result_row")), Integer.parseInt(b.get("result_row"))));
        return rows;
    }

    private JsonNode group(String name) {
        for (JsonNode g : sandboxGet("/__sandbox/state").path("crm").path("user_groups")) {
            if (g.path("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no group " + name);
    }

    /** The group's members as "type:name", "+sub" when subordinates are included, read back through the API hook. */
    private List<String> members(String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : group(name).path("sources")) {
            out.add(s.path("type").asText() + ":" + s.path("source").path("name").asText()
                    + (s.path("subordinates").asBoolean(false) ? "+sub" : ""));
        }
        return out;
    }
}
