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
 * {@code ./config/application.properties}, the secrets file, and the environment variables under {@link #ENV_PREFIXES}
 * (Camel reads {@code zoho.max-concurrent} from {@code ZOHO_MAX_CONCURRENT}: upper case, dots and dashes as
 * underscores; a variable that is no known key's name, such as {@code ZOHO_MAXCONCURRENT}, would be ignored). The
 * secrets' variables ({@code ZOHO_CLIENT_SECRET}, {@code SFTP_BIGIN_USERS_PASSWORD}, …) are known keys' names.
 * {@code camel.*} keys are Camel's own.
 * <p>
 * Known: the keys of the built-in {@code config/application.properties}, the secrets, {@code provisioning.feeds},
 * per feed {@code provisioning.<feed>.<suffix>}, {@code sftp.<feed>.<suffix>}, {@code download.<feed>.<suffix>}
 * (the suffixes below), and {@code zoho.<api>.max-concurrent} per Zoho API.
 */
public final class UnknownSettings {

    public static final List<String> PREFIXES = List.of("provisioning.", "zoho.", "sftp.", "download.", "notify.",
            "sandbox.", "mail.", "work.", "cluster.");
    /** Environment variables checked: our keys' names in upper case (not MAIL_ nor WORK_: too common elsewhere). */
    public static final List<String> ENV_PREFIXES = List.of("PROVISIONING_", "ZOHO_", "SFTP_", "DOWNLOAD_", "NOTIFY_",
            "SANDBOX_");
    static final String DEFAULTS = "config/application.properties";
    static final String ENVIRONMENT = "environment variable";
    static final Set<String> SECRETS = Set.of("zoho.client-id", "zoho.client-secret", "zoho.refresh-token",
            "zoho.secrets-file", "notify.email.password");
    /** Given by the user too (its default, every feed found, is set at start-up). */
    static final Set<String> OTHER = Set.of("provisioning.feeds");
    /** {@code provisioning.<feed>.<suffix>} (and {@code default-<field>}): ReaderSettings, FieldMapping, OpsBeans. */
    static final List<String> FEED_SUFFIXES = List.of("charset", "fallback-charset", "delimiter", "cron", "profile",
            "mode", "roster.protect-profiles", "roster.protect", "roster.max-deactivations");
    /** {@code sftp.<feed>.<suffix>}: OpsSettings and routes/ops.yaml. */
    static final List<String> SFTP_SUFFIXES = List.of("host", "port", "user", "dir", "password", "private-key-file",
            "private-key-passphrase", "known-hosts-file", "strict-host-key-checking", "read-lock", "read-lock-check-ms",
            "read-lock-timeout-ms", "read-lock-min-age", "done-file", "after", "archive-dir", "cron", "poll-delay-ms",
            "upload-results", "upload-delay-ms", "results-dir");
    /** {@code download.<feed>.<suffix>}: OpsSettings and routes/ops.yaml. */
    static final List<String> DOWNLOAD_SUFFIXES = List.of("url", "cron", "username", "password", "header-name",
            "header-value", "file-name");

    private final Set<String> known = new TreeSet<>();
    /** The environment variable of each known key ({@link #envName}), to the key. */
    private final Map<String, String> knownEnv = new java.util.TreeMap<>();
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
        known.forEach(k -> knownEnv.putIfAbsent(envName(k), k));
    }

    /** The environment variable Camel reads a key from: upper case, dots and dashes as underscores. */
    public static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Whether a name is an environment variable's that we check (under {@link #ENV_PREFIXES}). */
    static boolean checkedEnv(String name) {
        return ENV_PREFIXES.stream().anyMatch(name::startsWith);
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

    /** A key, or an environment variable's name under {@link #ENV_PREFIXES} (upper case): whether it is known. */
    public boolean known(String key) {
        if (checkedEnv(key)) {
            return knownEnv.containsKey(key) || feeds.stream().anyMatch(feed -> {
                String p = envName("provisioning." + feed + ".default-");
                return key.startsWith(p) && key.length() > p.length();
            });
        }
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

    /**
     * The known key nearest to this one (Levenshtein on the whole key), when it is near enough to be a typo; for an
     * environment variable, the key whose variable is nearest, with that variable: {@code provisioning.dry-run
     * (PROVISIONING_DRY_RUN)}.
     */
    public java.util.Optional<String> closest(String key) {
        boolean env = checkedEnv(key);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : env ? knownEnv.keySet() : known) {
            int d = distance(key, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null || bestDistance > Math.max(2, key.length() / 4)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(env ? knownEnv.get(best) + " (" + best + ")" : best);
    }

    /**
     * One line per unknown key: the key, where it came from, and the closest known key.
     *
     * @param given every key the user gave, with where it came from ("system property", "--config my.properties", …)
     */
    public List<String> problems(Map<String, String> given) {
        List<String> out = new ArrayList<>();
        for (String k : new TreeSet<>(given.keySet())) {
            if (ENVIRONMENT.equals(given.get(k)) && !k.equals(envName(k))) {
                // provisioning_dry_run or provisioning.dry-run as a variable's name: Camel never reads it
                out.add("environment variable " + k + " is not read (Camel reads a setting's variable in capitals, dots"
                        + " and dashes as underscores)" + (knownEnv.containsKey(envName(k)) ? ": did you mean "
                        + envName(k) + "?" : ""));
            } else if (!known(k)) {
                out.add("unknown setting " + k + " (" + given.get(k) + ")"
                        + closest(k).map(c -> ": did you mean " + c + "?").orElse(""));
            }
        }
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
     * are not the user's), then the environment variables under {@link #ENV_PREFIXES} (by their own name). The first
     * source of a key is kept.
     *
     * @param secretsFile the secrets file's path, to name it as such
     * @param environment the process's environment ({@code System.getenv()})
     */
    public static Map<String, String> given(Properties system, Map<String, String> extra, List<String> locations,
                                            Path secretsFile, Map<String, String> environment) {
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
            try {
                byte[] bytes = Files.readAllBytes(file);
                refuseByteOrderMark(file, bytes);
                p.load(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            p.stringPropertyNames().stream().filter(UnknownSettings::checked).sorted()
                    .forEach(k -> given.putIfAbsent(k, source));
        }
        // ours by their name in capitals too (provisioning_dry_run): such a variable is not read, and says so
        new TreeSet<>(environment.keySet()).stream().filter(name -> checkedEnv(envName(name)))
                .forEach(name -> given.putIfAbsent(name, ENVIRONMENT));
        return given;
    }

    /**
     * A settings file saved with a byte order mark (Notepad's "UTF-8 with BOM", or "Unicode", UTF-16) would have its
     * first key, or every key, read under another name and ignored in silence: refused, saying how to save it.
     */
    static void refuseByteOrderMark(Path file, byte[] bytes) {
        boolean utf8 = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
        if (utf8 || utf16) {
            throw new ConfigurationException(file + " starts with a byte order mark (" + (utf8 ? "UTF-8 with BOM" : "UTF-16")
                    + "): its " + (utf8 ? "first setting" : "settings") + " would be read under another name and"
                    + " ignored; save it as UTF-8 without BOM (or plain ASCII)");
        }
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
