package com.zohoprovisioning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code provisioning.follow-symlinks=true}: a link in an inbox is read as its target; archive/ gets the bytes that
 * were processed (a file, not the link) and the target itself is left where it is.
 */
class SymlinkFollowedTest extends PipelineTestSupport {

    private static final String FEED = "bigin-users";

    @TempDir
    Path outside;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.follow-symlinks", "true");
    }

    @Test
    void aLinkIsProcessedAsItsTargetWhenLinksAreFollowed() throws IOException {
        String csv = BiginUsersCsv.of("followed", 2);
        Path target = Files.writeString(outside.resolve("export.csv"), csv);
        Files.createDirectories(path("inbox/" + FEED));
        Files.createSymbolicLink(path("inbox/" + FEED + "/followed.csv"), target);

        awaitDone(FEED, "followed.csv");

        assertThat(csv("success/" + FEED + "/followed.csv")).hasSize(2);
        assertThat(biginUser("followed2@example.com")).isNotNull();
        Path archived = path("archive/" + FEED + "/followed.csv");
        assertThat(Files.isSymbolicLink(archived)).isFalse();
        assertThat(archived).hasContent(csv);
        assertThat(target).as("the target left where it is").hasContent(csv);
        assertThat(path("inbox/" + FEED + "/followed.csv")).as("the link released").doesNotExist();
    }

    /** Followed or not, a link to a named pipe or to a folder is no regular file: left and warned about the same. */
    @Test
    void linksToAFifoAndToAFolderAreStillNotTaken() throws Exception {
        SymlinkInputTest.linksToAFifoAndAFolderAreLeftAndWarnedAbout(this, outside);
    }
}
