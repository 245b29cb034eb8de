package com.zohoprovisioning;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live mode with an accounts server nobody answers at (a closed loopback port): exit 1 and one ERROR line naming
 * the host and what to check, no stack trace at WARN or ERROR.
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

    @Test
    void aClosedAccountsPortIsOneErrorLineNamingTheHostAndExitOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
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
