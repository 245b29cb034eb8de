package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.zoho.ZohoCall;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Zoho client (the zoho: component) against the sandbox over HTTP: OAuth refresh, 401 handling, answer shapes. */
class ZohoClientTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("sandbox.token-ttl", "2");
    }

    ZohoResponse call(String method, String path, String query, String body) {
        Exchange ex = new DefaultExchange(context);
        ex.getMessage().setBody(body);
        return template.send(uri("bigin", method, path, query), ex).getMessage().getBody(ZohoResponse.class);
    }

    /** The zoho: endpoint of a call, as a route would write it. */
    static String uri(String api, String method, String path, String query) {
        return "zoho:" + api + "?method=" + method + "&path=RAW(" + path + ")" + (query == null ? "" : "&query=RAW(" + query + ")");
    }

    long tokensIssued() {
        return sandboxGet("/__sandbox/requests").path("tokens_issued").asLong();
    }

    @Test
    void anExpiredTokenIsRefreshedOnceAndTheCallSentAgain() {
        assertThat(call("GET", "/bigin/v1/settings/roles", null, null).success()).isTrue();
        assertThat(tokensIssued()).isEqualTo(1);
        sandboxCall("POST", "/__sandbox/expire-tokens", null);
        ZohoResponse r = call("GET", "/bigin/v1/settings/profiles", null, null);
        assertThat(r.success()).isTrue();
        assertThat(r.body().path("profiles")).hasSize(2);
        assertThat(tokensIssued()).isEqualTo(2);
        JsonNode requests = sandboxGet("/__sandbox/requests").path("requests");
        assertThat(requests.findValues("status").stream().filter(s -> s.asInt() == 401).count()).isEqualTo(1);
    }

    @Test
    void manyThreadsSeeingA401RefreshOnlyOnce() {
        call("GET", "/bigin/v1/settings/roles", null, null);
        sandboxCall("POST", "/__sandbox/expire-tokens", null);
        List<CompletableFuture<ZohoResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> call("GET", "/bigin/v1/settings/roles", null, null)));
        }
        assertThat(calls).allSatisfy(f -> assertThat(f.join().success()).isTrue());
        assertThat(tokensIssued()).isEqualTo(2);
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() {
        call("GET", "/bigin/v1/settings/roles", null, null);
        long start = System.nanoTime();
        await().atLeast(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10)).pollDelay(Duration.ofMillis(2100))
                .until(() -> System.nanoTime() - start > 2_000_000_000L);
        assertThat(call("GET", "/bigin/v1/settings/roles", null, null).success()).isTrue();
        assertThat(tokensIssued()).isEqualTo(2);
        assertThat(sandboxGet("/__sandbox/requests").path("requests").findValues("status").stream()
                .filter(s -> s.asInt() == 401).count()).as("no call was sent with an expired token").isZero();
    }

    @Test
    void usersAreListedPageByPageAnd204MeansEmpty() {
        ZohoResponse p1 = call("GET", "/bigin/v1/users", "type=AllUsers&page=1&per_page=3", null);
        assertThat(p1.body().path("users")).hasSize(3);
        assertThat(p1.body().path("info").path("more_records").asBoolean()).isTrue();
        ZohoResponse p2 = call("GET", "/bigin/v1/users", "type=AllUsers&page=2&per_page=3", null);
        assertThat(p2.body().path("users")).hasSize(1);
        assertThat(p2.body().path("info").path("more_records").asBoolean()).isFalse();
        ZohoResponse p3 = call("GET", "/bigin/v1/users", "type=AllUsers&page=3&per_page=3", null);
        assertThat(p3.httpStatus()).isEqualTo(204);
        assertThat(p3.success()).isTrue();
        assertThat(p3.body()).isNull();
        ZohoResponse deleted = call("GET", "/bigin/v1/users", "type=DeletedUsers", null);
        assertThat(deleted.body().path("users").get(0).path("email").asText()).isEqualTo("dana.deleted@zylker.com");
    }

    @Test
    void eachDocumentedAddAndUpdateErrorIsParsedWithItsCode() {
        String patricia = "{\"users\":[{\"id\":\"554023000000691003\",%s}]}";
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"email\":\"a@b.com\",\"role\":\"554023000000015969\",\"profile\":\"554023000000015975\"}]}"),
                400, "MANDATORY_NOT_FOUND");
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"last_name\":\"X\",\"email\":\"x@skydesk.jp\",\"role\":\"554023000000015969\",\"profile\":\"554023000000015975\"}]}"),
                400, "INVALID_DATA");
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"last_name\":\"X\",\"email\":\"not-mail\",\"role\":\"554023000000015969\",\"profile\":\"554023000000015975\"}]}"),
                400, "INVALID_DATA");
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"last_name\":\"X\",\"email\":\"x@y.com\",\"role\":\"1\",\"profile\":\"554023000000015975\"}]}"),
                400, "INVALID_DATA");
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"last_name\":\"X\",\"email\":\"x@y.com\",\"role\":\"554023000000015969\",\"profile\":\"554023000000015975\",\"shoe_size\":\"9\"}]}"),
                400, "INVALID_DATA");
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"last_name\":\"X\",\"email\":\"Patricia.Boyle@zylker.com\",\"role\":\"554023000000015969\",\"profile\":\"554023000000015975\"}]}"),
                400, "DUPLICATE_DATA");
        assertError(call("POST", "/bigin/v1/users", null, "{\"users\":[{\"last_name\":\"A\"},{\"last_name\":\"B\"}]}"),
                400, "LIMIT_EXCEEDED");
        assertError(call("PUT", "/bigin/v1/users/554023000000000000", null, "{\"users\":[{\"phone\":\"1\"}]}"),
                200, "INVALID_DATA");
        assertError(call("PUT", "/bigin/v1/users/554023000000691021", null, "{\"users\":[{\"phone\":\"1\"}]}"),
                400, "CANNOT_UPDATE_DELETED_USER");
        assertError(call("PUT", "/bigin/v1/users", null, String.format(patricia, "\"status\":\"active\"")),
                400, "ID_ALREADY_ACTIVE");
        assertError(call("PUT", "/bigin/v1/users", null, "{\"users\":[{\"id\":\"554023000000691011\",\"status\":\"inactive\"}]}"),
                400, "ID_ALREADY_DEACTIVATED");
        assertError(call("PUT", "/bigin/v1/users", null, "{\"users\":[{\"id\":\"554023000000500001\",\"status\":\"inactive\"}]}"),
                400, "INVALID_REQUEST");
        assertError(call("PUT", "/bigin/v1/users", null, String.format(patricia, "\"time_zone\":\"US/Samoa\"")),
                200, "INVALID_DATA");
        assertError(call("PUT", "/bigin/v1/users", null, String.format(patricia, "\"email\":\"p@zylker.com\"")),
                400, "EMAIL_UPDATE_NOT_ALLOWED");
        assertError(call("PUT", "/bigin/v1/users", null, String.format(patricia, "\"dob\":\"1990-31-12\"")),
                400, "INVALID_DATA");
        ZohoResponse ok = call("PUT", "/bigin/v1/users", null, String.format(patricia, "\"dob\":\"1990-12-31\""));
        assertThat(ok.success()).isTrue();
        assertThat(ok.id()).isEqualTo("554023000000691003");
        assertThat(ok.message()).isEqualTo("User updated");
    }

    @Test
    void theCallersPropertiesComeBackAfterTheCallWhateverHappened() {
        sandboxCall("POST", "/__sandbox/expire-tokens", null);
        Exchange ok = exchange();
        template.send(uri("bigin", "GET", "/bigin/v1/settings/roles", null), ok);
        assertThat(ok.getMessage().getBody(ZohoResponse.class).success()).as("sent again after a 401").isTrue();
        assertThat(ok.getProperties()).containsEntry("zpMine", "kept").containsEntry("zpRun", "run")
                .doesNotContainKey(ZohoCall.PROPERTY);

        Exchange broken = exchange();
        template.send(uri("bigin", "NOT-A-METHOD", "/bigin/v1/settings/roles", null), broken);
        assertThat(broken.getException()).isInstanceOf(IllegalArgumentException.class);
        assertThat(broken.getProperties()).containsEntry("zpMine", "kept").containsEntry("zpRun", "run")
                .doesNotContainKey(ZohoCall.PROPERTY);

        Exchange unknownApi = exchange();
        template.send(uri("books", "GET", "/books/v3/users", null), unknownApi);
        assertThat(unknownApi.getException()).hasMessageContaining("zoho-attempts-books");
        assertThat(unknownApi.getProperties()).containsEntry("zpMine", "kept");
    }

    private Exchange exchange() {
        Exchange ex = new DefaultExchange(context);
        ex.setProperty("zpMine", "kept");
        ex.setProperty("zpRun", "run");
        ex.getMessage().setBody("");
        return ex;
    }

    private static void assertError(ZohoResponse r, int http, String code) {
        assertThat(r.success()).as("%s should fail", code).isFalse();
        assertThat(r.httpStatus()).isEqualTo(http);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.message()).isNotBlank();
    }
}
