package com.zohoprovisioning.mapping;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One source format (a vendor export or template, or an admin's own report): how its headers are keyed, which
 * headers identify it, which lines before the header to skip, header aliases onto our field names, value maps,
 * defaults, rows to skip and values to drop. Read from a YAML file by {@link ProfileLoader}; see
 * docs/mapping-profiles.md.
 */
public record MappingProfile(String name, String description, Set<String> feeds, boolean propertyKeys,
                             List<String> detect, List<LineRule> preamble, Map<String, String> columns,
                             List<ValueMap> values, Map<String, String> defaults, List<Rule> skipRows,
                             List<Rule> dropValues, String mode) {

    /** A line before the header to skip (matched with find()), and the reason counted in the summary. */
    public record LineRule(Pattern pattern, String reason) {
    }

    /** A rule on one column's value: {@code matches} is searched (find()); null matches any non-empty value. */
    public record Rule(String column, Pattern matches, String reason) {

        public boolean test(String value) {
            return value != null && !value.isEmpty() && (matches == null || matches.matcher(value).find());
        }
    }

    /**
     * Sets {@code target} from the first non-empty {@code from} column: through {@code map} (keys matched ignoring
     * case and surrounding spaces), else {@code otherwise} (null: the value is left unset, so a default may apply).
     */
    public record ValueMap(String target, List<String> from, Map<String, String> map, String otherwise) {

        public String apply(String source) {
            if (source == null || source.isBlank()) {
                return null;
            }
            String v = map.get(source.trim().toLowerCase(Locale.ROOT));
            return v != null ? v : otherwise;
        }
    }

    /** The key a header of this format is matched by. */
    public String key(String header) {
        return HeaderKeys.key(header, propertyKeys);
    }

    /** The field a header of this format means: its alias target, or its key. */
    public String field(String header) {
        String k = key(header);
        String mapped = mapped(k);
        return mapped != null ? mapped : k;
    }

    /**
     * The field this profile maps a header key onto, or null: keys are compared by
     * {@link com.zohoprovisioning.pipeline.FieldMapping#matchKey} (case, spacing and punctuation ignored).
     */
    public String mapped(String key) {
        String exact = columns.get(key);
        if (exact != null) {
            return exact;
        }
        String k = com.zohoprovisioning.pipeline.FieldMapping.matchKey(key);
        for (Map.Entry<String, String> e : columns.entrySet()) {
            if (com.zohoprovisioning.pipeline.FieldMapping.matchKey(e.getKey()).equals(k)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** How well a header row matches: the number of detect keys when all are present, else -1. */
    public int score(Collection<String> headers) {
        if (detect.isEmpty()) {
            return -1;
        }
        Set<String> keys = new HashSet<>();
        for (String h : headers) {
            keys.add(com.zohoprovisioning.pipeline.FieldMapping.matchKey(key(h)));
        }
        for (String d : detect) {
            if (!keys.contains(com.zohoprovisioning.pipeline.FieldMapping.matchKey(d))) {
                return -1;
            }
        }
        return detect.size();
    }
}
