package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** zoho.max-concurrent and zoho.&lt;api&gt;.max-concurrent: auto (found while running) or a number (pinned). */
class ZohoLimitsTest {

    private static ZohoLimits limits(Map<String, String> values) {
        return ZohoLimits.from(Settings.of(values), List.of("bigin", "crm", "mail"));
    }

    @Test
    void autoByDefaultANumberPinsAndEachApiMayHaveItsOwn() {
        ZohoLimits l = limits(Map.of("zoho.max-concurrent", "auto", "zoho.max-concurrent-ceiling", "20",
                "zoho.mail.max-concurrent", "3"));
        assertThat(l.of("bigin").isAuto()).isTrue();
        assertThat(l.of("bigin").limit()).isEqualTo(AdaptiveLimit.START);
        assertThat(l.of("bigin").ceiling()).isEqualTo(20);
        assertThat(l.of("mail").isAuto()).isFalse();
        assertThat(l.of("mail").limit()).isEqualTo(3);
        assertThat(l.threads(Settings.of(Map.of("zoho.max-concurrent", "auto", "zoho.max-concurrent-ceiling", "20"))))
                .isEqualTo(20);
        assertThat(l.report(List.of("bigin", "mail"))).hasToString("{bigin={limit=2, mode=auto}, mail={limit=3, mode=pinned}}");

        ZohoLimits pinned = limits(Map.of("zoho.max-concurrent", "8", "zoho.max-concurrent-ceiling", "25",
                "zoho.crm.max-concurrent", "auto"));
        assertThat(pinned.of("bigin").limit()).isEqualTo(8);
        assertThat(pinned.of("crm").isAuto()).isTrue();
    }

    @Test
    void anythingElseIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> limits(Map.of("zoho.max-concurrent", "auto", "zoho.max-concurrent-ceiling", "25",
                "zoho.crm.max-concurrent", "lots"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("zoho.crm.max-concurrent=lots");
        assertThatThrownBy(() -> limits(Map.of("zoho.max-concurrent", "0", "zoho.max-concurrent-ceiling", "25")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("zoho.max-concurrent=0");
    }
}
