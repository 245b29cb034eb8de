package com.zohoprovisioning.ops;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.TestSettings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notification settings: off by default, checked at start, the webhook's secret path never shown. */
class NotifySettingsTest {

    private final Map<String, String> p = new HashMap<>();

    private NotifySettings settings() {
        return new NotifySettings(TestSettings.builtInWith(p));
    }

    @Test
    void offByDefault() {
        assertThat(settings().derived()).containsEntry("notify.email.enabled", "false")
                .containsEntry("notify.webhook.enabled", "false");
        assertThat(settings().describe()).startsWith("Notifications: off");
        assertThat(settings().login().getPasswordAuthentication().getUserName()).as("no SMTP AUTH").isNull();
    }

    @Test
    void tlsChoosesTheJavaMailSwitches() {
        assertThat(settings().derived()).containsEntry("notify.email.starttls", "true").containsEntry("notify.email.ssl", "false");
        p.put("notify.email.tls", "SSL");
        assertThat(settings().derived()).containsEntry("notify.email.starttls", "false").containsEntry("notify.email.ssl", "true");
        p.put("notify.email.tls", "none");
        assertThat(settings().derived()).containsEntry("notify.email.starttls", "false").containsEntry("notify.email.ssl", "false");
        p.put("notify.email.tls", "tls");
        assertThatThrownBy(() -> settings().derived()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notify.email.tls=tls: use starttls, ssl or none");
    }

    @Test
    void anEmailNeedsItsSenderAndRecipients() {
        p.put("notify.email.host", "smtp.example.com");
        assertThatThrownBy(() -> settings().derived()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notify.email.from is not set");
        p.put("notify.email.from", "zp@example.com");
        assertThatThrownBy(() -> settings().derived()).hasMessageContaining("notify.email.to is not set");
        p.put("notify.email.to", "a@example.com,b@example.com");
        p.put("notify.email.user", "zp@example.com");
        p.put("notify.email.password", "pw");
        assertThat(settings().derived()).containsEntry("notify.email.enabled", "true");
        assertThat(settings().login().getPasswordAuthentication().getPassword()).isEqualTo("pw");
        assertThat(settings().login().toString()).doesNotContain("pw");
        assertThat(settings().describe()).isEqualTo("Notifications of held, rejected and failed files: e-mail to"
                + " a@example.com,b@example.com via smtp.example.com:587 (starttls)");
    }

    @Test
    void theWebhookMustBeHttpAndOnlyItsHostIsShown() {
        p.put("notify.webhook.url", "ftp://example.com/x");
        assertThatThrownBy(() -> settings().derived()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notify.webhook.url: give an http:// or https:// address");
        p.put("notify.webhook.url", "https://hooks.slack.com/services/T0/B0/secretkey");
        p.put("notify.on-success", "true");
        assertThat(settings().derived()).containsEntry("notify.webhook.enabled", "true");
        assertThat(settings().describe()).isEqualTo("Notifications of held, rejected and failed files and of clean"
                + " ones: webhook to hooks.slack.com").doesNotContain("secretkey");
    }

    @Test
    void aFailureIsDescribedWithoutAnAddressPath() {
        Exception e = new IllegalStateException("HTTP operation failed invoking https://hooks.slack.com/services/T0/B0/"
                + "secretkey?x=1 with statusCode: 404\r\n", new java.io.IOException("reset"));
        assertThat(NotifyFailures.describe(e)).isEqualTo("IllegalStateException: HTTP operation failed invoking "
                + "https://hooks.slack.com/… with statusCode: 404 (IOException: reset)");
    }
}
