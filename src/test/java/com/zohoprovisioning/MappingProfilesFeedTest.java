package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vendor exports dropped as they are (src/test/resources/mapping/, own rows in each format's exact header and
 * quirks) run through the routes against the sandbox, which then holds exactly the expected users with the expected
 * role, profile and status; the worked profile example of docs/mapping-profiles.md; a profile forced by a
 * {@code <file>.profile}.
 */
class MappingProfilesFeedTest extends PipelineTestSupport {

    static final String SALES_REP = "554023000000015981";
    static final String MANAGER = "554023000000015969";
    static final String STANDARD = "554023000000015975";
    static final String FEED = "bigin-users";

    @Override
    protected Map<String, String> extraProperties() {
        Path config = workDir().resolve("config");
        try {
            Files.createDirectories(config.resolve("mappings"));
            Files.writeString(config.resolve("mappings").resolve("hr-report.yaml"), docExample("yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("provisioning.bigin-users.default-role", "Sales_Rep",
                "provisioning.bigin-users.default-profile", "Standard",
                "provisioning.config-dir", config.toString());
    }

    @Test
    void googleWorkspaceDownload() {
        JsonNode summary = run("google-workspace-download.csv", "google-workspace-download", 3, 0);
        assertUser("ann.archer@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("ann.archer@example.com").path("phone").asText()).isEqualTo("+1 415 555 0101");
        assertThat(biginUser("ben.bishop@example.com")).as("suspended, unknown: not created").isNull();
        assertUser("patricia.boyle@zylker.com", MANAGER, STANDARD, "inactive");
        assertThat(summary.path("skipped").path("values_dropped")
                .path("Google password placeholder (****): never sent, not written to result files").asLong()).isEqualTo(3);
        List<Map<String, String>> ok = csv("success/bigin-users/google-workspace-download.csv");
        assertThat(ok).allSatisfy(r -> assertThat(r.get("Password [Required]")).isEmpty());
        assertThat(row(ok, "Email Address [Required]", "ben.bishop@example.com").get("result_action")).isEqualTo("unchanged");
        assertThat(row(ok, "Email Address [Required]", "patricia.boyle@zylker.com").get("result_action")).isEqualTo("deactivated");
        assertThat(ok).allSatisfy(r -> assertThat(r.get("result_profile")).isEqualTo("google-workspace-download"));
    }

    @Test
    void googleWorkspaceBulkUpdateSavedByExcelAsSemicolonWindows1252WithoutBom() {
        JsonNode summary = run("google-workspace-bulk-update-excel.csv", "google-workspace-bulk-update", 3, 0);
        assertUser("zoe.mueller@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("zoe.mueller@example.com").path("first_name").asText()).isEqualTo("Zoë");
        assertThat(biginUser("zoe.mueller@example.com").path("last_name").asText()).isEqualTo("Müller");
        assertThat(biginUser("zoe.mueller@example.com").path("mobile").asText()).isEqualTo("+49 170 5550199");
        assertThat(biginUser("juergen.weiss@example.com").path("last_name").asText()).isEqualTo("Weiß");
        assertUser("ivan.petrov@zylker.com", MANAGER, STANDARD, "active");
        assertThat(summary.path("skipped").path("values_dropped")
                .path("password: never sent, not written to result files").asLong()).isEqualTo(1);
        String result = read("success/bigin-users/google-workspace-bulk-update-excel.csv");
        assertThat(result).doesNotContain("Sommer2026!").contains(";result_status;").contains("Zoë");
    }

    @Test
    void entraBulkCreateWithVersionLineSampleRowAndLeadingSpaces() {
        JsonNode summary = run("entra-bulk-create.csv", "entra-bulk-create", 3, 0);
        assertUser("carl.cole@example.com", SALES_REP, STANDARD, "active");
        JsonNode carl = biginUser("carl.cole@example.com");
        assertThat(carl.path("first_name").asText()).isEqualTo("Carl");
        assertThat(carl.path("city").asText()).isEqualTo("Leeds");
        assertThat(carl.path("phone").asText()).isEqualTo("0113 555 0100");
        assertThat(biginUser("dina.dunn@example.com")).as("Block sign in = Yes: not created").isNull();
        assertThat(biginUser("chris@contoso.com")).as("template sample row").isNull();
        assertUser("ivan.petrov@zylker.com", MANAGER, STANDARD, "active");
        JsonNode skipped = summary.path("skipped");
        assertThat(skipped.path("rows").asLong()).isEqualTo(1);
        assertThat(skipped.path("rows_by_reason").path("Entra template sample row (contoso.com)").asLong()).isEqualTo(1);
        assertThat(skipped.path("row_numbers").path("Entra template sample row (contoso.com)").get(0).asLong()).isEqualTo(1);
        assertThat(skipped.path("lines_before_header").path("Entra template version line before the header").asLong())
                .isEqualTo(1);
        assertThat(skipped.path("values_dropped").path("initial password: never sent, not written to result files")
                .asLong()).isEqualTo(3);
        String result = read("success/bigin-users/entra-bulk-create.csv");
        assertThat(result).doesNotContain("Xy7!kq-Temp").doesNotContain("Temp-9981x").doesNotContain("contoso");
        assertThat(csv("success/bigin-users/entra-bulk-create.csv")).extracting(r -> r.get("result_row"))
                .containsExactlyInAnyOrder("2", "3", "4");
    }

    @Test
    void entraDownloadWithPowerShellTypeLineAndGuests() {
        JsonNode summary = run("entra-download.csv", "entra-download", 3, 0);
        assertUser("erin.east@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("erin.east@example.com").path("city").asText()).isEqualTo("Bristol");
        assertUser("patricia.boyle@zylker.com", MANAGER, STANDARD, "inactive");
        assertThat(biginUser("olivia.owner@zylker.com").path("status").asText()).isEqualTo("active");
        assertThat(sandboxGet("/__sandbox/state").path("bigin").path("users").toString()).doesNotContain("#EXT#");
        assertThat(summary.path("skipped").path("rows_by_reason").path("guest account (#EXT#)").asLong()).isEqualTo(1);
        assertThat(summary.path("skipped").path("lines_before_header").path("PowerShell #TYPE line before the header")
                .asLong()).isEqualTo(1);
        List<Map<String, String>> ok = csv("success/bigin-users/entra-download.csv");
        assertThat(row(ok, "userPrincipalName", "olivia.owner@zylker.com").get("result_action")).isEqualTo("unchanged");
    }

    @Test
    void microsoft365AddMultipleUsersTemplate() {
        run("microsoft-365-add-users.csv", "microsoft-365-add-users", 2, 0);
        assertUser("gina.gray@example.com", SALES_REP, STANDARD, "active");
        JsonNode gina = biginUser("gina.gray@example.com");
        assertThat(gina.path("phone").asText()).isEqualTo("+1 206 555 0110");
        assertThat(gina.path("mobile").asText()).isEqualTo("+1 206 555 0111");
        assertThat(gina.path("street").asText()).isEqualTo("500 Pine St");
        assertThat(gina.path("zip").asText()).isEqualTo("98101");
        assertThat(gina.path("country").asText()).isEqualTo("United States");
        assertUser("gus.grant@example.com", SALES_REP, STANDARD, "active");
    }

    @Test
    void microsoft365ExportBothLayouts() {
        run("microsoft-365-export.csv", "microsoft-365-export", 3, 0);
        assertUser("harry.hill@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("harry.hill@example.com").path("country").asText()).isEqualTo("Ireland");
        assertUser("ivan.petrov@zylker.com", MANAGER, STANDARD, "active");
        assertUser("patricia.boyle@zylker.com", MANAGER, STANDARD, "inactive");

        run("microsoft-365-export-old-layout.csv", "microsoft-365-export", 2, 0);
        assertUser("irene.ives@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("irene.ives@example.com").path("country").asText()).isEqualTo("France");
        assertThat(biginUser("irene.ives@example.com").path("state").asText()).isEqualTo("Auvergne-Rhone-Alpes");
        assertThat(biginUser("ian.inactive@example.com")).isNull();
    }

    @Test
    void oktaImportTemplate() {
        run("okta-import.csv", "okta-import", 2, 0);
        assertUser("jill.jones@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("jill.jones@example.com").path("mobile").asText()).isEqualTo("+1 312 555 0134");
        assertThat(biginUser("jill.jones@example.com").path("country_locale").asText()).isEqualTo("en_US");
        assertUser("jack.joyce@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("jack.joyce@example.com").path("country_locale").asText()).isEqualTo("en_GB");
    }

    @Test
    void theReadmeExampleProfileMapsAnHrReport() {
        drop(FEED, "hr.csv", docExample("csv"));
        awaitDone(FEED, "hr.csv");
        JsonNode summary = summary(FEED, "hr.csv");
        assertThat(summary.path("profile").path("name").asText()).isEqualTo("hr-report");
        assertThat(summary.path("records_read").asLong()).isEqualTo(3);
        assertThat(summary.path("succeeded").asLong()).isEqualTo(3);
        assertThat(summary.path("skipped").path("rows_by_reason").path("contractors get no Zoho account").asLong())
                .isEqualTo(1);
        assertUser("kim.lee@example.com", MANAGER, STANDARD, "active");
        assertUser("omar.ortiz@example.com", SALES_REP, STANDARD, "active");
        assertUser("patricia.boyle@zylker.com", MANAGER, STANDARD, "inactive");
        assertThat(biginUser("cara.cole@agency.example")).isNull();
    }

    @Test
    void defaultsNeverChangeAnExistingUser() {
        drop(FEED, "plain.csv", """
                email,first_name,last_name,phone
                patricia.boyle@zylker.com,Patricia,Boyle,555-0123
                new.plain@example.com,New,Plain,
                """);
        awaitDone(FEED, "plain.csv");
        assertThat(summary(FEED, "plain.csv").path("profile").path("name").isNull()).isTrue();
        assertThat(csv("success/bigin-users/plain.csv")).hasSize(2)
                .allSatisfy(r -> assertThat(r).doesNotContainKey("result_profile"));
        assertUser("patricia.boyle@zylker.com", MANAGER, STANDARD, "active");
        assertThat(biginUser("patricia.boyle@zylker.com").path("phone").asText()).isEqualTo("555-0123");
        assertUser("new.plain@example.com", SALES_REP, STANDARD, "active");
    }

    @Test
    void aProfileFileBesideTheInputForcesTheProfile() {
        // an Okta export trimmed to a few columns: too few to detect, so the admin names the profile
        drop(FEED, "trimmed.csv.profile", "okta-import\n");
        drop(FEED, "trimmed.csv", """
                login,firstName,lastName,email,mobilePhone
                kai.kern,Kai,Kern,kai.kern@example.com,+1 555 0177
                """);
        awaitDone(FEED, "trimmed.csv");
        JsonNode profile = summary(FEED, "trimmed.csv").path("profile");
        assertThat(profile.path("name").asText()).isEqualTo("okta-import");
        assertThat(profile.path("chosen_by").asText()).isEqualTo("file");
        assertUser("kai.kern@example.com", SALES_REP, STANDARD, "active");
        assertThat(biginUser("kai.kern@example.com").path("mobile").asText()).isEqualTo("+1 555 0177");
        assertThat(path("archive/bigin-users/trimmed.csv.profile")).exists();
        assertThat(path("inbox/bigin-users/trimmed.csv.profile")).doesNotExist();

        drop(FEED, "odd.csv.profile", "workday\n");
        drop(FEED, "odd.csv", "email,last_name\nx@example.com,X\n");
        awaitDone(FEED, "odd.csv");
        assertThat(read("rejected/bigin-users/odd.csv.reason.txt")).contains("'workday'").contains("okta-import")
                .contains("hr-report");
        assertThat(path("rejected/bigin-users/odd.csv.profile")).exists();
    }

    @Test
    void theMailFeedTakesAddressAndPhoneFromAnExport() {
        drop("mail-users", "entra.csv", """
                userPrincipalName,displayName,surname,mail,givenName,objectId,userType,jobTitle,department,accountEnabled,usageLocation,streetAddress,state,country,physicalDeliveryOfficeName,city,postalCode,telephoneNumber,mobile,authenticationPhoneNumber,authenticationAlternativePhoneNumber,authenticationEmail,alternateEmailAddress,ageGroup,consentProvidedForMinor,legalAgeGroupClassification
                rebecca.anderson@zylker.com,Rebecca Anderson,Anderson,rebecca.anderson@zylker.com,Rebecca,1111,Member,,,True,US,1 Main St,NY,United States,,New York,10001,+1 212 555 0100,+1 917 555 0101,,,,,,,
                g_x.com#EXT#@zylker.onmicrosoft.com,Guest,,g@x.com,,2222,Guest,,,True,,,,,,,,,,,,,,,,
                """);
        awaitDone("mail-users", "entra.csv");
        JsonNode summary = summary("mail-users", "entra.csv");
        assertThat(summary.path("profile").path("name").asText()).isEqualTo("entra-download");
        assertThat(summary.path("succeeded").asLong()).isEqualTo(1);
        assertThat(summary.path("failed").asLong()).isZero();
        JsonNode rebecca = sandboxGet("/__sandbox/mail/accounts/rebecca.anderson@zylker.com");
        assertThat(rebecca.path("phoneNumber").asText()).isEqualTo("+1 212 555 0100");
        assertThat(rebecca.path("mobileNumber").asText()).isEqualTo("+1 917 555 0101");
        assertThat(rebecca.path("address").path("city").asText()).isEqualTo("New York");
        assertThat(rebecca.path("address").path("postalCode").asText()).isEqualTo("10001");
    }

    /** Drops a fixture, waits, checks the profile, the counts and the invariant; returns the summary. */
    private JsonNode run(String fixture, String profile, long succeeded, long failed) {
        drop(FEED, fixture, fixture(fixture));
        awaitDone(FEED, fixture);
        JsonNode summary = summary(FEED, fixture);
        assertThat(summary.path("profile").path("name").asText()).isEqualTo(profile);
        assertThat(summary.path("profile").path("chosen_by").asText()).isEqualTo("detected from the header");
        assertThat(csv("error/bigin-users/" + fixture)).as("errors").isEmpty();
        assertThat(summary.path("succeeded").asLong()).isEqualTo(succeeded);
        assertThat(summary.path("failed").asLong()).isEqualTo(failed);
        assertThat(summary.path("records_read").asLong()).isEqualTo(succeeded + failed);
        return summary;
    }

    private void assertUser(String email, String role, String profile, String status) {
        JsonNode u = biginUser(email);
        assertThat(u).as(email).isNotNull();
        assertThat(u.path("role").asText()).as(email + " role").isEqualTo(role);
        assertThat(u.path("profile").asText()).as(email + " profile").isEqualTo(profile);
        assertThat(u.path("status").asText()).as(email + " status").isEqualTo(status);
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
        return rows.stream().filter(r -> value.equalsIgnoreCase(r.get(column).trim())).findFirst().orElseThrow();
    }

    private String read(String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = MappingProfilesFeedTest.class.getResourceAsStream("/mapping/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The worked example of docs/mapping-profiles.md: the page's last code block of this language. */
    static String docExample(String language) {
        try {
            String doc = Files.readString(Path.of("docs/mapping-profiles.md"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
