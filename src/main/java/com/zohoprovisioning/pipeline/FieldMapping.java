package com.zohoprovisioning.pipeline;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.mapping.MappingProfile;
import com.zohoprovisioning.mapping.MappingProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Maps column names (CSV headers, JSON keys) onto a feed's field names, matched by {@link #matchKey} (case, spacing and
 * punctuation ignored: {@code Work E-mail} is the alias {@code work email}), through the aliases of the feed's {@code aliases.properties} and {@code <config-dir>/aliases/<feed>.properties}
 * ({@code email = Email Address, E-mail}). Unknown columns keep their normalised name and pass through.
 * <p>
 * A feed's mapping also carries its mapping profiles (docs/mapping-profiles.md), the profile setting
 * ({@code provisioning.<feed>.profile}: auto, none or a name) and the feed's defaults
 * ({@code provisioning.<feed>.default-<field>}). Per file, {@link #forHeader} picks the profile of the header row
 * (or keeps the forced one): with a profile, a header the profile maps becomes its field (through the aliases above,
 * so one profile serves several feeds), any other header keeps its key with vendor decorations left out.
 */
public final class FieldMapping {

    public static final String SOURCE_DETECTED = "detected from the header";
    public static final String SOURCE_SETTING = "setting";
    public static final String SOURCE_FILE = "file";

    private final Map<String, String> aliases;
    private final java.util.Set<String> known;
    private final MappingProfiles profiles;
    private final Map<String, String> defaults;
    private final MappingProfile profile;
    private final String profileSource;
    private final boolean decided;

    public FieldMapping(Map<String, String> aliasLines) {
        this(aliasLines, MappingProfiles.none(), Map.of(), null);
    }

    /** {@code forcedProfile}: null or "auto" to detect per file, "none" for no profile, else a profile's name. */
    public FieldMapping(Map<String, String> aliasLines, MappingProfiles profiles, Map<String, String> defaults,
                        String forcedProfile) {
        this.aliases = new HashMap<>();
        this.known = new java.util.HashSet<>();
        this.profiles = profiles;
        this.defaults = Map.copyOf(defaults);
        for (Map.Entry<String, String> e : aliasLines.entrySet()) {
            String field = normalise(e.getKey());
            alias(field, field);
            known.add(field);
        }
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(aliasLines).entrySet()) {
            String field = normalise(e.getKey());
            for (String alias : e.getValue().split(",")) {
                if (!alias.isBlank()) {
                    alias(alias, field);
                }
            }
        }
        if (forcedProfile == null || forcedProfile.isBlank() || forcedProfile.trim().equalsIgnoreCase("auto")) {
            this.profile = null;
            this.decided = false;
        } else if (forcedProfile.trim().equalsIgnoreCase("none")) {
            this.profile = null;
            this.decided = true;
        } else {
            this.profile = profiles.byName(forcedProfile);
            this.decided = true;
            if (profile == null) {
                throw new IllegalArgumentException("mapping profile '" + forcedProfile + "' is unknown (known: auto, none, "
                        + String.join(", ", profiles.names()) + ")");
            }
        }
        this.profileSource = profile == null ? null : SOURCE_SETTING;
    }

    /** Adds one alias under its {@link #matchKey}; two fields claiming the same key is a mistake in the alias files. */
    private void alias(String alias, String field) {
        String key = matchKey(alias);
        if (key.isEmpty()) {
            return;
        }
        String prev = aliases.putIfAbsent(key, field);
        if (prev != null && !prev.equals(field)) {
            throw new IllegalArgumentException("the alias '" + alias.trim() + "' means both the field " + prev
                    + " and the field " + field + " (aliases are matched ignoring case, spaces and punctuation)");
        }
    }

    private FieldMapping(FieldMapping base, MappingProfile profile, String source) {
        this.aliases = base.aliases;
        this.known = base.known;
        this.profiles = base.profiles;
        this.defaults = base.defaults;
        this.profile = profile;
        this.profileSource = profile == null ? null : source;
        this.decided = true;
    }

    /**
     * Loads a feed's aliases and profiles, and its settings: {@code provisioning.<feed>.profile} and a
     * {@code provisioning.<feed>.default-<field>} for each field its alias file names.
     */
    public static FieldMapping forFeed(Feed f, Path configDir, Settings settings) {
        String feed = f.name();
        Map<String, String> lines = aliasLines(f, configDir);
        Map<String, String> defaults = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(lines.keySet())) {
            String field = normalise(key);
            settings.optionalText("provisioning." + feed + ".default-" + field.replace('_', '-'))
                    .or(() -> settings.optionalText("provisioning." + feed + ".default-" + field))
                    .ifPresent(v -> defaults.put(field, v));
        }
        return new FieldMapping(lines, MappingProfiles.load(f.profileTargets(), configDir), defaults,
                settings.feedText(feed, "profile"));
    }

    /** The mapping for a file whose header (or first JSON record) has these columns: its profile chosen. */
    public FieldMapping forHeader(Collection<String> columns) {
        if (decided) {
            return this;
        }
        return new FieldMapping(this, profiles.detect(columns), SOURCE_DETECTED);
    }

    /** This mapping with the profile fixed (null: none) for one file. */
    public FieldMapping withProfile(MappingProfile p, String source) {
        return new FieldMapping(this, p, source);
    }

    public MappingProfile profile() {
        return profile;
    }

    /** How the profile was chosen: detected from the header, setting, or file (a {@code <file>.profile} beside it). */
    public String profileSource() {
        return profileSource;
    }

    public MappingProfiles profiles() {
        return profiles;
    }

    /** The feed's defaults ({@code provisioning.<feed>.default-<field>}), by field. */
    public Map<String, String> defaults() {
        return defaults;
    }

    /** Our field name for a field name written in a profile (a value map's target, a default). */
    public String target(String name) {
        return aliases.getOrDefault(matchKey(name), normalise(name));
    }

    /**
     * The aliases of a feed: the built-in ones ({@code aliases.properties} in the feed's folder) and, when present,
     * the admin's own ({@code <config-dir>/aliases/<feed>.properties}).
     */
    private static Map<String, String> aliasLines(Feed f, Path configDir) {
        String feed = f.name();
        Properties p = new Properties();
        try (InputStream in = f.getClass().getResourceAsStream("aliases.properties")) {
            if (in != null) {
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
            Path local = configDir == null ? null : configDir.resolve("aliases").resolve(feed + ".properties");
            if (local != null && Files.isRegularFile(local)) {
                try (Reader r = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the aliases of feed " + feed, e);
        }
        Map<String, String> lines = new HashMap<>();
        p.forEach((k, v) -> lines.put(k.toString(), v.toString()));
        return lines;
    }

    /** Our field name for a column name. */
    public String field(String column) {
        if (profile != null) {
            String k = profile.key(column);
            String mapped = profile.mapped(k);
            return mapped != null ? target(mapped) : k;
        }
        return target(column);
    }

    /** True for a field of the feed (one its alias file names), as opposed to an unknown column that passes through. */
    public boolean isFeedField(String field) {
        return known.contains(field);
    }

    /**
     * A column's name as a field name: BOM and surrounding spaces removed, lower case, each run of spaces, dots,
     * dashes and slashes an underscore ({@code First Name} → {@code first_name}). Unknown columns keep this name.
     */
    public static String normalise(String column) {
        String s = column == null ? "" : column.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
        s = s.replaceAll("[\\s.\\-/]+", "_");
        return s;
    }

    /**
     * The key a column name is matched by, the same for a file's headers, alias keys and values, and a mapping
     * profile's header names: lower case, letters and digits only, so case, spacing, punctuation and surrounding
     * brackets do not matter ({@code Work E-mail}, {@code work email}, {@code WORK_EMAIL}, {@code [Work.Email]} →
     * {@code workemail}).
     */
    public static String matchKey(String column) {
        if (column == null) {
            return "";
        }
        return column.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** True for the {@code result_*} columns of an earlier run's result file, which input ignores. */
    public static boolean isResultColumn(String column) {
        return normalise(column).startsWith("result_");
    }

    /** True for the {@code result_row} column of an earlier run's result file: the original file's row. */
    public static boolean isResultRowColumn(String column) {
        return normalise(column).equals("result_row");
    }
}
