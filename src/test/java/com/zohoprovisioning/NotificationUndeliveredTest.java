package com.zohoprovisioning;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zohoprovisioning.ops.NotifyFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A webhook that cannot be reached: the import completes as if nothing were told, the notice is tried again, then
 * logged in one line (no stack trace, not the webhook's secret path), and the e-mail of the same notice still goes
 * out (SMTP AUTH with the password given as a secret, which no log line shows).
 */
class NotificationUndeliveredTest extends PipelineTestSupport {

    static final String FEED = "bigin-users";
    static final String PASSWORD = "s3cret-mail-pw";
    static final String SECRET_PATH = "/services/T000/B000/unreachable-secret-key";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withConfiguration(GreenMailConfiguration.aConfig()
            .withUser("notifier@ops.example.org", "notifier", PASSWORD)).withPerMethodLifecycle(false);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "notify.email.host", "127.0.0.1",
                "notify.email.port", String.valueOf(MAIL.getSmtp().getPort()),
                "notify.email.tls", "none",
                "notify.email.user", "notifier",
                "notify.email.password", PASSWORD,
                "notify.email.from", "zoho-provisioning@ops.example.org",
                "notify.email.to", "admins@ops.example.org",
                "notify.webhook.url", "http://127.0.0.1:" + closedPort() + SECRET_PATH,
                "notify.retry.delay-ms", "200");
    }

    @Test
    void anUnreachableWebhookIsLoggedOnceAndTheImportCarriesOn() throws Exception {
        try (LogCapture failures = LogCapture.of(NotifyFailures.class); LogCapture all = LogCapture.all()) {
            drop(FEED, "people.csv", NotificationsTest.MIXED);
            awaitDone(FEED, "people.csv");
            assertThat(csv("error/" + FEED + "/people.csv")).hasSize(2);
            assertThat(csv("success/" + FEED + "/people.csv")).hasSize(2);

            await().atMost(Duration.ofSeconds(30)).until(() -> !failures.events().isEmpty());
            ILoggingEvent failure = failures.events().get(0);
            assertThat(failure.getLevel()).isEqualTo(Level.WARN);
            assertThat(failure.getFormattedMessage())
                    .startsWith("Notification by webhook about bigin-users/people.csv (errors) not delivered after 3 "
                            + "attempts: ")
                    .contains("http://127.0.0.1:")
                    .doesNotContain("unreachable-secret-key");
            assertThat(failure.getThrowableProxy()).as("no stack trace").isNull();

            // the e-mail of the same notice went out, with SMTP AUTH
            await().atMost(Duration.ofSeconds(30)).until(() -> MAIL.getReceivedMessages().length == 1);
            assertThat(MAIL.getReceivedMessages()[0].getSubject())
                    .isEqualTo("[zoho-provisioning] errors: bigin-users/people.csv, 2 of 4 records failed");

            // the next file is imported as usual
            drop(FEED, "more.csv", NotificationsTest.CLEAN);
            awaitDone(FEED, "more.csv");
            assertThat(csv("success/" + FEED + "/more.csv")).hasSize(2);

            List<String> logged = all.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(logged).noneMatch(m -> m.contains(PASSWORD) || m.contains("unreachable-secret-key"));
            assertThat(failures.events()).as("one line per undelivered notice").hasSize(1);
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
