package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The three JSON shapes, CSV dialects, and an error file fixed and dropped back as it is. */
class BiginFormatsTest extends PipelineTestSupport {

    @Test
    void aBareJsonArrayAnswersWithABareArray() {
        drop("bigin-users", "array.json", """
                [{"email":"ann@example.com","first_name":"Ann","last_name":"A","role":"Manager","profile":"Standard","extra":{"k":1}},
                 {"email":"bad","last_name":"B","role":"Manager","profile":"Standard"}]
                """);
        awaitDone("bigin-users", "array.json");
        JsonNode ok = json("success/bigin-users/array.json");
        JsonNode err = json("error/bigin-users/array.json");
        assertThat(ok.isArray()).isTrue();
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0).path("extra").path("k").asInt()).as("nested values pass through").isEqualTo(1);
        assertThat(err).hasSize(1);
        assertThat(err.get(0).path("result_code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(err.get(0).path("result_row").asInt()).isEqualTo(2);
    }

    @Test
    void ndjsonKeepsGoingPastABadLine() throws IOException {
        drop("bigin-users", "people.ndjson", """
                {"email":"n1@example.com","last_name":"One","role":"Manager","profile":"Standard"}

                {"email":"n2@example.com","last_name":"Two",
                {"email":"n3@example.com","last_name":"Three","role":"Manager","profile":"Standard"}
                """);
        awaitDone("bigin-users", "people.ndjson");
        List<String> ok = Files.readAllLines(path("success/bigin-users/people.ndjson"));
        List<String> err = Files.readAllLines(path("error/bigin-users/people.ndjson"));
        assertThat(ok).hasSize(2);
        assertThat(err).hasSize(1);
        JsonNode bad = JSON.readTree(err.get(0));
        assertThat(bad.path("result_code").asText()).isEqualTo("INVALID_RECORD");
        assertThat(bad.path("result_message").asText()).contains("line 3");
        assertThat(bad.path("raw_line").asText()).contains("n2@example.com");
        assertThat(biginUser("n3@example.com")).isNotNull();
    }

    @Test
    void semicolonCrlfBomQuotedAndAliasedHeadersAreRead() {
        String file = "\uFEFF Email Address ;Given Name;SURNAME;Role;Profile;Comment\r\n"
                + "q@example.com;\"Quinn; Jr.\";\"O\"\"Brien\";Manager;standard;\"line one\r\nline two\"\r\n";
        drop("bigin-users", "excel.csv", file);
        awaitDone("bigin-users", "excel.csv");
        List<Map<String, String>> ok = csvSemicolon("success/bigin-users/excel.csv");
        assertThat(ok).hasSize(1);
        assertThat(ok.get(0)).containsEntry("Comment", "line one\r\nline two").containsEntry("result_action", "created");
        JsonNode q = biginUser("q@example.com");
        assertThat(q.path("first_name").asText()).isEqualTo("Quinn; Jr.");
        assertThat(q.path("last_name").asText()).isEqualTo("O\"Brien");
        assertThat(q.path("profile").asText()).isEqualTo("554023000000015975");
    }

    @Test
    void headersMatchAliasesWhateverTheirPunctuationCaseAndSpacing() {
        // 'work email', 'e-mail address', 'e-mail' and 'first name' are built-in aliases: written Excel's or HR's way
        String[] emails = {"Work E-mail", "E-Mail Address", "e_mail", "[Work.Email]"};
        for (int i = 0; i < emails.length; i++) {
            String name = "punct" + i + ".csv";
            drop("bigin-users", name, emails[i] + ",First-Name,LAST__NAME,Role,Profile\n"
                    + "punct" + i + "@example.com,Pia,P,Manager,Standard\n");
            awaitDone("bigin-users", name);
            assertThat(csv("success/bigin-users/" + name)).as(emails[i]).hasSize(1);
            JsonNode u = biginUser("punct" + i + "@example.com");
            assertThat(u.path("first_name").asText()).as(emails[i]).isEqualTo("Pia");
            assertThat(u.path("last_name").asText()).isEqualTo("P");
        }
    }

    @Test
    void csvResultsAreUtf8WithABomWhateverTheInputsEncodingAndJsonResultsHaveNone() throws IOException {
        // windows-1252 input without a BOM (é is one byte 0xE9)
        byte[] latin1 = ("email,first_name,last_name,role,profile\n"
                + "bom.ok@example.com,Ren\u00e9,B,Manager,Standard\nnot-mail,Ren\u00e9,C,Manager,Standard\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));
        drop("bigin-users", "latin.csv", latin1);
        awaitDone("bigin-users", "latin.csv");
        for (String kind : List.of("success", "error")) {
            byte[] out = Files.readAllBytes(path(kind + "/bigin-users/latin.csv"));
            assertThat(java.util.Arrays.copyOf(out, 3)).as(kind + " starts with a UTF-8 BOM")
                    .containsExactly(0xEF, 0xBB, 0xBF);
            assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).contains("Ren\u00e9");
        }
        drop("bigin-users", "nobom.json", "[{\"email\":\"bom.json@example.com\",\"last_name\":\"J\",\"role\":\"Manager\",\"profile\":\"Standard\"}]");
        awaitDone("bigin-users", "nobom.json");
        assertThat(Files.readAllBytes(path("success/bigin-users/nobom.json"))[0]).as("JSON results: no BOM").isEqualTo((byte) '[');
    }

    private List<Map<String, String>> csvSemicolon(String relative) {
        try {
            String text = Files.readString(path(relative)).replace("\uFEFF", "");
            List<Map<String, String>> out = new java.util.ArrayList<>();
            for (var rec : org.apache.commons.csv.CSVFormat.RFC4180.builder().setDelimiter(';').setHeader()
                    .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))) {
                out.add(rec.toMap());
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFixedErrorFileDroppedBackIsProcessedAndNothingIsOverwritten() throws IOException {
        drop("bigin-users", "batch.csv", """
                email,first_name,last_name,role,profile
                good@example.com,Good,One,Manager,Standard
                fixme-example.com,Fix,Me,Manager,Standard
                """);
        awaitDone("bigin-users", "batch.csv");
        String errorFile = Files.readString(path("error/bigin-users/batch.csv"));
        assertThat(errorFile).contains("result_code").contains("VALIDATION_FAILED");

        drop("bigin-users", "batch.csv", errorFile.replace("fixme-example.com", "fixme@example.com"));
        awaitDone2("batch");
        assertThat(biginUser("fixme@example.com")).isNotNull();
        assertThat(Files.readString(path("error/bigin-users/batch.csv"))).isEqualTo(errorFile);
        try (Stream<Path> s = Files.list(path("success/bigin-users"))) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2).contains("batch.csv");
            String second = names.stream().filter(n -> !n.equals("batch.csv")).findFirst().orElseThrow();
            assertThat(second).matches("batch\\.\\d{8}-\\d{6}-\\d{3}\\.csv");
            List<Map<String, String>> rows = csv("success/bigin-users/" + second);
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("email", "fixme@example.com").containsEntry("result_action", "created");
            assertThat(rows.get(0).keySet().stream().filter(k -> k.startsWith("result_")).count())
                    .as("old result columns are replaced, not repeated").isEqualTo(7);
        }
        try (Stream<Path> s = Files.list(path("archive/bigin-users"))) {
            assertThat(s.count()).isEqualTo(2);
        }
    }

    private void awaitDone2(String stem) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> s = Files.list(path("reports/bigin-users"))) {
                return s.filter(p -> p.getFileName().toString().startsWith(stem)).count() == 2;
            }
        });
    }
}
