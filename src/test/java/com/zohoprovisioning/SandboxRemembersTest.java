package com.zohoprovisioning;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: the embedded sandbox keeps its org in {@code <work.dir>/.sandbox/state.json} across runs, so a re-drop
 * finds the user the first run created; {@code sandbox --reset} starts again from the seed. Three {@code --once}
 * runs in-process through Application.run on one work folder.
 */
class SandboxRemembersTest {

    private static final String USER = "email,last_name,role,profile\nremembered@example.com,Remembered,Manager,Standard\n";

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();


    private String once(String name) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve(name), USER);
        props.set("provisioning.repeat-window", "0"); // the same bytes on purpose: what the sandbox remembers
        assertThat(props.once(work.toString())).isEqualTo(0);
        try (Reader r = Files.newBufferedReader(work.resolve("success/bigin-users/" + name), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(r).getRecords();
            assertThat(records).hasSize(1);
            return records.get(0).get("result_action");
        }
    }

    private String reset() {
        props.set("work.dir", work.toString());
        PrintStream out = System.out;
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
        try {
            assertThat(Application.run(new String[] {"sandbox", "--reset"})).isEqualTo(0);
        } finally {
            System.setOut(out);
        }
        return said.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReDropFindsTheUserTheFirstRunCreatedUntilTheSandboxIsReset() throws IOException {
        Path state = work.resolve(".sandbox/state.json");
        assertThat(once("first.csv")).isEqualTo("created");
        assertThat(state).exists().content().contains("remembered@example.com");

        assertThat(once("again.csv")).isIn("updated", "unchanged");

        assertThat(reset()).contains("Deleted").contains(state.toAbsolutePath().normalize().toString());
        assertThat(state).doesNotExist();
        assertThat(reset()).contains("already starts from the seed");

        assertThat(once("third.csv")).isEqualTo("created");
    }

    @Test
    void anEmptyStateFileSettingKeepsNothing() throws IOException {
        props.set("sandbox.state-file", "");
        assertThat(once("first.csv")).isEqualTo("created");
        assertThat(work.resolve(".sandbox")).doesNotExist();
        assertThat(once("again.csv")).isEqualTo("created");
        assertThat(reset()).contains("nothing to reset");
    }
}
