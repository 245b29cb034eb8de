package com.zohoprovisioning.config;

import org.apache.camel.CamelContext;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way the application reads its settings, typed. It wraps a look-up: Camel's properties component in the
 * application (config/application.properties, the secrets file, --config FILE, -Dkey=value and environment variables,
 * as Camel resolves them), a Map in unit tests.
 * <p>
 * Every default lives once, in {@code config/application.properties}: a key read with {@link #text}, {@link #integer},
 * {@link #longNumber}, {@link #bool} or {@link #list} that is absent or empty fails with a
 * {@link ConfigurationException} naming it. Only keys that are optional by nature (a feed's SFTP host, base-URL
 * overrides, secrets, …) are read with {@link #optionalText}.
 */
public final class Settings {

    private final Function<String, String> lookup;

    public Settings(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    /** The settings as Camel resolves them (its properties component). */
    public static Settings of(CamelContext context) {
        return new Settings(k -> context.getPropertiesComponent().resolveProperty(k).orElse(null));
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(values::get);
    }

    /** The value, trimmed; a {@link ConfigurationException} when it is absent or empty. */
    public String text(String key) {
        return optionalText(key).orElseThrow(() -> new ConfigurationException(key
                + " is not set (its default belongs in config/application.properties)"));
    }

    /**
     * A per-feed setting: {@code provisioning.<feed>.<suffix>} when set, else the shared
     * {@code provisioning.<suffix>}, whose default is in config/application.properties (a new feed needs no line).
     */
    public String feedText(String feed, String suffix) {
        return optionalText("provisioning." + feed + "." + suffix).orElseGet(() -> text("provisioning." + suffix));
    }

    /** The value, trimmed; empty when the key is absent or its value blank. */
    public Optional<String> optionalText(String key) {
        String v = lookup.apply(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public int integer(String key) {
        String v = text(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + "=" + v + ": not a whole number");
        }
    }

    public long longNumber(String key) {
        String v = text(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + "=" + v + ": not a whole number");
        }
    }

    /** {@code true} or {@code false} (any case). */
    public boolean bool(String key) {
        String v = text(key);
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigurationException(key + "=" + v + ": use true or false");
        };
    }

    /** A comma-separated list, entries trimmed, empty entries dropped. */
    public List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
