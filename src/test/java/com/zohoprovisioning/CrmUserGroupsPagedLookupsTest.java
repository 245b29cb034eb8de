package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.zohoprovisioning.sandbox.SandboxState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM user-group feed's lookups page through every list (one entry a page here), are loaded once per file,
 * and a JSON file in gives a JSON file out, with the columns' aliases understood.
 */
class CrmUserGroupsPagedLookupsTest extends PipelineTestSupport {

    private static final String FEED = "crm-user-groups";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.page-size", "1");
    }

    @Test
    void everyPageIsReadOnceAndJsonComesBackAsJson() {
        onlyActiveConfirmedCrmUsers(sandbox().state());
        drop(FEED, "groups.json", """
                {"user_groups":[
                  {"Group Name":"Support","Type":"users","E-mail":"kevin.ortiz@zylker.com"},
                  {"Group Name":"Support","Type":"territories","Member":"California","Include Subordinates":"yes"},
                  {"Group Name":"3652397000009949019","Type":"role","Member":"Sales Rep"}
                ]}
                """);
        awaitDone(FEED, "groups.json");
        JsonNode out = json("success/" + FEED + "/groups.json");
        assertThat(out.path("user_groups")).hasSize(3);
        assertThat(out.path("user_groups").findValuesAsText("result_action")).containsOnly("member_added");
        assertThat(out.path("user_groups").findValuesAsText("E-mail")).containsExactly("kevin.ortiz@zylker.com");
        assertThat(path("error/" + FEED + "/groups.json")).doesNotExist();

        JsonNode calls = summary(FEED, "groups.json").path("api_calls").path("by_endpoint");
        assertThat(calls.path("GET /crm/v6/users").asLong()).isEqualTo(3);
        assertThat(calls.path("GET /crm/v6/settings/user_groups").asLong()).isEqualTo(3);
        assertThat(calls.path("GET /crm/v6/settings/territories").asLong()).isEqualTo(2);
        assertThat(calls.path("GET /crm/v6/settings/roles").asLong()).isEqualTo(1);
        assertThat(calls.path("PUT /crm/v6/settings/user_groups/{id}").asLong()).isEqualTo(3);

        JsonNode support = sandboxGet("/__sandbox/state").path("crm").path("user_groups").get(2);
        assertThat(support.path("name").asText()).isEqualTo("Support");
        assertThat(support.path("sources").findValuesAsText("type")).containsExactlyInAnyOrder("users", "territories");
        assertThat(support.path("sources").findValues("subordinates")).singleElement()
                .satisfies(n -> assertThat(n.asBoolean()).isTrue());
    }

    /**
     * Fixture, not assertion: the paging asserted here is over the three CRM users this test was written against
     * (active and confirmed); the seed's inactive, deleted and invited users, added for the CRM users API, are
     * CrmUsersApiTest's.
     */
    private static void onlyActiveConfirmedCrmUsers(SandboxState state) {
        synchronized (state.lock()) {
            ArrayNode users = state.list("crm", "users");
            for (int i = users.size() - 1; i >= 0; i--) {
                JsonNode u = users.get(i);
                if (!u.path("status").asText("active").equals("active") || !u.path("confirm").asBoolean(true)) {
                    users.remove(i);
                }
            }
        }
    }
}
