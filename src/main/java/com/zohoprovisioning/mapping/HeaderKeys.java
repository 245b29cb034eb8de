package com.zohoprovisioning.mapping;

import com.zohoprovisioning.pipeline.FieldMapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key a header is matched by: case and surrounding spaces ignored, vendor decorations left out
 * ({@code [Required]}, {@code [READ ONLY]}, {@code (Yes/No)}, a trailing {@code Required}); in property mode (Entra's
 * bulk templates) the {@code [property]} token alone: {@code Name [displayName] Required} → {@code displayname}.
 */
public final class HeaderKeys {

    private static final Pattern PROPERTY = Pattern.compile("\\[\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\]");
    private static final Pattern DECORATION = Pattern.compile("\\[[^\\]]*\\]|\\([^)]*\\)");
    private static final Pattern TRAILING_REQUIRED = Pattern.compile("(?i)\\s+required\\s*$");

    private HeaderKeys() {
    }

    public static String key(String header, boolean propertyMode) {
        String h = header == null ? "" : header.replace("\uFEFF", "").trim();
        if (propertyMode) {
            Matcher m = PROPERTY.matcher(h);
            String token = null;
            while (m.find()) {
                if (!m.group(1).equalsIgnoreCase("required")) {
                    token = m.group(1);
                }
            }
            if (token != null) {
                return FieldMapping.normalise(token);
            }
        }
        String s = DECORATION.matcher(h).replaceAll(" ");
        s = TRAILING_REQUIRED.matcher(s).replaceAll("");
        String n = FieldMapping.normalise(s);
        return n.isEmpty() ? FieldMapping.normalise(h) : n;
    }
}
