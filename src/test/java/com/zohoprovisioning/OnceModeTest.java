package com.zohoprovisioning;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line's --once mode and its exit codes (0, 3, 2, 1), run in-process through Application.run. */
class OnceModeTest {

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();


    private void drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Files.writeString(inbox.resolve(name), content);
    }

    private int once(String... extra) {
        return props.once(work.toString(), extra);
    }

    @Test
    void allRecordsSucceededExitsZeroAndEmptiesTheInbox() throws IOException {
        drop("a.csv", "email,last_name,role,profile\none@example.com,One,Manager,Standard\n");
        drop("b.json", "[{\"email\":\"two@example.com\",\"last_name\":\"Two\",\"role\":\"CEO\",\"profile\":\"Administrator\"}]");
        assertThat(once()).isEqualTo(0);
        assertThat(work.resolve("inbox/bigin-users")).isEmptyDirectory();
        assertThat(work.resolve("success/bigin-users/a.csv")).exists();
        assertThat(work.resolve("success/bigin-users/b.json")).exists();
    }

    @Test
    void misplacedFilesAreWarnedAboutLeftAloneAndMakeTheExitCodeThree() throws IOException {
        drop("a.csv", "email,last_name,role,profile\nmisplaced.ok@example.com,One,Manager,Standard\n");
        Path inbox = work.resolve("inbox");
        Files.writeString(inbox.resolve("people.csv"), "email\n");                       // not in a feed's folder
        Files.createDirectories(inbox.resolve("bigin-user"));
        Files.writeString(inbox.resolve("bigin-user/people.csv"), "email\n");            // no such feed
        Files.writeString(inbox.resolve("bigin-users/people.xlsx"), "PK");               // extension not taken
        Files.writeString(inbox.resolve("bigin-users/people.csv.txt"), "email\n");
        Files.writeString(inbox.resolve("bigin-users/.hidden.csv.part"), "x");          // ours / hidden: not misplaced
        Files.writeString(inbox.resolve(".DS_Store"), "x");
        LogCapture log = LogCapture.of(MisplacedFiles.class);
        int code;
        try (log) {
            code = once();
        }
        assertThat(code).as("every record succeeded, but files were misplaced").isEqualTo(3);
        assertThat(work.resolve("success/bigin-users/a.csv")).exists();
        List<String> warnings = log.events().stream()
                .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).map(e -> e.getFormattedMessage()).toList();
        assertThat(warnings).hasSize(4);
        assertThat(warnings).allSatisfy(w -> assertThat(w).contains("inbox/bigin-users/", "inbox/crm-users/",
                "*.csv, *.json, *.ndjson, *.jsonl"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("inbox/people.csv is not taken")
                .contains("directly in inbox/"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("inbox/bigin-user/people.csv")
                .contains("inbox/bigin-user/ is not a feed's folder"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("inbox/bigin-users/people.xlsx")
                .contains("extension is not taken", "CSV UTF-8"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("inbox/bigin-users/people.csv.txt"));
        assertThat(inbox.resolve("people.csv")).as("left where it is").exists();

        // hidden files alone are not misplaced: a clean run exits 0 again
        for (String f : List.of("people.csv", "bigin-user/people.csv", "bigin-users/people.xlsx",
                "bigin-users/people.csv.txt")) {
            Files.delete(inbox.resolve(f));
        }
        drop("b.csv", "email,last_name,role,profile\nmisplaced.two@example.com,Two,Manager,Standard\n");
        assertThat(once()).isEqualTo(0);
    }

    @Test
    void someRecordsFailedOrFilesRejectedExitsThree() throws IOException {
        drop("a.csv", "email,last_name,role,profile\nnot-mail,One,Manager,Standard\n");
        assertThat(once()).isEqualTo(3);
        drop("b.csv", "");
        assertThat(once()).isEqualTo(3);
        assertThat(work.resolve("rejected/bigin-users/b.csv")).exists();
        assertThat(work.resolve("rejected/bigin-users/b.csv.reason.txt")).content().contains("empty");
    }

    @Test
    void aConfigFileOverridesTheDefaults() throws IOException {
        drop("a.csv", "email,last_name,role,profile\nthree@example.com,Three,Manager,Standard\n");
        Path config = Files.writeString(work.resolve("my.properties"), "provisioning.dry-run = true\n");
        assertThat(once("--config", config.toString())).isEqualTo(0);
        assertThat(Files.readString(work.resolve("dry-run/bigin-users/a.validated.csv"))).contains("validated");
    }

    /** A dry-run file moved from dry-run/ back into the inbox runs for real: created in Zoho, archived as usual. */
    @Test
    void aDryRunFileMovedBackIntoTheInboxRunsForReal() throws IOException {
        String content = "email,last_name,role,profile\nfour@example.com,Four,Manager,Standard\nnot-mail,Five,Manager,Standard\n";
        drop("a.csv", content);
        Path config = Files.writeString(work.resolve("dry.properties"), "provisioning.dry-run = true\n");
        assertThat(once("--config", config.toString())).isEqualTo(3);
        Path dryRun = work.resolve("dry-run/bigin-users");
        assertThat(dryRun.resolve("a.csv")).hasContent(content);
        assertThat(dryRun.resolve("a.validated.csv")).exists();
        assertThat(dryRun.resolve("a.errors.csv")).exists();
        assertThat(dryRun.resolve("a.csv.summary.json")).content().contains("\"dry_run\" : true");
        for (String dir : List.of("success", "error", "reports", "archive")) {
            assertThat(work.resolve(dir + "/bigin-users")).as(dir).satisfiesAnyOf(
                    p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
        }

        Files.move(dryRun.resolve("a.csv"), work.resolve("inbox/bigin-users/a.csv"));
        assertThat(once()).isEqualTo(3);
        assertThat(work.resolve("inbox/bigin-users")).isEmptyDirectory();
        assertThat(Files.readString(work.resolve("success/bigin-users/a.csv"))).contains("four@example.com,", "created")
                .doesNotContain("validated");
        assertThat(Files.readString(work.resolve("error/bigin-users/a.csv"))).contains("not-mail");
        assertThat(work.resolve("reports/bigin-users/a.csv.summary.json")).content().contains("\"dry_run\" : false");
        assertThat(work.resolve("archive/bigin-users/a.csv")).hasContent(content);
        assertThat(dryRun.resolve("a.csv")).doesNotExist();
        assertThat(dryRun.resolve("a.validated.csv")).exists();
    }

    /** A repeat of a processed file is held, as a file the runaway guard stops: --once exits 1; approve releases it. */
    @Test
    void aRepeatIsHeldAndExitsOneUntilApproved() throws IOException {
        String adds = "email,last_name,role,profile,action\nrepeat@example.com,Repeat,Manager,Standard,add\n";
        drop("a.csv", adds);
        assertThat(once()).isEqualTo(0);
        drop("a (1).csv", adds);
        assertThat(once()).isEqualTo(1);
        assertThat(work.resolve("held/bigin-users/a (1).csv")).exists();
        assertThat(work.resolve("held/bigin-users/a (1).csv.reason.txt")).content().contains("a.csv");
        assertThat(Application.run(new String[] {"approve", "bigin-users", "a (1).csv"})).isEqualTo(0);
        assertThat(once()).isEqualTo(3);
        assertThat(work.resolve("error/bigin-users/a (1).csv")).content().contains("DUPLICATE_DATA");
        assertThat(work.resolve("held/bigin-users")).isEmptyDirectory();
    }

    @Test
    void anEmptyInboxExitsZero() {
        assertThat(once()).isEqualTo(0);
    }

    @Test
    void aConfigurationErrorExitsTwo() {
        props.set("zoho.mode", "production");
        assertThat(once()).isEqualTo(2);
        assertThat(Application.run(new String[] {"--frobnicate"})).isEqualTo(2);
        assertThat(Application.run(new String[] {"--config", work.resolve("missing.properties").toString()})).isEqualTo(2);
    }

    @Test
    void anAuthErrorExitsOneAndLeavesTheFilesAlone() throws IOException {
        drop("a.csv", "email,last_name,role,profile\none@example.com,One,Manager,Standard\n");
        props.set("zoho.client-id", "not-the-client");
        assertThat(once()).isEqualTo(1);
        assertThat(work.resolve("inbox/bigin-users/a.csv")).exists();
        assertThat(work.resolve("error/bigin-users")).doesNotExist();
    }
}
