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
 * and a key that is absent fails naming it.
 */
public record SandboxSettings(int port, String seed, String clientId, String clientSecret, String refreshToken,
                             long tokenTtlSeconds, int tokenRefreshLimit, long licences, SandboxFaults.Settings faults) {

    /** Where the defaults are: the application's built-in settings file, on the classpath. */
    static final String DEFAULTS = "config/application.properties";

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
                        Boolean.parseBoolean(p.apply("sandbox.down"))));
    }

    /** The built-in settings ({@code config/application.properties} on the classpath). */
    public static SandboxSettings defaults() {
        return defaultsWith(Map.of());
    }

    /** The built-in settings with some replaced. */
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
        return from(k -> overrides.containsKey(k) ? overrides.get(k) : builtIn.getProperty(k));
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(newPort, seed, clientId, clientSecret, refreshToken, tokenTtlSeconds,
                tokenRefreshLimit, licences, faults);
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
