package com.zohoprovisioning.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Debian's OpenSSH {@code sshd} on loopback for tests, run as the current user (unprivileged when that user is):
 * its own config file, an ed25519 host key and client key made with {@code ssh-keygen} in the test's folder, key
 * authentication only, and {@code internal-sftp -d home/} so that relative folders land in the test's folder, not in
 * the user's real home. The client logs in as the current user; {@link #home()} is its login folder. {@code .ci/run}
 * installs the package (openssh-server); {@link #installed()} tells whether this machine has it.
 */
public final class OpenSshServer implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final Path keys;
    private final Path home;
    private final Path log;
    private final int port = freePort();
    private final Process process;

    public static boolean installed() {
        return Files.isExecutable(SSHD) && Files.isExecutable(SSH_KEYGEN);
    }

    public OpenSshServer(Path base) {
        try {
            keys = Files.createDirectories(base.resolve("sshd-keys"));
            home = Files.createDirectories(base.resolve("sshd-home"));
            log = keys.resolve("sshd.log");
            keygen(keys.resolve("host_key"));
            keygen(keys.resolve("id_ed25519"));
            Files.copy(keys.resolve("id_ed25519.pub"), keys.resolve("authorized_keys"));
            Files.writeString(keys.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                    + Files.readString(keys.resolve("host_key.pub")).trim() + "\n");
            Path config = Files.writeString(keys.resolve("sshd_config"), String.join("\n",
                    "ListenAddress 127.0.0.1",
                    "Port " + port,
                    "HostKey " + keys.resolve("host_key"),
                    "PidFile " + keys.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + keys.resolve("authorized_keys"),
                    "StrictModes no",
                    // root: no PAM (no session side effects); any other user: sshd cannot read the shadow file, and
                    // without PAM it may refuse the login as a locked account, with PAM it lets it in
                    "UsePAM " + (root() ? "no" : "yes"),
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "Subsystem sftp internal-sftp -d " + home,
                    ""));
            if (root()) {
                // sshd started by root wants its privilege separation folder (the service's unit creates it)
                Files.createDirectories(Path.of("/run/sshd"));
            }
            process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // ready once it says so (-e logs to stderr): no probe connection, which sshd would log as a failed exchange
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited: " + log());
            }
            return log().contains("Server listening on 127.0.0.1 port " + port);
        });
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    public int port() {
        return port;
    }

    /** The login (and relative folders') folder. */
    public Path home() {
        return home;
    }

    /** The user the client logs in as: the one running the tests and sshd. */
    public String user() {
        return System.getProperty("user.name");
    }

    /** The client's private key (OpenSSH format, no passphrase), whose public key sshd accepts. */
    public Path privateKey() {
        return keys.resolve("id_ed25519");
    }

    /** A known_hosts file with sshd's host key for [127.0.0.1]:port. */
    public Path knownHosts() {
        return keys.resolve("known_hosts");
    }

    /** What sshd logged (-e), for a failing test's message. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void keygen(Path file) throws IOException {
        Process p = new ProcessBuilder(List.of(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "test",
                "-f", file.toString())).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("ssh-keygen failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
