package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read-back that finds the member list replaced stops the whole file, not only its group: the records of other
 * groups after it make no call either (one record at a time here, so "after" is file order), and every row has
 * exactly one outcome once the file is moved back.
 */
class CrmGroupReadBackOtherGroupsTest extends PipelineTestSupport {

    private static final String FEED = "crm-user-groups";
    private static final String PUT = "PUT /crm/v6/settings/user_groups/{id}";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("zoho.max-concurrent", "1");
    }

    @Test
    void recordsOfOtherGroupsAfterTheHoldMakeNoCall() throws IOException {
        drop(FEED, "setup.csv", """
                group,member
                Sales Team,patricia.boyle@zylker.com
                Support,deborah.gill@zylker.com
                """);
        awaitDone(FEED, "setup.csv");
        sandboxCall("POST", "/__sandbox/faults", "{\"groupPutReplaces\":true}");
        long before = calls(PUT);

        drop(FEED, "mixed.csv", """
                group,member
                Sales Team,kevin.ortiz@zylker.com
                Support,kevin.ortiz@zylker.com
                Sales Team,ivan.petrov@zylker.com
                Support,ivan.petrov@zylker.com
                """);
        Path held = path("held/" + FEED + "/mixed.csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held)
                && Files.exists(path("held/" + FEED + "/mixed.csv.reason.txt")));
        assertThat(calls(PUT) - before).as("the first PUT only").isEqualTo(1);
        assertThat(Files.readString(path("held/" + FEED + "/mixed.csv.reason.txt")))
                .contains("group 'Sales Team'").contains("Patricia Boyle").doesNotContain("group 'Support'");

        sandboxCall("POST", "/__sandbox/faults", "{\"groupPutReplaces\":false}");
        before = calls(PUT);
        Files.move(held, path("inbox/" + FEED + "/mixed.csv"));
        awaitDone(FEED, "mixed.csv");
        List<Map<String, String>> ok = csv("success/" + FEED + "/mixed.csv");
        assertThat(csv("error/" + FEED + "/mixed.csv")).isEmpty();
        assertThat(ok).extracting(r -> r.get("result_row")).containsExactlyInAnyOrder("1", "2", "3", "4");
        assertThat(calls(PUT) - before).as("rows 2 to 4; row 1 from the journal").isEqualTo(3);
    }
}
