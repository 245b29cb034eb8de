package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** provisioning.dry-run=true: records are validated and enriched, result files written, nothing written to Zoho. */
class DryRunTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.dry-run", "true");
    }

    @Test
    void aDryRunValidatesAndSendsNothingThatWrites() {
        drop("bigin-users", "plan.csv", """
                email,first_name,last_name,role,profile,phone
                new.person@example.com,New,Person,Manager,Standard,
                patricia.boyle@zylker.com,,,,,555-7777
                x@example.com,X,Y,Nope,Standard,
                """);
        awaitDone("bigin-users", "plan.csv");
        List<Map<String, String>> ok = csv("success/bigin-users/plan.csv");
        assertThat(ok).hasSize(2).allSatisfy(r -> assertThat(r.get("result_action")).isEqualTo("validated"));
        assertThat(ok.get(0).get("result_message") + ok.get(1).get("result_message"))
                .contains("POST /bigin/v1/users").contains("PUT /bigin/v1/users/554023000000691003");
        assertThat(csv("error/bigin-users/plan.csv")).singleElement()
                .satisfies(r -> assertThat(r.get("result_code")).isEqualTo("UNKNOWN_ROLE"));
        assertThat(calls("POST /bigin/v1/users")).isZero();
        assertThat(calls("PUT /bigin/v1/users/{id}")).isZero();
        assertThat(calls("GET /bigin/v1/settings/roles")).isEqualTo(1);
        assertThat(biginUser("new.person@example.com")).isNull();
        assertThat(summary("bigin-users", "plan.csv").path("dry_run").asBoolean()).isTrue();
    }
}
