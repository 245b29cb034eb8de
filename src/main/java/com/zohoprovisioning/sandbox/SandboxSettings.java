package com.zohoprovisioning.sandbox;

import java.util.function.Function;

/** The sandbox's settings, read from {@code sandbox.*} properties. */
public record SandboxSettings(int port, String seed, String clientId, String clientSecret, String refreshToken,
                             long tokenTtlSeconds, int tokenRefreshLimit, long licences, SandboxFaults.Settings faults) {

    public static SandboxSettings from(Function<String, String> props) {
        Function<String, String> p = k -> {
            String v = props.apply(k);
            return v == null || v.isBlank() ? null : v.trim();
        };
        return new SandboxSettings(
                intOr(p.apply("sandbox.port"), 0),
                or(p.apply("sandbox.seed"), "classpath:config/sandbox-seed.json"),
                or(p.apply("sandbox.client-id"), "sandbox-client"),
                or(p.apply("sandbox.client-secret"), "sandbox-secret"),
                or(p.apply("sandbox.refresh-token"), "sandbox-refresh-token"),
                longOr(p.apply("sandbox.token-ttl"), 3600),
                intOr(p.apply("sandbox.token-refresh-limit"), 10),
                longOr(p.apply("sandbox.licences"), 1_000_000),
                new SandboxFaults.Settings(
                        longOr(p.apply("sandbox.latency-ms"), 0),
                        intOr(p.apply("sandbox.max-concurrent"), 0),
                        intOr(p.apply("sandbox.max-per-minute"), 0),
                        intOr(p.apply("sandbox.retry-after-seconds"), 0),
                        doubleOr(p.apply("sandbox.error-rate"), 0.0),
                        doubleOr(p.apply("sandbox.reset-rate"), 0.0),
                        doubleOr(p.apply("sandbox.drop-rate"), 0.0),
                        Boolean.parseBoolean(or(p.apply("sandbox.down"), "false"))));
    }

    public static SandboxSettings defaults() {
        return from(k -> null);
    }

    public SandboxSettings withPort(int newPort) {
        return new SandboxSettings(newPort, seed, clientId, clientSecret, refreshToken, tokenTtlSeconds,
                tokenRefreshLimit, licences, faults);
    }

    private static String or(String v, String d) {
        return v == null ? d : v;
    }

    private static int intOr(String v, int d) {
        return v == null ? d : Integer.parseInt(v);
    }

    private static long longOr(String v, long d) {
        return v == null ? d : Long.parseLong(v.replace("_", "").replace(",", ""));
    }

    private static double doubleOr(String v, double d) {
        return v == null ? d : Double.parseDouble(v);
    }
}
