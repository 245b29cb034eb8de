package com.zohoprovisioning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --once} (a nightly cron run) with a webhook: the notices still queued when the files are done are sent before
 * the process exits, also when the webhook is slow; with notify.on-success=true a clean file is told too.
 */
class NotifyOnceTest {

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();


    @Test
    void theQueuedNoticesAreSentBeforeOnceExitsAndACleanFileIsToldWithOnSuccess() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve("a.csv"), NotificationsTest.MIXED);
        Files.writeString(inbox.resolve("b.csv"), NotificationsTest.CLEAN);
        try (WebhookReceiver webhook = new WebhookReceiver(Duration.ofMillis(500))) {
            int code = props.once(work.toString(), "-Dnotify.webhook.url=" + webhook.url(),
                    "-Dnotify.on-success=true");
            assertThat(code).as("records in error files").isEqualTo(3);
            assertThat(webhook.received()).as("sent before --once returned").hasSize(2);
            assertThat(webhook.received()).anySatisfy(r -> assertThat(r.body())
                    .contains("[zoho-provisioning] errors: bigin-users/a.csv, 2 of 4 records failed"));
            assertThat(webhook.received()).anySatisfy(r -> assertThat(r.body())
                    .contains("[zoho-provisioning] done: bigin-users/b.csv, 2 records succeeded")
                    .contains("b.csv finished: 2 records, all 2 succeeded."));
        }
    }
}
