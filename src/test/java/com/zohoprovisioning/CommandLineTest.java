package com.zohoprovisioning;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Never a silent live write: an unknown setting stops the start (exit 2) before any file is taken, the start-up
 * says in one line what will happen, and the command line's --dry-run, --version, --help and -Dkey=value after the
 * jar. In-process through Application.run.
 */
class CommandLineTest {

    private static final String ONE_USER = "email,last_name,role,profile\none@example.com,One,Manager,Standard\n";

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger appLog = (Logger) LoggerFactory.getLogger(Application.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        appLog.addAppender(logs);
    }

    @AfterEach
    void clear() {
        appLog.detachAppender(logs);
    }

    private Path drop(String name, String content) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        return Files.writeString(inbox.resolve(name), content);
    }

    private int once(String... extra) {
        return props.once(work.toString(), extra);
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void assertNothingTaken(Path dropped) {
        assertThat(dropped).exists();
        assertThat(work.resolve("success")).doesNotExist();
        assertThat(work.resolve("error")).doesNotExist();
        assertThat(work.resolve("archive")).doesNotExist();
        assertThat(work.resolve(".journal")).doesNotExist();
    }

    @Test
    void aMisspelledSystemPropertyExitsTwoNamingTheKeyAndTheClosestAndTakesNoFile() throws IOException {
        Path dropped = drop("a.csv", ONE_USER);
        props.set("provisioning.dryrun", "true");
        assertThat(once()).isEqualTo(2);
        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("Configuration error: unknown setting "
                + "provisioning.dryrun (system property -Dprovisioning.dryrun): did you mean provisioning.dry-run?"));
        assertNothingTaken(dropped);
    }

    @Test
    void aMisspelledKeyAfterTheJarOrInTheConfigFileExitsTwo() throws IOException {
        Path dropped = drop("a.csv", ONE_USER);
        assertThat(once("-Dprovisioning.dryrun=true")).isEqualTo(2);
        assertThat(messages()).anySatisfy(m -> assertThat(m)
                .contains("unknown setting provisioning.dryrun (-Dprovisioning.dryrun after the jar): did you mean provisioning.dry-run?"));
        Path config = Files.writeString(work.resolve("my.properties"), "sftp.bigin-user.host = example.com\n");
        assertThat(once("--config", config.toString())).isEqualTo(2);
        assertThat(messages()).anySatisfy(m -> assertThat(m)
                .contains("unknown setting sftp.bigin-user.host (--config " + config + "): did you mean sftp.bigin-users.host?"));
        assertNothingTaken(dropped);
    }

    @Test
    void dryRunOnTheCommandLineValidatesAndSaysSoFirst() throws IOException {
        drop("a.csv", ONE_USER);
        assertThat(once("--dry-run")).isEqualTo(0);
        assertThat(Files.readString(work.resolve("dry-run/bigin-users/a.validated.csv"))).contains("validated");
        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("DRY RUN: nothing that writes is sent; target SANDBOX (embedded, at http://127.0.0.1:"));
    }

    @Test
    void aSettingAfterTheJarIsTaken() throws IOException {
        drop("a.csv", ONE_USER);
        assertThat(once("-Dprovisioning.dry-run=true")).isEqualTo(0);
        assertThat(Files.readString(work.resolve("dry-run/bigin-users/a.validated.csv"))).contains("validated");
    }

    @Test
    void theEmbeddedSandboxIsNamedBeforeAnyFileIsTaken() {
        assertThat(once()).isEqualTo(0);
        List<String> m = messages();
        assertThat(m).anySatisfy(l -> assertThat(l).matches("SANDBOX \\(embedded, at http://127\\.0\\.0\\.1:\\d+\\): nothing reaches Zoho"));
        int target = m.indexOf(m.stream().filter(l -> l.startsWith("SANDBOX")).findFirst().orElseThrow());
        int results = m.indexOf(m.stream().filter(l -> l.startsWith("Results:")).findFirst().orElseThrow());
        assertThat(target).isLessThan(results);
    }

    private void live(ZohoSandbox zoho) {
        props.set("zoho.mode", "live");
        props.set("zoho.dc", "eu");
        props.set("zoho.accounts-url", zoho.baseUrl());
        props.set("zoho.mail-url", zoho.baseUrl());
        props.set("zoho.client-id", "sandbox-client");
        props.set("zoho.client-secret", "sandbox-secret");
        props.set("zoho.refresh-token", "sandbox-refresh-token");
    }

    @Test
    void liveSaysTheDataCentreTheApiDomainAndTheTokensUserBeforeAnyFileIsTaken() throws IOException {
        try (ZohoSandbox zoho = new ZohoSandbox(SandboxSettings.defaults()).start()) {
            live(zoho);
            drop("a.csv", ONE_USER);
            assertThat(once()).isEqualTo(0);
            List<String> m = messages();
            String line = "LIVE: Zoho eu, api domain " + zoho.baseUrl() + ", as olivia.owner@zylker.com"; // the seed's Bigin primary contact: bigin-users comes first
            assertThat(m).contains(line);
            assertThat(m.indexOf(line)).isLessThan(m.indexOf(m.stream().filter(l -> l.startsWith("Results:"))
                    .findFirst().orElseThrow()));
        }
    }

    @Test
    void aTokenUserThatCannotBeReadIsSaidAndTheRunGoesOn() throws IOException {
        try (ZohoSandbox zoho = new ZohoSandbox(SandboxSettings.defaults()).start()) {
            live(zoho);
            props.set("zoho.retry.max-redeliveries", "0");
            zoho.faults().update(new com.zohoprovisioning.sandbox.SandboxFaults.Settings(0, 0, 0, 0, 0, 0, 0, true, 0, 86400));
            assertThat(once()).isEqualTo(0);
            assertThat(messages()).anySatisfy(l -> assertThat(l).startsWith("LIVE: Zoho eu, api domain " + zoho.baseUrl()
                    + ", as (unknown: ").contains("GET /crm/v6/users?type=CurrentUser").contains("GET /bigin/v1/users?type=CurrentUser"));
        }
    }

    @Test
    void onlyMailFeedsSayWhyTheTokensUserIsUnknown() throws IOException {
        try (ZohoSandbox zoho = new ZohoSandbox(SandboxSettings.defaults()).start()) {
            live(zoho);
            props.set("provisioning.feeds", "mail-users");
            props.set("mail.zoid", "1234567890");
            assertThat(once()).isEqualTo(0);
            assertThat(messages()).contains("LIVE: Zoho eu, api domain " + zoho.baseUrl() + ", as (unknown: no feed here"
                    + " reads the token's own user: Bigin and CRM feeds do, Zoho Mail has no such call in the scopes used)");
        }
    }

    @Test
    void theSandboxAndApproveCommandsRefuseAMisspelledSettingToo() throws IOException {
        Path held = Files.createDirectories(work.resolve("held/bigin-users"));
        Files.writeString(held.resolve("a.csv"), ONE_USER);
        assertThat(Application.run(new String[] {"approve", "bigin-users", "a.csv", "-Dwork.dir=" + work,
                "-Dprovisioning.dryrun=true"})).isEqualTo(2);
        assertThat(held.resolve("a.csv")).as("not released").exists();
        assertThat(Application.run(new String[] {"sandbox", "--reset", "-Dwork.dir=" + work, "-Dsandbox.licenses=5"}))
                .isEqualTo(2);
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("unknown setting provisioning.dryrun (-Dprovisioning"
                        + ".dryrun after the jar): did you mean provisioning.dry-run?"))
                .anySatisfy(m -> assertThat(m).contains("unknown setting sandbox.licenses (-Dsandbox.licenses after the"
                        + " jar): did you mean sandbox.licences?"));
    }

    @Test
    void aWorkFolderThatIsAFileStopsTheStart() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        assertThat(props.once(file.toString())).isEqualTo(2);
        assertThat(messages()).anySatisfy(m -> assertThat(m).startsWith("Configuration error: work.dir=" + file
                + " is a file, not a folder"));
    }

    @Test
    void aWorkFolderThisUserCannotWriteStopsTheStart() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root writes into a read-only folder");
        Path readOnly = Files.createDirectories(work.resolve("ro/inbox/bigin-users")).getParent().getParent();
        Files.writeString(readOnly.resolve("inbox/bigin-users/a.csv"), ONE_USER);
        readOnly.toFile().setWritable(false, false);
        try {
            assertThat(props.once(readOnly.toString())).isEqualTo(2);
            assertThat(messages()).anySatisfy(m -> assertThat(m).contains("work.dir=" + readOnly
                    + " is not a folder this process can write"));
        } finally {
            readOnly.toFile().setWritable(true, true);
        }
    }

    @Test
    void aHeldFileWhoseNameStartsWithADashIsApprovedAfterTwoDashes() throws IOException {
        Path held = Files.createDirectories(work.resolve("held/bigin-users"));
        Files.writeString(held.resolve("-dash.csv"), ONE_USER);
        assertThat(com.zohoprovisioning.pipeline.HeldFile.approve("bigin-users", "-dash.csv"))
                .endsWith("approve bigin-users -- -dash.csv");
        props.set("work.dir", work.toString());
        assertThat(Application.run(new String[] {"approve", "bigin-users", "--", "-dash.csv"})).isEqualTo(0);
        assertThat(work.resolve("inbox/bigin-users/-dash.csv")).exists();
    }

    @Test
    void missingCredentialsAreNamedOneByOne() throws IOException {
        Path dropped = drop("a.csv", ONE_USER);
        props.set("zoho.mode", "live");
        props.set("zoho.dc", "eu");
        props.set("zoho.client-id", "1000.ABC");
        props.set("zoho.secrets-file", work.resolve("no-secrets.properties").toString());
        assertThat(once()).isEqualTo(2);
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("Zoho credentials are missing: ZOHO_CLIENT_SECRET"
                + " (zoho.client-secret), ZOHO_REFRESH_TOKEN (zoho.refresh-token)").doesNotContain("ZOHO_CLIENT_ID"));
        assertNothingTaken(dropped);
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        String out = stdout(() -> assertThat(Application.run(new String[] {"--version"})).isEqualTo(0));
        assertThat(out).startsWith("zoho-provisioning ");
    }

    @Test
    void helpExplainsSandboxLiveTheWorkFolderDryRunAndSettingsInAtMost25Lines() {
        String out = stdout(() -> assertThat(Application.run(new String[] {"--help"})).isEqualTo(0));
        assertThat(out.strip().lines()).hasSizeLessThanOrEqualTo(25);
        assertThat(out).contains("--dry-run", "zoho.mode=sandbox", "zoho.mode=live", "work.dir", "inbox/<feed>/",
                "-Dkey=value", "--config FILE", "--version");
    }

    @Test
    void anUnknownArgumentStillExitsTwo() {
        assertThat(Application.run(new String[] {"--dryrun"})).isEqualTo(2);
        assertThat(Application.run(new String[] {"-Dno-value"})).isEqualTo(2);
    }

    private static String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
