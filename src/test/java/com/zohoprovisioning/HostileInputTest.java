package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input for the bigin-users feed, end to end through the real routes: every file of the corpus in
 * {@code src/test/resources/hostile/} (the big ones generated here) is dropped into the inbox, and
 * {@code manifest.json} says what must happen to it: rejected with a reason naming the problem, or processed with
 * so many successes and errors, each error line naming its row and field. One Camel context serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest extends PipelineTestSupport {

    private static final String FEED = "bigin-users";
    private static final String CORPUS = "hostile/";
    static final int MAX_RECORDS = 50;
    static final long MAX_FILE_BYTES = 24L * 1024 * 1024; // room for the 21 MB string of long-string.json

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("provisioning.max-records", String.valueOf(MAX_RECORDS),
                "provisioning.max-file-bytes", String.valueOf(MAX_FILE_BYTES),
                "provisioning.read-lock-check-ms", "250",
                // one work folder for the whole class, whose tests drop the same corpus files: not repeats here
                "provisioning.repeat-window", "0");
    }

    static Stream<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : JSON.readTree(resource("manifest.json"))) {
            cases.add(Arguments.of(c.path("case").asText(), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileIsRejectedWithAReasonOrProcessedRecordByRecord(String name, JsonNode expected) {
        String file = expected.path("file").asText();
        String dropAs = expected.path("dropAs").asText(file);
        drop(FEED, dropAs, content(expected));
        awaitDone(FEED, dropAs);
        try {
            check(expected, dropAs);
        } finally {
            if (expected.has("generate")) {
                // the big generated inputs end in archive/ or rejected/: do not leave megabytes in the temp folder
                deleteQuietly(path("archive/" + FEED + "/" + dropAs));
                deleteQuietly(path("rejected/" + FEED + "/" + dropAs));
            }
        }
    }

    private void check(JsonNode expected, String dropAs) {

        assertThat(path("inbox/" + FEED + "/" + dropAs)).doesNotExist();
        if (expected.has("rejected")) {
            assertThat(path("rejected/" + FEED + "/" + dropAs)).exists();
            assertThat(path("rejected/" + FEED + "/" + dropAs + ".reason.txt")).content(StandardCharsets.UTF_8)
                    .contains("Reason: ").contains(expected.path("rejected").asText());
            assertThat(path("reports/" + FEED + "/" + dropAs + ".summary.json")).doesNotExist();
            assertThat(path("success/" + FEED + "/" + dropAs)).doesNotExist();
            assertThat(path("error/" + FEED + "/" + dropAs)).doesNotExist();
            for (JsonNode absent : expected.path("notInSandbox")) {
                assertThat(biginUser(absent.asText())).as("nothing sent for %s", absent.asText()).isNull();
            }
            return;
        }
        long success = expected.path("success").asLong();
        long error = expected.path("error").asLong();
        JsonNode summary = summary(FEED, dropAs);
        assertThat(summary.path("succeeded").asLong()).as("succeeded").isEqualTo(success);
        assertThat(summary.path("failed").asLong()).as("failed").isEqualTo(error);
        assertThat(summary.path("records_read").asLong()).as("success + error = records").isEqualTo(success + error);
        assertThat(path("archive/" + FEED + "/" + dropAs)).exists();
        assertThat(summary.path("skipped").path("blank_rows").asLong()).as("blank rows skipped")
                .isEqualTo(expected.path("blankRows").asLong(0));

        List<Map<String, String>> ok = results("success/" + FEED + "/" + dropAs);
        List<Map<String, String>> bad = results("error/" + FEED + "/" + dropAs);
        assertThat(ok).hasSize((int) success);
        assertThat(bad).hasSize((int) error);
        assertThat(ok).allSatisfy(r -> assertThat(r.get("result_status")).isEqualTo("success"));
        assertThat(bad).allSatisfy(r -> {
            assertThat(r.get("result_status")).isEqualTo("error");
            assertThat(r.get("result_row")).as("error line names its row").isNotBlank();
            assertThat(r.get("result_message")).isNotBlank();
        });
        for (JsonNode e : expected.path("errors")) {
            Map<String, String> line = byRow(bad, e.path("row").asText());
            assertThat(line.get("result_code")).isEqualTo(e.path("code").asText());
            if (e.has("field")) {
                assertThat(line.get("result_message")).as("error line names the field").contains(e.path("field").asText());
            }
            if (e.has("message")) {
                assertThat(line.get("result_message")).contains(e.path("message").asText());
            }
        }
        for (JsonNode absent : expected.path("notInSandbox")) {
            assertThat(biginUser(absent.asText())).as("no user created for %s", absent.asText()).isNull();
        }
        for (JsonNode v : expected.path("values")) {
            assertThat(byRow(ok, v.path("row").asText())).containsEntry(v.path("column").asText(), v.path("value").asText());
        }
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItStopsGrowing() throws Exception {
        Path inbox = Files.createDirectories(path("inbox/" + FEED));
        Path growing = inbox.resolve("growing.csv");
        int rows = 40;
        List<String> chunks = new ArrayList<>();
        chunks.add("email,first_name,last_name,role,profile\n");
        for (int i = 1; i <= rows; i++) {
            // each row arrives in two writes, so a file taken too early would end in half a row
            chunks.add("grow" + i + "@example.com,Grow,");
            chunks.add("Row" + i + ",Manager,Standard\n");
        }
        Iterator<String> next = chunks.iterator();
        Files.writeString(growing, next.next(), StandardCharsets.UTF_8);
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger written = new AtomicInteger(1);
        try {
            ScheduledFuture<?> appending = writer.scheduleAtFixedRate(() -> {
                if (next.hasNext()) {
                    append(growing, next.next());
                    written.incrementAndGet();
                }
            }, 20, 20, TimeUnit.MILLISECONDS);

            await().during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(1400)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(growing) && !Files.exists(path("reports/" + FEED + "/growing.csv.summary.json"))
                            && !Files.exists(path("rejected/" + FEED + "/growing.csv")));
            assertThat(written.get()).as("the file was still growing while we watched").isLessThan(chunks.size());

            await().atMost(Duration.ofSeconds(10)).until(() -> written.get() == chunks.size());
            appending.cancel(false);
        } finally {
            writer.shutdownNow();
        }
        awaitDone(FEED, "growing.csv");
        JsonNode summary = summary(FEED, "growing.csv");
        assertThat(summary.path("records_read").asLong()).isEqualTo(rows);
        assertThat(summary.path("succeeded").asLong()).isEqualTo(rows);
        assertThat(biginUser("grow" + rows + "@example.com").path("last_name").asText()).isEqualTo("Row" + rows);
    }

    @Test
    void neutralisedCellsComeBackUnchangedWhenAResultFileIsDroppedAgain() throws IOException {
        drop(FEED, "formulas.csv", resource("formula-cells.csv").readAllBytes());
        awaitDone(FEED, "formulas.csv");
        Map<String, String> first = byRow(csv("success/" + FEED + "/formulas.csv"), "1");
        assertThat(first).containsEntry("first_name", "'=1+2")
                .containsEntry("notes", "'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(first.get("result_status")).isEqualTo("success");
        assertThat(biginUser("fay.formula@example.com").path("first_name").asText()).isEqualTo("=1+2");

        // the success file, result_* columns and all, goes back into the inbox as it is
        drop(FEED, "formulas-again.csv", Files.readAllBytes(path("success/" + FEED + "/formulas.csv")));
        awaitDone(FEED, "formulas-again.csv");
        List<Map<String, String>> again = csv("success/" + FEED + "/formulas-again.csv");
        assertThat(again).hasSize(4);
        // the success file lists records in completion order, so its rows are found by e-mail here
        assertThat(byEmail(again, "fay.formula@example.com")).containsEntry("first_name", "'=1+2")
                .containsEntry("notes", "'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(byEmail(again, "gil.formula@example.com")).containsEntry("notes", "'@SUM(A1:A2)");
        assertThat(byEmail(again, "hal.formula@example.com")).containsEntry("notes", "'-2+3");
        assertThat(byEmail(again, "ida.formula@example.com")).containsEntry("notes", "'+49 30 1234");
        assertThat(biginUser("fay.formula@example.com").path("first_name").asText()).isEqualTo("=1+2");
        assertThat(again).allSatisfy(r -> assertThat(r.keySet().stream().filter(k -> k.startsWith("result_")))
                .hasSize(7));
    }

    @Test
    void aFormulaAsAColumnNameIsNeutralisedAndOnlyThisToolsApostrophesAreTakenOff() throws IOException {
        drop(FEED, "formula-header.csv", resource("formula-header.csv").readAllBytes());
        awaitDone(FEED, "formula-header.csv");
        String written = Files.readString(path("success/" + FEED + "/formula-header.csv"), StandardCharsets.UTF_8);
        String header = written.substring(0, written.indexOf('\n')).replace("\uFEFF", "");
        assertThat(header).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",")
                .doesNotContain(",\"=HYPERLINK");
        // an input that is not a result file keeps its apostrophes: Zoho gets them as they were
        assertThat(biginUser("quote.kept@example.com").path("first_name").asText()).isEqualTo("'=1+2");
        assertThat(biginUser("quote.at@example.com").path("last_name").asText()).isEqualTo("'@home");
        List<Map<String, String>> first = csv("success/" + FEED + "/formula-header.csv");
        // written with one more apostrophe, so that a re-drop gives back exactly the input
        assertThat(byEmail(first, "quote.kept@example.com")).containsEntry("first_name", "''=1+2")
                .containsEntry("'=HYPERLINK(\"http://evil\",\"x\")", "'=1+1").containsEntry("notes", "'Connor");
        assertThat(byEmail(first, "quote.at@example.com")).containsEntry("last_name", "''@home")
                .containsEntry("notes", "''-5");

        drop(FEED, "formula-header-again.csv", Files.readAllBytes(path("success/" + FEED + "/formula-header.csv")));
        awaitDone(FEED, "formula-header-again.csv");
        List<Map<String, String>> again = csv("success/" + FEED + "/formula-header-again.csv");
        assertThat(again).hasSize(2);
        assertThat(byEmail(again, "quote.kept@example.com")).containsEntry("first_name", "''=1+2")
                .containsEntry("'=HYPERLINK(\"http://evil\",\"x\")", "'=1+1").containsEntry("notes", "'Connor");
        assertThat(byEmail(again, "quote.at@example.com")).containsEntry("last_name", "''@home")
                .containsEntry("notes", "''-5");
        assertThat(biginUser("quote.kept@example.com").path("first_name").asText()).isEqualTo("'=1+2");
        assertThat(biginUser("quote.at@example.com").path("last_name").asText()).isEqualTo("'@home");
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Three records (JSON array or NDJSON), the second holding a value beyond the JSON reader's usual limits: it
     * must get an error line and the third must still be read.
     */
    private static byte[] overLimitJson(String tag, String extra, boolean ndjson) {
        StringBuilder sb = new StringBuilder(ndjson ? "" : "[\n");
        for (int i = 1; i <= 3; i++) {
            sb.append("{\"email\": \"limit").append(i).append('.').append(tag).append("@example.com\", ")
                    .append("\"first_name\": \"Lim\", \"last_name\": \"It\", \"role\": \"Manager\", ")
                    .append("\"profile\": \"Standard\"").append(i == 2 ? ", " + extra : "").append('}')
                    .append(ndjson ? "\n" : i < 3 ? ",\n" : "\n]\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Arrays nested {@code levels} deep: [[[…]]]. */
    private static String nested(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    private byte[] content(JsonNode expected) {
        String gen = expected.path("generate").asText("");
        try {
            return switch (gen) {
                case "" -> resource(expected.path("file").asText()).readAllBytes();
                case "tenMegabyteField" -> tenMegabyteField();
                case "hundredThousandColumns" -> hundredThousandColumns();
                case "tooManyRecords" -> tooManyRecords();
                case "longNdjsonField" -> longNdjsonField();
                case "longNumberJson" -> overLimitJson("num.json", "\"notes\": " + "7".repeat(1500), false);
                case "longKeyJson" -> overLimitJson("key.json", "\"" + "k".repeat(60_000) + "\": \"x\"", false);
                case "longNumberNdjson" -> overLimitJson("num.nd", "\"notes\": " + "7".repeat(1500), true);
                case "longKeyNdjson" -> overLimitJson("key.nd", "\"" + "k".repeat(60_000) + "\": \"x\"", true);
                case "longStringJson" -> overLimitJson("str.json", "\"notes\": \"" + "x".repeat(21_000_000) + "\"", false);
                case "longStringNdjson" -> overLimitJson("str.nd", "\"notes\": \"" + "x".repeat(21_000_000) + "\"", true);
                case "deepJson" -> overLimitJson("deep.json", "\"notes\": " + nested(1200), false);
                case "deepNdjson" -> overLimitJson("deep.nd", "\"notes\": " + nested(1200), true);
                case "deepWithinJson" -> overLimitJson("within.json", "\"notes\": " + nested(995), false);
                case "deepWithinNdjson" -> overLimitJson("within.nd", "\"notes\": " + nested(995), true);
                case "deeperJson" -> overLimitJson("deeper.json", "\"notes\": " + nested(100_001), false);
                case "deeperNdjson" -> overLimitJson("deeper.nd", "\"notes\": " + nested(100_001), true);
                case "lateNul" -> lateNul(StandardCharsets.UTF_8);
                case "lateNulUtf16" -> lateNul(StandardCharsets.UTF_16);
                case "mixedEncoding" -> mixedEncoding();
                case "oversize" -> null;
                default -> throw new IllegalArgumentException("unknown generator " + gen);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Path drop(String feed, String name, byte[] content) {
        if (content != null) {
            return super.drop(feed, name, content);
        }
        // oversize: a sparse file one byte over the limit, renamed into the inbox
        try {
            Path inbox = Files.createDirectories(path("inbox/" + feed));
            Path tmp = inbox.resolve("." + name + ".part");
            try (RandomAccessFile f = new RandomAccessFile(tmp.toFile(), "rw")) {
                f.write("email,first_name\n".getBytes(StandardCharsets.UTF_8));
                f.setLength(MAX_FILE_BYTES + 1);
            }
            return Files.move(tmp, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] tenMegabyteField() {
        StringBuilder sb = new StringBuilder(11 * 1024 * 1024);
        sb.append("email,first_name,last_name,role,profile,notes\n");
        sb.append("big.ok@example.com,Big,Ok,Manager,Standard,short note\n");
        sb.append("big.field@example.com,Big,Field,Manager,Standard,\"");
        sb.append("x".repeat(10 * 1024 * 1024));
        sb.append("\"\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longNdjsonField() {
        return ("{\"email\":\"long.nd@example.com\",\"last_name\":\"Long\",\"role\":\"Manager\","
                + "\"profile\":\"Standard\",\"notes\":\"" + "y".repeat(200_000) + "\"}\n"
                + "{\"email\":\"short.nd@example.com\",\"last_name\":\"Short\",\"role\":\"Manager\","
                + "\"profile\":\"Standard\"}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hundredThousandColumns() {
        StringBuilder header = new StringBuilder("email,first_name,last_name,role,profile");
        StringBuilder row = new StringBuilder("wide.file@example.com,Wide,File,Manager,Standard");
        for (int i = 6; i <= 100_000; i++) {
            header.append(",c").append(i);
            row.append(',').append(i % 10);
        }
        return (header + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** 40 rows of 300 bytes, a NUL in row 37 (line 38), well past the first 8 KB; UTF-16 with its BOM. */
    private static byte[] lateNul(java.nio.charset.Charset charset) {
        StringBuilder sb = new StringBuilder("email,first_name,last_name,role,profile,notes\n");
        for (int i = 1; i <= 40; i++) {
            sb.append("nul").append(i).append("@example.com,Nul,Row").append(i).append(",Manager,Standard,")
                    .append(i == 37 ? "before\0after" : "n".repeat(250)).append('\n');
        }
        return sb.toString().getBytes(charset);
    }

    /**
     * 3,000 rows in UTF-8 ({@code René}), and on line 3,000 (row 2,999) one written in windows-1252 ({@code José} with
     * the byte 0xE9): far past the first 8 KB.
     */
    private static byte[] mixedEncoding() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("email,first_name,last_name,role,profile,notes\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 3000; i++) {
            String row = i == 2999 ? "jose.mixed@example.com,Jos\u00e9,Mixed,Manager,Standard,\n"
                    : "rene" + i + "@example.com,Ren\u00e9,Row" + i + ",Manager,Standard,\n";
            out.writeBytes(row.getBytes(i == 2999 ? java.nio.charset.Charset.forName("windows-1252")
                    : StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] tooManyRecords() {
        StringBuilder sb = new StringBuilder("email,first_name,last_name,role,profile\n");
        for (int i = 1; i <= MAX_RECORDS + 1; i++) {
            sb.append("many").append(i).append("@example.com,Many,Row").append(i).append(",Manager,Standard\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // only housekeeping
        }
    }

    private static InputStream resource(String name) {
        InputStream in = HostileInputTest.class.getClassLoader().getResourceAsStream(CORPUS + name);
        if (in == null) {
            throw new IllegalArgumentException("no corpus file " + name);
        }
        return in;
    }

    private static void append(Path file, String text) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of a result file of any format, as text maps. */
    private List<Map<String, String>> results(String relative) {
        Path p = path(relative);
        if (!Files.exists(p)) {
            return List.of();
        }
        String name = p.getFileName().toString();
        if (name.endsWith(".csv")) {
            return csvWithItsDelimiter(p);
        }
        List<JsonNode> nodes = new ArrayList<>();
        try {
            if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
                for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        nodes.add(JSON.readTree(line));
                    }
                }
            } else {
                JsonNode root = JSON.readTree(p.toFile());
                JsonNode array = root.isArray() ? root : root.elements().next();
                array.forEach(nodes::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode n : nodes) {
            Map<String, String> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(f -> m.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText()
                    : f.getValue().toString()));
            out.add(m);
        }
        return out;
    }

    /** A result CSV keeps the input's delimiter (and BOM): read it with the delimiter its header uses. */
    private static List<Map<String, String>> csvWithItsDelimiter(Path p) {
        try {
            String text = Files.readString(p, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String header = text.substring(0, Math.max(text.indexOf('\n'), 0));
            char delimiter = header.contains("result_status;") ? ';' : header.contains("result_status\t") ? '\t' : ',';
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .get().parse(new StringReader(text))) {
                out.add(new LinkedHashMap<>(rec.toMap()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> byEmail(List<Map<String, String>> rows, String email) {
        return rows.stream().filter(r -> email.equals(r.get("email"))).findFirst()
                .orElseThrow(() -> new AssertionError("no result line for " + email + " in " + rows));
    }

    private static Map<String, String> byRow(List<Map<String, String>> rows, String row) {
        return rows.stream().filter(r -> row.equals(r.get("result_row"))).findFirst()
                .orElseThrow(() -> new AssertionError("no result line for row " + row + " in " + rows));
    }
}
