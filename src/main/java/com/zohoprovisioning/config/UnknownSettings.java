package com.zohoprovisioning.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses a setting the application does not know, so that a misspelled key ({@code -Dprovisioning.dryrun=true})
 * stops the start (exit 2) instead of being ignored. Checked are the keys under {@link #PREFIXES} the user gave as
 * Java system properties (also {@code -Dkey=value} after the jar), in the {@code --config} file,
 * {@code ./config/application.properties} and the secrets file. Environment variables are not checked: their names
 * cannot be told apart from other programs' variables and secrets (ZOHO_CLIENT_ID, SFTP_BIGIN_USERS_PASSWORD).
 * {@code camel.*} keys are Camel's own.
 * <p>
 * Known: the keys of the built-in {@code config/application.properties}, the secrets, {@code provisioning.feeds},
 * per feed {@code provisioning.<feed>.<suffix>}, {@code sftp.<feed>.<suffix>}, {@code download.<feed>.<suffix>}
 * (the suffixes below), and {@code zoho.<api>.max-concurrent} per Zoho API.
 */
public final class UnknownSettings {

    public static final List<String> PREFIXES = List.of("provisioning.", "zoho.", "sftp.", "download.", "notify.",
            "sandbox.", "mail.", "work.");
    static final String DEFAULTS = "config/application.properties";
    static final Set<String> SECRETS = Set.of("zoho.client-id", "zoho.client-secret", "zoho.refresh-token",
            "zoho.secrets-file", "notify.email.password");
    /** Given by the user too (its default, every feed found, is set at start-up). */
    static final Set<String> OTHER = Set.of("provisioning.feeds");
    /** {@code provisioning.<feed>.<suffix>} (and {@code default-<field>}): ReaderSettings, FieldMapping, OpsBeans. */
    static final List<String> FEED_SUFFIXES = List.of("charset", "fallback-charset", "delimiter", "cron", "profile",
            "mode");
    /** {@code sftp.<feed>.<suffix>}: OpsSettings and routes/ops.yaml. */
    static final List<String> SFTP_SUFFIXES = List.of("host", "port", "user", "dir", "password", "private-key-file",
            "private-key-passphrase", "known-hosts-file", "strict-host-key-checking", "read-lock", "read-lock-check-ms",
            "read-lock-timeout-ms", "read-lock-min-age", "done-file", "after", "archive-dir", "cron", "poll-delay-ms",
            "upload-results", "upload-delay-ms", "results-dir");
    /** {@code download.<feed>.<suffix>}: OpsSettings and routes/ops.yaml. */
    static final List<String> DOWNLOAD_SUFFIXES = List.of("url", "cron", "username", "password", "header-name",
            "header-value", "file-name");

    private final Set<String> known = new TreeSet<>();
    private final List<String> feeds;

    /**
     * @param defaults the keys of the built-in config/application.properties
     * @param feeds    the feed names found
     * @param apis     the Zoho APIs the feeds call (bigin, crm, mail)
     */
    public UnknownSettings(Collection<String> defaults, Collection<String> feeds, Collection<String> apis) {
        this.feeds = List.copyOf(feeds);
        defaults.stream().filter(UnknownSettings::checked).forEach(known::add);
        known.addAll(SECRETS);
        known.addAll(OTHER);
        for (String feed : feeds) {
            FEED_SUFFIXES.forEach(s -> known.add("provisioning." + feed + "." + s));
            SFTP_SUFFIXES.forEach(s -> known.add("sftp." + feed + "." + s));
            DOWNLOAD_SUFFIXES.forEach(s -> known.add("download." + feed + "." + s));
        }
        apis.forEach(api -> known.add("zoho." + api + ".max-concurrent"));
    }

    /** Known keys: those of the built-in config/application.properties (on the classpath) and the patterns. */
    public static UnknownSettings of(Collection<String> feeds, Collection<String> apis) {
        try (InputStream in = UnknownSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is not on the classpath");
            }
            Properties p = new Properties();
            try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            return new UnknownSettings(p.stringPropertyNames(), feeds, apis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a key is ours to check (under one of {@link #PREFIXES}). */
    public static boolean checked(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith);
    }

    public boolean known(String key) {
        if (!checked(key) || known.contains(key)) {
            return true;
        }
        for (String feed : feeds) {
            String p = "provisioning." + feed + ".default-";
            if (key.startsWith(p) && key.length() > p.length()) {
                return true;
            }
        }
        return false;
    }

    /** The known key nearest to this one (Levenshtein on the whole key), when it is near enough to be a typo. */
    public java.util.Optional<String> closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? java.util.Optional.of(best)
                : java.util.Optional.empty();
    }

    /**
     * One line per unknown key: the key, where it came from, and the closest known key.
     *
     * @param given every key the user gave, with where it came from ("system property", "--config my.properties", …)
     */
    public List<String> problems(Map<String, String> given) {
        List<String> out = new ArrayList<>();
        new TreeSet<>(given.keySet()).stream().filter(k -> !known(k)).forEach(k -> out.add("unknown setting " + k
                + " (" + given.get(k) + ")" + closest(k).map(c -> ": did you mean " + c + "?").orElse("")));
        return out;
    }

    /** A {@link ConfigurationException} naming every unknown key, if there is one. */
    public void check(Map<String, String> given) {
        List<String> problems = problems(given);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("; ", problems)
                    + " (every setting: docs/configuration.md and config/application.properties)");
        }
    }

    /**
     * The keys the user gave and where: system properties, then {@code extra} (e.g. -Dkey=value after the jar), then
     * each properties file among Camel's property locations ({@code file:} ones; the built-in classpath defaults
     * are not the user's). The first source of a key is kept.
     *
     * @param secretsFile the secrets file's path, to name it as such
     */
    public static Map<String, String> given(Properties system, Map<String, String> extra, List<String> locations,
                                            Path secretsFile) {
        Map<String, String> given = new LinkedHashMap<>();
        system.stringPropertyNames().stream().filter(UnknownSettings::checked).sorted()
                .forEach(k -> given.putIfAbsent(k, "system property -D" + k));
        extra.forEach((k, source) -> {
            if (checked(k)) {
                given.putIfAbsent(k, source);
            }
        });
        for (String location : locations) {
            String l = location.trim();
            if (!l.startsWith("file:")) {
                continue;
            }
            int semi = l.indexOf(';');
            Path file = Path.of(l.substring(5, semi < 0 ? l.length() : semi));
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String source = file.normalize().equals(Path.of(DEFAULTS)) ? "./" + DEFAULTS
                    : secretsFile != null && file.toAbsolutePath().normalize().equals(secretsFile.toAbsolutePath().normalize())
                    ? "secrets file " + file : "--config " + file;
            Properties p = new Properties();
            try (Reader r = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            p.stringPropertyNames().stream().filter(UnknownSettings::checked).sorted()
                    .forEach(k -> given.putIfAbsent(k, source));
        }
        return given;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
