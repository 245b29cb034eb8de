package com.zohoprovisioning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code --once} ends, and a bad file does not block its feed: through the real routes and the real OnceRunner
 * (Application.run in-process).
 */
class RunsEndTest {

    private static final String CSV = "email,last_name,role,profile\n";

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();


    private Path drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        return Files.write(inbox.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private int once(String workDir, String... extra) {
        return assertTimeoutPreemptively(Duration.ofSeconds(45), () -> props.once(workDir, extra), "--once must end");
    }

    private int once() {
        return once(work.toString());
    }

    /** The default work.dir is relative (./work): a file that cannot be processed ends --once with 1, as absolute. */
    @Test
    void aFileThatCannotBeProcessedEndsOnceWithOneUnderARelativeWorkDir() throws IOException {
        drop("a.csv", CSV + "relative@example.com,Relative,Manager,Standard\n");
        props.set("sandbox.down", "true");                  // every API call 503: the lookups fail, the file stays
        props.set("zoho.retry.max-redeliveries", "0");
        Path cwd = Path.of("").toAbsolutePath();
        String relative = "./" + cwd.relativize(work.toAbsolutePath()).toString().replace('\\', '/') + "/../"
                + work.getFileName();                       // ./…/x/../x: relative and not normalised
        assertThat(Path.of(relative).isAbsolute()).isFalse();
        long start = System.nanoTime();
        assertThat(once(relative)).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(work.resolve("inbox/bigin-users/a.csv")).as("stays for a later run").exists();
    }

    /**
     * A named pipe in an inbox, named like an input: never opened (it would block the feed), warned about once as
     * not taken; the valid file after it is processed and --once ends, with 3 for the file left behind.
     */
    @Test
    void aFifoInTheInboxIsSkippedWithAWarningAndTheFileAfterItIsProcessed() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Path fifo = inbox.resolve("a.csv");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is missing: " + e.getMessage());
        }
        Path valid = drop("b.csv", CSV + "after.fifo@example.com,After,Manager,Standard\n");
        // the inbox takes files oldest first: the valid file comes after the FIFO
        Files.setLastModifiedTime(valid, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(fifo).toMillis() + 1_000));
        LogCapture log = LogCapture.of(MisplacedFiles.class);
        int code;
        try (log) {
            code = once();
        }
        assertThat(code).as("every record succeeded, but a FIFO was left in the inbox").isEqualTo(3);
        assertThat(work.resolve("success/bigin-users/b.csv")).content().contains("after.fifo@example.com");
        assertThat(fifo).as("left where it is").exists();
        assertThat(log.events()).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .singleElement().asString().startsWith("inbox/bigin-users/a.csv is not taken")
                .contains("not a regular file", "named pipe");
    }

    /** A name of exactly {@code bytes} UTF-8 bytes, two-byte characters among them, ending in {@code .csv}. */
    private static String nameOfBytes(int bytes, char fill) {
        StringBuilder b = new StringBuilder("Müller-Straße-");
        while (b.toString().getBytes(StandardCharsets.UTF_8).length + 4 < bytes) {
            b.append(b.toString().getBytes(StandardCharsets.UTF_8).length + 4 + 2 <= bytes ? 'é' : fill);
        }
        String name = b + ".csv";
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return name;
    }

    /**
     * Names of 240 and 250 bytes (the limit is 255): processed under a shortened name for their outputs (stem cut,
     * a hash added, the extension kept), summary and all; --once ends, and a later run is clean.
     */
    @Test
    void longNamesAreProcessedUnderAShortenedNameForTheirOutputs() throws IOException {
        String n240 = nameOfBytes(240, 'a');
        String n250 = nameOfBytes(250, 'b');
        drop(n240, CSV + "long.240@example.com,Long,Manager,Standard\n");
        drop(n250, CSV + "long.250@example.com,Long,Manager,Standard\n");
        assertThat(once()).isEqualTo(0);
        assertThat(work.resolve("inbox/bigin-users")).isEmptyDirectory();
        for (String name : List.of(n240, n250)) {
            String out = com.zohoprovisioning.pipeline.OutputNames.of(name);
            assertThat(out).isNotEqualTo(name).endsWith(".csv").matches(".*~[0-9a-f]{8}\\.csv");
            assertThat(out.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(180);
            assertThat(work.resolve("success/bigin-users/" + out)).content().contains("@example.com");
            assertThat(work.resolve("reports/bigin-users/" + out + ".summary.json")).content().contains("\"succeeded\" : 1");
            assertThat(work.resolve("archive/bigin-users/" + out)).exists();
        }
        assertThat(com.zohoprovisioning.pipeline.OutputNames.of(n240))
                .isNotEqualTo(com.zohoprovisioning.pipeline.OutputNames.of(n250));

        // a later run: nothing left to trip over
        drop("short.csv", CSV + "short.after@example.com,Short,Manager,Standard\n");
        assertThat(once()).isEqualTo(0);
        assertThat(work.resolve("reports/bigin-users/short.csv.summary.json")).exists();
    }

    /**
     * A long name (200 bytes: over what outputs keep, under what the inbox takes) whose file is rejected: rejected/
     * under the shortened name, its reason beside it naming the real one.
     */
    @Test
    void aLongNamedFileThatIsRejectedGetsItsReasonBesideIt() throws IOException {
        String n250 = nameOfBytes(200, 'c');
        drop(n250, "");
        assertThat(once()).isEqualTo(3);
        String out = com.zohoprovisioning.pipeline.OutputNames.of(n250);
        assertThat(work.resolve("rejected/bigin-users/" + out)).exists();
        assertThat(work.resolve("rejected/bigin-users/" + out + ".reason.txt")).content(StandardCharsets.UTF_8)
                .contains("File: " + n250, "Saved as: " + out, "empty");
    }

    /**
     * A name in Latin-1 bytes (caf\xE9.csv) under a UTF-8 file-name encoding: the JVM cannot decode it, so it names no
     * file the consumer can open. It is moved, unread, to rejected/ under a safe derived name with a reason naming the
     * real name; the file beside it is processed and --once ends with 3 (before, it waited for it for ever).
     */
    @Test
    void aNameTheJvmCannotDecodeIsRejectedUnderASafeNameAndOnceEnds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "UTF-8".equalsIgnoreCase(com.zohoprovisioning.pipeline.InboxFilter.fileNameEncoding()),
                "the test JVM's file-name encoding is not UTF-8");
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        String latin1 = CSV + "latin1.name@example.com,Latin,Manager,Standard\n";
        Files.writeString(inbox.resolve(".latin1.part"), latin1);
        // a Java String cannot name these bytes: the shell renames the file to them (\351 is é in Latin-1)
        Process mv = new ProcessBuilder("sh", "-c", "mv .latin1.part \"$(printf 'caf\\351.csv')\"")
                .directory(inbox.toFile()).redirectErrorStream(true).start();
        assertThat(mv.waitFor()).isZero();
        drop("z-ok.csv", CSV + "beside.latin1@example.com,Beside,Manager,Standard\n");
        assertThat(com.zohoprovisioning.pipeline.UnreadableNames.undecodable(onlyEntry(inbox, "caf"))).isTrue();

        assertThat(once()).as("a file was rejected").isEqualTo(3);

        assertThat(work.resolve("success/bigin-users/z-ok.csv")).content().contains("beside.latin1@example.com");
        assertThat(inbox).as("nothing left behind").isEmptyDirectory();
        Path rejected = onlyEntry(work.resolve("rejected/bigin-users"), "caf_");
        assertThat(rejected.getFileName().toString()).matches("caf_~[0-9a-f]{8}\\.csv");
        assertThat(rejected).as("the file itself, unread").hasContent(latin1);
        assertThat(rejected.resolveSibling(rejected.getFileName() + ".reason.txt")).content(StandardCharsets.UTF_8)
                .contains("File: caf\\xE9.csv", "Saved as: " + rejected.getFileName(),
                        "its name cannot be read in the file-name encoding UTF-8", "No record of this file was sent");
        assertThat(work.resolve("success/bigin-users")).isDirectoryNotContaining("glob:**caf*");
    }

    private static Path onlyEntry(Path dir, String start) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(start)
                    && !p.getFileName().toString().endsWith(".reason.txt")).collect(
                    java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                        assertThat(l).hasSize(1);
                        return l.get(0);
                    }));
        }
    }

    @Test
    void aFileNameEncodingOtherThanUtf8IsWarnedAboutWithTheFix() {
        assertThat(RouteRuns.warnFileNameEncoding("UTF-8", "UTF-8")).isNull();
        assertThat(RouteRuns.warnFileNameEncoding("ANSI_X3.4-1968", "UTF-8")).contains("ANSI_X3.4-1968", "LANG=C.UTF-8");
    }
}
