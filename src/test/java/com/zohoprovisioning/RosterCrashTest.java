package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16: kill -9 in the middle of a roster's leavers (bigin-users). A first run adds 300 users; a roster with only
 * the primary user then makes them all leavers; its run is killed once some are deactivated and started again. Every
 * leaver ends with exactly one line, all 300 are inactive, and none was sent twice beyond the calls in flight at the
 * kill.
 */
class RosterCrashTest extends ChildAppTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 300;
    private static final int IN_FLIGHT = 4;
    private static final String[] ROSTER = {"provisioning.bigin-users.mode=roster",
            "provisioning.bigin-users.roster.max-deactivations=100%",
            // the seed's other active user (not confirmed yet) stays: only the 300 are leavers
            "provisioning.bigin-users.roster.protect=uma.invited@zylker.com"};

    @Test
    void aKilledRosterDeactivatesTheRestOfItsLeaversOnceEach() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.latency-ms", "15"))).start();
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        drop(inbox, "joiners.csv", BiginUsersCsv.of("crew", USERS));
        Process adds = child("adds", IN_FLIGHT, true);
        assertThat(adds.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(adds.exitValue()).as(Files.readString(work.resolve("adds.log"))).isZero();

        drop(inbox, "roster.csv", "email,last_name,role,profile\npatricia.boyle@zylker.com,Boyle,Manager,Standard\n");
        Process first = child("roster1", IN_FLIGHT, true, ROSTER);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> leaverLines() >= 100);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox.resolve("roster.csv")).as("the killed run did not finish").exists();
        long inactiveAtKill = inactive();
        assertThat(inactiveAtKill).isBetween(1L, USERS - 1L);

        Process second = child("roster2", IN_FLIGHT, true, ROSTER);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(Files.readString(work.resolve("roster2.log"))).isZero();

        List<CSVRecord> lines = new ArrayList<>(read(work.resolve("success/bigin-users/roster.leavers.csv")));
        Path err = work.resolve("error/bigin-users/roster.leavers.csv");
        if (Files.exists(err)) {
            lines.addAll(read(err));
        }
        Set<String> ids = new HashSet<>();
        lines.forEach(r -> ids.add(r.get("id")));
        Set<String> seen = new HashSet<>();
        List<String> twice = lines.stream().filter(r -> !seen.add(r.get("id"))).map(CSVRecord::toString).toList();
        assertThat(twice).as("leavers with two lines").isEmpty();
        assertThat(lines).as("one line per leaver").hasSize(USERS);
        assertThat(ids).hasSize(USERS);
        assertThat(lines).allSatisfy(r -> assertThat(r.get("result_action")).isEqualTo("deactivated"));
        assertThat(inactive()).isEqualTo(USERS);
        assertThat(puts()).as("each leaver sent once, but for the calls in flight at the kill")
                .isBetween((long) USERS, (long) USERS + IN_FLIGHT);
        JsonNode roster = JSON.readTree(work.resolve("reports/bigin-users/roster.csv.summary.json").toFile()).path("roster");
        assertThat(roster.path("deactivated").asLong()).isEqualTo(USERS);
        assertThat(roster.path("resumed_from_journal").asLong()).isGreaterThanOrEqualTo(1);
    }

    private static void drop(Path inbox, String name, String content) throws Exception {
        Files.writeString(inbox.resolve("." + name + ".part"), content);
        Files.move(inbox.resolve("." + name + ".part"), inbox.resolve(name));
    }

    /** Leaver outcome lines in the bigin-users journals. */
    private long leaverLines() throws Exception {
        Path dir = work.resolve(".journal/bigin-users");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path j : s.filter(p -> p.getFileName().toString().equals("journal.ndjson")).toList()) {
                try (Stream<String> lines = Files.lines(j)) {
                    n += lines.filter(l -> l.contains("\"leaver\"") && l.contains("\"outcome\"")).count();
                }
            }
        }
        return n;
    }

    private JsonNode hook(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private long inactive() throws Exception {
        long n = 0;
        for (JsonNode u : hook("/__sandbox/state").path("bigin").path("users")) {
            if (u.path("email").asText().startsWith("crew") && u.path("status").asText().equals("inactive")) {
                n++;
            }
        }
        return n;
    }

    private long puts() throws Exception {
        long n = 0;
        var counts = hook("/__sandbox/requests").path("counts").fields();
        while (counts.hasNext()) {
            var e = counts.next();
            if (e.getKey().startsWith("PUT /bigin/v1/users")) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }
}
