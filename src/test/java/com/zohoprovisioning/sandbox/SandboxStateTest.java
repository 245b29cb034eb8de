package com.zohoprovisioning.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The sandbox org kept in a state file: load, save, a corrupt file, owner-only permissions, reset, the sandbox's saves. */
class SandboxStateTest {

    private static final String SEED = "classpath:config/sandbox-seed.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path file() {
        return work.resolve(".sandbox/state.json");
    }

    private static int users(SandboxState s) {
        return s.list("bigin", "users").size();
    }

    private static void addUser(SandboxState s, String id) {
        synchronized (s.lock()) {
            s.list("bigin", "users").addObject().put("id", id).put("email", id + "@example.com");
        }
    }

    @Test
    void withoutAFileItStartsFromTheSeedAndSaveWritesTheOrgThatTheNextStateLoads() throws Exception {
        SandboxState first = new SandboxState(SEED, file());
        int seedUsers = users(first);
        assertThat(file()).doesNotExist();
        String id = first.newId("554023");
        addUser(first, id);
        first.save();
        assertThat(file()).exists();
        assertThat(work.resolve(".sandbox")).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));

        SandboxState second = new SandboxState(SEED, file());
        assertThat(users(second)).isEqualTo(seedUsers + 1);
        assertThat(second.list("bigin", "users").findValuesAsText("id")).contains(id);
        // ids go on from the highest kept one: no clash with the users the first run created
        assertThat(second.newId("554023")).isGreaterThan(id);
    }

    @Test
    void theFolderAndTheFileAreOwnerOnly() throws Exception {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path wd = Files.createDirectory(work.resolve("wd"));
        Files.setPosixFilePermissions(wd, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = wd.resolve(".sandbox/state.json");
        SandboxState s = new SandboxState(SEED, file);
        s.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        s.save();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        // the work folder itself is left as it was
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wd))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aCorruptFileIsLoggedNamingItAndTheSeedIsUsed() throws Exception {
        int seedUsers = users(new SandboxState(SEED));
        Files.createDirectories(file().getParent());
        Logger logger = (Logger) LoggerFactory.getLogger(SandboxState.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            for (String bad : List.of("{\"bigin\": [trunc", "[1, 2]", "", "null")) {
                Files.writeString(file(), bad);
                SandboxState s = new SandboxState(SEED, file());
                assertThat(users(s)).isEqualTo(seedUsers);
            }
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).hasSize(4).allSatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains(file().toAbsolutePath().normalize().toString()).contains("seed");
        });
    }

    @Test
    void resetRestoresTheSeedAndSavesIt() throws Exception {
        SandboxState s = new SandboxState(SEED, file());
        int seedUsers = users(s);
        addUser(s, "554023000000999999");
        s.save();
        s.reset();
        assertThat(users(s)).isEqualTo(seedUsers);
        assertThat(users(new SandboxState(SEED, file()))).isEqualTo(seedUsers);
    }

    @Test
    void withoutAStateFileNothingIsWritten() {
        SandboxState s = new SandboxState(SEED, null);
        addUser(s, "554023000000999999");
        s.save();
        s.reset();
        assertThat(work).isEmptyDirectory();
        assertThat(SandboxSettings.defaults().stateFilePath()).isNull();
    }

    @Test
    void theSandboxSavesAfterAChangingRequestOnItsOwnAndOnClose() throws Exception {
        ZohoSandbox sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.state-file", file().toString())))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        try {
            int seedUsers = users(sandbox.state());
            addUser(sandbox.state(), "554023000000999999");
            http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/__sandbox/requests")).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> Files.exists(file()));
            assertThat(JSON.readTree(file().toFile()).path("bigin").path("users")).hasSize(seedUsers + 1);

            addUser(sandbox.state(), "554023000000999998");
            sandbox.close();
            assertThat(JSON.readTree(file().toFile()).path("bigin").path("users")).hasSize(seedUsers + 2);

            sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.state-file", file().toString()))).start();
            assertThat(users(sandbox.state())).isEqualTo(seedUsers + 2);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/__sandbox/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            // the reset is saved at once
            assertThat(JSON.readTree(file().toFile()).path("bigin").path("users")).hasSize(seedUsers);
        } finally {
            sandbox.close();
        }
    }
}
