package com.zohoprovisioning;

import com.zohoprovisioning.ops.RemotePolls;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Service mode against OpenSSH sshd with a configured absolute folder that does not exist: every poll fails with a
 * message naming host and folder, readiness is DOWN, and the folder is never created; once the partner creates it,
 * its files are fetched and readiness is UP again.
 */
class SftpOpenSshMissingFolderTest extends OpenSshTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private int managementPort;

    private int managementPort() {
        if (managementPort == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                managementPort = s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return managementPort;
    }

    @Override
    protected Map<String, String> extraProperties() {
        mkdirs(absolute("data/partner"));
        Map<String, String> p = sftpSource("sftp.bigin-users.dir", absolute("data/partner/outgoing").toString(),
                "sftp.bigin-users.upload-results", "false");
        p.put("camel.management.enabled", "true");
        p.put("camel.management.port", String.valueOf(managementPort()));
        p.put("camel.management.host", "127.0.0.1");
        return p;
    }

    private HttpResponse<String> ready() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort()
                + "/observe/health/ready?exposureLevel=full")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissingFolderFailsEveryPollTurnsReadinessDownAndIsNeverCreated() throws Exception {
        Path outgoing = absolute("data/partner/outgoing");
        RemotePolls polls = context.getRegistry().lookupByNameAndType("remotePolls", RemotePolls.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> polls.lastFailure("bigin-users-sftp") != null);
        assertThat(polls.lastFailure("bigin-users-sftp")).isEqualTo("remote folder " + outgoing + " does not exist on sftp://"
                + server().user() + "@127.0.0.1:" + server().port()
                + " (it is never created: create it on the server, or correct the folder setting)");
        assertThat(polls.completedPolls("bigin-users-sftp")).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> ready().statusCode() == 503);
        assertThat(ready().body()).contains("{\"name\":\"consumer:bigin-users-sftp\",\"status\":\"DOWN\"", "does not exist on sftp:");
        assertThat(outgoing).doesNotExist();
        assertThat(names(outgoing.getParent())).isEmpty();
        assertThat(names(server().home())).isEmpty();

        // the partner creates the folder: the next polls find it and its file
        write(outgoing.resolve("late.csv"), "email,last_name,role,profile\nopenssh.late@example.com,Late,Manager,Standard\n");
        awaitDone("bigin-users", "late.csv");
        assertThat(csv("success/bigin-users/late.csv")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("email", "openssh.late@example.com"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ready().statusCode() == 200);
        assertThat(polls.lastFailure("bigin-users-sftp")).isNull();
    }
}
