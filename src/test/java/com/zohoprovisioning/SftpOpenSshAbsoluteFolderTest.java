package com.zohoprovisioning;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service mode against OpenSSH sshd with the partner's folder given as an absolute path: the file there is fetched,
 * processed and archived in that folder, and its results are uploaded into that folder's success/, error/ and
 * reports/; nothing is created under the login folder.
 */
class SftpOpenSshAbsoluteFolderTest extends OpenSshTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return sftpSource("sftp.bigin-users.dir", mkdirs(absolute("data/partner/outgoing")).toString());
    }

    @Test
    void aFileInAnAbsoluteFolderIsFetchedAndItsResultsUploadedBesideIt() {
        Path outgoing = absolute("data/partner/outgoing");
        write(outgoing.resolve("abs.csv"), "email,last_name,role,profile\n"
                + "openssh.service@example.com,Svc,Manager,Standard\nnot-an-email,Bad,Manager,Standard\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(outgoing.resolve("reports/abs.csv.summary.json"))
                && Files.exists(outgoing.resolve("success/abs.csv")) && Files.exists(outgoing.resolve("error/abs.csv")));

        assertThat(outgoing.resolve("success/abs.csv")).content().contains("openssh.service@example.com");
        assertThat(outgoing.resolve("error/abs.csv")).content().contains("not-an-email");
        assertThat(outgoing.resolve("abs.csv")).doesNotExist();
        assertThat(names(outgoing.resolve("archive"))).singleElement().asString().startsWith("abs.").endsWith(".csv");
        assertThat(biginUser("openssh.service@example.com")).isNotNull();
        assertThat(names(server().home())).as("nothing created under the login folder").isEmpty();
    }
}
