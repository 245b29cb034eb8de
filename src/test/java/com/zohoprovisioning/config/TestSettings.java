package com.zohoprovisioning.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Settings for unit tests: the built-in config/application.properties, with a test's own values over it. */
public final class TestSettings {

    private TestSettings() {
    }

    public static Settings builtIn() {
        return builtInWith(Map.of());
    }

    /** The map is read at each look-up: a test may change it between calls. */
    public static Settings builtInWith(Map<String, String> values) {
        Properties p = new Properties();
        try (InputStream in = TestSettings.class.getClassLoader().getResourceAsStream("config/application.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Settings(k -> values.containsKey(k) ? values.get(k) : p.getProperty(k));
    }
}
