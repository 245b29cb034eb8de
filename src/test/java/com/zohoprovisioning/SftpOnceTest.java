package com.zohoprovisioning;

import com.zohoprovisioning.ops.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --once} with an SFTP source: the remote files are fetched first, processed, results uploaded on the next
 * service run; a remote file left in place (after=keep) is processed once, also across runs (process restarts),
 * thanks to the persistent repository of fetched files. An unreachable server makes --once exit 1.
 */
class SftpOnceTest {

    @TempDir
    Path base;
    private EmbeddedSftpServer server;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();

    @AfterEach
    void clear() {
        if (server != null) {
            server.close();
        }
    }

    private int once() {
        Path work = base.resolve("work");
        props.set("work.dir", work.toString());
        props.set("provisioning.read-lock-check-ms", "100");
        props.set("sftp.read-lock-check-ms", "100");
        props.set("sftp.bigin-users.host", "127.0.0.1");
        props.set("sftp.bigin-users.port", String.valueOf(server.port()));
        props.set("sftp.bigin-users.user", EmbeddedSftpServer.USER);
        props.set("sftp.bigin-users.password", EmbeddedSftpServer.PASSWORD);
        props.set("sftp.bigin-users.known-hosts-file", server.knownHosts().toString());
        props.set("sftp.bigin-users.after", "keep");
        props.set("sftp.bigin-users.upload-results", "false");
        return Application.run(new String[] {"--once"});
    }

    @Test
    void onceFetchesRemoteFilesAndAKeptFileIsProcessedOnceAcrossRestarts() throws IOException {
        server = new EmbeddedSftpServer(base);
        server.put("a.csv", "email,last_name,role,profile\nonce.a@example.com,A,Manager,Standard\n");
        server.put("b.json", "[{\"email\":\"once.b@example.com\",\"last_name\":\"B\",\"role\":\"CEO\",\"profile\":\"Administrator\"}]");

        assertThat(once()).isEqualTo(0);
        assertThat(base.resolve("work/success/bigin-users/a.csv")).exists();
        assertThat(base.resolve("work/success/bigin-users/b.json")).exists();
        assertThat(server.root().resolve("a.csv")).exists();

        assertThat(once()).isEqualTo(0);
        try (Stream<Path> s = Files.list(base.resolve("work/reports/bigin-users"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.csv.summary.json", "b.json.summary.json");
        }

        server.put("c.csv", "email,last_name,role,profile\nonce.c@example.com,C,Manager,Standard\n");
        assertThat(once()).isEqualTo(0);
        assertThat(base.resolve("work/success/bigin-users/c.csv")).exists();
        assertThat(base.resolve("work/reports/bigin-users")).isDirectoryContaining(p -> p.getFileName().toString().equals("c.csv.summary.json"));
    }

    @Test
    void anUnreachableServerExitsOne() {
        server = new EmbeddedSftpServer(base);
        server.stop();
        assertThat(once()).isEqualTo(1);
    }
}
