package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roster mode: the file is everyone who should be active, so a person in it whom Zoho holds deactivated (Ivan Petrov in
 * the seed, in CRM and in Bigin) is reactivated ({@code activated}) by a row that names no status; a row's explicit
 * {@code status=inactive} is still its word.
 */
class RosterRehireTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.crm-users.mode", "roster", "provisioning.bigin-users.mode", "roster");
    }

    @Test
    void aCrmUserInTheRosterButDeactivatedIsReactivated() {
        String everyone = "patricia.boyle@zylker.com,Patricia,Boyle,\ndeborah.gill@zylker.com,Deborah,Gill,\n"
                + "kevin.ortiz@zylker.com,Kevin,Ortiz,\numa.invited@zylker.com,Uma,Invited,\n";
        drop("crm-users", "staff.csv", "email,first_name,last_name,status\n" + everyone
                + "ivan.petrov@zylker.com,Ivan,Petrov,\n");
        awaitDone("crm-users", "staff.csv");

        assertThat(csv("success/crm-users/staff.csv")).filteredOn(r -> r.get("email").equals("ivan.petrov@zylker.com"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("result_action", "activated")
                        .containsEntry("result_id", "3652397000000281029"));
        assertThat(status("crm", "ivan.petrov@zylker.com")).isEqualTo("active");
        assertThat(summary("crm-users", "staff.csv").path("roster").path("leavers_planned").asLong()).isZero();

        // the next night's file says status=inactive for him: the row's word, not a rehire
        drop("crm-users", "staff2.csv", "email,first_name,last_name,status\n" + everyone
                + "ivan.petrov@zylker.com,Ivan,Petrov,inactive\n");
        awaitDone("crm-users", "staff2.csv");
        assertThat(csv("success/crm-users/staff2.csv")).filteredOn(r -> r.get("email").equals("ivan.petrov@zylker.com"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("result_action", "deactivated"));
        assertThat(status("crm", "ivan.petrov@zylker.com")).isEqualTo("inactive");
    }

    @Test
    void aBiginUserInTheRosterButDeactivatedIsReactivated() {
        drop("bigin-users", "staff.csv", "email,last_name\nolivia.owner@zylker.com,Owner\n"
                + "patricia.boyle@zylker.com,Boyle\numa.invited@zylker.com,Invited\nivan.petrov@zylker.com,Petrov\n");
        awaitDone("bigin-users", "staff.csv");

        assertThat(csv("success/bigin-users/staff.csv")).filteredOn(r -> r.get("email").equals("ivan.petrov@zylker.com"))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("result_action", "activated"));
        assertThat(status("bigin", "ivan.petrov@zylker.com")).isEqualTo("active");
        JsonNode roster = summary("bigin-users", "staff.csv").path("roster");
        assertThat(roster.path("leavers_planned").asLong()).isZero();
    }

    private String status(String product, String email) {
        for (JsonNode u : sandboxGet("/__sandbox/state").path(product).path("users")) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return u.path("status").asText();
            }
        }
        throw new AssertionError("no " + product + " user " + email + " in the sandbox");
    }
}
