package com.zohoprovisioning.feeds.crmusers;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A Google Workspace export dropped into crm-users as it was downloaded: the user feeds' mapping profiles apply. */
class CrmUsersMappingProfileTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.crm-users.default-role", "Sales Rep",
                "provisioning.crm-users.default-profile", "Standard");
    }

    @Test
    void googleWorkspaceDownloadIsDetectedAndApplied() throws IOException {
        byte[] export;
        try (InputStream in = getClass().getResourceAsStream("/mapping/google-workspace-download.csv")) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("fixture mapping/google-workspace-download.csv missing"));
            }
            export = in.readAllBytes();
        }
        drop("crm-users", "google.csv", export);
        awaitDone("crm-users", "google.csv");
        JsonNode summary = summary("crm-users", "google.csv");
        assertThat(summary.path("profile").path("name").asText()).isEqualTo("google-workspace-download");
        List<Map<String, String>> ok = csv("success/crm-users/google.csv");
        List<Map<String, String>> err = csv("error/crm-users/google.csv");
        assertThat(ok).hasSize(2).allSatisfy(r -> assertThat(r.get("result_profile")).isEqualTo("google-workspace-download"));
        // suspended in Google, so deactivated: but Patricia is the token's own user, whom Zoho CRM refuses to touch
        assertThat(err).singleElement().satisfies(r -> assertThat(r).containsEntry("result_code", "INVALID_REQUEST")
                .containsEntry("Email Address [Required]", "patricia.boyle@zylker.com"));
        JsonNode ann = null;
        for (JsonNode u : sandboxGet("/__sandbox/state").path("crm").path("users")) {
            if (u.path("email").asText().equals("ann.archer@example.com")) {
                ann = u;
            }
        }
        assertThat(ann).as("Ann created with the feed's default role and profile").isNotNull();
        assertThat(ann.path("role").path("id").asText()).isEqualTo("3652397000000026011");
        assertThat(ann.path("profile").path("id").asText()).isEqualTo("3652397000000026017");
        assertThat(calls("POST /crm/v6/users")).as("suspended and unknown Ben is not created").isEqualTo(1);
    }
}
