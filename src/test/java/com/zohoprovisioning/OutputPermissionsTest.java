package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Output files hold personal data: a real run under the JVM's umask (022 by default) creates the result, summary and
 * journal files 0600 and their folders 0700; with provisioning.output-group-readable=true, 0640 and 0750.
 */
class OutputPermissionsTest extends PipelineTestSupport {

    protected String file() {
        return "rw-------";
    }

    protected String folder() {
        return "rwx------";
    }

    @Test
    void outputsAreCreatedOwnerOnly() throws IOException {
        sandboxCall("POST", "/__sandbox/faults", "{\"latencyMs\":150}");
        String csv = BiginUsersCsv.of("perm", 12) + "not-an-email,X,Manager,Standard\n";
        drop("bigin-users", "people.csv", csv);
        await().atMost(Duration.ofSeconds(20)).until(() -> journal() != null);
        Path journal = journal();
        assertThat(mode(journal)).isEqualTo(file());
        assertThat(mode(journal.getParent())).isEqualTo(folder());
        assertThat(mode(path(".journal/bigin-users"))).isEqualTo(folder());
        assertThat(mode(path(".journal"))).isEqualTo(folder());
        awaitDone("bigin-users", "people.csv");

        for (String f : List.of("success/bigin-users/people.csv", "error/bigin-users/people.csv",
                "reports/bigin-users/people.csv.summary.json", ".state/processed-bigin-users.tsv")) {
            assertThat(mode(path(f))).as(f).isEqualTo(file());
        }
        for (String d : List.of("success", "success/bigin-users", "error", "error/bigin-users", "reports",
                "reports/bigin-users", "archive", "archive/bigin-users", ".tmp", ".tmp/bigin-users", ".state")) {
            assertThat(mode(path(d))).as(d).isEqualTo(folder());
        }
        assertThat(csv("error/bigin-users/people.csv")).hasSize(1);
    }

    private Path journal() throws IOException {
        Path dir = path(".journal/bigin-users");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.resolve("journal.ndjson")).filter(Files::exists).findFirst().orElse(null);
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
