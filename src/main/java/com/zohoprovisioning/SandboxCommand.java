package com.zohoprovisioning;

import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** {@code sandbox [--port N] [--state FILE]}: only the Zoho sandbox, until stopped; {@code sandbox --reset}. */
final class SandboxCommand {

    private SandboxCommand() {
    }

    /**
     * The standalone sandbox keeps its org only with {@code --state FILE}: {@code sandbox.state-file} (by default in
     * the work folder) belongs to the sandbox the application embeds, while a standalone one serves other processes
     * (the benchmark, a service pointed at it with {@code zoho.api-url}) that reset it through its hooks, and two
     * processes must not write the same file.
     */
    static int runSandbox(Integer port, String state, String config, Map<String, String> arguments)
            throws IOException, InterruptedException {
        SandboxSettings settings = SandboxSettings.from(FileSettings.read(config, arguments)).withStateFile(state);
        if (port != null) {
            settings = settings.withPort(port);
        }
        ZohoSandbox sb = new ZohoSandbox(settings).start();
        System.out.println("Zoho sandbox running at " + sb.baseUrl() + " (client id " + settings.clientId()
                + (state == null ? "" : ", org kept in " + Path.of(state).toAbsolutePath())
                + "); point the routes at it with -Dzoho.api-url=" + sb.baseUrl() + ". Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sb.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /**
     * {@code sandbox --reset}: deletes the file the embedded sandbox keeps its org in ({@code sandbox.state-file},
     * placeholders such as {@code {{work.dir}}} resolved; or {@code --state FILE}), so that the next run starts from
     * the seed. Says what it did; exits 0 whether the file was there or not.
     */
    static int resetSandbox(String state, String config, Map<String, String> arguments) throws IOException {
        Function<String, String> props = FileSettings.read(config, arguments);
        String file = state != null ? state : FileSettings.resolve(props, props.apply("sandbox.state-file"), 0);
        if (file == null || file.isBlank()) {
            System.out.println("sandbox.state-file is empty: the sandbox keeps no org, so there is nothing to reset.");
            return 0;
        }
        Path path = Path.of(file.trim()).toAbsolutePath().normalize();
        if (Files.deleteIfExists(path)) {
            System.out.println("Deleted " + path + ": the sandbox starts from the seed on the next run.");
        } else {
            System.out.println("No " + path + ": the sandbox already starts from the seed.");
        }
        return 0;
    }
}
