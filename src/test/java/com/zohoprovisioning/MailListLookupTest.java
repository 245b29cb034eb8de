package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mail.account-lookup=list (the paged accounts list once per file, a GET by e-mail only for what it lacks) and
 * mail.phone-key=phoneNumer (the spelling of the API page's parameter list): aliases resolve from the list, an
 * unknown e-mail is checked once by GET, and the configured phone key is sent.
 */
class MailListLookupTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("mail.account-lookup", "list", "mail.phone-key", "phoneNumer");
    }

    @Test
    void theListResolvesAliasesOnlyUnknownEmailsAreFetchedAndTheConfiguredPhoneKeyIsSent() {
        drop("mail-users", "by-email.csv", """
                email,phone_number
                K.Ortiz@zylker.com,+44 20 7946 0000
                anika.rao@zylker.com,080 4567 8901
                ghost@zylker.com,9000000001
                """);
        awaitDone("mail-users", "by-email.csv");
        List<Map<String, String>> ok = csv("success/mail-users/by-email.csv");
        List<Map<String, String>> err = csv("error/mail-users/by-email.csv");
        assertThat(ok).hasSize(2);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).containsEntry("email", "ghost@zylker.com").containsEntry("result_code", "UNKNOWN_ACCOUNT");
        assertThat(calls("GET /api/organization/{zoid}/accounts")).isEqualTo(1);
        assertThat(calls("GET /api/organization/{zoid}/accounts/{zuidOrEmail}")).isEqualTo(1);
        assertThat(calls("PUT /api/organization/{zoid}/accounts/{accountId}")).isEqualTo(2);

        for (JsonNode r : sandboxGet("/__sandbox/requests").path("requests")) {
            if (r.path("method").asText().equals("PUT")) {
                assertThat(r.path("body").asText()).contains("\"phoneNumer\"").doesNotContain("\"phoneNumber\"");
            }
        }
        assertThat(sandboxGet("/__sandbox/mail/accounts/kevin.ortiz@zylker.com").path("phoneNumber").asText())
                .isEqualTo("+44 20 7946 0000");
        JsonNode summary = summary("mail-users", "by-email.csv");
        assertThat(summary.path("api_calls").path("by_endpoint")
                .path("GET /api/organization/{zoid}/accounts/{email}").asLong()).isEqualTo(1);
    }
}
