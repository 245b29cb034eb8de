package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zohoprovisioning.ops.EmbeddedSftpServer;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18: two instances (child JVMs) on one work folder with cluster.enabled=true and the file-lock cluster service,
 * the sandbox in this JVM. Only the leader takes the 3,000-row file; when it is killed (kill -9) or stopped (SIGTERM)
 * at about a third, the standby becomes leader within the lock's timing and finishes the file from the journal: every
 * row exactly one result line, no user created twice. Idle, only the leader polls the SFTP source.
 */
class ClusterTakeoverTest extends ChildAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROWS = 3000;
    private static final long INTERVAL_MS = 500;
    private static final int MULTIPLIER = 4;

    private String[] cluster(String id, String... more) {
        List<String> s = new ArrayList<>(List.of("cluster.enabled=true", "cluster.id=" + id,
                "cluster.file.acquire-lock-interval-ms=" + INTERVAL_MS,
                "cluster.file.heartbeat-timeout-multiplier=" + MULTIPLIER));
        s.addAll(List.of(more));
        return s.toArray(String[]::new);
    }

    @Test
    void aKilledLeaderIsFollowedByTheStandbyWhichFinishesTheFile() throws Exception {
        takeover(false);
    }

    @Test
    void aStoppedLeaderHandsOverToTheStandby() throws Exception {
        takeover(true);
    }

    private void takeover(boolean graceful) throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.latency-ms", "10"))).start();
        // stopped gracefully, the leader finishes its records in flight for at most 2 s, then leaves the rest of the
        // file in the inbox with its journal for the next leader
        String[] stop = {"camel.main.shutdown-timeout=2"};
        Process a = child("a", 4, false, cluster("a", stop));
        await().atMost(Duration.ofSeconds(60)).until(() -> log("a").contains("is now the LEADER"));
        Process b = child("b", 4, false, cluster("b", stop));
        await().atMost(Duration.ofSeconds(60)).until(() -> log("b").contains("starts as standby"));

        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve(".big.csv.part"), BiginUsersCsv.of("node", ROWS));
        Files.move(inbox.resolve(".big.csv.part"), inbox.resolve("big.csv"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> journalLines() >= ROWS / 3);
        assertThat(log("b")).as("the standby takes no file").doesNotContain("Processing bigin-users").doesNotContain("LEADER");

        long stopped = System.nanoTime();
        if (graceful) {
            a.destroy();
        } else {
            a.destroyForcibly();
        }
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> log("b").contains("is now the LEADER"));
        long takeoverMs = (System.nanoTime() - stopped) / 1_000_000;
        System.out.println("takeover after " + (graceful ? "SIGTERM" : "kill -9") + ": " + takeoverMs + " ms");
        assertThat(takeoverMs).as("within the lock's timing (and, stopped, the 2 s shutdown)")
                .isLessThan(INTERVAL_MS * (MULTIPLIER + 2) + 3000 + (graceful ? 2000 : 0));

        Path summary = work.resolve("reports/bigin-users/big.csv.summary.json");
        await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(summary));
        List<CSVRecord> ok = read(work.resolve("success/bigin-users/big.csv"));
        Path err = work.resolve("error/bigin-users/big.csv");
        List<CSVRecord> failed = Files.exists(err) ? read(err) : List.of();
        assertThat(failed).as("no row failed, none answered DUPLICATE_DATA").isEmpty();
        Set<String> rows = new HashSet<>();
        ok.forEach(r -> rows.add(r.get("result_row")));
        assertThat(ok).hasSize(ROWS);
        assertThat(rows).as("each row exactly once").hasSize(ROWS);
        Set<String> users = new HashSet<>();
        long nodes = 0;
        for (JsonNode u : hook("/__sandbox/state").path("bigin").path("users")) {
            if (u.path("email").asText().startsWith("node")) {
                nodes++;
                users.add(u.path("email").asText().toLowerCase());
            }
        }
        assertThat(nodes).as("no user twice").isEqualTo(ROWS).isEqualTo(users.size());
        assertThat(log("b")).contains("Processing bigin-users/big.csv");
        b.destroy();
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void idleInstancesPollTheSftpSourceOnlyFromTheLeader() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaults()).start();
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(work.resolve("partner"))) {
            server.folder("outgoing");
            String[] sftp = {"sftp.bigin-users.host=127.0.0.1", "sftp.bigin-users.port=" + server.port(),
                    "sftp.bigin-users.user=" + EmbeddedSftpServer.USER,
                    "sftp.bigin-users.password=" + EmbeddedSftpServer.PASSWORD,
                    "sftp.bigin-users.known-hosts-file=" + server.knownHosts(), "sftp.bigin-users.dir=outgoing",
                    "sftp.bigin-users.poll-delay-ms=200", "sftp.bigin-users.upload-results=true",
                    "sftp.bigin-users.upload-delay-ms=200"};
            int portA = freePort();
            int portB = freePort();
            Process a = child("a", 4, false, cluster("a", with(sftp, management(portA))));
            Process b = child("b", 4, false, cluster("b", with(sftp, management(portB))));
            await().atMost(Duration.ofSeconds(60)).until(() -> log("a").contains("is now the LEADER")
                    || log("b").contains("is now the LEADER"));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.logins() >= 1);
            String leader = log("a").contains("is now the LEADER") ? "a" : "b";
            String standby = leader.equals("a") ? "b" : "a";
            // for 4 s (20 polls of the leader) still one login, the leader's: the standby never connects
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> server.logins() == 1);
            // both ready; the check "cluster" and the metric say which one leads
            int leaderPort = leader.equals("a") ? portA : portB;
            int standbyPort = leader.equals("a") ? portB : portA;
            await().atMost(Duration.ofSeconds(30)).until(() -> ready(standbyPort).statusCode() == 200);
            assertThat(ready(standbyPort).body()).contains("standby");
            assertThat(ready(leaderPort).statusCode()).isEqualTo(200);
            assertThat(ready(leaderPort).body()).contains("leader");
            assertThat(get(leaderPort, "/observe/metrics").body())
                    .contains("# HELP zoho_provisioning_cluster_leader 1 while this instance is the leader")
                    .contains("zoho_provisioning_cluster_leader{namespace=\"zoho-provisioning\"} 1.0");
            assertThat(get(standbyPort, "/observe/metrics").body())
                    .contains("zoho_provisioning_cluster_leader{namespace=\"zoho-provisioning\"} 0.0");
            assertThat(log(standby)).doesNotContain("is now the LEADER");

            (leader.equals("a") ? a : b).destroyForcibly();
            await().atMost(Duration.ofSeconds(30)).until(() -> log(standby).contains("is now the LEADER"));
            await().atMost(Duration.ofSeconds(30)).until(() -> server.logins() == 2);
            server.put("outgoing/late.csv", "email,last_name,role,profile\nlate@example.com,Late,Manager,Standard\n");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(work.resolve(
                    "reports/bigin-users/late.csv.summary.json")));
            // the result upload runs on the new leader too: the results reach the partner's server
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(server.root().resolve("outgoing/success/late.csv")));
        }
    }

    private static String[] management(int port) {
        return new String[] {"camel.management.enabled=true", "camel.management.port=" + port,
                "camel.management.host=127.0.0.1"};
    }

    private static String[] with(String[] a, String[] b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> ready(int port) throws Exception {
        return get(port, "/observe/health/ready?exposureLevel=full");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private String log(String name) throws Exception {
        Path p = work.resolve(name + ".log");
        return Files.exists(p) ? Files.readString(p) : "";
    }

    private JsonNode hook(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
