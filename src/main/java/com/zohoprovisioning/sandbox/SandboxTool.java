package com.zohoprovisioning.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.spi.ToolProvider;

/**
 * The sandbox as a command-line tool ({@link ToolProvider} {@value #NAME}, found through
 * {@code META-INF/services/java.util.spi.ToolProvider}): {@code [--port N] [--state FILE] [--set key=value …]} runs
 * it until stopped; {@code --reset [--state FILE] [--set …]} deletes the org the embedded sandbox kept
 * ({@code sandbox.state-file}) so that the next run starts from the seed. The settings come as {@code --set}
 * arguments, resolved by the caller; the rest are the built-in defaults. Exit codes: 0 done, 1 could not run, 2 usage.
 */
public class SandboxTool implements ToolProvider {

    public static final String NAME = "zoho-sandbox";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int run(PrintWriter out, PrintWriter err, String... args) {
        Map<String, String> sets = new LinkedHashMap<>();
        Integer port = null;
        String state = null;
        boolean reset = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--state" -> state = args[++i];
                    case "--reset" -> reset = true;
                    case "--set" -> {
                        String kv = args[++i];
                        sets.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            err.println("zoho-sandbox: " + e.getMessage());
            err.flush();
            return 2;
        }
        SandboxSettings settings = SandboxSettings.defaultsWith(sets);
        try {
            return reset ? reset(out, state != null ? state : settings.stateFile()) : serve(out, settings, port, state);
        } catch (IOException e) {
            err.println("zoho-sandbox: " + e.getMessage());
            err.flush();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The standalone sandbox keeps its org only with {@code --state FILE}: {@code sandbox.state-file} belongs to the
     * sandbox the application embeds, while a standalone one serves other processes (the benchmark, a service
     * pointed at it with {@code zoho.api-url}) that reset it through its hooks, and two processes must not write
     * the same file.
     */
    private static int serve(PrintWriter out, SandboxSettings settings, Integer port, String state)
            throws IOException, InterruptedException {
        SandboxSettings s = settings.withStateFile(state);
        if (port != null) {
            s = s.withPort(port);
        }
        ZohoSandbox sb = new ZohoSandbox(s).start();
        out.println("Zoho sandbox running at " + sb.baseUrl() + " (client id " + s.clientId()
                + (state == null ? "" : ", org kept in " + Path.of(state).toAbsolutePath())
                + "); point the routes at it with -Dzoho.api-url=" + sb.baseUrl() + ". Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sb.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** Deletes the kept org; says what it did; 0 whether the file was there or not. */
    private static int reset(PrintWriter out, String file) throws IOException {
        if (file == null || file.isBlank()) {
            out.println("sandbox.state-file is empty: the sandbox keeps no org, so there is nothing to reset.");
        } else {
            Path path = Path.of(file.trim()).toAbsolutePath().normalize();
            out.println(Files.deleteIfExists(path)
                    ? "Deleted " + path + ": the sandbox starts from the seed on the next run."
                    : "No " + path + ": the sandbox already starts from the seed.");
        }
        out.flush();
        return 0;
    }
}
