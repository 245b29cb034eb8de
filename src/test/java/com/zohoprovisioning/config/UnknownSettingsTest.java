package com.zohoprovisioning.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unknown settings are refused at start-up, naming the key, where it came from and the closest known key. */
class UnknownSettingsTest {

    private final UnknownSettings check = UnknownSettings.of(List.of("bigin-users", "mail-users"), List.of("bigin", "mail"));

    @Test
    void theBuiltInKeysTheSecretsAndTheFeedListAreKnown() {
        assertThat(check.known("provisioning.dry-run")).isTrue();
        assertThat(check.known("provisioning.follow-symlinks")).isTrue();
        assertThat(check.known("zoho.breaker.window")).isTrue();
        assertThat(check.known("sandbox.error-rate")).isTrue();
        assertThat(check.known("work.dir")).isTrue();
        assertThat(check.known("zoho.client-secret")).isTrue();
        assertThat(check.known("zoho.secrets-file")).isTrue();
        assertThat(check.known("provisioning.feeds")).isTrue();
    }

    @Test
    void perFeedAndPerApiKeysAreKnownForTheFeedsAndApisFound() {
        assertThat(check.known("provisioning.bigin-users.charset")).isTrue();
        assertThat(check.known("provisioning.mail-users.cron")).isTrue();
        assertThat(check.known("provisioning.bigin-users.default-role")).isTrue();
        assertThat(check.known("provisioning.bigin-users.default-")).isFalse();
        assertThat(check.known("sftp.bigin-users.private-key-passphrase")).isTrue();
        assertThat(check.known("sftp.bigin-users.read-lock-min-age")).isTrue();
        assertThat(check.known("download.mail-users.header-value")).isTrue();
        assertThat(check.known("zoho.bigin.max-concurrent")).isTrue();
        assertThat(check.known("zoho.crm.max-concurrent")).as("no feed calls crm here").isFalse();
        assertThat(check.known("sftp.no-such-feed.host")).isFalse();
        assertThat(check.known("sftp.bigin-users.hots")).isFalse();
    }

    @Test
    void keysOutsideOurPrefixesAreNotChecked() {
        assertThat(check.known("camel.main.whatever")).isTrue();
        assertThat(check.known("java.io.tmpdir")).isTrue();
        assertThat(check.known("notify.anything")).isFalse();
    }

    @Test
    void theNotificationKeysAreKnownAndAMisspelledOneIsRefused() {
        assertThat(check.known("notify.email.host")).isTrue();
        assertThat(check.known("notify.email.password")).as("a secret, with no default").isTrue();
        assertThat(check.known("notify.webhook.url")).isTrue();
        assertThat(check.known("notify.on-success")).isTrue();
        assertThat(check.known("notify.email.enabled")).as("derived, not the user's").isFalse();
        assertThatThrownBy(() -> check.check(Map.of("notify.email.hots", "--config my.properties")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting notify.email.hots (--config my.properties)")
                .hasMessageContaining("did you mean notify.email.host?");
    }

    @Test
    void aMisspelledKeyIsRefusedWithItsSourceAndTheClosestKey() {
        assertThatThrownBy(() -> check.check(Map.of("provisioning.dryrun", "system property -Dprovisioning.dryrun",
                "work.dir", "system property -Dwork.dir")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting provisioning.dryrun (system property -Dprovisioning.dryrun)")
                .hasMessageContaining("did you mean provisioning.dry-run?")
                .hasMessageNotContaining("work.dir");
        assertThat(check.problems(Map.of("sftp.bigin-user.host", "--config my.properties")))
                .containsExactly("unknown setting sftp.bigin-user.host (--config my.properties): did you mean sftp.bigin-users.host?");
        assertThat(check.problems(Map.of("zoho.max-concurent", "x"))).singleElement().asString()
                .endsWith("did you mean zoho.max-concurrent?");
    }

    @Test
    void aKeyNearNothingGetsNoSuggestion() {
        assertThat(check.problems(Map.of("notify.slack-webhook-url", "x")))
                .containsExactly("unknown setting notify.slack-webhook-url (x)");
        assertThat(check.problems(Map.of("provisioning.dry-run", "x"))).isEmpty();
    }

    @Test
    void givenKeysComeFromSystemPropertiesArgumentsAndTheUsersPropertiesFiles(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("my.properties"), "provisioning.dryrun = true\ncamel.main.name = x\n");
        Path secrets = Files.writeString(dir.resolve("secrets.properties"), "zoho.client-id = a\nzoho.clientsecret = b\n");
        Properties system = new Properties();
        system.setProperty("work.dir", "/tmp/w");
        system.setProperty("user.home", "/home/x");
        Map<String, String> given = UnknownSettings.given(system, Map.of("zoho.mode", "-Dzoho.mode after the jar"),
                List.of("file:" + config, "file:" + secrets + ";optional=true", "file:" + dir.resolve("absent") + ";optional=true",
                        "classpath:config/application.properties"), secrets, Map.of());
        assertThat(given).containsEntry("work.dir", "system property -Dwork.dir")
                .containsEntry("zoho.mode", "-Dzoho.mode after the jar")
                .containsEntry("provisioning.dryrun", "--config " + config)
                .containsEntry("zoho.clientsecret", "secrets file " + secrets)
                .doesNotContainKeys("user.home", "camel.main.name");
        assertThat(check.problems(given)).containsExactly(
                "unknown setting provisioning.dryrun (--config " + config + "): did you mean provisioning.dry-run?",
                "unknown setting zoho.clientsecret (secrets file " + secrets + "): did you mean zoho.client-secret?");
    }

    @Test
    void theLocalConfigFileIsNamedAsSuch() {
        Map<String, String> given = UnknownSettings.given(new Properties(), Map.of(),
                List.of("file:config/application.properties;optional=true"), null, Map.of());
        assertThat(given).containsEntry("provisioning.dry-run", "./config/application.properties");
    }

    @Test
    void environmentVariablesUnderOurPrefixesAreKeysNamesOrRefused() {
        assertThat(check.known("ZOHO_MAX_CONCURRENT")).isTrue();
        assertThat(check.known("ZOHO_CLIENT_SECRET")).isTrue();
        assertThat(check.known("ZOHO_REFRESH_TOKEN")).isTrue();
        assertThat(check.known("ZOHO_SECRETS_FILE")).isTrue();
        assertThat(check.known("SFTP_BIGIN_USERS_PASSWORD")).isTrue();
        assertThat(check.known("PROVISIONING_BIGIN_USERS_DEFAULT_ROLE")).isTrue();
        assertThat(check.known("PROVISIONING_BIGIN_USERS_DEFAULT_")).isFalse();
        assertThat(check.known("ZOHO_MAXCONCURRENT")).isFalse();
        Map<String, String> given = UnknownSettings.given(new Properties(), Map.of(), List.of(), null,
                Map.of("PROVISIONING_DRYRUN", "true", "PATH", "/bin", "MAIL", "/var/mail/x", "ZOHO_MODE", "live"));
        assertThat(given).containsOnlyKeys("PROVISIONING_DRYRUN", "ZOHO_MODE");
        assertThat(check.problems(given)).containsExactly("unknown setting PROVISIONING_DRYRUN (environment variable): "
                + "did you mean provisioning.dry-run (PROVISIONING_DRY_RUN)?");
    }

    @Test
    void anEnvironmentVariableNamedAsASettingInLowerCaseOrWithDotsIsRefused() {
        Map<String, String> given = UnknownSettings.given(new Properties(), Map.of(), List.of(), null,
                Map.of("provisioning_dry_run", "true", "provisioning.dry-run", "true", "Zoho_Mode", "live",
                        "path", "/bin", "ZOHO_MODE", "live"));
        assertThat(given).containsOnlyKeys("provisioning_dry_run", "provisioning.dry-run", "Zoho_Mode", "ZOHO_MODE");
        String notRead = " is not read (Camel reads a setting's variable in capitals, dots and dashes as underscores)";
        assertThat(check.problems(given)).containsExactly(
                "environment variable Zoho_Mode" + notRead + ": did you mean ZOHO_MODE?",
                "environment variable provisioning.dry-run" + notRead + ": did you mean PROVISIONING_DRY_RUN?",
                "environment variable provisioning_dry_run" + notRead + ": did you mean PROVISIONING_DRY_RUN?");
    }

    @Test
    void aSettingsFileWithAByteOrderMarkIsRefusedInsteadOfLosingItsFirstKey(@TempDir Path dir) throws IOException {
        Path bom = dir.resolve("bom.properties");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "provisioning.dry-run=true\n"));
        assertThatThrownBy(() -> UnknownSettings.given(new Properties(), Map.of(), List.of("file:" + bom), null, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("UTF-8 with BOM")
                .hasMessageContaining("save it as UTF-8 without BOM");
        Path utf16 = dir.resolve("unicode.properties");
        Files.write(utf16, "\uFEFFzoho.mode=live\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> UnknownSettings.given(new Properties(), Map.of(), List.of("file:" + utf16), null, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("UTF-16");
    }

    private static byte[] concat(byte[] head, String text) {
        byte[] tail = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
