package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A roster that does not say for sure who is in it deactivates no one on its own: a cut-off or unreadable row, or a
 * row whose e-mail is no address, may be any of the leavers, so the file is held with its plan (approve releases it)
 * even under the guard's limit. An error file dropped back in roster mode is not the workforce: its rows only.
 * Seed org: Patricia (the token's user), Deborah, Kevin, Uma (protected by pattern here).
 */
class RosterIncompleteTest extends PipelineTestSupport {

    static final String FEED = "crm-users";
    static final String HEADER = "email,first_name,last_name,role,profile\n";
    static final String DEBORAH = "deborah.gill@zylker.com,Deborah,Gill,Manager,Standard\n";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.crm-users.mode", "roster",
                "provisioning.crm-users.roster.max-deactivations", "2",
                "provisioning.crm-users.roster.protect", "uma.*@zylker.com");
    }

    @Test
    void aCutOffRosterIsHeldAlthoughItsLeaversAreUnderTheLimit() throws Exception {
        // the export broke off inside Kevin's row: an unclosed quote, nothing after it can be read
        drop(FEED, "cut.csv", HEADER + DEBORAH + "\"kevin.ortiz@zylker.com,Kevin,Ortiz,Manager,Standard\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/" + FEED + "/cut.csv.reason.txt")));
        assertThat(Files.readString(path("held/" + FEED + "/cut.csv.reason.txt")))
                .contains("1 row(s) name no one for sure (row 2: ")
                .contains("absence from this file proves nothing: it would deactivate 1 of 4 active users");
        assertThat(Files.readString(path("held/" + FEED + "/cut.csv.plan.csv"))).contains("kevin.ortiz@zylker.com");
        assertThat(crmStatus("kevin.ortiz@zylker.com")).isEqualTo("active");
        assertThat(crmWrites()).as("no call at all for a held roster").isZero();
    }

    @Test
    void aRowWhoseEmailIsNoAddressIsHeldNotTakenForAbsent() throws Exception {
        // a wrong delimiter glued Kevin's e-mail to his next cell
        drop(FEED, "glued.csv", HEADER + DEBORAH + "kevin.ortiz@zylker.com;Kevin,Kevin,Ortiz,Manager,Standard\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/" + FEED + "/glued.csv.reason.txt")));
        assertThat(Files.readString(path("held/" + FEED + "/glued.csv.reason.txt")))
                .contains("row 2: email: 'kevin.ortiz@zylker.com;kevin' is not an e-mail address");
        assertThat(crmStatus("kevin.ortiz@zylker.com")).isEqualTo("active");
        assertThat(crmWrites()).isZero();
    }

    @Test
    void anErrorFileDroppedBackRunsItsRowsAndDeactivatesNoOne() {
        // an earlier run's error file, fixed and dropped back: Deborah's row only, Kevin is not a leaver
        drop(FEED, "people.csv", "email,first_name,last_name,role,profile,result_row,result_status,result_code\n"
                + "deborah.gill@zylker.com,Deborah,Gill,Manager,Standard,7,error,UNKNOWN_ROLE\n");
        awaitDone(FEED, "people.csv");
        assertThat(csv("success/" + FEED + "/people.csv")).singleElement()
                .satisfies(r -> assertThat(r.get("result_row")).isEqualTo("7"));
        assertThat(path("success/" + FEED + "/people.leavers.csv")).doesNotExist();
        assertThat(path("error/" + FEED + "/people.leavers.csv")).doesNotExist();
        assertThat(crmStatus("kevin.ortiz@zylker.com")).isEqualTo("active");
        JsonNode roster = summary(FEED, "people.csv").path("roster");
        assertThat(roster.path("result_file_dropped_back").asBoolean()).isTrue();
        assertThat(roster.path("leavers_planned").asLong()).isZero();
    }
}
