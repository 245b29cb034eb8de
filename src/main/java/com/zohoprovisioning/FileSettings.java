package com.zohoprovisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The settings for the commands that start no Camel context ({@code sandbox}, {@code sandbox --reset},
 * {@code approve}): the same sources as a run, read directly: {@code -D} arguments and system properties, the
 * environment, {@code --config FILE}, {@code ./config/application.properties}, the built-in defaults.
 */
final class FileSettings {

    private FileSettings() {
    }

    /** {@code {{key}}} in a value replaced by the key's value (nested up to 10 deep). */
    static String resolve(Function<String, String> props, String value, int depth) {
        if (value == null || depth > 10) {
            return value;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\\{([^}:]+)(?::([^}]*))?}}").matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = props.apply(m.group(1).trim());
            v = v == null ? m.group(2) : resolve(props, v, depth + 1);
            if (v == null) {
                throw new IllegalArgumentException("property " + m.group(1) + " is not set (used in " + value + ")");
            }
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** The settings without Camel: -D, then environment (WORK_DIR for work.dir), then the properties files. */
    static Function<String, String> read(String config, Map<String, String> arguments)
            throws IOException {
        Properties p = new Properties();
        load(p, FileSettings.class.getClassLoader().getResourceAsStream("config/application.properties"));
        Path local = Path.of("config/application.properties");
        if (Files.isRegularFile(local)) {
            load(p, Files.newInputStream(local));
        }
        if (config != null) {
            load(p, Files.newInputStream(Path.of(config)));
        }
        return k -> {
            String v = arguments.containsKey(k) ? arguments.get(k) : System.getProperty(k);
            if (v == null) {
                v = System.getenv(k.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
            }
            return v != null ? v : p.getProperty(k);
        };
    }

    /**
     * The commands that run without the routes (sandbox, approve) refuse a misspelled setting as a run does (a
     * {@link com.zohoprovisioning.config.ConfigurationException}, exit 2): every key the user gave is known.
     */
    static void refuseUnknown(String config, Map<String, String> arguments) throws IOException {
        try (org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            java.util.List<com.zohoprovisioning.pipeline.Feed> feeds = com.zohoprovisioning.pipeline.Feeds.discover(context);
            java.util.Set<String> apis = new java.util.TreeSet<>();
            feeds.forEach(f -> apis.addAll(com.zohoprovisioning.pipeline.Feeds.apis(f)));
            Map<String, String> sources = new java.util.LinkedHashMap<>();
            arguments.keySet().forEach(k -> sources.put(k, "-D" + k + " after the jar"));
            com.zohoprovisioning.config.UnknownSettings.of(feeds.stream().map(com.zohoprovisioning.pipeline.Feed::name)
                    .toList(), apis).check(com.zohoprovisioning.config.UnknownSettings.given(System.getProperties(),
                    sources, java.util.List.of(RouteRuns.locations(config).split(",")), RouteRuns.secretsFile(),
                    System.getenv()));
        }
    }

    private static void load(Properties p, InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
    }
}
