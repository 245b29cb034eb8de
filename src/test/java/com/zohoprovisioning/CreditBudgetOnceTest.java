package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API credits with --once: a spent budget holds the file instead of failing its rows (exit 1), and a dry run's
 * credit estimate is what the real run then costs.
 */
class CreditBudgetOnceTest {

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();


    private void drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve(name), content);
    }

    @Test
    void anExhaustedBudgetHoldsTheFileInsteadOfFailingRows() throws IOException {
        props.set("sandbox.credits-per-day", "30");
        props.set("zoho.credits.reserve", "0");
        drop("spent.csv", BiginUsersCsv.of("spent", 50));
        assertThat(props.once(work.toString())).isEqualTo(1);
        assertThat(work.resolve("held/bigin-users/spent.csv")).exists();
        assertThat(work.resolve("error/bigin-users/spent.csv")).doesNotExist();
        assertThat(Files.readString(work.resolve("held/bigin-users/spent.csv.reason.txt")))
                .contains("Zoho API credits: 0 left, reserve 0; move the file back to the inbox after");
    }

    @Test
    void theDryRunCreditEstimateIsWhatTheRealRunCosts() throws IOException {
        drop("cost.csv", BiginUsersCsv.of("cost", 20) + "patricia.boyle@zylker.com,Boyle,Manager,Standard\n"
                + "not-an-email,Bad,Manager,Standard\n");
        props.once(work.toString(), "--dry-run");
        ObjectMapper json = new ObjectMapper();
        JsonNode dry = json.readTree(work.resolve("dry-run/bigin-users/cost.csv.summary.json").toFile()).path("credits");
        assertThat(dry.path("writes").asLong()).isPositive();
        Files.move(work.resolve("dry-run/bigin-users/cost.csv"), work.resolve("inbox/bigin-users/cost.csv"));
        props.once(work.toString());
        JsonNode real = json.readTree(work.resolve("reports/bigin-users/cost.csv.summary.json").toFile());
        assertThat(real.path("credits").path("cost").asLong()).isEqualTo(dry.path("cost").asLong())
                .isEqualTo(real.path("api_calls").path("total").asLong());
        assertThat(real.path("credits").path("lookups").asLong()).isEqualTo(dry.path("lookups").asLong());
    }
}
