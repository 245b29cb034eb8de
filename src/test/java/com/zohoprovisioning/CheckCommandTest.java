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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check}: a token and each feed's first lookup against the embedded sandbox, no file taken. */
class CheckCommandTest {

    @TempDir
    Path work;
    @RegisterExtension
    final TestSystemProperties props = new TestSystemProperties();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger appLog = (Logger) LoggerFactory.getLogger(Application.class);
    private String out = "";

    @BeforeEach
    void setUp() {
        logs.start();
        appLog.addAppender(logs);
        props.set("work.dir", work.toString());
    }

    @AfterEach
    void clear() {
        appLog.detachAppender(logs);
    }

    private int check(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return Application.run(all);
        } finally {
            System.setOut(saved);
            out = bytes.toString(StandardCharsets.UTF_8);
            saved.print(out);
        }
    }

    @Test
    void theSandboxPassesWithALinePerFeedAndNoFileIsTaken() throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox/bigin-users"));
        Path dropped = Files.writeString(inbox.resolve("a.csv"), "email,last_name,role,profile\na@example.com,A,Manager,Standard\n");
        assertThat(check()).as(out).isEqualTo(0);
        assertThat(out).containsPattern("token: OK, SANDBOX \\(embedded, at http://127\\.0\\.0\\.1:\\d+\\)")
                .contains("bigin-users: OK (GET /bigin/v1/settings/roles, GET /bigin/v1/settings/profiles,"
                        + " GET /bigin/v1/users?type=AllUsers&per_page=1)")
                .contains("crm-users: OK (GET /crm/v6/settings/roles, GET /crm/v6/settings/profiles,"
                        + " GET /crm/v6/users?type=AllUsers&per_page=1)")
                .contains("crm-user-groups: OK (GET /crm/v6/settings/roles, GET /crm/v6/settings/user_groups?per_page=1,"
                        + " GET /crm/v6/users?type=AllUsers&per_page=1, GET /crm/v6/settings/territories)")
                .containsPattern("mail-users: OK \\(GET /api/organization/\\S+/accounts\\?start=0&limit=1\\)")
                .contains("check: OK");
        assertThat(dropped).exists();
        assertThat(work.resolve("success")).doesNotExist();
        assertThat(work.resolve(".journal")).doesNotExist();
    }

    @Test
    void aUserFeedInRosterModeAlsoChecksItsOrgLookup() {
        assertThat(check("-Dprovisioning.crm-users.mode=roster", "-Dprovisioning.bigin-users.mode=roster")).as(out)
                .isEqualTo(0);
        // the primary contact comes from the org: a scope of its own (ZohoCRM.org.READ, ZohoBigin.org.READ)
        assertThat(out).contains("crm-users: OK (GET /crm/v6/settings/roles, GET /crm/v6/settings/profiles,"
                        + " GET /crm/v6/users?type=AllUsers&per_page=1, GET /crm/v6/org)")
                .contains("bigin-users: OK (GET /bigin/v1/settings/roles, GET /bigin/v1/settings/profiles,"
                        + " GET /bigin/v1/users?type=AllUsers&per_page=1, GET /bigin/v1/org)")
                .doesNotContain("crm-user-groups: OK (GET /crm/v6/org").contains("check: OK");
    }

    @Test
    void aWrongRefreshTokenExitsOne() {
        assertThat(check("-Dzoho.refresh-token=not-the-right-one")).as(out).isEqualTo(1);
        assertThat(out).doesNotContain("check: OK").doesNotContain("token: OK");
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).startsWith("Zoho authentication failed"));
    }

    @Test
    void liveWithAWrongOrganisationFailsThatFeedOnlyAndExitsOne() throws IOException {
        try (ZohoSandbox zoho = new ZohoSandbox(SandboxSettings.defaults()).start()) {
            int code = check("-Dzoho.mode=live", "-Dzoho.dc=eu", "-Dzoho.accounts-url=" + zoho.baseUrl(),
                    "-Dzoho.api-url=" + zoho.baseUrl(), "-Dzoho.mail-url=" + zoho.baseUrl(), "-Dmail.zoid=999",
                    "-Dzoho.client-id=sandbox-client", "-Dzoho.client-secret=sandbox-secret",
                    "-Dzoho.refresh-token=sandbox-refresh-token", "-Dzoho.retry.max-redeliveries=0");
            assertThat(code).as(out).isEqualTo(1);
            assertThat(out).contains("token: OK, LIVE: Zoho eu").contains("bigin-users: OK")
                    .containsPattern("mail-users: FAILED HTTP \\d+ .*\\(GET /api/organization/999/accounts")
                    .contains("check: 1 feed(s) FAILED");
        }
    }

    @Test
    void aConfigurationErrorExitsTwo() {
        assertThat(check("-Dzoho.mode=alive")).isEqualTo(2);
    }
}
