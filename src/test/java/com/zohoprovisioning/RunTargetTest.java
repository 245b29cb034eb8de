package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up's one line: DRY RUN, SANDBOX (embedded or at a URL) or LIVE (data centre, api domain, the token's user). */
class RunTargetTest {

    private static Settings settings(String mode, String dryRun) {
        return Settings.of(Map.of("zoho.mode", mode, "zoho.dc", "com.au", "provisioning.dry-run", dryRun));
    }

    @Test
    void sandboxEmbeddedOrElsewhere() {
        assertThat(RunTarget.describe(settings("sandbox", "false"), "http://127.0.0.1:1", true, null))
                .isEqualTo("SANDBOX (embedded, at http://127.0.0.1:1): nothing reaches Zoho");
        assertThat(RunTarget.describe(settings("SANDBOX", "false"), "http://box:8080", false, null))
                .isEqualTo("SANDBOX at http://box:8080: nothing reaches Zoho");
    }

    @Test
    void liveNamesTheDataCentreTheApiDomainAndTheTokensUser() {
        assertThat(RunTarget.describe(settings("live", "false"), "https://www.zohoapis.com.au", false, "admin@example.com"))
                .isEqualTo("LIVE: Zoho com.au, api domain https://www.zohoapis.com.au, as admin@example.com");
    }

    @Test
    void aDryRunSaysSoFirstWithItsTarget() {
        assertThat(RunTarget.describe(settings("live", "true"), "https://www.zohoapis.com.au", false, "admin@example.com"))
                .isEqualTo("DRY RUN: nothing that writes is sent; target LIVE: Zoho com.au, api domain https://www.zohoapis.com.au, as admin@example.com");
    }
}
