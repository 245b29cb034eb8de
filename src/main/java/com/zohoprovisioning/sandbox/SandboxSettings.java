package com.zohoprovisioning.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The sandbox's settings, read from {@code sandbox.*} properties. The sandbox imports nothing from the application,
 * so it has this tiny reader of its own; its defaults live in {@code config/application.properties} like every other,
 * and a key that is absent fails naming it. {@code sandbox.state-file} may be empty: the org is then kept nowhere.
 */
public record SandboxSettings(int port, String seed, String stateFile, String clientId, String clientSecret, String refreshToken,
                             long tokenTtlSeconds, int tokenRefreshLimit, long licences, SandboxFaults.Settings faults) {

    /** Where the defaults are: the application's built-in settings file, on the classpath. */
    static final String DEFAULTS = "config/application.properties";
    static final String STATE_FILE = "sandbox.state-file";

    public static SandboxSettings from(Function<String, String> props) {
        Function<String, String> p = k -> {
            String v = props.apply(k);
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("sandbox setting " + k + " is not set (property missing from "
                        + DEFAULTS + "?)");
            }
            return v.trim();
        };
        return new SandboxSettings(
                integer(p, "sandbox.port"),
                p.apply("sandbox.seed"),
                optional(props, STATE_FILE),
                p.apply("sandbox.client-id"),
                p.apply("sandbox.client-secret"),
                p.apply("sandbox.refresh-token"),
                longNumber(p, "sandbox.token-ttl"),
                integer(p, "sandbox.token-refresh-limit"),
                longNumber(p, "sandbox.licences"),
                new SandboxFaults.Settings(
                        longNumber(p, "sandbox.latency-ms"),
                        integer(p, "sandbox.max-concurrent"),
                        integer(p, "sandbox.max-per-minute"),
                        integer(p, "sandbox.retry-after-seconds"),
                        decimal(p, "sandbox.error-rate"),
                        decimal(p, "sandbox.reset-rate"),
                        decimal(p, "sandbox.drop-rate"),
                        Boolean.parseBoolean(p.apply("sandbox.down")),
                        longNumber(p, "sandbox.credits-per-day"),
                        longNumber(p, "sandbox.credits-window-seconds")));
    }

    /** The built-in settings ({@code config/application.properties} on the classpath). */
    public static SandboxSettings defaults() {
        return defaultsWith(Map.of());
    }

    /** The built-in settings with some replaced; the org is kept nowhere unless {@code sandbox.state-file} is given. */
    public static SandboxSettings defaultsWith(Map<String, String> overrides) {
        Properties builtIn = new Properties();
        try (InputStream in = SandboxSettings.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is not on the classpath");
            }
            builtIn.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the built-in state file is the work folder's, a placeholder only the application resolves: kept nowhere here
        return from(k -> overrides.containsKey(k) ? overrides.get(k)
                : STATE_FILE.equals(k) ? "" : builtIn.getProperty(k));
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(newPort, seed, stateFile, clientId, clientSecret, refreshToken, tokenTtlSeconds,
                tokenRefreshLimit, licences, faults);
    }

    /** These settings with the org kept in {@code file} (empty or null: kept nowhere). */
    public SandboxSettings withStateFile(String file) {
        return new SandboxSettings(port, seed, file == null ? "" : file.trim(), clientId, clientSecret, refreshToken,
                tokenTtlSeconds, tokenRefreshLimit, licences, faults);
    }

    /** The file the org is kept in, or null when it is kept nowhere. */
    public java.nio.file.Path stateFilePath() {
        return stateFile == null || stateFile.isBlank() ? null : java.nio.file.Path.of(stateFile);
    }

    private static String optional(Function<String, String> props, String key) {
        String v = props.apply(key);
        return v == null ? "" : v.trim();
    }

    private static int integer(Function<String, String> p, String key) {
        return Integer.parseInt(p.apply(key));
    }

    private static long longNumber(Function<String, String> p, String key) {
        return Long.parseLong(p.apply(key).replace("_", "").replace(",", ""));
    }

    private static double decimal(Function<String, String> p, String key) {
        return Double.parseDouble(p.apply(key));
    }
}
