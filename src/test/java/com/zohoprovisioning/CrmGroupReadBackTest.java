package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Live-Zoho safety of the group PUT: the feed relies on the PUT adding the member it sends. Once per group and file
 * (after the first PUT of a group that had members) it reads the members back; a sandbox whose PUT replaces the
 * list (the fault groupPutReplaces) must stop the file at once: held/ with a reason naming the group, no further
 * call, and moved back it continues where it stopped.
 */
class CrmGroupReadBackTest extends PipelineTestSupport {

    private static final String FEED = "crm-user-groups";
    private static final String PUT = "PUT /crm/v6/settings/user_groups/{id}";
    private static final String SOURCES = "GET /crm/v6/settings/user_groups/{id}/sources";
    private int setups;

    @Test
    void aPutThatReplacesTheMemberListHoldsTheFileAtOnceAndMovedBackItContinues() throws IOException {
        giveSalesTeamPatriciaAndDeborah();
        sandboxCall("POST", "/__sandbox/faults", "{\"groupPutReplaces\":true}");
        long putsBefore = calls(PUT);
        long sourcesBefore = calls(SOURCES);

        drop(FEED, "strip.csv", """
                group,member
                Sales Team,kevin.ortiz@zylker.com
                Sales Team,ivan.petrov@zylker.com
                Sales Team,uma.invited@zylker.com
                """);
        Path held = path("held/" + FEED + "/strip.csv");
        Path reason = path("held/" + FEED + "/strip.csv.reason.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held) && Files.exists(reason));
        assertThat(path("inbox/" + FEED + "/strip.csv")).doesNotExist();
        assertThat(Files.readString(reason))
                .contains("Sales Team").contains("3652397000009949019")
                .contains("replaced the member list").contains("instead of adding")
                .contains("Patricia Boyle").contains("Deborah Gill")
                .contains("move this file back into inbox/" + FEED + "/");
        assertThat(calls(PUT) - putsBefore).as("one PUT, then no further call").isEqualTo(1);
        assertThat(calls(SOURCES) - sourcesBefore).as("the members read once, and read back once").isEqualTo(2);
        assertThat(members("Sales Team")).containsExactly("users:Kevin Ortiz");
        assertThat(path("success/" + FEED + "/strip.csv")).doesNotExist();
        assertThat(path("reports/" + FEED + "/strip.csv.summary.json")).doesNotExist();

        // the operator restores the members, Zoho behaves again, the file goes back into the inbox
        sandboxCall("POST", "/__sandbox/faults", "{\"groupPutReplaces\":false}");
        giveSalesTeamPatriciaAndDeborah();
        putsBefore = calls(PUT);
        Files.move(held, path("inbox/" + FEED + "/strip.csv"));
        awaitDone(FEED, "strip.csv");
        assertThat(csv("error/" + FEED + "/strip.csv")).isEmpty();
        List<Map<String, String>> ok = csv("success/" + FEED + "/strip.csv");
        assertThat(ok).extracting(r -> r.get("result_row")).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(ok).allSatisfy(r -> assertThat(r).containsEntry("result_action", "member_added"));
        assertThat(calls(PUT) - putsBefore).as("row 1 came from the journal, not sent again").isEqualTo(2);
        assertThat(members("Sales Team")).containsExactlyInAnyOrder("users:Patricia Boyle", "users:Deborah Gill",
                "users:Kevin Ortiz", "users:Ivan Petrov", "users:Uma Invited");
        assertThat(summary(FEED, "strip.csv").path("api_calls").path("by_endpoint").path(SOURCES).asLong())
                .as("this run's members read once, and read back once").isEqualTo(2);
    }

    @Test
    void aPutThatAddsIsReadBackOncePerGroupAndFileNotPerRecord() {
        giveSalesTeamPatriciaAndDeborah();
        drop(FEED, "more.csv", """
                group,member_type,member,action
                Sales Team,users,kevin.ortiz@zylker.com,add
                Sales Team,users,deborah.gill@zylker.com,remove
                Sales Team,users,ivan.petrov@zylker.com,add
                Sales Team,roles,Manager,add
                Support,users,kevin.ortiz@zylker.com,add
                """);
        awaitDone(FEED, "more.csv");
        assertThat(csv("error/" + FEED + "/more.csv")).isEmpty();
        assertThat(csv("success/" + FEED + "/more.csv")).hasSize(5);
        assertThat(members("Sales Team")).containsExactlyInAnyOrder("users:Patricia Boyle", "users:Kevin Ortiz",
                "users:Ivan Petrov", "roles:Manager");
        JsonNode calls = summary(FEED, "more.csv").path("api_calls").path("by_endpoint");
        assertThat(calls.path(PUT).asLong()).isEqualTo(5);
        // Sales Team: read once and read back once; Support (empty before its only PUT: nothing to lose): read once
        assertThat(calls.path(SOURCES).asLong()).isEqualTo(3);
    }

    @Test
    void aMemberRemovedByTheFileIsNotExpectedBack() {
        giveSalesTeamPatriciaAndDeborah();
        drop(FEED, "remove.csv", """
                group,member,action
                Sales Team,deborah.gill@zylker.com,remove
                """);
        awaitDone(FEED, "remove.csv");
        assertThat(csv("success/" + FEED + "/remove.csv")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("result_action", "member_removed"));
        assertThat(members("Sales Team")).containsExactly("users:Patricia Boyle");
        assertThat(path("held/" + FEED)).satisfies(p -> assertThat(!Files.exists(p) || isEmpty(p)).isTrue());
        assertThat(summary(FEED, "remove.csv").path("api_calls").path("by_endpoint").path(SOURCES).asLong()).isEqualTo(2);
    }

    /** Sales Team gets Patricia and Deborah through the feed itself (its second PUT is read back, and passes). */
    private void giveSalesTeamPatriciaAndDeborah() {
        String name = "setup-" + (++setups) + ".csv";
        // a description of its own: the same bytes twice would be held as a repeat
        drop(FEED, name, """
                group,member,description
                Sales Team,patricia.boyle@zylker.com,Sales people (%1$s)
                Sales Team,deborah.gill@zylker.com,Sales people (%1$s)
                """.formatted(name));
        awaitDone(FEED, name);
        assertThat(members("Sales Team")).contains("users:Patricia Boyle", "users:Deborah Gill");
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> members(String group) {
        for (JsonNode g : sandboxGet("/__sandbox/state").path("crm").path("user_groups")) {
            if (g.path("name").asText().equals(group)) {
                List<String> out = new ArrayList<>();
                g.path("sources").forEach(s -> out.add(s.path("type").asText() + ":" + s.path("source").path("name").asText()));
                return out;
            }
        }
        throw new AssertionError("no group " + group);
    }
}
