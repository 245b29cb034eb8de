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

    /**
     * A link to a named pipe and a link to a folder, named like inputs: no regular files, so never taken (a FIFO would
     * block the feed); each is left where it is and warned about as not taken with what it is, the file after them
     * is processed. Links to a FIFO used to be called links to nothing, links to a folder were not warned about.
     */
    @Test
    void linksToAFifoAndToAFolderAreNotTakenAndWarnedAboutForWhatTheyAre() throws Exception {
        linksToAFifoAndAFolderAreLeftAndWarnedAbout(this, outside);
    }

    /** Also used with provisioning.follow-symlinks=true ({@link SymlinkFollowedTest}): the same outcome. */
    static void linksToAFifoAndAFolderAreLeftAndWarnedAbout(PipelineTestSupport test, Path outside) throws Exception {
        Path fifo = outside.resolve("pipe");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is missing: " + e.getMessage());
        }
        Path folder = Files.createDirectories(outside.resolve("folder"));
        Path inbox = Files.createDirectories(test.path("inbox/" + FEED));
        Path toFifo = Files.createSymbolicLink(inbox.resolve("pipe.csv"), fifo);
        Path toFolder = Files.createSymbolicLink(inbox.resolve("folder.csv"), folder);
        Path toNothing = Files.createSymbolicLink(inbox.resolve("gone.csv"), outside.resolve("gone"));
        test.drop(FEED, "after-links.csv", BiginUsersCsv.of("afterlinks", 1));

        test.awaitDone(FEED, "after-links.csv");

        assertThat(test.csv("success/" + FEED + "/after-links.csv")).hasSize(1);
        for (Path link : java.util.List.of(toFifo, toFolder, toNothing)) {
            assertThat(Files.isSymbolicLink(link)).as("left where it is: " + link).isTrue();
        }
        assertThat(test.path("rejected/" + FEED)).doesNotExist();
        try (LogCapture log = LogCapture.of(MisplacedFiles.class)) {
            assertThat(new MisplacedFiles(test.path(""), java.util.List.of(FEED)).warnNew()).isEqualTo(3);
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage).containsExactlyInAnyOrder(
                    "inbox/" + FEED + "/folder.csv is not taken: it is a symbolic link to '" + folder
                            + "', a folder: only regular files are taken (links are not followed, and with"
                            + " provisioning.follow-symlinks=true a link is taken only when its target is a regular"
                            + " file); remove it",
                    "inbox/" + FEED + "/gone.csv is not taken: it is a symbolic link to '" + outside.resolve("gone")
                            + "', which does not exist: only regular files are taken (links are not"
                            + " followed, and with provisioning.follow-symlinks=true a link is taken only when its"
                            + " target is a regular file); remove it",
                    "inbox/" + FEED + "/pipe.csv is not taken: it is a symbolic link to '" + fifo
                            + "', a named pipe, socket or device: only regular files are taken (links are not followed, and with"
                            + " provisioning.follow-symlinks=true a link is taken only when its target is a regular"
                            + " file); remove it");
        }
    }
}
