package com.zohoprovisioning;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service (no --once): the inbox consumer itself rejects a file whose name the JVM cannot decode (Latin-1
 * bytes under a UTF-8 file-name encoding), moved unread to rejected/ under a safe derived name with its reason.
 */
class UndecodableNameServiceTest extends PipelineTestSupport {

    @Test
    void theConsumerRejectsANameItCannotDecode() throws Exception {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "the test JVM's file-name encoding is not UTF-8");
        Path inbox = Files.createDirectories(path("inbox/bigin-users"));
        String csv = BiginUsersCsv.of("latin1svc", 1);
        Files.writeString(inbox.resolve(".latin1.part"), csv);
        Process mv = new ProcessBuilder("sh", "-c", "mv .latin1.part \"$(printf 'na\\357ve.csv')\"")
                .directory(inbox.toFile()).redirectErrorStream(true).start();
        assertThat(mv.waitFor()).isZero();

        Path rejected = path("rejected/bigin-users");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.isDirectory(rejected) && list(rejected).size() == 2);

        List<Path> files = list(rejected);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .allMatch(n -> n.matches("na_ve~[0-9a-f]{8}\\.csv(\\.reason\\.txt)?"));
        assertThat(files.get(0)).hasContent(csv);
        assertThat(files.get(1)).content(StandardCharsets.UTF_8).contains("File: na\\xEFve.csv",
                "its name cannot be read in the file-name encoding UTF-8");
        assertThat(inbox).isEmptyDirectory();
        assertThat(biginUser("latin1svc1@example.com")).isNull();

        // a line break in such a name forges no line of the reason file
        Files.writeString(inbox.resolve(".forged.part"), csv);
        Process forged = new ProcessBuilder("sh", "-c", "mv .forged.part \"$(printf 'x\\nReason: ok\\351.csv')\"")
                .directory(inbox.toFile()).redirectErrorStream(true).start();
        assertThat(forged.waitFor()).isZero();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> list(rejected).size() == 4);
        Path reason = list(rejected).stream().filter(p -> p.getFileName().toString().startsWith("x_Reason")
                && p.getFileName().toString().endsWith(".reason.txt")).findFirst().orElseThrow();
        assertThat(Files.readAllLines(reason)).contains("File: x\\x0AReason: ok\\xE9.csv")
                .filteredOn(l -> l.startsWith("Reason: ")).singleElement().asString().contains("cannot be read");
    }

    private static List<Path> list(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
