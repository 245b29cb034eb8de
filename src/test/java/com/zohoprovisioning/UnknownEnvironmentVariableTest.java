package com.zohoprovisioning;

import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An environment variable under one of our prefixes that is no known key's name (PROVISIONING_DRYRUN: Camel reads
 * provisioning.dry-run from PROVISIONING_DRY_RUN, and would ignore it) stops the start with exit 2, naming the
 * variable and the closest key, before any file is taken; the secrets' variables and well-spelled ones are taken.
 * A child JVM, for its environment.
 */
class UnknownEnvironmentVariableTest extends ChildAppTestSupport {

    private static final String ONE_USER = "email,last_name,role,profile\nenv.one@example.com,One,Manager,Standard\n";

    @Test
    void aMisspelledVariableExitsTwoNamingItAndTheClosestKeyAndTakesNoFile() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaults()).start();
        Path dropped = Files.writeString(Files.createDirectories(work.resolve("inbox/bigin-users")).resolve("a.csv"), ONE_USER);
        Process p = child("misspelled", 2, true, Map.of("PROVISIONING_DRYRUN", "true", "ZOHO_MAXCONCURRENT", "3"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(work.resolve("misspelled.log"));
        assertThat(p.exitValue()).as(log).isEqualTo(2);
        assertThat(log).contains("unknown setting PROVISIONING_DRYRUN (environment variable): did you mean "
                + "provisioning.dry-run (PROVISIONING_DRY_RUN)?")
                .contains("unknown setting ZOHO_MAXCONCURRENT (environment variable): did you mean "
                        + "zoho.max-concurrent (ZOHO_MAX_CONCURRENT)?");
        assertThat(dropped).exists();
        assertThat(work.resolve("success")).doesNotExist();
        assertThat(work.resolve("dry-run")).doesNotExist();
        assertThat(sandbox.state().root().toString()).doesNotContain("env.one@example.com");
    }

    @Test
    void theSecretsAndWellSpelledVariablesAreTaken() throws Exception {
        sandbox = new ZohoSandbox(SandboxSettings.defaults()).start();
        Files.writeString(Files.createDirectories(work.resolve("inbox/bigin-users")).resolve("a.csv"), ONE_USER);
        Process p = child("known", 2, true, Map.of("ZOHO_CLIENT_ID", "sandbox-client",
                "ZOHO_CLIENT_SECRET", "sandbox-secret", "ZOHO_REFRESH_TOKEN", "sandbox-refresh-token",
                "SFTP_BIGIN_USERS_PASSWORD", "secret", "PROVISIONING_DRY_RUN", "true",
                "PROVISIONING_BIGIN_USERS_DEFAULT_ROLE", "Manager"));
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(work.resolve("known.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("unknown setting").contains("DRY RUN");
        assertThat(Files.readString(work.resolve("dry-run/bigin-users/a.validated.csv"))).contains("env.one@example.com");
    }
}
