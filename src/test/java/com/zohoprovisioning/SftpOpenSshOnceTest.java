package com.zohoprovisioning;

import com.zohoprovisioning.ops.OpenSshServer;
import com.zohoprovisioning.ops.RemotePolls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --once} against Debian's OpenSSH sshd on loopback (key auth, strict host key checking): a folder given as
 * an absolute path is that folder on the server, a relative one is under the login folder; a configured folder that
 * does not exist fails the run (exit 1) with a message naming host and folder, and is not created. Skipped only
 * where sshd is not installed (.ci/run installs it).
 */
class SftpOpenSshOnceTest {

    @TempDir
    Path base;
    private OpenSshServer server;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();

    @BeforeEach
    void startSshd() {
        assumeTrue(OpenSshServer.installed(), "OpenSSH sshd is not installed (.ci/run installs openssh-server)");
        server = new OpenSshServer(base);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int once(String dir) {
        props.set("sftp.read-lock-check-ms", "100");
        props.set("sftp.bigin-users.host", "127.0.0.1");
        props.set("sftp.bigin-users.port", String.valueOf(server.port()));
        props.set("sftp.bigin-users.user", server.user());
        props.set("sftp.bigin-users.private-key-file", server.privateKey().toString());
        props.set("sftp.bigin-users.known-hosts-file", server.knownHosts().toString());
        props.set("sftp.bigin-users.dir", dir);
        props.set("sftp.bigin-users.upload-results", "false");
        return props.once(base.resolve("work").toString());
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String[] names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void anAbsoluteFolderIsThatFolderOnTheServer() throws IOException {
        Path outgoing = base.resolve("data/partner/outgoing");
        write(outgoing.resolve("abs.csv"), "email,last_name,role,profile\nopenssh.abs@example.com,Abs,Manager,Standard\n");

        assertThat(once(outgoing.toString())).as(server.log()).isEqualTo(0);

        assertThat(base.resolve("work/success/bigin-users/abs.csv")).content().contains("openssh.abs@example.com");
        assertThat(outgoing.resolve("abs.csv")).doesNotExist();
        assertThat(names(outgoing.resolve("archive"))).singleElement().asString().startsWith("abs.").endsWith(".csv");
        assertThat(names(server.home())).as("nothing created under the login folder").isEmpty();
    }

    @Test
    void aRelativeFolderIsUnderTheLoginFolder() throws IOException {
        write(server.home().resolve("outgoing/users/rel.csv"),
                "email,last_name,role,profile\nopenssh.rel@example.com,Rel,Manager,Standard\n");

        assertThat(once("outgoing/users")).as(server.log()).isEqualTo(0);

        assertThat(base.resolve("work/success/bigin-users/rel.csv")).content().contains("openssh.rel@example.com");
        assertThat(names(server.home().resolve("outgoing/users"))).containsExactly("archive");
    }

    @Test
    void aMissingRelativeFolderFailsTheRunAndIsNotCreated() throws IOException {
        int code;
        try (LogCapture log = LogCapture.of(RemotePolls.class)) {
            code = once("outgoing/users");
            assertThat(log.events()).anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith(
                    "bigin-users-sftp: poll failed: remote folder outgoing/users (relative to the login folder) does not exist"));
        }
        assertThat(code).isEqualTo(1);
        assertThat(names(server.home())).isEmpty();
    }

    @Test
    void aMissingAbsoluteFolderFailsTheRunAndIsNotCreated() throws IOException {
        Path missing = base.resolve("data/partner/outgoing");
        Files.createDirectories(missing.getParent());
        int code;
        try (LogCapture log = LogCapture.of(RemotePolls.class)) {
            code = once(missing.toString());
            assertThat(log.events()).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .startsWith("bigin-users-sftp: poll failed: remote folder " + missing + " does not exist on sftp://"
                            + server.user() + "@127.0.0.1:" + server.port())
                    .doesNotContain("\n"));
        }
        assertThat(code).isEqualTo(1);
        assertThat(missing).doesNotExist();
        assertThat(names(missing.getParent())).isEmpty();
        assertThat(names(server.home())).isEmpty();
    }
}
