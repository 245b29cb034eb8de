package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's Bigin users API over loopback HTTP takes a user's role and profile as Zoho's SDKs send them,
 * {@code {"id":…}} (or {@code {"name":…,"id":…}}) objects, as well as the id strings of the API pages.
 */
class BiginRoleProfileObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String MANAGER = "554023000000015969";
    private static final String CEO = "554023000000015966";
    private static final String STANDARD = "554023000000015975";
    private static final String ADMINISTRATOR = "554023000000015972";
    private ZohoSandbox sandbox;
    private String token;

    @BeforeEach
    void start() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaults()).start();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=sandbox-client"
                        + "&client_secret=sandbox-secret&refresh_token=sandbox-refresh-token")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(r.body()).path("access_token").asText();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void addAndUpdateTakeRoleAndProfileAsIdObjects() throws Exception {
        Answer added = call("POST", "/bigin/v1/users", """
                {"users":[{"last_name":"Sdk","first_name":"Sam","email":"sam.sdk@zylker.com",
                  "role":{"id":"%s"},"profile":{"name":"Standard","id":"%s"}}]}""".formatted(MANAGER, STANDARD));
        assertThat(added.status).as("%s", added.body).isEqualTo(201);
        String id = added.body.path("users").get(0).path("details").path("id").asText();
        JsonNode user = call("GET", "/bigin/v1/users/" + id, null).body.path("users").get(0);
        assertThat(user.path("role").path("id").asText()).isEqualTo(MANAGER);
        assertThat(user.path("role").path("name").asText()).isEqualTo("Manager");
        assertThat(user.path("profile").path("id").asText()).isEqualTo(STANDARD);

        Answer updated = call("PUT", "/bigin/v1/users/" + id, """
                {"users":[{"id":"%s","role":{"id":"%s"},"profile":{"id":"%s"}}]}""".formatted(id, CEO, ADMINISTRATOR));
        assertThat(updated.status).as("%s", updated.body).isEqualTo(200);
        user = call("GET", "/bigin/v1/users/" + id, null).body.path("users").get(0);
        assertThat(user.path("role").path("name").asText()).isEqualTo("CEO");
        assertThat(user.path("profile").path("name").asText()).isEqualTo("Administrator");
    }

    @Test
    void anUnknownOrMissingIdInTheObjectIsInvalidData() throws Exception {
        Answer unknown = call("POST", "/bigin/v1/users", """
                {"users":[{"last_name":"Sdk","email":"sam.sdk@zylker.com","role":{"id":"111"},"profile":{"id":"%s"}}]}"""
                .formatted(STANDARD));
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.body.path("users").get(0).path("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(unknown.body.path("users").get(0).path("details").path("api_name").asText()).isEqualTo("role");

        Answer noId = call("PUT", "/bigin/v1/users/554023000000691003", """
                {"users":[{"profile":{"name":"Standard"}}]}""");
        assertThat(noId.status).isEqualTo(400);
        assertThat(noId.body.path("users").get(0).path("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(noId.body.path("users").get(0).path("details").path("api_name").asText()).isEqualTo("profile");
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Zoho-oauthtoken " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }
}
