package com.zohoprovisioning;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.spi.ToolProvider;

/**
 * {@code sandbox [--port N] [--state FILE]} and {@code sandbox --reset}: hands the work to the sandbox's own tool
 * ({@link ToolProvider} {@value #TOOL}), found on the class path, with every {@code sandbox.*} setting resolved as
 * a run resolves it ({@code -D}, environment, {@code --config}, the properties files). The application imports
 * nothing of the sandbox.
 */
final class SandboxCommand {

    static final String TOOL = "zoho-sandbox";

    private SandboxCommand() {
    }

    static int run(Integer port, String state, boolean reset, String config, Map<String, String> arguments)
            throws IOException {
        FileSettings.refuseUnknown(config, arguments);
        ToolProvider tool = ToolProvider.findFirst(TOOL)
                .orElseThrow(() -> new IllegalStateException("the Zoho sandbox (tool " + TOOL + ") is not in this build"));
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.addAll(List.of("--port", String.valueOf(port)));
        }
        if (state != null) {
            args.addAll(List.of("--state", state));
        }
        if (reset) {
            args.add("--reset");
        }
        Function<String, String> props = FileSettings.read(config, arguments);
        for (String key : sandboxKeys()) {
            String value = FileSettings.resolve(props, props.apply(key), 0);
            if (value != null) {
                args.addAll(List.of("--set", key + "=" + value));
            }
        }
        return tool.run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args.toArray(String[]::new));
    }

    /** The {@code sandbox.*} keys of the built-in settings. */
    private static List<String> sandboxKeys() throws IOException {
        Properties builtIn = new Properties();
        try (InputStream in = SandboxCommand.class.getClassLoader().getResourceAsStream("config/application.properties")) {
            if (in != null) {
                builtIn.load(in);
            }
        }
        return builtIn.stringPropertyNames().stream().filter(k -> k.startsWith("sandbox.")).sorted().toList();
    }
}
