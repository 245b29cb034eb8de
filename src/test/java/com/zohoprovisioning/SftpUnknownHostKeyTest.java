package com.zohoprovisioning;

import com.zohoprovisioning.ops.EmbeddedSftpServer;
import com.zohoprovisioning.ops.RemotePolls;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Strict host key checking (the default): a server whose key does not match known_hosts gets nothing fetched. */
class SftpUnknownHostKeyTest extends SftpTestSupport {

    @Override
    protected Map<String, String> extraProperties() {
        return sftpSource(
                "sftp.bigin-users.password", EmbeddedSftpServer.PASSWORD,
                "sftp.bigin-users.known-hosts-file", server().wrongKnownHosts().toString(),
                "sftp.poll-delay-ms", "200");
    }

    @Test
    void aServerWithAnotherHostKeyIsRefused() {
        server().put("users.csv", "email,last_name,role,profile\nspoofed@example.com,X,Manager,Standard\n");
        RemotePolls polls = context.getRegistry().lookupByNameAndType("remotePolls", RemotePolls.class);

        await().atMost(Duration.ofSeconds(15)).until(() -> polls.lastFailure("bigin-users-sftp") != null);
        assertThat(polls.lastFailure("bigin-users-sftp")).containsIgnoringCase("HostKey");
        assertThat(polls.completedPolls("bigin-users-sftp")).isZero();
        assertThat(server().root().resolve("users.csv")).exists();
        assertThat(path("inbox/bigin-users/users.csv")).doesNotExist();
        assertThat(Files.exists(path("reports/bigin-users"))).isFalse();
    }
}
