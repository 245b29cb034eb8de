package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A file replaced under its name while it is being processed, by an upload renamed over it (the pattern the README
 * recommends) or by a copy over it (the same file rewritten): each version is processed once, on its own, with its
 * own results, summary and archived input; no row of one version ends in the other's results.
 */
class ReplacedInputTest extends PipelineTestSupport {

    private static final String FEED = "bigin-users";
    private static final String FIRST = BiginUsersCsv.of("first", 40);
    private static final String SECOND = BiginUsersCsv.of("second", 10);

    @Override
    protected Map<String, String> extraProperties() {
        // slow enough that the first version is still being processed when the second arrives
        return Map.of("sandbox.latency-ms", "100", "zoho.max-concurrent", "2");
    }

    @Test
    void aVersionRenamedOverTheFileBeingProcessedIsProcessedOnItsOwn() throws IOException {
        Path inbox = drop(FEED, "people.csv", FIRST);
        awaitFirstCalls();
        Path part = inbox.resolveSibling(".people.csv.part");
        Files.writeString(part, SECOND);
        Files.move(part, inbox, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(path("reports/" + FEED + "/people.csv.summary.json")).as("replaced mid-run").doesNotExist();

        assertEachVersionProcessedOnce();
    }

    @Test
    void aVersionCopiedOverTheFileBeingProcessedIsProcessedOnItsOwn() throws IOException {
        Path inbox = drop(FEED, "people.csv", FIRST);
        awaitFirstCalls();
        Files.writeString(inbox, SECOND, StandardCharsets.UTF_8); // as cp does: the same file, truncated and rewritten
        assertThat(path("reports/" + FEED + "/people.csv.summary.json")).as("replaced mid-run").doesNotExist();

        assertEachVersionProcessedOnce();
    }

    private void awaitFirstCalls() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> calls("POST /bigin/v1/users") >= 1);
    }

    private void assertEachVersionProcessedOnce() throws IOException {
        // both versions done, and nothing left behind in the inbox (Camel's lock marker goes last)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> list("reports/" + FEED).size() == 2 && isEmpty(path("inbox/" + FEED)));

        assertThat(csv("success/" + FEED + "/people.csv")).as("the first version's results: its rows only").hasSize(40)
                .allSatisfy(r -> assertThat(r.get("email")).startsWith("first"));
        List<Path> success = list("success/" + FEED);
        assertThat(success).hasSize(2);
        Path secondResults = success.stream().filter(p -> !p.getFileName().toString().equals("people.csv")).findFirst()
                .orElseThrow();
        assertThat(secondResults.getFileName().toString()).as("stamped: the name was taken").matches("people\\..+\\.csv");
        assertThat(csv("success/" + FEED + "/" + secondResults.getFileName())).as("the second version's results")
                .hasSize(10).allSatisfy(r -> assertThat(r.get("email")).startsWith("second"));
        assertThat(path("error/" + FEED)).doesNotExist();

        List<String> archived = new ArrayList<>();
        for (Path p : list("archive/" + FEED)) {
            archived.add(Files.readString(p));
        }
        assertThat(archived).as("each version archived as it was processed").containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(calls("POST /bigin/v1/users")).as("one add per row of each version").isEqualTo(50);
        assertThat(biginUser("first40@example.com")).isNotNull();
        assertThat(biginUser("second10@example.com")).isNotNull();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private List<Path> list(String relative) throws IOException {
        Path dir = path(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
