package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: the same file dropped twice (or copied as {@code people (1).csv}) is held before any call, with a reason
 * naming the earlier run; {@code approve} releases it; other content, a resumed file and repeat-window 0 are not held.
 */
class RepeatedFileTest extends PipelineTestSupport {

    static final String FEED = "bigin-users";
    static final String ADDS = "email,last_name,role,profile,action\n"
            + "rep1@example.com,R1,Manager,Standard,add\nrep2@example.com,R2,Manager,Standard,add\n";

    @Test
    void theSameBytesAgainAreHeldBeforeAnyCallAndApproveReleasesThem() throws Exception {
        drop(FEED, "people.csv", ADDS);
        awaitDone(FEED, "people.csv");
        assertThat(csv("success/" + FEED + "/people.csv")).hasSize(2);
        Path store = path(".state/processed-" + FEED + ".tsv");
        assertThat(Files.readString(store)).contains("people.csv").contains(sha256(ADDS));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path(".state")))).isEqualTo("rwx------");
        long before = zohoRequests();

        drop(FEED, "people (1).csv", ADDS);
        Path held = path("held/" + FEED + "/people (1).csv");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(held)
                && Files.exists(path("held/" + FEED + "/people (1).csv.reason.txt")));
        assertThat(path("inbox/" + FEED + "/people (1).csv")).doesNotExist();
        String reason = Files.readString(path("held/" + FEED + "/people (1).csv.reason.txt"));
        assertThat(reason).contains("repeat").contains("people.csv").contains("reports/" + FEED + "/people.csv.summary.json")
                .contains("success/" + FEED + "/people.csv").contains("archive/" + FEED + "/people.csv")
                .contains("java -jar target/zoho-provisioning.jar approve " + FEED + " 'people (1).csv'");
        assertThat(zohoRequests()).as("no lookup, no call").isEqualTo(before);
        assertThat(resultFiles("people (1)")).isEmpty();
        assertThat(path(".journal/" + FEED)).isEmptyDirectory();

        StringBuilder out = new StringBuilder();
        int code = capture(out, () -> Application.run(new String[] {"approve", FEED, "people (1).csv",
                "-Dwork.dir=" + workDir()}));
        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("Released held/" + FEED + "/people (1).csv into inbox/" + FEED);
        awaitDone(FEED, "people (1).csv");
        assertThat(held).doesNotExist();
        assertThat(path("held/" + FEED + "/people (1).csv.reason.txt")).doesNotExist();
        assertThat(path("inbox/" + FEED + "/people (1).csv.approved")).doesNotExist();
        List<Map<String, String>> err = csv("error/" + FEED + "/people (1).csv");
        assertThat(err).hasSize(2).allSatisfy(r -> assertThat(r.get("result_code")).isEqualTo("DUPLICATE_DATA"));
        assertThat(calls("POST /bigin/v1/users")).isEqualTo(4);

        // approved once: the same bytes a third time are held again
        drop(FEED, "people (2).csv", ADDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(path("held/" + FEED + "/people (2).csv")));
    }

    @Test
    void otherContentIsNotHeld() {
        drop(FEED, "people.csv", ADDS);
        awaitDone(FEED, "people.csv");
        drop(FEED, "others.csv", ADDS.replace("rep", "other"));
        awaitDone(FEED, "others.csv");
        assertThat(csv("success/" + FEED + "/others.csv")).hasSize(2);
        assertThat(path("held/" + FEED)).doesNotExist();
    }

    /** An interrupted run of the same bytes (its journal has outcomes) continues: it is not a repeat. */
    @Test
    void aFileResumingFromItsJournalIsNotHeld() throws Exception {
        drop(FEED, "people.csv", ADDS);
        awaitDone(FEED, "people.csv");
        Path journal = path(".journal/" + FEED + "/" + sha256(ADDS).substring(0, 32) + "/journal.ndjson");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, "{\"row\":1,\"outcome\":{\"success\":true,\"action\":\"created\",\"id\":\"1\","
                + "\"code\":null,\"message\":\"created\",\"http\":201}}\n");
        drop(FEED, "people-again.csv", ADDS);
        awaitDone(FEED, "people-again.csv");
        assertThat(path("held/" + FEED)).doesNotExist();
        assertThat(summary(FEED, "people-again.csv").path("resumed_from_journal").asLong()).isEqualTo(1);
    }

    @Test
    void approveSaysWhenTheFeedOrTheHeldFileDoesNotExist() {
        StringBuilder err = new StringBuilder();
        assertThat(captureErr(err, () -> Application.run(new String[] {"approve", "no-such-feed", "x.csv",
                "-Dwork.dir=" + workDir()}))).isEqualTo(2);
        assertThat(err.toString()).contains("unknown feed 'no-such-feed'").contains(FEED);
        err.setLength(0);
        assertThat(captureErr(err, () -> Application.run(new String[] {"approve", FEED, "x.csv",
                "-Dwork.dir=" + workDir()}))).isEqualTo(2);
        assertThat(err.toString()).contains("no held file held/" + FEED + "/x.csv");
        assertThat(Application.run(new String[] {"approve", FEED})).isEqualTo(2);
    }

    /** Requests that reached the sandbox's Zoho APIs (its own /__sandbox hooks left out). */
    private long zohoRequests() {
        long n = 0;
        JsonNode counts = sandboxGet("/__sandbox/requests").path("counts");
        for (Iterator<String> it = counts.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            n += k.contains("/__sandbox") ? 0 : counts.get(k).asLong();
        }
        return n;
    }

    private List<String> resultFiles(String stem) throws IOException {
        List<String> found = new java.util.ArrayList<>();
        for (String dir : List.of("success", "error", "reports", "archive")) {
            Path d = path(dir + "/" + FEED);
            if (Files.isDirectory(d)) {
                try (Stream<Path> s = Files.list(d)) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(stem)).forEach(found::add);
                }
            }
        }
        return found;
    }

    static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static int capture(StringBuilder out, java.util.function.IntSupplier run) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return run.getAsInt();
        } finally {
            System.setOut(old);
            out.append(buf.toString(StandardCharsets.UTF_8));
        }
    }

    private static int captureErr(StringBuilder out, java.util.function.IntSupplier run) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return run.getAsInt();
        } finally {
            System.setErr(old);
            out.append(buf.toString(StandardCharsets.UTF_8));
        }
    }
}
