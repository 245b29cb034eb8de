package com.zohoprovisioning;

import com.zohoprovisioning.ops.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SFTP with a private key (OpenSSH format, passphrase-protected, generated at runtime) and done files: a remote file
 * without its done file is left alone; once the done file is there, the file is fetched and both leave the folder.
 */
class SftpKeyAuthTest extends SftpTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return sftpSource(
                "sftp.bigin-users.private-key-file", server().privateKey().toString(),
                "sftp.bigin-users.private-key-passphrase", EmbeddedSftpServer.PASSPHRASE,
                "sftp.bigin-users.known-hosts-file", server().knownHosts().toString(),
                "sftp.bigin-users.done-file", "${file:name}.done",
                "sftp.bigin-users.after", "delete",
                "sftp.bigin-users.upload-results", "false",
                "sftp.poll-delay-ms", "200");
    }

    @Test
    void aFileIsTakenWithKeyAuthOnlyOnceItsDoneFileIsThere() {
        server().put("users.csv", "email,last_name,role,profile\nkey.auth@example.com,Key,Manager,Standard\n");

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> !Files.exists(path("inbox/bigin-users/users.csv")) && Files.exists(server().root().resolve("users.csv")));

        server().put("users.csv.done", "");
        awaitDone("bigin-users", "users.csv");
        assertThat(csv("success/bigin-users/users.csv")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("email", "key.auth@example.com"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(server().root().resolve("users.csv"))
                && !Files.exists(server().root().resolve("users.csv.done")));
        assertThat(server().root().resolve("success")).doesNotExist();
    }
}
