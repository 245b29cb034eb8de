package com.zohoprovisioning.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Maps column names (CSV headers, JSON keys) onto a feed's field names: case and surrounding spaces ignored,
 * spaces, dashes and dots read as underscores, and aliases from {@code config/aliases/<feed>.properties}
 * ({@code email = Email Address, E-mail}). Unknown columns keep their normalised name and pass through.
 */
public final class FieldMapping {

    private final Map<String, String> aliases = new HashMap<>();

    public FieldMapping(Map<String, String> aliasLines) {
        for (Map.Entry<String, String> e : aliasLines.entrySet()) {
            String field = normalise(e.getKey());
            aliases.put(field, field);
            for (String alias : e.getValue().split(",")) {
                if (!alias.isBlank()) {
                    aliases.put(normalise(alias), field);
                }
            }
        }
    }

    /** Loads the aliases of a feed from the classpath and, when present, from {@code config/aliases/} on disk. */
    public static FieldMapping forFeed(String feed, Path configDir) {
        Properties p = new Properties();
        String res = "config/aliases/" + feed + ".properties";
        try (InputStream in = FieldMapping.class.getClassLoader().getResourceAsStream(res)) {
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
        return new FieldMapping(lines);
    }

    /** Our field name for a column name. */
    public String field(String column) {
        String n = normalise(column);
        return aliases.getOrDefault(n, n);
    }

    public static String normalise(String column) {
        String s = column == null ? "" : column.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
        s = s.replaceAll("[\\s.\\-/]+", "_");
        return s;
    }

    /** True for the {@code result_*} columns of an earlier run's result file, which input ignores. */
    public static boolean isResultColumn(String column) {
        return normalise(column).startsWith("result_");
    }
}
