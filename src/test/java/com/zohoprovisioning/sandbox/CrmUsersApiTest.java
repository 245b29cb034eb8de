package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's CRM users API over loopback HTTP, on the seed's org (crm-users.md §6): lists and filters, add,
 * update, deactivate, reactivate, and every documented refusal, each checked against the org afterwards.
 */
class CrmUsersApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String USERS = "/crm/v6/users";
    private static final String PATRICIA = "3652397000000186017";
    private static final String DEBORAH = "3652397000000281001";
    private static final String KEVIN = "3652397000000281015";
    private static final String IVAN = "3652397000000281029";
    private static final String DANA = "3652397000000281043";
    private static final String UMA = "3652397000000281057";
    private static final String CEO = "3652397000000026005";
    private static final String MANAGER = "3652397000000026008";
    private static final String SALES_REP = "3652397000000026011";
    private static final String ADMINISTRATOR = "3652397000000026014";
    private static final String STANDARD = "3652397000000026017";

    private ZohoSandbox sandbox;
    private String token;

    @BeforeEach
    void start() throws Exception {
        startWith(Map.of());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    // ---- GET

    @Test
    void listsFilterByTypeAndShowRoleAndProfileAsObjects() throws Exception {
        Answer all = call("GET", USERS, null);
        assertThat(all.status).isEqualTo(200);
        assertThat(topIds(all.body.path("users"))).containsExactly(PATRICIA, DEBORAH, KEVIN, IVAN, UMA);
        JsonNode patricia = all.body.path("users").get(0);
        assertThat(patricia.path("role")).isEqualTo(JSON.readTree("{\"name\":\"CEO\",\"id\":\"" + CEO + "\"}"));
        assertThat(patricia.path("profile")).isEqualTo(JSON.readTree("{\"name\":\"Administrator\",\"id\":\"" + ADMINISTRATOR + "\"}"));
        assertThat(patricia.path("full_name").asText()).isEqualTo("Patricia Boyle");
        assertThat(patricia.has("manage_groups")).isFalse();
        assertThat(all.body.path("info").path("more_records").asBoolean()).isFalse();

        assertThat(ids("AllUsers")).containsExactly(PATRICIA, DEBORAH, KEVIN, IVAN, UMA);
        assertThat(ids("ActiveUsers")).containsExactly(PATRICIA, DEBORAH, KEVIN, UMA);
        assertThat(ids("DeactiveUsers")).containsExactly(IVAN);
        assertThat(ids("ConfirmedUsers")).containsExactly(PATRICIA, DEBORAH, KEVIN, IVAN);
        assertThat(ids("NotConfirmedUsers")).containsExactly(UMA);
        assertThat(ids("DeletedUsers")).containsExactly(DANA);
        assertThat(ids("ActiveConfirmedUsers")).containsExactly(PATRICIA, DEBORAH, KEVIN);
        assertThat(ids("AdminUsers")).containsExactly(PATRICIA);
        assertThat(ids("CurrentUser")).containsExactly(PATRICIA);

        Answer badType = call("GET", USERS + "?type=Wizards", null);
        assertThat(badType.status).isEqualTo(400);
        assertThat(badType.body.path("code").asText()).isEqualTo("INVALID_DATA");
    }

    @Test
    void disabledUsersCountAsDeactivated() throws Exception {
        synchronized (sandbox.state().lock()) {
            user(KEVIN).put("status", "disabled");
        }
        assertThat(ids("DeactiveUsers")).containsExactly(KEVIN, IVAN);
        assertItemError(put(KEVIN, "{\"status\":\"inactive\"}"), "ID_ALREADY_DEACTIVATED");
        assertItemError(put(KEVIN, "{\"phone\":\"555\"}"), "NOT_ALLOWED");
    }

    @Test
    void listsArePagedAndAnswer204WhenNothingMatches() throws Exception {
        Answer p1 = call("GET", USERS + "?type=AllUsers&page=1&per_page=2", null);
        assertThat(topIds(p1.body.path("users"))).containsExactly(PATRICIA, DEBORAH);
        assertThat(p1.body.path("info")).isEqualTo(JSON.readTree("{\"per_page\":2,\"count\":2,\"page\":1,\"more_records\":true}"));
        Answer p3 = call("GET", USERS + "?type=AllUsers&page=3&per_page=2", null);
        assertThat(topIds(p3.body.path("users"))).containsExactly(UMA);
        assertThat(p3.body.path("info").path("more_records").asBoolean()).isFalse();
        Answer past = call("GET", USERS + "?type=AllUsers&page=4&per_page=2", null);
        assertThat(past.status).isEqualTo(204);
        assertThat(past.raw).isEmpty();
        assertThat(call("GET", USERS + "?per_page=500", null).body.path("info").path("per_page").asInt()).isEqualTo(200);

        assertThat(put(IVAN, "{\"status\":\"active\"}").status).isEqualTo(200);
        Answer none = call("GET", USERS + "?type=DeactiveUsers", null);
        assertThat(none.status).isEqualTo(204);
        assertThat(none.raw).isEmpty();
    }

    @Test
    void oneUserById() throws Exception {
        Answer kevin = call("GET", USERS + "/" + KEVIN, null);
        assertThat(kevin.status).isEqualTo(200);
        assertThat(kevin.body.path("users")).hasSize(1);
        JsonNode u = kevin.body.path("users").get(0);
        assertThat(u.path("email").asText()).isEqualTo("kevin.ortiz@zylker.com");
        assertThat(u.path("role").path("name").asText()).isEqualTo("Sales Rep");
        assertThat(u.path("profile").path("id").asText()).isEqualTo(STANDARD);
        assertThat(call("GET", USERS + "/" + DANA, null).body.path("users").get(0).path("status").asText()).isEqualTo("deleted");
        assertThat(call("GET", USERS + "/3652397000000999999", null).status).isEqualTo(204);
    }

    @Test
    void rolesInOneAnswerAndProfilesPaged() throws Exception {
        Answer roles = call("GET", "/crm/v6/settings/roles", null);
        assertThat(roles.body.path("roles").findValuesAsText("name")).containsExactly("CEO", "Manager", "Sales Rep");
        assertThat(roles.body.has("info")).isFalse();

        Answer all = call("GET", "/crm/v6/settings/profiles", null);
        assertThat(all.body.path("profiles").findValuesAsText("id")).containsExactly(ADMINISTRATOR, STANDARD);
        Answer p1 = call("GET", "/crm/v6/settings/profiles?page=1&per_page=1", null);
        assertThat(p1.body.path("profiles").findValuesAsText("name")).containsExactly("Administrator");
        assertThat(p1.body.path("info").path("more_records").asBoolean()).isTrue();
        Answer p2 = call("GET", "/crm/v6/settings/profiles?page=2&per_page=1", null);
        assertThat(p2.body.path("profiles").findValuesAsText("name")).containsExactly("Standard");
        assertThat(p2.body.path("info").path("more_records").asBoolean()).isFalse();
        assertThat(call("GET", "/crm/v6/settings/profiles?page=3&per_page=1", null).status).isEqualTo(204);
    }

    // ---- POST

    @Test
    void addsOneUserActiveAndNotConfirmed() throws Exception {
        Answer added = post("""
                {"first_name":"Ana","last_name":"Silva","email":"ana.silva@zylker.com",
                 "role":"%s","profile":"%s","country_locale":"en_US"}""".formatted(SALES_REP, STANDARD));
        assertThat(added.status).isEqualTo(201);
        JsonNode item = added.body.path("users").get(0);
        assertThat(item.path("code").asText()).isEqualTo("SUCCESS");
        assertThat(item.path("message").asText()).isEqualTo("User added");
        assertThat(item.path("status").asText()).isEqualTo("success");
        String id = item.path("details").path("id").asText();
        assertThat(item.path("details").path("id").isTextual()).isTrue();
        assertThat(id).matches("\\d{19}");

        JsonNode u = call("GET", USERS + "/" + id, null).body.path("users").get(0);
        assertThat(u.path("status").asText()).isEqualTo("active");
        assertThat(u.path("confirm").asBoolean()).isFalse();
        assertThat(u.path("full_name").asText()).isEqualTo("Ana Silva");
        assertThat(u.path("role")).isEqualTo(JSON.readTree("{\"name\":\"Sales Rep\",\"id\":\"" + SALES_REP + "\"}"));
        assertThat(u.path("profile").path("name").asText()).isEqualTo("Standard");
        assertThat(ids("NotConfirmedUsers")).containsExactly(UMA, id);

        JsonNode stateUsers = call("GET", "/__sandbox/state", null).body.path("crm").path("users");
        assertThat(stateUsers.findValuesAsText("email")).contains("ana.silva@zylker.com");
    }

    @Test
    void roleAndProfileAsObjectsWithStringOrNumberIds() throws Exception {
        Answer idObject = post("""
                {"last_name":"Numeric","email":"numeric@zylker.com","role":{"id":%s},"profile":%s}"""
                .formatted(MANAGER, STANDARD));
        assertThat(idObject.status).isEqualTo(201);
        Answer nameAndId = post("""
                {"last_name":"Named","email":"named@zylker.com","role":{"name":"CEO","id":"%s"},
                 "profile":{"name":"Administrator","id":"%s"}}""".formatted(CEO, ADMINISTRATOR));
        assertThat(nameAndId.status).isEqualTo(201);
        JsonNode numeric = call("GET", USERS + "/" + idObject.body.path("users").get(0).path("details").path("id").asText(), null)
                .body.path("users").get(0);
        assertThat(numeric.path("role").path("name").asText()).isEqualTo("Manager");
        assertThat(numeric.path("profile").path("name").asText()).isEqualTo("Standard");
        assertThat(ids("AdminUsers")).hasSize(2);
    }

    @Test
    void addRefusals() throws Exception {
        int before = crmUsers().size();
        String valid = "\"first_name\":\"Ana\",\"role\":\"" + SALES_REP + "\",\"profile\":\"" + STANDARD + "\"";

        Answer two = call("POST", USERS, """
                {"users":[{"last_name":"A","email":"a@zylker.com","role":"%1$s","profile":"%2$s"},
                          {"last_name":"B","email":"b@zylker.com","role":"%1$s","profile":"%2$s"}]}"""
                .formatted(SALES_REP, STANDARD));
        assertThat(two.status).isEqualTo(400);
        assertThat(two.body.path("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(two.body.path("details").path("maximum_length").asInt()).isEqualTo(1);
        assertThat(two.body.path("details").path("api_name").asText()).isEqualTo("users");
        assertThat(two.body.has("users")).as("a request-level error is a bare object").isFalse();

        Answer noLastName = post("{" + valid + ",\"email\":\"ana@zylker.com\"}");
        assertItemError(noLastName, "MANDATORY_NOT_FOUND", "last_name");
        assertThat(item(noLastName).path("message").asText()).isEqualTo("Last Name is required");
        assertItemError(post("{\"last_name\":\"Silva\",\"role\":\"" + SALES_REP + "\",\"profile\":\"" + STANDARD + "\"}"),
                "MANDATORY_NOT_FOUND", "email");
        assertItemError(post("{\"last_name\":\"Silva\",\"email\":\"ana@zylker.com\",\"profile\":\"" + STANDARD + "\"}"),
                "MANDATORY_NOT_FOUND", "role");
        assertItemError(post("{\"last_name\":\"Silva\",\"email\":\"ana@zylker.com\",\"role\":\"" + SALES_REP + "\"}"),
                "MANDATORY_NOT_FOUND", "profile");

        assertItemError(post("{\"last_name\":\"Silva\",\"email\":\"ana@zylker.com\",\"role\":\"111\",\"profile\":\"" + STANDARD + "\"}"),
                "INVALID_DATA", "role");
        assertItemError(post("{\"last_name\":\"Silva\",\"email\":\"ana@zylker.com\",\"role\":\"" + SALES_REP + "\",\"profile\":{\"id\":222}}"),
                "INVALID_DATA", "profile");
        assertItemError(post("{" + valid + ",\"last_name\":\"Silva\",\"email\":\"not-an-email\"}"), "INVALID_DATA", "email");

        Answer duplicate = post("{" + valid + ",\"last_name\":\"Petrov\",\"email\":\"IVAN.Petrov@Zylker.com\"}");
        assertItemError(duplicate, "DUPLICATE_DATA");
        assertThat(item(duplicate).path("message").asText()).isEqualTo("Failed to add user since same email id is already present");
        assertThat(item(duplicate).path("details")).isEqualTo(JSON.readTree("{\"api_name\":\"email\",\"id\":\"" + IVAN + "\"}"));

        assertThat(crmUsers()).hasSize(before);
        assertThat(post("{" + valid + ",\"last_name\":\"Deleted\",\"email\":\"dana.deleted@zylker.com\"}").status)
                .as("a deleted user's e-mail is free again").isEqualTo(201);
    }

    @Test
    void licenceCountLimitsAddsAndReactivations() throws Exception {
        sandbox.close();
        startWith(Map.of("sandbox.licences", "4")); // Patricia, Deborah, Kevin and Uma are active

        Answer add = post("{\"last_name\":\"Silva\",\"email\":\"ana@zylker.com\",\"role\":\"" + SALES_REP
                + "\",\"profile\":\"" + STANDARD + "\"}");
        assertItemError(add, "LICENSE_LIMIT_EXCEEDED");
        Answer reactivate = put(IVAN, "{\"status\":\"active\"}");
        assertItemError(reactivate, "LICENSE_LIMIT_EXCEEDED");
        assertThat(item(reactivate).path("message").asText()).isEqualTo("License Limit is Exceeded");
        assertThat(status(IVAN)).isEqualTo("inactive");

        assertThat(put(KEVIN, "{\"status\":\"inactive\"}").status).isEqualTo(200);
        assertThat(put(IVAN, "{\"status\":\"active\"}").status).as("deactivating Kevin freed a licence").isEqualTo(200);
        assertThat(status(IVAN)).isEqualTo("active");
        assertThat(ids("ActiveUsers")).hasSize(4);
    }

    // ---- PUT

    @Test
    void updatesByPathOrByBodyId() throws Exception {
        Answer byPath = put(KEVIN, "{\"role\":{\"id\":\"" + MANAGER + "\"},\"phone\":\"555-0199\"}");
        assertThat(byPath.status).isEqualTo(200);
        assertThat(item(byPath).path("code").asText()).isEqualTo("SUCCESS");
        assertThat(item(byPath).path("message").asText()).isEqualTo("User updated");
        assertThat(item(byPath).path("details").path("id").asText()).isEqualTo(KEVIN);
        JsonNode kevin = call("GET", USERS + "/" + KEVIN, null).body.path("users").get(0);
        assertThat(kevin.path("role").path("name").asText()).isEqualTo("Manager");
        assertThat(kevin.path("phone").asText()).isEqualTo("555-0199");

        Answer byBody = call("PUT", USERS, "{\"users\":[{\"id\":\"" + DEBORAH + "\",\"profile\":\"" + ADMINISTRATOR + "\"}]}");
        assertThat(byBody.status).isEqualTo(200);
        assertThat(call("GET", USERS + "/" + DEBORAH, null).body.path("users").get(0).path("profile").path("name").asText())
                .isEqualTo("Administrator");

        Answer emailOfInvited = put(UMA, "{\"email\":\"uma.i@zylker.com\"}");
        assertThat(emailOfInvited.status).as("an unconfirmed user's e-mail may change").isEqualTo(200);
        assertThat(user(UMA).path("email").asText()).isEqualTo("uma.i@zylker.com");
    }

    @Test
    void deactivatesAndReactivates() throws Exception {
        Answer off = put(KEVIN, "{\"status\":\"inactive\"}");
        assertThat(off.status).isEqualTo(200);
        assertThat(item(off).path("message").asText()).isEqualTo("User updated");
        assertThat(status(KEVIN)).isEqualTo("inactive");
        assertThat(ids("DeactiveUsers")).containsExactly(KEVIN, IVAN);

        assertItemError(put(KEVIN, "{\"status\":\"inactive\"}"), "ID_ALREADY_DEACTIVATED");
        Answer edit = put(KEVIN, "{\"phone\":\"555-0100\"}");
        assertItemError(edit, "NOT_ALLOWED");
        assertThat(user(KEVIN).has("phone")).isFalse();

        Answer on = call("PUT", USERS, "{\"users\":[{\"id\":\"" + KEVIN + "\",\"status\":\"active\",\"role\":\"" + MANAGER + "\"}]}");
        assertThat(on.status).isEqualTo(200);
        assertThat(status(KEVIN)).isEqualTo("active");
        assertThat(user(KEVIN).path("role").path("id").asText()).as("reactivated and updated in one call").isEqualTo(MANAGER);
        assertItemError(put(KEVIN, "{\"status\":\"active\"}"), "ID_ALREADY_ACTIVE");
    }

    @Test
    void updateRefusals() throws Exception {
        Answer unknownInPath = put("3652397000000999999", "{\"phone\":\"1\"}");
        assertThat(unknownInPath.status).isEqualTo(400);
        assertThat(unknownInPath.body.path("code").asText()).isEqualTo("INVALID_DATA");
        assertThat(unknownInPath.body.path("message").asText()).isEqualTo("the id given seems to be invalid");
        assertThat(unknownInPath.body.has("users")).isFalse();
        Answer unknownInBody = call("PUT", USERS, "{\"users\":[{\"id\":\"3652397000000999999\",\"phone\":\"1\"}]}");
        assertItemError(unknownInBody, "INVALID_DATA", "id");
        assertThat(item(unknownInBody).path("message").asText()).isEqualTo("the id given seems to be invalid");
        assertItemError(call("PUT", USERS, "{\"users\":[{\"phone\":\"1\"}]}"), "MANDATORY_NOT_FOUND", "id");
        Answer two = call("PUT", USERS, "{\"users\":[{\"id\":\"" + KEVIN + "\"},{\"id\":\"" + UMA + "\"}]}");
        assertThat(two.status).isEqualTo(400);
        assertThat(two.body.path("details").path("maximum_length").asInt()).isEqualTo(1);

        assertItemError(put(DANA, "{\"status\":\"active\"}"), "CANNOT_UPDATE_DELETED_USER");
        assertThat(status(DANA)).isEqualTo("deleted");

        Answer self = put(PATRICIA, "{\"status\":\"inactive\"}");
        assertItemError(self, "INVALID_REQUEST");
        assertThat(item(self).path("message").asText()).isEqualTo("You can't perform this action over logged in user");

        Answer confirmedEmail = put(DEBORAH, "{\"email\":\"debbie@zylker.com\"}");
        assertItemError(confirmedEmail, "EMAIL_UPDATE_NOT_ALLOWED", "email");
        assertItemError(put(UMA, "{\"email\":\"Kevin.Ortiz@zylker.com\"}"), "DUPLICATE_DATA", "email");
        assertItemError(put(UMA, "{\"email\":\"uma@@zylker\"}"), "INVALID_DATA", "email");
        assertItemError(put(KEVIN, "{\"role\":\"111\"}"), "INVALID_DATA", "role");
        assertItemError(put(KEVIN, "{\"profile\":{\"name\":\"Wizard\",\"id\":\"222\"}}"), "INVALID_DATA", "profile");
        assertItemError(put(KEVIN, "{\"status\":\"disabled\"}"), "INVALID_DATA", "status");

        assertThat(user(DEBORAH).path("email").asText()).isEqualTo("deborah.gill@zylker.com");
        assertThat(user(UMA).path("email").asText()).isEqualTo("uma.invited@zylker.com");
        assertThat(user(KEVIN).path("role").path("id").asText()).isEqualTo(SALES_REP);
        assertThat(status(PATRICIA)).isEqualTo("active");
    }

    @Test
    void thePrimaryContactCannotBeDeactivatedByAnotherUser() throws Exception {
        assertThat(call("PUT", "/__sandbox/crm/current-user", "{\"id\":\"" + DEBORAH + "\"}").status).isEqualTo(200);
        Answer primary = put(PATRICIA, "{\"status\":\"inactive\"}");
        assertItemError(primary, "INVALID_REQUEST");
        assertThat(item(primary).path("message").asText()).isEqualTo("Primary Contact cannot be deactivated");
        assertThat(status(PATRICIA)).isEqualTo("active");

        Answer self = put(DEBORAH, "{\"status\":\"inactive\"}");
        assertThat(item(self).path("message").asText()).isEqualTo("You can't perform this action over logged in user");
        assertThat(status(DEBORAH)).isEqualTo("active");
        assertThat(ids("CurrentUser")).containsExactly(DEBORAH);
    }

    @Test
    void theOrgNamesThePrimaryContact() throws Exception {
        Answer org = call("GET", "/crm/v6/org", null);
        assertThat(org.status).isEqualTo(200);
        assertThat(org.body.path("org").get(0).path("primary_email").asText()).isEqualTo("patricia.boyle@zylker.com");
        assertThat(org.body.path("org").get(0).path("primary_zuid").asText()).isEqualTo("60034346");
    }

    @Test
    void theWholeOrgIsInTheStateHook() throws Exception {
        JsonNode crm = call("GET", "/__sandbox/state", null).body.path("crm");
        assertThat(crm.path("current_user_id").asText()).isEqualTo(PATRICIA);
        assertThat(crm.path("primary_contact_id").asText()).isEqualTo(PATRICIA);
        assertThat(topIds(crm.path("users"))).containsExactly(PATRICIA, DEBORAH, KEVIN, IVAN, DANA, UMA);
        assertThat(crm.path("profiles").findValuesAsText("name")).containsExactly("Administrator", "Standard");
    }

    // ---- helpers

    private record Answer(int status, String raw, JsonNode body) {
    }

    private void startWith(Map<String, String> props) throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(props)).start();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/v2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&client_id=sandbox-client"
                        + "&client_secret=sandbox-secret&refresh_token=sandbox-refresh-token")).build(),
                HttpResponse.BodyHandlers.ofString());
        token = JSON.readTree(r.body()).path("access_token").asText();
        assertThat(token).isNotBlank();
    }

    private Answer post(String user) throws Exception {
        return call("POST", USERS, "{\"users\":[" + user + "]}");
    }

    private Answer put(String id, String user) throws Exception {
        return call("PUT", USERS + "/" + id, "{\"users\":[" + user + "]}");
    }

    private List<String> ids(String type) throws Exception {
        Answer a = call("GET", USERS + "?type=" + type, null);
        List<String> out = new ArrayList<>();
        if (a.status == 200) {
            out.addAll(topIds(a.body.path("users")));
        }
        return out;
    }

    /** The users' own ids (not those of their role and profile). */
    private static List<String> topIds(JsonNode users) {
        List<String> out = new ArrayList<>();
        users.forEach(u -> out.add(u.path("id").asText()));
        return out;
    }

    private JsonNode crmUsers() throws Exception {
        return call("GET", "/__sandbox/state", null).body.path("crm").path("users");
    }

    /** The stored user (the org's state, not an API answer). */
    private ObjectNode user(String id) {
        synchronized (sandbox.state().lock()) {
            for (JsonNode u : sandbox.state().list("crm", "users")) {
                if (u.path("id").asText().equals(id)) {
                    return (ObjectNode) u;
                }
            }
        }
        throw new AssertionError("no CRM user " + id);
    }

    private String status(String id) {
        return user(id).path("status").asText();
    }

    private static JsonNode item(Answer a) {
        return a.body.path("users").get(0);
    }

    private static void assertItemError(Answer a, String code) {
        assertThat(a.status).as(a.raw).isEqualTo(400);
        assertThat(a.body.path("users")).as(a.raw).hasSize(1);
        assertThat(item(a).path("code").asText()).as(a.raw).isEqualTo(code);
        assertThat(item(a).path("status").asText()).isEqualTo("error");
    }

    private static void assertItemError(Answer a, String code, String apiName) {
        assertItemError(a, code);
        assertThat(item(a).path("details").path("api_name").asText()).as(a.raw).isEqualTo(apiName);
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Zoho-oauthtoken " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }
}
