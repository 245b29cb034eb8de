package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-alike e-mail addresses through the real routes of every feed: an address holding a character drawn as
 * nothing that is not a format character (U+3164 HANGUL FILLER, U+FE0F VARIATION SELECTOR-16: default-ignorable
 * code points) or drawn blank (U+2800 BRAILLE PATTERN BLANK) is a VALIDATION_FAILED line naming the field and the
 * code point, and nothing is sent for it; the visible address beside it goes through.
 */
class InvisibleEmailsTest extends PipelineTestSupport {

    /** The three look-alikes of {@code local@domain}, as rows 1-3; the visible address is row 4. */
    private static final String[][] HIDDEN = {
            {"\u3164", "U+3164 (HANGUL FILLER)"},
            {"\uFE0F", "U+FE0F (VARIATION SELECTOR-16)"},
            {"\u2800", "U+2800 (BRAILLE PATTERN BLANK)"},
    };

    private static String lookAlike(int i, String local, String domain) {
        return local + HIDDEN[i][0] + "@" + domain;
    }

    private void assertRefused(String feed, String file, String field) {
        List<Map<String, String>> errors = csv("error/" + feed + "/" + file);
        assertThat(errors).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String row = String.valueOf(i + 1);
            Map<String, String> line = errors.stream().filter(r -> row.equals(r.get("result_row"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no error line for row " + row + " in " + errors));
            assertThat(line).containsEntry("result_code", "VALIDATION_FAILED");
            assertThat(line.get("result_message")).contains(field + ": holds the invisible character " + HIDDEN[i][1]);
        }
        assertThat(csv("success/" + feed + "/" + file)).hasSize(1)
                .allSatisfy(r -> assertThat(r).containsEntry("result_row", "4"));
    }

    private JsonNode user(String product, String email) {
        for (JsonNode u : sandboxGet("/__sandbox/state").path(product).path("users")) {
            if (u.path("email").asText().equals(email)) {
                return u;
            }
        }
        return null;
    }

    @Test
    void biginUsersCreatesNoLookAlike() {
        StringBuilder csv = new StringBuilder("action,email,first_name,last_name,role,profile\n");
        for (int i = 0; i < 3; i++) {
            csv.append("add,").append(lookAlike(i, "nia.hidden", "example.com")).append(",Nia,Hidden,Manager,Standard\n");
        }
        csv.append("add,nia.visible@example.com,Nia,Visible,Manager,Standard\n");
        drop("bigin-users", "look-alikes.csv", csv.toString());
        awaitDone("bigin-users", "look-alikes.csv");

        assertRefused("bigin-users", "look-alikes.csv", "email");
        for (int i = 0; i < 3; i++) {
            assertThat(user("bigin", lookAlike(i, "nia.hidden", "example.com"))).isNull();
        }
        assertThat(user("bigin", "nia.visible@example.com")).isNotNull();
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(1);
    }

    @Test
    void crmUsersCreatesNoLookAlike() {
        StringBuilder csv = new StringBuilder("action,email,first_name,last_name,role,profile\n");
        for (int i = 0; i < 3; i++) {
            csv.append("add,").append(lookAlike(i, "ola.hidden", "zylker.com")).append(",Ola,Hidden,Sales Rep,Standard\n");
        }
        csv.append("add,ola.visible@zylker.com,Ola,Visible,Sales Rep,Standard\n");
        drop("crm-users", "look-alikes.csv", csv.toString());
        awaitDone("crm-users", "look-alikes.csv");

        assertRefused("crm-users", "look-alikes.csv", "email");
        for (int i = 0; i < 3; i++) {
            assertThat(user("crm", lookAlike(i, "ola.hidden", "zylker.com"))).isNull();
        }
        assertThat(user("crm", "ola.visible@zylker.com")).isNotNull();
        assertThat(calls("POST /crm/v6/users")).isEqualTo(1);
    }

    @Test
    void mailUsersUpdatesNoAccountByALookAlike() {
        StringBuilder csv = new StringBuilder("email,display_name\n");
        for (int i = 0; i < 3; i++) {
            csv.append(lookAlike(i, "deborah.gill", "zylker.com")).append(",Look Alike\n");
        }
        csv.append("deborah.gill@zylker.com,Deb Gill\n");
        drop("mail-users", "look-alikes.csv", csv.toString());
        awaitDone("mail-users", "look-alikes.csv");

        assertRefused("mail-users", "look-alikes.csv", "email");
        assertThat(calls("PUT /api/organization/{zoid}/accounts/{accountId}")).isEqualTo(1);
    }

    @Test
    void crmUserGroupsAddsNoLookAlikeMember() {
        StringBuilder csv = new StringBuilder("group,member_type,member,action\n");
        for (int i = 0; i < 3; i++) {
            csv.append("test group,users,").append(lookAlike(i, "patricia.boyle", "zylker.com")).append(",add\n");
        }
        csv.append("test group,users,patricia.boyle@zylker.com,add\n");
        drop("crm-user-groups", "look-alikes.csv", csv.toString());
        awaitDone("crm-user-groups", "look-alikes.csv");

        assertRefused("crm-user-groups", "look-alikes.csv", "member");
        assertThat(calls("PUT /crm/v6/settings/user_groups/{id}")).isEqualTo(1);
    }
}
