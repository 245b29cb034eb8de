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

/**
 * provisioning.dry-run=true: records are validated and enriched, nothing written to Zoho; the input, the rows that
 * would be sent ({@code <stem>.validated.<ext>}), those that would fail ({@code <stem>.errors.<ext>}) and the
 * summary all go to dry-run/&lt;feed&gt;/, and nothing of the run to success/, error/, reports/ or archive/.
 */
class DryRunTest extends PipelineTestSupport {

    private static final String PLAN = """
            email,first_name,last_name,role,profile,phone
            new.person@example.com,New,Person,Manager,Standard,
            patricia.boyle@zylker.com,,,,,555-7777
            x@example.com,X,Y,Nope,Standard,
            """;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.dry-run", "true");
    }

    @Test
    void aDryRunValidatesAndSendsNothingThatWrites() {
        drop("bigin-users", "plan.csv", PLAN);
        awaitDone("bigin-users", "plan.csv");
        List<Map<String, String>> ok = csv("dry-run/bigin-users/plan.validated.csv");
        assertThat(ok).hasSize(2).allSatisfy(r -> assertThat(r.get("result_action")).isEqualTo("validated"));
        assertThat(ok.get(0).get("result_message") + ok.get(1).get("result_message"))
                .contains("POST /bigin/v1/users").contains("PUT /bigin/v1/users/554023000000691003");
        assertThat(csv("dry-run/bigin-users/plan.errors.csv")).singleElement()
                .satisfies(r -> assertThat(r.get("result_code")).isEqualTo("UNKNOWN_ROLE"));
        assertThat(calls("POST /bigin/v1/users")).isZero();
        assertThat(calls("PUT /bigin/v1/users/{id}")).isZero();
        assertThat(calls("GET /bigin/v1/settings/roles")).isEqualTo(1);
        assertThat(biginUser("new.person@example.com")).isNull();
        assertThat(dryRunSummary("bigin-users", "plan.csv").path("dry_run").asBoolean()).isTrue();
    }

    @Test
    void aDryRunsInputResultsAndSummaryGoToTheDryRunFolderOnly() throws IOException {
        drop("bigin-users", "people.csv", PLAN);
        awaitDone("bigin-users", "people.csv");
        assertThat(path("dry-run/bigin-users/people.csv")).hasContent(PLAN);
        assertThat(csv("dry-run/bigin-users/people.validated.csv")).hasSize(2);
        assertThat(csv("dry-run/bigin-users/people.errors.csv")).hasSize(1);
        JsonNode summary = dryRunSummary("bigin-users", "people.csv");
        assertThat(summary.path("dry_run").asBoolean()).isTrue();
        assertThat(summary.path("files").path("success").asText()).isEqualTo("dry-run/bigin-users/people.validated.csv");
        assertThat(summary.path("files").path("error").asText()).isEqualTo("dry-run/bigin-users/people.errors.csv");
        assertThat(summary.path("files").path("input").asText()).isEqualTo("dry-run/bigin-users/people.csv");
        assertThat(summary.path("files").has("archive")).isFalse();
        assertThat(summary.path("go_live").asText()).isEqualTo(
                "move people.csv from dry-run/bigin-users/ back into inbox/bigin-users/ to send it for real");
        for (String dir : List.of("success", "error", "reports", "archive")) {
            assertThat(names(dir + "/bigin-users")).as(dir).noneMatch(n -> n.startsWith("people"));
        }
        assertThat(path("inbox/bigin-users/people.csv")).doesNotExist();
        assertThat(names(".journal/bigin-users")).isEmpty();
        assertThat(sandboxGet("/__sandbox/requests").path("counts").fieldNames()).toIterable()
                .filteredOn(k -> !k.contains("/oauth/"))
                .noneMatch(k -> k.startsWith("POST") || k.startsWith("PUT") || k.startsWith("DELETE"));

        // the same file dry-run again: nothing overwritten, the second run's files carry its stamp
        drop("bigin-users", "people.csv", PLAN);
        // the input moves once its exchange is complete, after the summary: wait for it to leave the inbox too
        await(() -> names("dry-run/bigin-users").stream().filter(n -> n.endsWith(".summary.json")).count() == 2
                && !java.nio.file.Files.exists(path("inbox/bigin-users/people.csv")));
        List<String> names = names("dry-run/bigin-users");
        assertThat(names).filteredOn(n -> n.matches("people\\.\\d{8}-\\d{6}-\\d{3}\\.csv")).hasSize(1);
        assertThat(names).filteredOn(n -> n.matches("people\\.\\d{8}-\\d{6}-\\d{3}\\.validated\\.csv")).hasSize(1);
        assertThat(names).filteredOn(n -> n.matches("people\\.\\d{8}-\\d{6}-\\d{3}\\.errors\\.csv")).hasSize(1);
        assertThat(path("dry-run/bigin-users/people.csv")).hasContent(PLAN);
    }

    private List<String> names(String relative) {
        Path dir = path(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(java.util.concurrent.Callable<Boolean> done) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(50)).until(done);
    }
}
