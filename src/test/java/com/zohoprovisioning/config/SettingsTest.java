package com.zohoprovisioning.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings are typed, trimmed, and an absent key fails naming it (its default belongs in application.properties). */
class SettingsTest {

    private final Settings s = Settings.of(Map.of("n", " 42 ", "big", "2147483648", "yes", "TRUE", "list", "a, b,,c",
            "blank", "  ", "word", "x"));

    @Test
    void readsTypedValues() {
        assertThat(s.integer("n")).isEqualTo(42);
        assertThat(s.longNumber("big")).isEqualTo(2_147_483_648L);
        assertThat(s.bool("yes")).isTrue();
        assertThat(s.list("list")).containsExactly("a", "b", "c");
        assertThat(s.text("n")).isEqualTo("42");
        assertThat(s.optionalText("blank")).isEmpty();
        assertThat(s.optionalText("absent")).isEmpty();
    }

    @Test
    void anAbsentOrWrongKeyFailsNamingIt() {
        assertThatThrownBy(() -> s.text("absent")).isInstanceOf(ConfigurationException.class).hasMessageContaining("absent");
        assertThatThrownBy(() -> s.integer("blank")).isInstanceOf(ConfigurationException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> s.integer("word")).isInstanceOf(ConfigurationException.class).hasMessageContaining("word=x");
        assertThatThrownBy(() -> s.bool("word")).isInstanceOf(ConfigurationException.class).hasMessageContaining("word=x");
    }

    @Test
    void everyKeyTheCodeReadsHasItsDefaultInApplicationProperties() {
        Settings builtIn = TestSettings.builtIn();
        for (String key : new String[] {"work.dir", "zoho.mode", "zoho.dc", "zoho.max-concurrent", "zoho.max-per-minute",
                "zoho.retry.max-redeliveries", "zoho.retry.max-delay-ms", "zoho.breaker.max-pause-ms",
                "zoho.token.denied-cooldown-ms", "provisioning.log.mask-pii", "provisioning.dry-run", "provisioning.once",
                "provisioning.config-dir", "provisioning.progress-seconds", "provisioning.runaway.first-records",
                "mail.account-lookup", "mail.page-size", "mail.phone-key", "sftp.remembered-files", "sftp.after",
                "sftp.archive-dir", "sftp.upload-results"}) {
            assertThat(builtIn.optionalText(key)).as(key).isPresent();
        }
    }
}
