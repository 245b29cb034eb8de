package com.zohoprovisioning;

import com.zohoprovisioning.ops.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real routes with Debian's OpenSSH sshd on loopback as the bigin-users source (key auth, strict host key
 * checking); one server per test, its folders beside the work folder. Skipped only where sshd is not installed
 * (.ci/run installs it).
 */
abstract class OpenSshTestSupport extends PipelineTestSupport {

    private OpenSshServer server;

    @BeforeAll
    static void sshdInstalled() {
        assumeTrue(OpenSshServer.installed(), "OpenSSH sshd is not installed (.ci/run installs openssh-server)");
    }

    /** The server, started on first use (the Camel test base asks for settings in its constructor). */
    protected OpenSshServer server() {
        if (server == null) {
            server = new OpenSshServer(workDir().resolveSibling(workDir().getFileName() + "-openssh"));
        }
        return server;
    }

    /** A folder on the server given by its absolute path (outside the login folder). */
    protected Path absolute(String relative) {
        return workDir().resolveSibling(workDir().getFileName() + "-openssh").resolve(relative).toAbsolutePath();
    }

    /** Host, port, user, key and known_hosts of the bigin-users SFTP source, plus the given key/value pairs. */
    protected Map<String, String> sftpSource(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sftp.bigin-users.host", "127.0.0.1");
        p.put("sftp.bigin-users.port", String.valueOf(server().port()));
        p.put("sftp.bigin-users.user", server().user());
        p.put("sftp.bigin-users.private-key-file", server().privateKey().toString());
        p.put("sftp.bigin-users.known-hosts-file", server().knownHosts().toString());
        p.put("sftp.poll-delay-ms", "200");
        p.put("sftp.upload-delay-ms", "200");
        p.put("sftp.read-lock-check-ms", "200");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    protected static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in a folder, sorted; fails when the folder does not exist. */
    protected static String[] names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopSshd() {
        if (server != null) {
            server.close();
        }
    }
}
