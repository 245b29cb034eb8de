package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roster mode by setting: only a feed that has it may be set to it; a shared provisioning.mode=roster skips the rest. */
class RosterSettingsTest {

    private static Settings settings(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("provisioning.mode", "changes",
                "provisioning.roster.max-deactivations", "10%", "provisioning.roster.protect-profiles", "Administrator"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Settings.of(m);
    }

    @Test
    void aFeedWithoutRosterModeSetToItStopsTheStart() {
        assertThatThrownBy(() -> RosterSettings.of(settings("provisioning.mail-users.mode", "roster"), "mail-users", false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("has no roster mode");
        assertThatThrownBy(() -> RosterSettings.of(settings("provisioning.mail-users.mode", "bogus"), "mail-users", false))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("use changes or roster");
    }

    @Test
    void theSharedDefaultAppliesToTheFeedsThatHaveRosterMode() {
        Settings all = settings("provisioning.mode", "roster");
        assertThat(RosterSettings.of(all, "crm-users", true).roster()).isTrue();
        assertThat(RosterSettings.of(all, "mail-users", false).roster()).isFalse();
        assertThat(RosterSettings.of(settings(), "crm-users", true).roster()).isFalse();
    }
}
