package com.zohoprovisioning;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Route;
import org.apache.camel.pollconsumer.quartz.QuartzScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cron schedules: the bigin-users inbox polls on a cron (every second here) instead of continuously, and a
 * scheduled download fetches an export (basic auth) on its own cron into the inbox, where it flows as any file.
 */
class ScheduledImportTest extends PipelineTestSupport {

    private static final String EXPORT = "email,last_name,role,profile\ncron.user@example.com,Cron,Manager,Standard\n";
    private HttpServer exportServer;
    private final List<String> authHeaders = new CopyOnWriteArrayList<>();

    private HttpServer exportServer() {
        if (exportServer == null) {
            try {
                exportServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            exportServer.createContext("/export.csv", ex -> {
                authHeaders.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
                byte[] body = EXPORT.getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
            exportServer.start();
        }
        return exportServer;
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "provisioning.bigin-users.cron", "0/1 * * * * ?",
                "download.bigin-users.url", "http://127.0.0.1:" + exportServer().getAddress().getPort() + "/export.csv",
                "download.bigin-users.cron", "0/1 * * * * ?",
                "download.bigin-users.username", "exporter",
                "download.bigin-users.password", "export pass",
                "download.bigin-users.file-name", "export.csv");
    }

    @AfterEach
    void stopServer() {
        if (exportServer != null) {
            exportServer.stop(0);
        }
    }

    @Test
    void theInboxPollsOnItsCronAndTheDownloadArrivesOnItsOwn() {
        Route inbox = context.getRoute("bigin-users-inbox");
        assertThat(((ScheduledPollConsumer) inbox.getConsumer()).getScheduler())
                .isInstanceOf(QuartzScheduledPollConsumerScheduler.class);
        assertThat(context.getRoute("crm-user-groups-inbox").getConsumer())
                .extracting(c -> ((ScheduledPollConsumer) c).getScheduler())
                .isNotInstanceOf(QuartzScheduledPollConsumerScheduler.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> path("reports/bigin-users/export.csv.summary.json").toFile().exists());
        assertThat(csv("success/bigin-users/export.csv")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("email", "cron.user@example.com"));
        assertThat(authHeaders.get(0)).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("exporter:export pass".getBytes(StandardCharsets.UTF_8)));
    }
}
