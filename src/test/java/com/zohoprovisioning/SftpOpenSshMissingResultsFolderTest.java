package com.zohoprovisioning;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service mode against OpenSSH sshd with a results folder (sftp.bigin-users.results-dir, absolute) that does not
 * exist: the file is fetched and processed, but its results are not uploaded and the folder is not created; the
 * upload fails naming host and folder, and is tried again on the next upload polls, so that once the partner creates
 * the folder the results arrive in it.
 */
class SftpOpenSshMissingResultsFolderTest extends OpenSshTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return sftpSource("sftp.bigin-users.dir", mkdirs(absolute("data/partner/outgoing")).toString(),
                "sftp.bigin-users.results-dir", absolute("data/partner/results").toString());
    }

    @Test
    void resultsAreNotUploadedIntoAFolderThatDoesNotExistNorIsItCreated() {
        // two files to upload (the success file and the summary): more than two failures are retries
        NotifyBuilder uploadsFailed = new NotifyBuilder(context).fromRoute("bigin-users-sftp-results").whenFailed(4).create();
        write(absolute("data/partner/outgoing/res.csv"),
                "email,last_name,role,profile\nopenssh.res@example.com,Res,Manager,Standard\n");

        awaitDone("bigin-users", "res.csv");
        assertThat(csv("success/bigin-users/res.csv")).hasSize(1);
        assertThat(uploadsFailed.matches(30, TimeUnit.SECONDS)).isTrue();

        Path results = absolute("data/partner/results");
        assertThat(results).doesNotExist();
        assertThat(names(absolute("data/partner"))).containsExactly("outgoing");
        assertThat(names(absolute("data/partner/outgoing"))).containsExactly("archive");
        assertThat(names(server().home())).isEmpty();

        mkdirs(results);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(results.resolve("success/res.csv"))
                && Files.exists(results.resolve("reports/res.csv.summary.json")));
        assertThat(results.resolve("success/res.csv")).content().contains("openssh.res@example.com");
    }
}
