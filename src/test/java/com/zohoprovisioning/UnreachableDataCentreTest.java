package com.zohoprovisioning;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live mode with an accounts server nobody answers at (a closed loopback port): exit 1 and one ERROR line naming
 * the host and what to check, no stack trace at WARN or ERROR. The same for an API host nobody answers at (the token
 * from a working accounts server, {@code zoho.api-url} a closed port): the file's lookup fails at once, not after
 * minutes of retries, in one line naming the API host and what to check; the file stays in the inbox.
 */
class UnreachableDataCentreTest {

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void captureLogs() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void clear() {
        root.detachAppender(logs);
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClosedApiPortFailsTheFileAtOnceInOneLineNamingTheApiHost() throws Exception {
        int closed = closedPort();
        try (ZohoSandbox accounts = new ZohoSandbox(SandboxSettings.defaults()).start()) {
            props.set("work.dir", work.toString());
            props.set("provisioning.feeds", "bigin-users");
            props.set("zoho.mode", "live");
            props.set("zoho.dc", "eu");
            props.set("zoho.accounts-url", accounts.baseUrl());
            props.set("zoho.api-url", "http://127.0.0.1:" + closed);
            // a refused connection is retried (a proxy restarting): quickly here, and without the circuit breaker's
            // pause (Zoho down: the calls wait up to zoho.breaker.max-pause-ms)
            props.set("zoho.retry.initial-delay-ms", "10");
            props.set("zoho.retry.max-delay-ms", "20");
            props.set("zoho.breaker.minimum-calls", "1000");
            props.set("zoho.client-id", "sandbox-client");
            props.set("zoho.client-secret", "sandbox-secret");
            props.set("zoho.refresh-token", "sandbox-refresh-token");
            Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
            Files.writeString(inbox.resolve("people.csv"), BiginUsersCsv.of("unreach", 3));

            long start = System.nanoTime();
            assertThat(Application.run(new String[] {"--once"})).isEqualTo(1);
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;

            assertThat(seconds).as("retried within zoho.retry.*, then one line").isLessThan(20);
            String hint = "Cannot reach the Zoho API server 127.0.0.1:" + closed + " (connection refused, http://127.0.0.1:"
                    + closed + "): check zoho.dc (the data centre of the account you sign in at), zoho.api-url if set, "
                    + "and the network or proxy between this host and 127.0.0.1:" + closed;
            List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
            assertThat(errors).as("one error line: the file that could not be processed, and why").hasSize(1);
            assertThat(errors.get(0).getFormattedMessage()).contains("people.csv").contains(hint).doesNotContain("\n");
            assertThat(errors.get(0).getThrowableProxy()).as("no stack trace").isNull();
            assertThat(logs.list).as("the LIVE line says why the token's user is unknown")
                    .anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("LIVE: Zoho eu").contains(hint));
            assertThat(inbox.resolve("people.csv")).as("the file stays for the next run").exists();
            assertThat(accounts.state().root().path("bigin").path("users").toString()).doesNotContain("unreach");
        }
    }

    @Test
    void aClosedAccountsPortIsOneErrorLineNamingTheHostAndExitOne() throws Exception {
        int closed = closedPort();
        props.set("work.dir", work.toString());
        props.set("provisioning.feeds", "bigin-users");
        props.set("mail.zoid", "1");
        props.set("zoho.mode", "live");
        props.set("zoho.dc", "eu");
        props.set("zoho.accounts-url", "http://127.0.0.1:" + closed);
        props.set("zoho.client-id", "id");
        props.set("zoho.client-secret", "secret");
        props.set("zoho.refresh-token", "refresh");

        assertThat(Application.run(new String[] {"--once"})).isEqualTo(1);

        List<ILoggingEvent> loud = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
        assertThat(loud).as("one line at WARN or above").hasSize(1);
        ILoggingEvent error = loud.get(0);
        assertThat(error.getLevel()).isEqualTo(Level.ERROR);
        assertThat(error.getFormattedMessage()).contains("127.0.0.1:" + closed).contains("zoho.dc")
                .contains("zoho.accounts-url").contains("proxy").doesNotContain("\n");
        assertThat(error.getThrowableProxy()).as("no stack trace at ERROR").isNull();
    }
}
