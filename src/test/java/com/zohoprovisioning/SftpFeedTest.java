package com.zohoprovisioning;

import com.zohoprovisioning.ops.EmbeddedSftpServer;
import com.zohoprovisioning.ops.RemotePolls;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A partner's SFTP folder as the bigin-users source (password auth, strict host key checking against a
 * known_hosts file): files are fetched when complete, processed, archived remotely, and their results and summary
 * uploaded to the remote success/, error/ and reports/ folders; a server that goes away is retried.
 */
class SftpFeedTest extends SftpTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return sftpSource(
                "sftp.bigin-users.password", EmbeddedSftpServer.PASSWORD,
                "sftp.bigin-users.known-hosts-file", server().knownHosts().toString(),
                "sftp.bigin-users.dir", server().folder("partner"),
                "sftp.poll-delay-ms", "200",
                "sftp.upload-delay-ms", "200",
                "sftp.read-lock-check-ms", "300",
                "sftp.read-lock-timeout-ms", "5000");
    }

    private Path remote(String relative) {
        return server().root().resolve("partner").resolve(relative);
    }

    @Test
    void aRemoteFileIsProcessedArchivedAndItsResultsUploaded() throws IOException {
        server().put("partner/nightly.csv", "email,last_name,role,profile\n"
                + "sftp.one@example.com,One,Manager,Standard\nnot-an-email,Two,Manager,Standard\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(remote("reports/nightly.csv.summary.json"))
                && Files.exists(remote("success/nightly.csv")) && Files.exists(remote("error/nightly.csv")));

        assertThat(remote("nightly.csv")).doesNotExist();
        try (Stream<Path> s = Files.list(remote("archive"))) {
            assertThat(s.map(p -> p.getFileName().toString())).singleElement().asString()
                    .startsWith("nightly.").endsWith(".csv");
        }
        assertThat(biginUser("sftp.one@example.com")).isNotNull();
        assertThat(Files.readString(remote("success/nightly.csv"))).contains("sftp.one@example.com");
        assertThat(Files.readString(remote("error/nightly.csv"))).contains("not-an-email");
        assertThat(summary("bigin-users", "nightly.csv").path("succeeded").asLong()).isEqualTo(1);
        assertThat(path("archive/bigin-users/nightly.csv")).exists();
    }

    @Test
    void aFileStillBeingUploadedIsTakenOnlyWhenComplete() throws Exception {
        Path growing = remote("growing.csv");
        Files.createDirectories(growing.getParent());
        Files.writeString(growing, "email,last_name,role,profile\n");
        AtomicInteger rows = new AtomicInteger();
        ScheduledExecutorService uploader = Executors.newSingleThreadScheduledExecutor();
        try {
            uploader.scheduleAtFixedRate(() -> {
                int n = rows.incrementAndGet();
                if (n <= 12) {
                    append(growing, "grow" + n + "@example.com,Grow,Manager,Standard\n");
                }
            }, 100, 100, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("reports/bigin-users/growing.csv.summary.json")));
        } finally {
            uploader.shutdownNow();
        }
        assertThat(rows.get()).isGreaterThan(12);
        assertThat(summary("bigin-users", "growing.csv").path("records_read").asLong()).isEqualTo(12);
        assertThat(csv("success/bigin-users/growing.csv")).hasSize(12);
    }

    @Test
    void aServerThatGoesAwayIsRetriedOnTheNextPoll() {
        RemotePolls polls = context.getRegistry().lookupByNameAndType("remotePolls", RemotePolls.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.completedPolls("bigin-users-sftp") > 0);

        server().stop();
        await().atMost(Duration.ofSeconds(20)).until(() -> polls.lastFailure("bigin-users-sftp") != null);
        assertThat(polls.lastFailure("bigin-users-sftp")).doesNotContain(EmbeddedSftpServer.PASSWORD);

        server().start();
        server().put("partner/after-restart.csv", "email,last_name,role,profile\nrestart@example.com,Back,Manager,Standard\n");
        awaitDone("bigin-users", "after-restart.csv");
        assertThat(polls.lastFailure("bigin-users-sftp")).isNull();
        assertThat(csv("success/bigin-users/after-restart.csv")).hasSize(1);
    }

    private static void append(Path p, String line) {
        try {
            Files.writeString(p, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
