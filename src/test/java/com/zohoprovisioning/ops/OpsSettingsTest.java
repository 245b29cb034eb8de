package com.zohoprovisioning.ops;

import com.zohoprovisioning.config.TestSettings;
import com.zohoprovisioning.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The settings derived per feed: routes off unless configured, scheduler choice, what happens to remote files. */
class OpsSettingsTest {

    private final Map<String, String> p = new HashMap<>(Map.of("provisioning.feeds", "bigin-users,mail-users"));

    private Map<String, String> derived() {
        return new OpsSettings(TestSettings.builtInWith(p)).derived();
    }

    @Test
    void nothingIsSwitchedOnWithoutSettings() {
        assertThat(derived()).containsEntry("sftp.bigin-users.enabled", "false").containsEntry("sftp.bigin-users.upload", "false")
                .containsEntry("download.mail-users.enabled", "false").containsEntry("provisioning.bigin-users.scheduler", "none");
    }

    @Test
    void sftpArchivesByDefaultAndDeletesOrKeepsOnRequest() {
        p.put("sftp.bigin-users.host", "h");
        p.put("sftp.bigin-users.password", "x");
        assertThat(derived()).containsEntry("sftp.bigin-users.enabled", "true").containsEntry("sftp.bigin-users.afterOption", "move")
                .containsEntry("sftp.bigin-users.completeOption", "readLockMinLength").containsEntry("sftp.bigin-users.scheduler", "none");
        p.put("sftp.bigin-users.after", "delete");
        p.put("sftp.bigin-users.done-file", "${file:name}.done");
        assertThat(derived()).containsEntry("sftp.bigin-users.afterOption", "delete")
                .containsEntry("sftp.bigin-users.completeOption", "doneFileName").containsEntry("sftp.bigin-users.complete-value", "${file:name}.done");
        p.put("sftp.bigin-users.after", "shred");
        assertThatThrownBy(this::derived).isInstanceOf(ConfigurationException.class).hasMessageContaining("archive, delete or keep");
    }

    @Test
    void aHostWithoutCredentialsOrADownloadWithoutCronIsAConfigurationError() {
        p.put("sftp.bigin-users.host", "h");
        assertThatThrownBy(this::derived).isInstanceOf(ConfigurationException.class).hasMessageContaining("password");
        p.remove("sftp.bigin-users.host");
        p.put("download.mail-users.url", "https://example.com/x.csv");
        assertThatThrownBy(this::derived).isInstanceOf(ConfigurationException.class).hasMessageContaining("cron");
    }

    @Test
    void cronsUseTheirBeanExceptInOnceMode() {
        p.put("provisioning.bigin-users.cron", "0 0 2 * * ?");
        p.put("download.mail-users.url", "https://example.com/x.csv");
        p.put("download.mail-users.cron", "0 0 3 * * ?");
        assertThat(derived()).containsEntry("provisioning.bigin-users.scheduler", "#inboxCron-bigin-users")
                .containsEntry("download.mail-users.from", "quartz:zoho-provisioning/download-mail-users?cron=0+0+3+*+*+%3F");
        p.put("provisioning.once", "true");
        assertThat(derived()).containsEntry("provisioning.bigin-users.scheduler", "none")
                .containsEntry("download.mail-users.from", "timer:download-mail-users?repeatCount=1&delay=0");
    }
}
