package com.zohoprovisioning.ops;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Derives, per feed, the settings the operations routes ({@code routes/ops.yaml}) and the inbox template read but a
 * user never writes: whether a feed's SFTP source and HTTPS download exist, which scheduler a poll uses (the
 * continuous default, or a cron bean), and what happens to a remote file once it is safely in the local inbox.
 * Users set {@code sftp.<feed>.host}, {@code sftp.<feed>.after}, {@code provisioning.<feed>.cron}, …; see
 * docs/sftp-and-scheduling.md.
 */
public final class OpsSettings {

    private final Settings settings;
    private final boolean once;
    private final List<String> routedFeeds;

    /** {@code routedFeeds}: the feeds whose routes exist (every discovered feed). */
    public OpsSettings(Settings settings, List<String> routedFeeds) {
        this.settings = settings;
        this.once = settings.bool("provisioning.once");
        this.routedFeeds = List.copyOf(routedFeeds);
    }

    public OpsSettings(Settings settings) {
        this(settings, List.of());
    }

    public boolean once() {
        return once;
    }

    /**
     * The feeds to derive settings for: every feed whose routes exist (their placeholders must resolve even when
     * provisioning.feeds lists only some), plus any other listed in provisioning.feeds.
     */
    public List<String> feeds() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(routedFeeds);
        String v = get("provisioning.feeds");
        if (v != null) {
            for (String f : v.split("\\s*,\\s*")) {
                if (!f.isBlank()) {
                    all.add(f);
                }
            }
        }
        return List.copyOf(all);
    }

    public String cron(String key) {
        return get(key);
    }

    public boolean sftpEnabled(String feed) {
        return get("sftp." + feed + ".host") != null;
    }

    public boolean downloadEnabled(String feed) {
        return get("download." + feed + ".url") != null;
    }

    /** The derived properties, to be added as initial (lowest priority) properties. */
    public Map<String, String> derived() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String feed : feeds()) {
            String inboxCron = get("provisioning." + feed + ".cron");
            out.put("provisioning." + feed + ".scheduler", inboxCron != null && !once ? "#" + inboxCronBean(feed) : "none");

            boolean sftp = sftpEnabled(feed);
            out.put("sftp." + feed + ".enabled", String.valueOf(sftp));
            out.put("sftp." + feed + ".upload", "false");
            if (sftp) {
                String sftpCron = get("sftp." + feed + ".cron");
                out.put("sftp." + feed + ".scheduler", sftpCron != null && !once ? "#" + sftpCronBean(feed) : "none");
                String[] after = afterOption(feed);
                out.put("sftp." + feed + ".afterOption", after[0]);
                out.put("sftp." + feed + ".after-value", after[1]);
                String doneFile = get("sftp." + feed + ".done-file");
                out.put("sftp." + feed + ".completeOption", doneFile != null ? "doneFileName" : "readLockMinLength");
                out.put("sftp." + feed + ".complete-value", doneFile != null ? doneFile : "1");
                out.put("sftp." + feed + ".upload", String.valueOf(!perFeed(feed, "upload-results").equalsIgnoreCase("false")));
                if (get("sftp." + feed + ".password") == null && get("sftp." + feed + ".private-key-file") == null) {
                    throw new ConfigurationException("sftp." + feed + ".host is set, but neither sftp." + feed
                            + ".password nor sftp." + feed + ".private-key-file");
                }
            }

            boolean download = downloadEnabled(feed);
            out.put("download." + feed + ".enabled", String.valueOf(download));
            if (download) {
                String cron = get("download." + feed + ".cron");
                out.put("download." + feed + ".http-uri", httpUri(feed));
                if (once) {
                    out.put("download." + feed + ".from", "timer:download-" + feed + "?repeatCount=1&delay=0");
                } else if (cron == null) {
                    throw new ConfigurationException("download." + feed + ".url is set, but download." + feed
                            + ".cron is empty (a cron expression such as 0 0 2 * * ?)");
                } else {
                    out.put("download." + feed + ".from", "quartz:zoho-provisioning/download-" + feed + "?cron="
                            + URLEncoder.encode(cron, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    /**
     * archive (move into the remote archive folder with a time stamp), delete, or keep (read-only folders):
     * {@code sftp.<feed>.after}, else {@code sftp.after}.
     */
    String[] afterOption(String feed) {
        String after = perFeed(feed, "after").toLowerCase(Locale.ROOT);
        return switch (after) {
            case "archive" -> new String[] {"move", perFeed(feed, "archive-dir")
                    + "/${file:name.noext}.${date:now:yyyyMMdd-HHmmssSSS}.${file:ext}"};
            case "delete" -> new String[] {"delete", "true"};
            case "keep" -> new String[] {"noop", "true"};
            default -> throw new ConfigurationException("sftp." + feed + ".after must be archive, delete or keep, not '"
                    + after + "'");
        };
    }

    /** The download URL with basic auth (when a user is set) and failure on a non-2xx answer. */
    String httpUri(String feed) {
        String url = get("download." + feed + ".url");
        StringBuilder sb = new StringBuilder(url).append(url.contains("?") ? "&" : "?");
        sb.append("throwExceptionOnFailure=true");
        String user = get("download." + feed + ".username");
        if (user != null) {
            sb.append("&authMethod=Basic&authenticationPreemptive=true&authUsername=RAW(").append(user)
                    .append(")&authPassword=RAW(").append(settings.optionalText("download." + feed + ".password").orElse("")).append(')');
        }
        return sb.toString();
    }

    public static String inboxCronBean(String feed) {
        return "inboxCron-" + feed;
    }

    public static String sftpCronBean(String feed) {
        return "sftpCron-" + feed;
    }

    /** An optional setting: null when absent or blank. */
    private String get(String key) {
        return settings.optionalText(key).orElse(null);
    }

    /** {@code sftp.<feed>.<name>} when set, else {@code sftp.<name>} (config/application.properties). */
    private String perFeed(String feed, String name) {
        return settings.optionalText("sftp." + feed + "." + name).orElseGet(() -> settings.text("sftp." + name));
    }
}
