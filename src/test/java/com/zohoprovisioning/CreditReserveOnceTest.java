package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credit reserve across --once runs, against one sandbox that outlives them (its credits are spent across runs,
 * as Zoho's are): the reserve is taken of the most credits reported left by any run of the last 24 hours (kept in
 * .state/), it holds while calls are in flight (no call answered 429, the credits left stay at the reserve), and a
 * held file moved back by hand finishes with every row once, its reason gone, and the --once line counts its rows.
 */
class CreditReserveOnceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RESERVE = Pattern.compile("Zoho API credits: (\\d+) left, reserve (\\d+)");

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();
    private ZohoSandbox zoho;

    @AfterEach
    void stopSandbox() {
        if (zoho != null) {
            zoho.close();
        }
    }

    private void startSandbox(long creditsPerDay) throws IOException {
        zoho = new ZohoSandbox(SandboxSettings.defaultsWith(Map.of("sandbox.credits-per-day", String.valueOf(creditsPerDay),
                "sandbox.latency-ms", "20"))).start();
        props.set("zoho.api-url", zoho.baseUrl());
    }

    private void drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve(name), content);
    }

    private JsonNode requests() {
        return JSON.valueToTree(zoho.requests().toJson());
    }

    private long creditsLeft() {
        return zoho.faults().creditsLeft();
    }

    private static long reserveOf(String reason) {
        Matcher m = RESERVE.matcher(reason);
        assertThat(m.find()).as(reason).isTrue();
        return Long.parseLong(m.group(2));
    }

    @Test
    void theReserveHoldsWhileCallsAreInFlightAndTheFileMovedBackFinishesWithEveryRowOnce() throws IOException {
        startSandbox(20);
        drop("tight.csv", BiginUsersCsv.of("tight", 30));
        String once;
        try (LogCapture log = LogCapture.of(OnceRunner.class)) {
            assertThat(props.once(work.toString())).isEqualTo(1);
            once = log.events().get(log.events().size() - 1).getFormattedMessage();
        }
        Path held = work.resolve("held/bigin-users/tight.csv");
        assertThat(held).exists();
        String reason = Files.readString(work.resolve("held/bigin-users/tight.csv.reason.txt"));
        long reserve = reserveOf(reason);
        assertThat(reserve).as("20 % of the most reported left (19)").isEqualTo(3);
        assertThat(requests().path("rejected_429").asLong()).as("no call went out with no credit left").isZero();
        assertThat(creditsLeft()).as("the calls in flight count: the reserve holds").isGreaterThanOrEqualTo(reserve - 1);
        assertThat(reason).containsPattern("move the file back to the inbox after \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d ");

        Matcher done = Pattern.compile("Records with an outcome: (\\d+) \\((\\d+) succeeded").matcher(reason);
        assertThat(done.find()).isTrue();
        long succeeded = Long.parseLong(done.group(2));
        assertThat(succeeded).isPositive();
        assertThat(once).as("the --once line counts the rows the held file finished")
                .contains("0 file(s) processed, 1 held, 0 rejected, 0 could not be processed")
                .contains(succeeded + " records succeeded, 0 failed; waiting in held/: " + (30 - succeeded) + " records")
                .endsWith("Exit code 1");

        zoho.faults().update(new com.zohoprovisioning.sandbox.SandboxFaults.Settings(20, 0, 0, 0, 0, 0, 0, false, 1000, 86400));
        Files.move(held, work.resolve("inbox/bigin-users/tight.csv"));
        assertThat(props.once(work.toString())).isZero();
        assertThat(work.resolve("held/bigin-users/tight.csv.reason.txt")).as("its hold's reason went with it")
                .doesNotExist();
        List<CSVRecord> ok = read(work.resolve("success/bigin-users/tight.csv"));
        assertThat(ok).hasSize(30);
        assertThat(ok.stream().map(r -> r.get("result_row")).collect(Collectors.toSet())).hasSize(30);
        assertThat(work.resolve("error/bigin-users/tight.csv")).doesNotExist();
        assertThat(requests().path("counts_by_status").path("POST /bigin/v1/users 201").asLong())
                .as("no add sent twice").isEqualTo(30);
    }

    @Test
    void aLaterRunTakesTheReserveOfTheMostCreditsAnEarlierRunSawLeft() throws IOException {
        startSandbox(100);
        drop("first.csv", BiginUsersCsv.of("first", 40));
        assertThat(props.once(work.toString())).isZero();
        assertThat(work.resolve(".state/credits-seen.tsv")).exists();
        long leftAfterFirst = creditsLeft();
        assertThat(leftAfterFirst).isLessThan(60);

        drop("second.csv", BiginUsersCsv.of("second", 60));
        assertThat(props.once(work.toString())).isEqualTo(1);
        String reason = Files.readString(work.resolve("held/bigin-users/second.csv.reason.txt"));
        assertThat(reserveOf(reason)).as("20 % of the 99 the first run saw left, not of what this run saw (%d)",
                leftAfterFirst).isEqualTo(19);
        assertThat(creditsLeft()).isGreaterThanOrEqualTo(18);
    }

    private static List<CSVRecord> read(Path p) throws IOException {
        String text = Files.readString(p).replace("\uFEFF", "");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }
}
