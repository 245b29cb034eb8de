package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail-users feed end to end with the default settings (accounts looked up by e-mail, phoneNumber): CSV and
 * JSON in, the sandbox's Mail accounts over HTTP, result files.
 */
class MailUsersFeedTest extends PipelineTestSupport {

    private static final String PUT = "PUT /api/organization/{zoid}/accounts/{accountId}";

    @Test
    void everyFieldIsMappedAndTheAddressIsNested() {
        drop("mail-users", "rebecca.csv", """
                Email Address,First Name,Last Name,Display Name,Gender,Country,Phone,Mobile,Street,City,Zip,State
                rebecca.anderson@zylker.com,Becky,Andersen,Becky Andersen,f,US,9000000001,9000000002,"91, Thomas Street",New York,10001,New York
                """);
        awaitDone("mail-users", "rebecca.csv");

        List<Map<String, String>> ok = csv("success/mail-users/rebecca.csv");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0)).containsEntry("result_status", "success").containsEntry("result_action", "updated")
                .containsEntry("result_id", "2560636000000008002").containsEntry("result_http_status", "200")
                .containsEntry("result_row", "1");
        assertThat(path("error/mail-users/rebecca.csv")).doesNotExist();

        JsonNode sent = lastBody(PUT);
        assertThat(sent.path("mode").asText()).isEqualTo("updatePersonalInfo");
        assertThat(sent.path("zuid").isNumber()).isTrue();
        assertThat(sent.path("zuid").asLong()).isEqualTo(100001234L);
        assertThat(sent.path("firstName").asText()).isEqualTo("Becky");
        assertThat(sent.path("lastName").asText()).isEqualTo("Andersen");
        assertThat(sent.path("displayName").asText()).isEqualTo("Becky Andersen");
        assertThat(sent.path("gender").asText()).isEqualTo("FEMALE");
        assertThat(sent.path("country").asText()).isEqualTo("us");
        assertThat(sent.path("phoneNumber").asText()).isEqualTo("9000000001");
        assertThat(sent.has("phoneNumer")).isFalse();
        assertThat(sent.path("mobileNumber").asText()).isEqualTo("9000000002");
        assertThat(sent.path("address").path("streetAddr").asText()).isEqualTo("91, Thomas Street");
        assertThat(sent.path("address").path("city").asText()).isEqualTo("New York");
        assertThat(sent.path("address").path("postalCode").asText()).isEqualTo("10001");
        assertThat(sent.path("address").path("state").asText()).isEqualTo("New York");
        assertThat(sent.has("street")).isFalse();

        JsonNode stored = mailAccount("rebecca.anderson@zylker.com");
        assertThat(stored.path("firstName").asText()).isEqualTo("Becky");
        assertThat(stored.path("displayName").asText()).isEqualTo("Becky Andersen");
        assertThat(stored.path("gender").asText()).isEqualTo("FEMALE");
        assertThat(stored.path("phoneNumber").asText()).isEqualTo("9000000001");
        assertThat(stored.path("mobileNumber").asText()).isEqualTo("9000000002");
        assertThat(stored.path("address").path("streetAddr").asText()).isEqualTo("91, Thomas Street");
        assertThat(stored.path("address").path("postalCode").asText()).isEqualTo("10001");
    }

    @Test
    void partialUpdatesSendOnlyPresentFieldsAndLeaveTheOthersUntouched() {
        drop("mail-users", "partial.csv", """
                email,first_name,last_name,display_name,gender,country,phone_number,mobile_number,street,city,postal_code,state
                deborah.gill@zylker.com,,,,,,,646-555-0199,,Brooklyn,,
                K.Ortiz@zylker.com,,,Kev Ortiz,,,,,,,,
                """);
        awaitDone("mail-users", "partial.csv");
        assertThat(csv("success/mail-users/partial.csv")).hasSize(2);

        JsonNode deborahSent = bodyTo("/api/organization/1234567890/accounts/2560636000000008030");
        assertThat(fieldNames(deborahSent)).containsExactlyInAnyOrder("mobileNumber", "address", "mode", "zuid");
        assertThat(fieldNames(deborahSent.path("address"))).containsExactly("city");

        JsonNode deborah = mailAccount("deborah.gill@zylker.com");
        assertThat(deborah.path("mobileNumber").asText()).isEqualTo("646-555-0199");
        assertThat(deborah.path("phoneNumber").asText()).isEqualTo("212-555-0142");
        assertThat(deborah.path("firstName").asText()).isEqualTo("Deborah");
        assertThat(deborah.path("displayName").asText()).isEqualTo("Deborah Gill");
        assertThat(deborah.path("gender").asText()).isEqualTo("FEMALE");
        assertThat(deborah.path("address").path("city").asText()).isEqualTo("Brooklyn");
        assertThat(deborah.path("address").path("streetAddr").asText()).isEqualTo("12 Hudson Yards");
        assertThat(deborah.path("address").path("postalCode").asText()).isEqualTo("10001");
        assertThat(deborah.path("address").path("state").asText()).isEqualTo("New York");

        JsonNode kevin = mailAccount("kevin.ortiz@zylker.com");
        assertThat(kevin.path("displayName").asText()).isEqualTo("Kev Ortiz");
        assertThat(kevin.path("phoneNumber").asText()).isEqualTo("+44 20 7946 0958");
        assertThat(kevin.path("address").path("city").asText()).isEqualTo("London");
    }

    @Test
    void genderWordsAreNormalisedAndBadValuesAreNamed() {
        drop("mail-users", "gender.csv", """
                email,gender,country,phone_number
                rebecca.anderson@zylker.com,Female,,
                patricia.boyle@zylker.com,NOT SPECIFIED,usa,
                kevin.ortiz@zylker.com,m,GBR,
                anika.rao@zylker.com,Non-Binary,india,
                sam.taylor@zylker.com,martian,,
                deborah.gill@zylker.com,,Atlantis,12
                """);
        awaitDone("mail-users", "gender.csv");
        List<Map<String, String>> ok = csv("success/mail-users/gender.csv");
        List<Map<String, String>> err = csv("error/mail-users/gender.csv");
        assertThat(ok).hasSize(4);
        assertThat(err).hasSize(2);
        assertThat(mailAccount("rebecca.anderson@zylker.com").path("gender").asText()).isEqualTo("FEMALE");
        assertThat(mailAccount("patricia.boyle@zylker.com").path("gender").asText()).isEqualTo("NOT_SPECIFIED");
        assertThat(mailAccount("patricia.boyle@zylker.com").path("country").asText()).isEqualTo("us");
        assertThat(mailAccount("kevin.ortiz@zylker.com").path("gender").asText()).isEqualTo("MALE");
        assertThat(mailAccount("kevin.ortiz@zylker.com").path("country").asText()).isEqualTo("gb");
        assertThat(mailAccount("anika.rao@zylker.com").path("gender").asText()).isEqualTo("NON_BINARY");
        assertThat(mailAccount("anika.rao@zylker.com").path("country").asText()).isEqualTo("in");
        assertThat(mailAccount("sam.taylor@zylker.com").path("gender").asText()).isEqualTo("NON_BINARY");

        Map<String, String> martian = row(err, "sam.taylor@zylker.com");
        assertThat(martian).containsEntry("result_code", "VALIDATION_FAILED").containsEntry("result_status", "error");
        assertThat(martian.get("result_message")).contains("gender").contains("martian").contains("NON_BINARY");
        Map<String, String> deborah = row(err, "deborah.gill@zylker.com");
        assertThat(deborah.get("result_message")).contains("country").contains("Atlantis").contains("phone_number");
        assertThat(calls(PUT)).isEqualTo(4);
    }

    @Test
    void unknownAccountsAndZohoErrorsLandInTheErrorFile() {
        drop("mail-users", "unknown.csv", """
                email,account_id,zuid,display_name
                nobody@zylker.com,,,No Body
                ,2560636000000008002,999,Wrong Zuid
                ,2560636099999999999,100001234,No Such Account
                patricia.boyle@zylker.com,,,Patricia B.
                rebecca.anderson@zylker.com,2560636000000008016,,Mismatch
                """);
        awaitDone("mail-users", "unknown.csv");
        List<Map<String, String>> ok = csv("success/mail-users/unknown.csv");
        List<Map<String, String>> err = csv("error/mail-users/unknown.csv");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0)).containsEntry("email", "patricia.boyle@zylker.com")
                .containsEntry("result_id", "2560636000000008016");
        assertThat(err).hasSize(4);
        assertThat(row(err, "nobody@zylker.com")).containsEntry("result_code", "UNKNOWN_ACCOUNT");
        Map<String, String> wrongZuid = err.stream().filter(r -> r.get("zuid").equals("999")).findFirst().orElseThrow();
        assertThat(wrongZuid).containsEntry("result_code", "INVALID_ZUID").containsEntry("result_http_status", "400");
        assertThat(wrongZuid.get("result_message")).contains("Invalid Input").contains("999");
        Map<String, String> noAccount = err.stream().filter(r -> r.get("account_id").equals("2560636099999999999"))
                .findFirst().orElseThrow();
        assertThat(noAccount).containsEntry("result_code", "ACCOUNT_NOT_FOUND").containsEntry("result_http_status", "404");
        assertThat(row(err, "rebecca.anderson@zylker.com")).containsEntry("result_code", "ACCOUNT_MISMATCH");
        assertThat(mailAccount("rebecca.anderson@zylker.com").path("displayName").asText()).isEqualTo("Rebecca Anderson");
        assertThat(mailAccount("patricia.boyle@zylker.com").path("displayName").asText()).isEqualTo("Patricia B.");

        JsonNode summary = summary("mail-users", "unknown.csv");
        assertThat(summary.path("records_read").asLong()).isEqualTo(5);
        assertThat(summary.path("succeeded").asLong() + summary.path("failed").asLong()).isEqualTo(5);
    }

    @Test
    void jsonInJsonOutWithOneLookupPerRecordByDefault() {
        drop("mail-users", "people.json", """
                [{"email":"rebecca.anderson@zylker.com","mobile_number":"+1 (212) 555-0100 x12"},
                 {"email":"anika.rao@zylker.com","city":"Bengaluru","state":"Karnataka"},
                 {"email":"rebecca.anderson@zylker.com","city":"Twice"}]
                """);
        awaitDone("mail-users", "people.json");
        JsonNode ok = json("success/mail-users/people.json");
        JsonNode err = json("error/mail-users/people.json");
        assertThat(ok).hasSize(2);
        assertThat(err).hasSize(1);
        assertThat(err.get(0).path("result_code").asText()).isEqualTo("DUPLICATE_IN_FILE");
        assertThat(calls("GET /api/organization/{zoid}/accounts")).isZero();
        assertThat(calls("GET /api/organization/{zoid}/accounts/{zuidOrEmail}")).isEqualTo(2);
        assertThat(mailAccount("anika.rao@zylker.com").path("address").path("state").asText()).isEqualTo("Karnataka");
    }

    private JsonNode mailAccount(String email) {
        return sandboxGet("/__sandbox/mail/accounts/" + email);
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String email) {
        return rows.stream().filter(r -> r.get("email").equalsIgnoreCase(email)).findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The body of the last request counted under an endpoint key. */
    private JsonNode lastBody(String endpoint) {
        JsonNode last = null;
        for (JsonNode r : sandboxGet("/__sandbox/requests").path("requests")) {
            if (r.path("endpoint").asText().equals(endpoint)) {
                last = r;
            }
        }
        return parse(last);
    }

    private JsonNode bodyTo(String path) {
        JsonNode last = null;
        for (JsonNode r : sandboxGet("/__sandbox/requests").path("requests")) {
            if (r.path("path").asText().equals(path) && r.path("method").asText().equals("PUT")) {
                last = r;
            }
        }
        return parse(last);
    }

    private static JsonNode parse(JsonNode request) {
        assertThat(request).as("request found in the sandbox log").isNotNull();
        try {
            return JSON.readTree(request.path("body").asText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
