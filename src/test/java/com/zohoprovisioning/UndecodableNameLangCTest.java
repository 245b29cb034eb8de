package com.zohoprovisioning;

import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --once} under {@code LANG=C} (cron's default), a child JVM for its locale: file names are decoded as ASCII,
 * so a non-ASCII name ({@code müller.csv}) names no file the JVM can open. It is moved, unread, to rejected/ under a
 * safe derived name, with a reason that says how to fix it; the other file is processed, and the run ends with 3.
 */
class UndecodableNameLangCTest extends ChildAppTestSupport {

    private static final String CSV = "email,last_name,role,profile\n";

    @Test
    void aNonAsciiNameUnderLangCIsRejectedWithTheFixAndOnceEnds() throws Exception {
        Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "this JVM cannot write the non-ASCII name");
        sandbox = new ZohoSandbox(SandboxSettings.defaults()).start();
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        String mueller = CSV + "mueller.langc@example.com,Müller,Manager,Standard\n";
        Files.writeString(inbox.resolve("müller.csv"), mueller);
        Files.writeString(inbox.resolve("z-ok.csv"), CSV + "ok.langc@example.com,Ok,Manager,Standard\n");

        Process once = child("langc", 2, true, Map.of("LANG", "C", "LC_ALL", "C"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> !once.isAlive());

        String log = Files.readString(work.resolve("langc.log"), StandardCharsets.ISO_8859_1);
        assertThat(once.exitValue()).as(log).isEqualTo(3);
        assertThat(log).contains("not UTF-8", "Rejected bigin-users/m", "Exit code 3");
        assertThat(work.resolve("success/bigin-users/z-ok.csv")).content().contains("ok.langc@example.com");
        assertThat(inbox).as("nothing left behind").isEmptyDirectory();
        List<Path> rejected;
        try (Stream<Path> s = Files.list(work.resolve("rejected/bigin-users"))) {
            rejected = s.sorted().toList();
        }
        assertThat(rejected).extracting(p -> p.getFileName().toString())
                .hasSize(2).allMatch(n -> n.matches("m_ller~[0-9a-f]{8}\\.csv(\\.reason\\.txt)?"));
        assertThat(rejected.get(0)).as("the file itself, unread").hasContent(mueller);
        assertThat(rejected.get(1)).content(StandardCharsets.UTF_8)
                .contains("File: müller.csv", "Saved as: " + rejected.get(0).getFileName(),
                        "its name cannot be read in the file-name encoding", "LANG=C.UTF-8");
        assertThat(sandbox.state().root().toString()).contains("ok.langc@example.com")
                .doesNotContain("mueller.langc@example.com");
    }
}
