package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roster mode protects the org's primary contact also when it is not the token's own user: found once per file through
 * the org lookup ({@code GET …/org}: {@code primary_zuid}, {@code primary_email}), listed as protected, never sent a
 * deactivation (Zoho would refuse it: "Primary Contact cannot be deactivated") and not counted against the guard. The
 * seed is changed so that the primary contact is a Standard user: Kevin Ortiz in CRM (the token stays Patricia's),
 * Patricia Boyle in Bigin (the token becomes Olivia Owner's).
 */
class RosterPrimaryContactTest extends PipelineTestSupport {

    static final String KEVIN = "3652397000000281015";
    static final String BIGIN_PATRICIA = "554023000000691003";

    @Override
    protected Map<String, String> extraProperties() {
        // a guard of 0: any leaver would hold the file, so a primary contact counted as a leaver cannot pass unseen
        return Map.of("sandbox.seed", seed().toString(),
                "provisioning.crm-users.mode", "roster", "provisioning.crm-users.roster.max-deactivations", "0",
                "provisioning.bigin-users.mode", "roster", "provisioning.bigin-users.roster.max-deactivations", "0");
    }

    @Test
    void aCrmPrimaryContactWhoIsNotTheTokensUserIsProtected() {
        drop("crm-users", "staff.csv", "email,first_name,last_name\npatricia.boyle@zylker.com,Patricia,Boyle\n"
                + "deborah.gill@zylker.com,Deborah,Gill\numa.invited@zylker.com,Uma,Invited\n");
        awaitDone("crm-users", "staff.csv");

        assertThat(path("held/crm-users/staff.csv")).doesNotExist();
        JsonNode summary = summary("crm-users", "staff.csv");
        JsonNode roster = summary.path("roster");
        assertThat(roster.path("leavers_planned").asLong()).isZero();
        assertThat(roster.path("protected").asLong()).isEqualTo(1);
        assertThat(roster.path("protected_users").get(0).asText())
                .isEqualTo("kevin.ortiz@zylker.com (the primary contact)");
        assertThat(summary.path("api_calls").path("by_endpoint").path("GET /crm/v6/org").asLong()).as("once per file")
                .isEqualTo(1);
        assertThat(puts("/crm/v6/users/" + KEVIN)).as("no deactivation sent for the primary contact").isZero();
        assertThat(status("crm", "kevin.ortiz@zylker.com")).isEqualTo("active");
        assertThat(path("success/crm-users/staff.leavers.csv")).doesNotExist();
        assertThat(path("error/crm-users/staff.leavers.csv")).doesNotExist();
    }

    @Test
    void aBiginPrimaryContactWhoIsNotTheTokensUserIsProtected() {
        drop("bigin-users", "staff.csv", "email,last_name\nolivia.owner@zylker.com,Owner\numa.invited@zylker.com,Invited\n");
        awaitDone("bigin-users", "staff.csv");

        assertThat(path("held/bigin-users/staff.csv")).doesNotExist();
        JsonNode summary = summary("bigin-users", "staff.csv");
        JsonNode roster = summary.path("roster");
        assertThat(roster.path("leavers_planned").asLong()).isZero();
        assertThat(roster.path("protected_users").toString())
                .contains("patricia.boyle@zylker.com (the primary contact)");
        assertThat(summary.path("api_calls").path("by_endpoint").path("GET /bigin/v1/org").asLong()).isEqualTo(1);
        assertThat(puts("/bigin/v1/users/" + BIGIN_PATRICIA)).isZero();
        assertThat(status("bigin", "patricia.boyle@zylker.com")).isEqualTo("active");
    }

    /** The PUTs the sandbox received on this path. */
    private long puts(String path) {
        long n = 0;
        for (JsonNode r : sandboxGet("/__sandbox/requests").path("requests")) {
            if (r.path("method").asText().equals("PUT") && r.path("path").asText().equals(path)) {
                n++;
            }
        }
        return n;
    }

    private String status(String product, String email) {
        for (JsonNode u : sandboxGet("/__sandbox/state").path(product).path("users")) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return u.path("status").asText();
            }
        }
        throw new AssertionError("no " + product + " user " + email + " in the sandbox");
    }

    /** The seed with Standard users as primary contacts: Kevin in CRM, Patricia in Bigin (the token: Olivia). */
    private Path seed() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("config/sandbox-seed.json")) {
            ObjectNode seed = (ObjectNode) JSON.readTree(in);
            ((ObjectNode) seed.path("crm")).put("primary_contact_id", KEVIN);
            ObjectNode bigin = (ObjectNode) seed.path("bigin");
            bigin.put("current_user_id", bigin.path("primary_user_id").asText());
            bigin.put("primary_user_id", BIGIN_PATRICIA);
            Path p = workDir().resolve("primary-contact-seed.json");
            Files.write(p, JSON.writeValueAsBytes(seed));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
