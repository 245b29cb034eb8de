package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read-back that cannot be made (Zoho refuses the GET) leaves it unknown whether the PUT added or replaced: the
 * file is held as well, saying so, with no further call.
 */
class CrmGroupReadBackFailsTest extends PipelineTestSupport {

    private static final String FEED = "crm-user-groups";
    private static final String PUT = "PUT /crm/v6/settings/user_groups/{id}";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.retry.max-redeliveries", "0");
    }

    @Test
    void aReadBackThatFailsHoldsTheFile() throws IOException {
        drop(FEED, "setup.csv", """
                group,member
                Sales Team,patricia.boyle@zylker.com
                """);
        awaitDone(FEED, "setup.csv");
        // the next file's calls: roles, groups, users, territories, Sales Team's members, one PUT; the 7th (the
        // read-back) is refused with 429
        sandboxCall("DELETE", "/__sandbox/requests", null);
        sandboxCall("POST", "/__sandbox/faults", "{\"maxPerMinute\":6}");

        drop(FEED, "two.csv", """
                group,member
                Sales Team,kevin.ortiz@zylker.com
                Sales Team,ivan.petrov@zylker.com
                """);
        Path reason = path("held/" + FEED + "/two.csv.reason.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(reason)
                && Files.exists(path("held/" + FEED + "/two.csv")));
        assertThat(Files.readString(reason)).contains("could not read the members of group 'Sales Team'")
                .contains("TOO_MANY_REQUESTS").contains("unknown");
        assertThat(calls(PUT)).as("one PUT, then no further call").isEqualTo(1);
        assertThat(sandboxGet("/__sandbox/requests").path("rejected_429").asLong()).isEqualTo(1);
    }
}
