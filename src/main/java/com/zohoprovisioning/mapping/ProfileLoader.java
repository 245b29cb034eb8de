package com.zohoprovisioning.mapping;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a mapping profile from YAML (the format is in docs/mapping-profiles.md); a mistake names the file and key. */
public final class ProfileLoader {

    /** {@code mode: roster} (or changes): the files this profile reads are whole rosters; null when not said. */
    private static String rosterMode(Object v, String origin) {
        if (v == null) {
            return null;
        }
        String mode = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
        if (!mode.equals("roster") && !mode.equals("changes")) {
            throw new IllegalArgumentException(origin + ": mode: " + v + ": use roster or changes");
        }
        return mode;
    }

    private static final Set<String> KEYS = Set.of("name", "description", "feeds", "headerKeys", "detect", "preamble",
            "columns", "values", "defaults", "skipRows", "dropValues", "mode");

    private ProfileLoader() {
    }

    public static MappingProfile parse(String fallbackName, String yaml, String origin) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(origin).build()).loadFromString(yaml);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mapping profile " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("mapping profile " + origin + " must be a YAML mapping (name:, feeds:, columns: …)");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException("mapping profile " + origin + ": unknown key '" + k + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String name = text(m.get("name"), fallbackName);
        String mode = text(m.get("headerKeys"), "name");
        if (!mode.equals("name") && !mode.equals("property")) {
            throw new IllegalArgumentException("mapping profile " + origin + ": headerKeys must be name or property");
        }
        boolean property = mode.equals("property");
        Set<String> feeds = new LinkedHashSet<>(list(m.get("feeds"), origin, "feeds"));
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("mapping profile " + origin + ": feeds is missing (the feeds it applies to)");
        }
        List<String> detect = new ArrayList<>();
        for (String h : list(m.get("detect"), origin, "detect")) {
            detect.add(HeaderKeys.key(h, property));
        }
        List<MappingProfile.LineRule> preamble = new ArrayList<>();
        for (Map<?, ?> r : maps(m.get("preamble"), origin, "preamble")) {
            preamble.add(new MappingProfile.LineRule(pattern(r.get("match"), origin, "preamble.match"),
                    text(r.get("reason"), "line before the header")));
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map(m.get("columns"), origin, "columns").entrySet()) {
            String field = String.valueOf(e.getKey()).trim();
            for (String header : list(e.getValue(), origin, "columns." + field)) {
                String prev = columns.put(HeaderKeys.key(header, property), field);
                if (prev != null && !prev.equals(field)) {
                    throw new IllegalArgumentException("mapping profile " + origin + ": the header '" + header
                            + "' is mapped to both " + prev + " and " + field);
                }
            }
        }
        List<MappingProfile.ValueMap> values = new ArrayList<>();
        for (Map.Entry<?, ?> e : map(m.get("values"), origin, "values").entrySet()) {
            String target = String.valueOf(e.getKey()).trim();
            Map<?, ?> v = map(e.getValue(), origin, "values." + target);
            List<String> from = list(v.get("from"), origin, "values." + target + ".from");
            if (from.isEmpty()) {
                throw new IllegalArgumentException("mapping profile " + origin + ": values." + target + ".from is missing");
            }
            Map<String, String> table = new LinkedHashMap<>();
            for (Map.Entry<?, ?> x : map(v.get("map"), origin, "values." + target + ".map").entrySet()) {
                table.put(String.valueOf(x.getKey()).trim().toLowerCase(Locale.ROOT), text(x.getValue(), ""));
            }
            values.add(new MappingProfile.ValueMap(target, from, table, v.get("otherwise") == null ? null
                    : text(v.get("otherwise"), "")));
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        map(m.get("defaults"), origin, "defaults").forEach((k, v) -> defaults.put(String.valueOf(k).trim(), text(v, "")));
        return new MappingProfile(name, text(m.get("description"), name), feeds, property, detect, preamble, columns,
                values, defaults, rules(m.get("skipRows"), origin, "skipRows"), rules(m.get("dropValues"), origin, "dropValues"),
                rosterMode(m.get("mode"), origin));
    }

    private static List<MappingProfile.Rule> rules(Object o, String origin, String key) {
        List<MappingProfile.Rule> out = new ArrayList<>();
        for (Map<?, ?> r : maps(o, origin, key)) {
            if (r.get("column") == null) {
                throw new IllegalArgumentException("mapping profile " + origin + ": each of " + key + " needs a column");
            }
            out.add(new MappingProfile.Rule(text(r.get("column"), ""),
                    r.get("matches") == null ? null : pattern(r.get("matches"), origin, key + ".matches"),
                    text(r.get("reason"), key + " " + r.get("column"))));
        }
        return out;
    }

    private static Pattern pattern(Object o, String origin, String key) {
        if (o == null) {
            throw new IllegalArgumentException("mapping profile " + origin + ": " + key + " is missing");
        }
        try {
            return Pattern.compile(String.valueOf(o));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("mapping profile " + origin + ": " + key + " is not a regular expression: "
                    + e.getDescription());
        }
    }

    private static String text(Object o, String fallback) {
        return o == null ? fallback : String.valueOf(o).trim();
    }

    /** A YAML list, or a comma-separated string, as trimmed strings. */
    private static List<String> list(Object o, String origin, String key) {
        List<String> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (o instanceof List<?> l) {
            for (Object x : l) {
                if (x instanceof Map || x instanceof List) {
                    throw new IllegalArgumentException("mapping profile " + origin + ": " + key + " must list names");
                }
                out.add(String.valueOf(x).trim());
            }
            return out;
        }
        if (o instanceof Map) {
            throw new IllegalArgumentException("mapping profile " + origin + ": " + key + " must be a list or a name");
        }
        for (String s : String.valueOf(o).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static Map<?, ?> map(Object o, String origin, String key) {
        if (o == null) {
            return Map.of();
        }
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("mapping profile " + origin + ": " + key + " must be a mapping");
        }
        return m;
    }

    private static List<Map<?, ?>> maps(Object o, String origin, String key) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (o == null) {
            return out;
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("mapping profile " + origin + ": " + key + " must be a list");
        }
        for (Object x : l) {
            out.add(map(x, origin, key));
        }
        return out;
    }
}
