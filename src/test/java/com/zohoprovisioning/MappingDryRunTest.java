package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A dry run on a vendor export shows, per record, the mapped Zoho fields that would be sent; nothing is written. */
class MappingDryRunTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.dry-run", "true",
                "provisioning.bigin-users.default-role", "Sales_Rep",
                "provisioning.bigin-users.default-profile", "Standard");
    }

    @Test
    void aDryRunOnAnExportShowsTheMappedFieldsOfEveryRecord() {
        drop("bigin-users", "entra-download.csv", MappingProfilesFeedTest.fixture("entra-download.csv"));
        awaitDone("bigin-users", "entra-download.csv");
        List<Map<String, String>> ok = csv("dry-run/bigin-users/entra-download.validated.csv");
        assertThat(ok).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("result_action")).isEqualTo("validated");
            assertThat(r.get("result_profile")).isEqualTo("entra-download");
        });
        String erin = message(ok, "erin.east@example.com");
        assertThat(erin).startsWith("dry run: would POST /bigin/v1/users")
                .contains("first_name=Erin", "last_name=East", "email=erin.east@example.com", "city=Bristol",
                        "phone=+44 117 555 0101", "role=554023000000015981 (Sales_Rep) [default]",
                        "profile=554023000000015975 (Standard) [default]");
        assertThat(message(ok, "patricia.boyle@zylker.com"))
                .startsWith("dry run: would PUT /bigin/v1/users/554023000000691003").contains("status=inactive")
                .doesNotContain("role=").doesNotContain("profile=");
        assertThat(calls("POST /bigin/v1/users")).isZero();
        assertThat(calls("PUT /bigin/v1/users/{id}")).isZero();
        assertThat(biginUser("erin.east@example.com")).isNull();
        JsonNode summary = dryRunSummary("bigin-users", "entra-download.csv");
        assertThat(summary.path("dry_run").asBoolean()).isTrue();
        assertThat(summary.path("profile").path("name").asText()).isEqualTo("entra-download");
        assertThat(summary.path("skipped").path("rows").asLong()).isEqualTo(1);
    }

    @Test
    void aJsonExportIsDetectedFromItsFirstRecordsKeys() {
        drop("bigin-users", "okta.json", """
                [{"login":"jo.jay","firstName":"Jo","lastName":"Jay","email":"jo.jay@example.com","honorificPrefix":"",
                  "mobilePhone":"+1 555 0100"}]
                """);
        awaitDone("bigin-users", "okta.json");
        JsonNode rec = json("dry-run/bigin-users/okta.validated.json").get(0);
        assertThat(rec.path("result_profile").asText()).isEqualTo("okta-import");
        assertThat(rec.path("result_message").asText()).contains("mobile=+1 555 0100", "email=jo.jay@example.com");
    }

    private static String message(List<Map<String, String>> rows, String upn) {
        return rows.stream().filter(r -> r.get("userPrincipalName").equals(upn)).findFirst().orElseThrow()
                .get("result_message");
    }
}
