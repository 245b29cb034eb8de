package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run of the group feed sends no PUT, so it reads no group back: nothing changed. */
class CrmGroupsDryRunReadBackTest extends PipelineTestSupport {

    private static final String FEED = "crm-user-groups";
    private static final String PUT = "PUT /crm/v6/settings/user_groups/{id}";
    private static final String SOURCES = "GET /crm/v6/settings/user_groups/{id}/sources";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.dry-run", "true");
    }

    @Test
    void aDryRunMakesNoReadBack() throws Exception {
        // Sales Team has a member before the file (put there directly, the feed being in dry run)
        String token = JSON.readTree(send("POST", "/oauth/v2/token", "application/x-www-form-urlencoded", null,
                "grant_type=refresh_token&client_id=sandbox-client&client_secret=sandbox-secret"
                        + "&refresh_token=sandbox-refresh-token")).path("access_token").asText();
        send("PUT", "/crm/v6/settings/user_groups/3652397000009949019", "application/json", token, """
                {"user_groups":[{"name":"Sales Team","sources":[
                  {"source":{"id":"3652397000000186017"},"type":"users"}]}]}""");
        sandboxCall("POST", "/__sandbox/faults", "{\"groupPutReplaces\":true}");
        assertThat(calls(PUT)).isEqualTo(1);

        drop(FEED, "plan.csv", """
                group,member
                Sales Team,kevin.ortiz@zylker.com
                Sales Team,deborah.gill@zylker.com
                """);
        awaitDone(FEED, "plan.csv");
        assertThat(csv("dry-run/" + FEED + "/plan.validated.csv")).hasSize(2)
                .allSatisfy(r -> assertThat(r).containsEntry("result_action", "validated"));
        assertThat(calls(PUT)).as("nothing sent that writes").isEqualTo(1);
        assertThat(calls(SOURCES)).as("the members read once, no read-back").isEqualTo(1);
        assertThat(dryRunSummary(FEED, "plan.csv").path("api_calls").path("by_endpoint").path(SOURCES).asLong())
                .isEqualTo(1);
        assertThat(path("held/" + FEED + "/plan.csv")).doesNotExist();
    }

    private String send(String method, String path, String type, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox().baseUrl() + path)).header("Content-Type", type)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Zoho-oauthtoken " + token);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(200);
        return r.body();
    }
}
