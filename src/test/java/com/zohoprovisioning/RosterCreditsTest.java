package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issues 16 and 17 together: Zoho's API credits fall under the reserve in the middle of a roster's leavers. The file is
 * held (no leaver fails for it), and once the credits are back it resumes: the leavers done are written from the
 * journal, the rest are deactivated, none twice.
 */
class RosterCreditsTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        // 12 credits: 5 lookups (roles, profiles, users, current user, org), 1 add and 2 leavers leave 4, the
        // reserve: a third leaver would take them under it
        return Map.of("provisioning.crm-users.mode", "roster", "provisioning.crm-users.roster.max-deactivations", "100%",
                "sandbox.credits-per-day", "12", "zoho.credits.reserve", "4", "zoho.credits.recheck-after", "2s",
                "zoho.max-concurrent", "1");
    }

    @Test
    void aRosterHeldForCreditsAmongItsLeaversResumesWithEachLeaverOnce() throws Exception {
        drop("crm-users", "nightly.csv", "email,first_name,last_name,role,profile\n"
                + "new.hire@example.com,New,Hire,Sales Rep,Standard\n");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(path("held/crm-users/nightly.csv.reason.txt")));
        assertThat(Files.readString(path("held/crm-users/nightly.csv.reason.txt"))).contains("Zoho API credits: 4 left,"
                + " reserve 4");
        assertThat(path("error/crm-users/nightly.leavers.csv")).doesNotExist();
        assertThat(puts()).as("two leavers deactivated before the reserve").isEqualTo(2);

        sandboxCall("POST", "/__sandbox/faults", "{\"refillCredits\":true,\"creditsPerDay\":1000}");
        awaitDone("crm-users", "nightly.csv");
        List<Map<String, String>> leavers = csv("success/crm-users/nightly.leavers.csv");
        assertThat(leavers.stream().map(r -> r.get("email")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("deborah.gill@zylker.com", "kevin.ortiz@zylker.com", "uma.invited@zylker.com");
        assertThat(leavers).hasSize(3);
        assertThat(csv("error/crm-users/nightly.leavers.csv")).isEmpty();
        assertThat(puts()).as("no leaver sent twice").isEqualTo(3);
        JsonNode roster = summary("crm-users", "nightly.csv").path("roster");
        assertThat(roster.path("deactivated").asLong()).isEqualTo(3);
        assertThat(roster.path("resumed_from_journal").asLong()).isEqualTo(2);
        assertThat(csv("success/crm-users/nightly.csv")).hasSize(1);
    }

    private long puts() {
        long n = 0;
        var counts = sandboxGet("/__sandbox/requests").path("counts").fields();
        while (counts.hasNext()) {
            var e = counts.next();
            if (e.getKey().startsWith("PUT /crm/v6/users")) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }
}
