package com.zohoprovisioning.ops;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/**
 * An SFTP server on loopback (Apache MINA SSHD) for tests: a folder as its root, one user with a password and an
 * authorised public key, host and client keys generated at runtime (nothing committed), and helpers that write
 * the known_hosts and private key files the client settings point at. Can be stopped and started again on the
 * same port.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    public static final String USER = "partner";
    public static final String PASSWORD = "s3cret pass&word";
    public static final String PASSPHRASE = "key passphrase";

    private final Path root;
    private final Path keys;
    private final KeyPair hostKey = generate();
    private final KeyPair clientKey = generate();
    private final int port = freePort();
    private SshServer sshd;
    private final java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();

    public EmbeddedSftpServer(Path base) {
        try {
            this.root = Files.createDirectories(base.resolve("sftp-root"));
            this.keys = Files.createDirectories(base.resolve("sftp-keys"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    public void start() {
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(port);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password)
                && logins.incrementAndGet() > 0);
        sshd.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && KeyUtils.compareKeys(key, clientKey.getPublic()));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        try {
            sshd.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Successful password logins since the server was made. */
    public int logins() {
        return logins.get();
    }

    public int port() {
        return port;
    }

    /** The server's folder (what the client sees as its home). */
    public Path root() {
        return root;
    }

    /** A known_hosts file that trusts this server's host key. */
    public Path knownHosts() {
        return writeKnownHosts("known_hosts", hostKey);
    }

    /** A known_hosts file that names this host and port with another key (as after a server swap). */
    public Path wrongKnownHosts() {
        return writeKnownHosts("known_hosts.wrong", generate());
    }

    private Path writeKnownHosts(String name, KeyPair key) {
        try {
            return Files.writeString(keys.resolve(name), "[127.0.0.1]:" + port + " "
                    + PublicKeyEntry.toString(key.getPublic()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The client's private key in OpenSSH format, encrypted with {@link #PASSPHRASE}. */
    public Path privateKey() {
        Path p = keys.resolve("id_ecdsa");
        OpenSSHKeyEncryptionContext enc = new OpenSSHKeyEncryptionContext();
        enc.setPassword(PASSPHRASE);
        enc.setCipherName("AES");
        enc.setCipherMode("CTR");
        enc.setCipherType("256");
        try (OutputStream out = Files.newOutputStream(p)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "test", enc, out);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    /** Creates a remote folder (as the partner's admin does: the routes never create the folder they poll). */
    public String folder(String relative) {
        try {
            Files.createDirectories(root.resolve(relative));
            return relative;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a remote file as a careful uploader would (temp name, then rename). */
    public Path put(String relative, String content) {
        try {
            Path target = root.resolve(relative);
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.writeString(tmp, content);
            return Files.move(tmp, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
