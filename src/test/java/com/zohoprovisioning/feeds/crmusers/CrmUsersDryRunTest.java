package com.zohoprovisioning.feeds.crmusers;

import com.zohoprovisioning.PipelineTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** crm-users in a dry run: every row validated, the lookups read, nothing that writes sent. */
class CrmUsersDryRunTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.dry-run", "true");
    }

    private static Map<String, String> row(List<Map<String, String>> rows, int row) {
        return rows.stream().filter(r -> r.get("result_row").equals(String.valueOf(row))).findFirst()
                .orElseThrow(() -> new AssertionError("no result for row " + row + " in " + rows));
    }

    @Test
    void validatesAndSendsNothingThatWrites() {
        drop("crm-users", "plan.csv", """
                email,first_name,last_name,role,profile,action
                ana.silva@zylker.com,Ana,Silva,Sales Rep,Standard,
                kevin.ortiz@zylker.com,,,,,deactivate
                deborah.gill@zylker.com,,,,,activate
                """);
        awaitDone("crm-users", "plan.csv");
        List<Map<String, String>> ok = csv("dry-run/crm-users/plan.validated.csv");
        assertThat(ok).hasSize(3).allSatisfy(r -> assertThat(r).containsEntry("result_action", "validated"));
        assertThat(row(ok, 1).get("result_message")).startsWith("dry run: would POST /crm/v6/users {")
                .contains("role=3652397000000026011 (Sales Rep)");
        assertThat(row(ok, 2).get("result_message"))
                .startsWith("dry run: would PUT /crm/v6/users/3652397000000281015 {status=inactive");
        assertThat(calls("POST /crm/v6/users")).isZero();
        assertThat(calls("PUT /crm/v6/users/{id}")).isZero();
        assertThat(calls("GET /crm/v6/users")).isEqualTo(1);
    }
}
