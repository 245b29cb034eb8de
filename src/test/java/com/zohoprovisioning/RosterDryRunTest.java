package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a dry run of a roster writes the same plan (rows and leavers, dry-run/&lt;feed&gt;/&lt;file&gt;.plan.csv),
 * is not held by the guard, and sends nothing that writes: no leaver is deactivated.
 */
class RosterDryRunTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.dry-run", "true", "provisioning.crm-users.mode", "roster",
                "provisioning.crm-users.roster.max-deactivations", "1");
    }

    @Test
    void aDryRunOfARosterWritesItsPlanAndSendsNothing() throws Exception {
        drop("crm-users", "nightly.csv", "email,first_name,last_name,role,profile\n"
                + "deborah.gill@zylker.com,Deborah,Gill,CEO,Standard\n"
                + "new.hire@example.com,New,Hire,Sales Rep,Standard\n"
                + "ivan.petrov@zylker.com,Ivan,Petrov,Sales Rep,Standard\n");
        awaitDone("crm-users", "nightly.csv");

        String plan = Files.readString(path("dry-run/crm-users/nightly.csv.plan.csv"));
        assertThat(plan).contains("2,add,new.hire@example.com").contains("leaver,kevin.ortiz@zylker.com")
                .contains("leaver,uma.invited@zylker.com").contains("protected,patricia.boyle@zylker.com")
                .containsPattern("1,update,deborah.gill@zylker.com,3652397000000281001,role: 3652397000000026008 → "
                        + "3652397000000026005")
                // in the roster but deactivated in Zoho: a rehire, reactivated
                .contains("3,activate,ivan.petrov@zylker.com,3652397000000281029,status: inactive → active");
        assertThat(path("held/crm-users/nightly.csv")).doesNotExist();
        assertThat(sandboxGet("/__sandbox/requests").path("counts").toString()).as("no write reached Zoho")
                .doesNotContain("PUT /crm").doesNotContain("POST /crm").contains("GET /crm/v6/users");
        JsonNode roster = dryRunSummary("crm-users", "nightly.csv").path("roster");
        assertThat(roster.path("leavers_planned").asLong()).isEqualTo(2);
        assertThat(roster.path("deactivated").asLong()).isZero();
        assertThat(roster.path("guard").path("over_limit").asBoolean()).isTrue();
        assertThat(roster.path("files").path("plan").asText()).isEqualTo("dry-run/crm-users/nightly.csv.plan.csv");
        // the credit estimate counts the leavers' deactivations with the rows' writes: 3 rows + 2 leavers
        assertThat(dryRunSummary("crm-users", "nightly.csv").path("credits").path("writes").asLong()).isEqualTo(5);
    }
}
