package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: a mapping profile can make its files rosters ({@code mode: roster}) while the feed stays in changes mode;
 * the default guard (10 % of 4 active users: no leaver without approval) then holds a file that leaves Kevin out.
 */
class RosterProfileTest extends PipelineTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        Path config = workDir().resolve("config");
        try {
            Files.createDirectories(config.resolve("mappings"));
            Files.writeString(config.resolve("mappings").resolve("hr-roster.yaml"), "name: hr-roster\n"
                    + "feeds: [crm-users]\nmode: roster\ndetect: [Work Address, Given, Family]\n"
                    + "columns:\n  email: Work Address\n  first_name: Given\n  last_name: Family\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("provisioning.config-dir", config.toString());
    }

    @Test
    void aProfileInRosterModeMakesItsFilesRosters() throws Exception {
        drop("crm-users", "hr.csv", "Work Address,Given,Family\npatricia.boyle@zylker.com,Patricia,Boyle\n"
                + "deborah.gill@zylker.com,Deborah,Gill\numa.invited@zylker.com,Uma,Invited\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/crm-users/hr.csv.reason.txt")));
        assertThat(Files.readString(path("held/crm-users/hr.csv.reason.txt")))
                .contains("would deactivate 1 of 4 active users (25 %), above the limit of 10 %");
        assertThat(Files.readString(path("held/crm-users/hr.csv.plan.csv"))).contains("leaver,kevin.ortiz@zylker.com")
                .contains("unchanged,deborah.gill@zylker.com");

        // the same columns without the profile's mode would be a changes file: no guard, no leaver
        drop("crm-users", "changes.csv", "email,first_name,last_name\ndeborah.gill@zylker.com,Deborah,Gill\n");
        awaitDone("crm-users", "changes.csv");
        assertThat(summary("crm-users", "changes.csv").has("roster")).isFalse();
    }
}
