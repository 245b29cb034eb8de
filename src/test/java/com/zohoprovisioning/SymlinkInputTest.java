package com.zohoprovisioning;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.zohoprovisioning.pipeline.UnfinishedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A symbolic link in an inbox is not followed (provisioning.follow-symlinks defaults to false): it is rejected, the
 * link itself moved to rejected/ with a reason that names where it points and quotes nothing of what the target holds;
 * no record of the target is sent, and the target is left as it was.
 */
class SymlinkInputTest extends PipelineTestSupport {

    private static final String FEED = "bigin-users";

    @TempDir
    Path outside;

    @Test
    void aLinkToAFileOutsideTheWorkFolderIsRejectedAndNothingOfItIsSent() throws IOException {
        Path target = Files.writeString(outside.resolve("elsewhere.csv"), BiginUsersCsv.of("linked", 2));
        Path link = Files.createSymbolicLink(path("inbox/" + FEED).resolve("linked.csv"), target);

        awaitDone(FEED, "linked.csv");

        assertThat(Files.isSymbolicLink(path("rejected/" + FEED + "/linked.csv"))).as("the link itself, moved").isTrue();
        assertThat(link).doesNotExist();
        assertThat(path("rejected/" + FEED + "/linked.csv.reason.txt")).content()
                .contains("it is a symbolic link (to '" + target + "')", "links in an inbox are not followed",
                        "provisioning.follow-symlinks=true")
                .doesNotContain("linked1@example.com", "email,last_name");
        assertThat(target).as("the target untouched").hasContent(BiginUsersCsv.of("linked", 2));
        assertThat(calls("POST /bigin/v1/users")).isZero();
        assertThat(biginUser("linked1@example.com")).isNull();
    }

    @Test
    void aLinkToASystemFilePutsNoneOfItsContentInTheReasonOrTheLog() throws IOException {
        // a stand-in for /etc/shadow: a first line that must never be quoted anywhere
        Path secret = Files.writeString(outside.resolve("shadow"), "root:SECRET-HASH:19000:0:99999:7:::\n");
        try (LogCapture log = LogCapture.of(UnfinishedFiles.class)) {
            Files.createDirectories(path("inbox/" + FEED));
            Files.createSymbolicLink(path("inbox/" + FEED + "/shadow.csv"), secret);

            awaitDone(FEED, "shadow.csv");

            assertThat(path("rejected/" + FEED + "/shadow.csv.reason.txt")).content()
                    .contains("symbolic link").doesNotContain("SECRET", "root:");
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains("Rejected " + FEED + "/shadow.csv", "symbolic link"))
                    .allSatisfy(m -> assertThat(m).doesNotContain("SECRET"));
        }
    }

    @Test
    void aProfileFileThatIsALinkIsNotReadEither() throws IOException {
        Path secret = Files.writeString(outside.resolve("shadow"), "root:SECRET-HASH:19000:0:99999:7:::\n");
        Files.createDirectories(path("inbox/" + FEED));
        Files.createSymbolicLink(path("inbox/" + FEED + "/people.csv.profile"), secret);
        drop(FEED, "people.csv", BiginUsersCsv.of("profiled", 1));

        awaitDone(FEED, "people.csv");

        assertThat(path("rejected/" + FEED + "/people.csv.reason.txt")).content()
                .contains("people.csv.profile is a symbolic link").doesNotContain("SECRET", "root:");
        assertThat(Files.isSymbolicLink(path("rejected/" + FEED + "/people.csv.profile"))).isTrue();
        assertThat(calls("POST /bigin/v1/users")).isZero();
    }
}
