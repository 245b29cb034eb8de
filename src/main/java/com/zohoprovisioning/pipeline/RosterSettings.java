package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.CountOrPercent;
import com.zohoprovisioning.config.Settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A feed's roster settings: {@code provisioning.<feed>.mode} ({@code changes} or {@code roster}) and
 * {@code provisioning.<feed>.roster.*}, each falling back on {@code provisioning.roster.*}: the profiles and e-mails
 * never deactivated, and the guard ({@code max-deactivations}: a count, or a percentage of the active users).
 */
public record RosterSettings(boolean roster, boolean feedHasRoster, List<String> protectProfiles, List<Pattern> protect,
                             CountOrPercent maxDeactivations) {

    /** The settings of a feed; {@code feedHasRoster}: the feed has roster mode at all ({@code Feed.roster()}). */
    public static RosterSettings of(Settings settings, String feed, boolean feedHasRoster) {
        String mode = settings.feedText(feed, "mode").toLowerCase(Locale.ROOT);
        if (!mode.equals("changes") && !mode.equals("roster")) {
            throw new ConfigurationException("provisioning." + feed + ".mode=" + mode + ": use changes or roster");
        }
        if (mode.equals("roster") && !feedHasRoster) {
            if (settings.optionalText("provisioning." + feed + ".mode").isPresent()) {
                throw new ConfigurationException("provisioning." + feed + ".mode=roster: feed " + feed + " has no roster"
                        + " mode (the user feeds have it: bigin-users, crm-users)");
            }
            mode = "changes"; // provisioning.mode=roster: the feeds that have roster mode
        }
        String limitKey = key(settings, feed, "max-deactivations");
        CountOrPercent limit = CountOrPercent.parse(limitKey, settings.text(limitKey));
        return new RosterSettings(mode.equals("roster"), feedHasRoster, list(settings, key(settings, feed, "protect-profiles")),
                list(settings, key(settings, feed, "protect")).stream().map(RosterSettings::glob).toList(), limit);
    }

    /** The feed's own key when it is set, else the shared {@code provisioning.roster.<suffix>}. */
    private static String key(Settings settings, String feed, String suffix) {
        String own = "provisioning." + feed + ".roster." + suffix;
        return settings.optionalText(own).isPresent() ? own : "provisioning.roster." + suffix;
    }

    private static List<String> list(Settings settings, String key) {
        return settings.optionalText(key).map(v -> Arrays.stream(v.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /** An exact address, or a pattern where {@code *} is any run of characters; case-insensitive. */
    private static Pattern glob(String p) {
        return Pattern.compile(Arrays.stream(p.split("\\*", -1)).map(Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*")), Pattern.CASE_INSENSITIVE);
    }

    /** The most leavers a file may deactivate without approval, of this many active users (rounded down). */
    public long limit(long active) {
        return maxDeactivations.of(active);
    }

    /** The limit as the settings say it ("10 %" or "25"), for the reason. */
    public String limitText() {
        return maxDeactivations.toString();
    }

    public boolean protectedEmail(String email) {
        return protect.stream().anyMatch(p -> p.matcher(email).matches());
    }

    public boolean protectedProfile(String profileName) {
        return profileName != null && protectProfiles.stream().anyMatch(p -> p.equalsIgnoreCase(profileName));
    }
}
