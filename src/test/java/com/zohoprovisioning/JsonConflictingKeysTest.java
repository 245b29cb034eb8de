package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON and NDJSON records whose keys do not say one thing, through the real routes: two keys that mean one field
 * (after normalisation and aliases: {@code email} and {@code Email}, {@code E-mail Address}, {@code Work Email}) are
 * an INVALID_RECORD line naming both keys and the field, with no call for it (no last-one-wins); an object or array
 * as the value of a feed's field is a row error naming the field; an address such as {@code mailto:m@example.com}
 * is refused. The records around them are processed.
 */
class JsonConflictingKeysTest extends PipelineTestSupport {

    private JsonNode user(String product, String email) {
        for (JsonNode u : sandboxGet("/__sandbox/state").path(product).path("users")) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return u;
            }
        }
        return null;
    }

    /** The records of a JSON (array or wrapper) or NDJSON result file; none when it does not exist. */
    private List<JsonNode> results(String relative) {
        Path p = path(relative);
        if (!Files.exists(p)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        try {
            if (relative.endsWith(".ndjson")) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        out.add(JSON.readTree(line));
                    }
                }
            } else {
                JsonNode root = JSON.readTree(p.toFile());
                (root.isArray() ? root : root.elements().next()).forEach(out::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private JsonNode onlyError(String feed, String file, int row) {
        List<JsonNode> errors = results("error/" + feed + "/" + file);
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("result_row").asInt()).isEqualTo(row);
        return errors.get(0);
    }

    private void assertConflict(JsonNode line, String first, String second, String field) {
        assertThat(line.path("result_code").asText()).isEqualTo("INVALID_RECORD");
        assertThat(line.path("result_message").asText())
                .contains("the keys '" + first + "' and '" + second + "' both mean the field '" + field + "'");
    }

    @Test
    void biginUsersJsonRecordWithEmailAndEmailRenamesNoOne() {
        String before = user("bigin", "patricia.boyle@zylker.com").path("first_name").asText();
        drop("bigin-users", "two-emails.json", """
                [{"email":"ann.keys@example.com","first_name":"Ann","last_name":"Keys","role":"Manager","profile":"Standard"},
                 {"email":"brand.new@example.com","Email":"patricia.boyle@zylker.com","first_name":"New","last_name":"Hire","role":"Manager","profile":"Standard"},
                 {"email":"bo.keys@example.com","first_name":"Bo","last_name":"Keys","role":"Manager","profile":"Standard"}]
                """);
        awaitDone("bigin-users", "two-emails.json");

        assertConflict(onlyError("bigin-users", "two-emails.json", 2), "email", "Email", "email");
        assertThat(results("success/bigin-users/two-emails.json")).hasSize(2);
        assertThat(user("bigin", "patricia.boyle@zylker.com").path("first_name").asText()).isEqualTo(before);
        assertThat(user("bigin", "brand.new@example.com")).isNull();
        assertThat(user("bigin", "ann.keys@example.com")).isNotNull();
        assertThat(user("bigin", "bo.keys@example.com")).isNotNull();
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(2);
        assertThat(calls("PUT /bigin/v1/users/{id}")).isZero();
    }

    @Test
    void biginUsersNdjsonFirstLineWithEmailAndWorkEmailRenamesNoOne() {
        String before = user("bigin", "patricia.boyle@zylker.com").path("first_name").asText();
        drop("bigin-users", "two-emails.ndjson", """
                {"email":"brand.new@example.com","Work Email":"patricia.boyle@zylker.com","first_name":"New","last_name":"Hire","role":"Manager","profile":"Standard"}
                {"email":"cy.keys@example.com","first_name":"Cy","last_name":"Keys","role":"Manager","profile":"Standard"}
                """);
        awaitDone("bigin-users", "two-emails.ndjson");

        assertConflict(onlyError("bigin-users", "two-emails.ndjson", 1), "email", "Work Email", "email");
        assertThat(user("bigin", "patricia.boyle@zylker.com").path("first_name").asText()).isEqualTo(before);
        assertThat(user("bigin", "brand.new@example.com")).isNull();
        assertThat(user("bigin", "cy.keys@example.com")).isNotNull();
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(1);
        assertThat(calls("PUT /bigin/v1/users/{id}")).isZero();
    }

    @Test
    void crmUsersJsonRecordWithEmailAndEmailAddressDeactivatesNoOne() {
        drop("crm-users", "two-emails.json", """
                {"users":[{"email":"leaver.new@example.com","E-mail Address":"deborah.gill@zylker.com","status":"inactive"},
                 {"action":"add","email":"di.keys@zylker.com","first_name":"Di","last_name":"Keys","role":"Sales Rep","profile":"Standard"}]}
                """);
        awaitDone("crm-users", "two-emails.json");

        assertConflict(onlyError("crm-users", "two-emails.json", 1), "email", "E-mail Address", "email");
        assertThat(user("crm", "deborah.gill@zylker.com").path("status").asText()).isEqualTo("active");
        assertThat(user("crm", "leaver.new@example.com")).isNull();
        assertThat(user("crm", "di.keys@zylker.com")).isNotNull();
        assertThat(calls("POST /crm/v6/users")).isEqualTo(1);
        assertThat(calls("PUT /crm/v6/users/{id}")).isZero();
    }

    @Test
    void crmUsersNdjsonRecordWithEmailAndUserEmailDeactivatesNoOne() {
        drop("crm-users", "two-emails.ndjson", """
                {"action":"add","email":"ed.keys@zylker.com","first_name":"Ed","last_name":"Keys","role":"Sales Rep","profile":"Standard"}
                {"User Email":"deborah.gill@zylker.com","email":"leaver.new@example.com","status":"inactive"}
                """);
        awaitDone("crm-users", "two-emails.ndjson");

        assertConflict(onlyError("crm-users", "two-emails.ndjson", 2), "User Email", "email", "email");
        assertThat(user("crm", "deborah.gill@zylker.com").path("status").asText()).isEqualTo("active");
        assertThat(user("crm", "ed.keys@zylker.com")).isNotNull();
        assertThat(calls("POST /crm/v6/users")).isEqualTo(1);
        assertThat(calls("PUT /crm/v6/users/{id}")).isZero();
    }

    @Test
    void crmUserGroupsJsonRecordWithMemberAndUserAddsNoOne() {
        drop("crm-user-groups", "two-members.json", """
                [{"group":"test group","member_type":"users","member":"kevin.ortiz@zylker.com","user":"deborah.gill@zylker.com","action":"add"},
                 {"group":"test group","member_type":"roles","member":"Manager","action":"add"}]
                """);
        awaitDone("crm-user-groups", "two-members.json");

        assertConflict(onlyError("crm-user-groups", "two-members.json", 1), "member", "user", "member");
        assertThat(results("success/crm-user-groups/two-members.json")).hasSize(1);
        List<String> members = new ArrayList<>();
        for (JsonNode g : sandboxGet("/__sandbox/state").path("crm").path("user_groups")) {
            if (g.path("name").asText().equals("test group")) {
                g.path("sources").forEach(m -> members.add(m.path("type").asText() + ":" + m.path("source").path("name").asText()));
            }
        }
        assertThat(members).containsExactly("roles:Manager");
        assertThat(calls("PUT /crm/v6/settings/user_groups/{id}")).isEqualTo(1);
    }

    @Test
    void anObjectOrArrayAsAFieldsValueIsARowErrorNamingTheField() {
        drop("bigin-users", "shapes.json", """
                [{"email":"fay.shape@example.com","first_name":{"a":1},"last_name":"Shape","role":"Manager","profile":"Standard"},
                 {"email":"gus.shape@example.com","first_name":"Gus","last_name":"Shape","role":["Manager","CEO"],"profile":"Standard"},
                 {"email":"hal.shape@example.com","first_name":"Hal","last_name":"Shape","role":{"name":"Manager"},"profile":"Standard","notes":{"team":["a","b"]}}]
                """);
        awaitDone("bigin-users", "shapes.json");

        List<JsonNode> errors = results("error/bigin-users/shapes.json");
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.path("result_code").asText()).isEqualTo("INVALID_RECORD"));
        assertThat(errors.get(0).path("result_row").asInt()).isEqualTo(1);
        assertThat(errors.get(0).path("result_message").asText())
                .contains("the field 'first_name' holds an object where a value is expected");
        assertThat(errors.get(1).path("result_row").asInt()).isEqualTo(2);
        assertThat(errors.get(1).path("result_message").asText())
                .contains("the field 'role' holds an array where a value is expected");
        List<JsonNode> ok = results("success/bigin-users/shapes.json");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0).path("notes").path("team")).hasSize(2);
        assertThat(user("bigin", "fay.shape@example.com")).isNull();
        assertThat(user("bigin", "gus.shape@example.com")).isNull();
        // Zoho's own {"name":…} shape is still its name; an unknown key's object passes through to the result
        assertThat(user("bigin", "hal.shape@example.com")).isNotNull();
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(1);
    }

    @Test
    void aMailtoAddressIsRefusedAndUsualAddressesStillPass() {
        drop("bigin-users", "addresses.csv", """
                action,email,first_name,last_name,role,profile
                add,mailto:m@example.com,M,Ailto,Manager,Standard
                add,"ivy, lee@example.com",Ivy,Lee,Manager,Standard
                add,o'brien+hr@mail.sub.example.co.uk,Pat,OBrien,Manager,Standard
                add,j.r.smith@example.com,Jay,Smith,Manager,Standard
                """);
        awaitDone("bigin-users", "addresses.csv");

        List<Map<String, String>> errors = csv("error/bigin-users/addresses.csv");
        assertThat(errors).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("result_code", "VALIDATION_FAILED"));
        assertThat(errors.get(0).get("result_message")).contains("email: 'mailto:m@example.com' is not an e-mail address:"
                + " the part before the @ holds ':'").contains("leave out the 'mailto:'");
        assertThat(errors.get(1).get("result_message")).contains("the part before the @ holds ','");
        assertThat(user("bigin", "mailto:m@example.com")).isNull();
        assertThat(user("bigin", "o'brien+hr@mail.sub.example.co.uk")).isNotNull();
        assertThat(user("bigin", "j.r.smith@example.com")).isNotNull();
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(2);
    }
}
