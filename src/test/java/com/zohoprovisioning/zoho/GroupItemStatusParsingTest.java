package com.zohoprovisioning.zoho;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user-group PUT's answer is read by its item's status, not by the HTTP status alone: Zoho's OpenAPI file shows
 * item-level errors with HTTP 400, and Kaizen #51 saw an item-level INVALID_DATA answered with HTTP 200.
 */
class GroupItemStatusParsingTest {

    private static ZohoResponse read(int http, String json) {
        return ZohoResponseParser.read(http, json.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void anItemLevelErrorIsAnErrorWithZohosCodeAndMessageWhateverTheHttpStatus() {
        String sourceError = """
                {"user_groups":[{"code":"INVALID_DATA","details":{"api_name":"id","json_path":"$.user_groups[0].source[0].id"},
                  "message":"The User Id given seems to be Invalid","status":"error"}]}""";
        for (int http : new int[] {400, 200}) {
            ZohoResponse r = read(http, sourceError);
            assertThat(r.success()).as("HTTP %s", http).isFalse();
            assertThat(r.code()).isEqualTo("INVALID_DATA");
            assertThat(r.message()).isEqualTo("The User Id given seems to be Invalid");
            assertThat(r.details().path("api_name").asText()).isEqualTo("id");
        }
    }

    @Test
    void anItemLevelSuccessNamesTheGroup() {
        ZohoResponse r = read(200, """
                {"user_groups":[{"code":"SUCCESS","details":{"id":"3652397000009949005"},
                  "message":"User Group Updated successfully","status":"success"}]}""");
        assertThat(r.success()).isTrue();
        assertThat(r.id()).isEqualTo("3652397000009949005");
    }
}
