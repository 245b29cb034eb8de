package com.zohoprovisioning;

import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.pipeline.RunStats;
import com.zohoprovisioning.zoho.ZohoTokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs of the routes: as a service until stopped, {@code --once} through the inboxes, or {@code check} (the
 * credentials alone). Each builds Camel Main the same way: the settings' locations, the arguments' {@code -D}
 * settings, the beans, and no route started until a Zoho token was obtained (a bad credential never touches a file).
 */
final class RouteRuns {

    // the command line's logger, as before: what a run says at start and at the end is the application's word
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);

    private RouteRuns() {
    }

    /** Camel Main with the settings' locations, the {@code -D} arguments as overrides (named as such), no autostart. */
    private static Main newMain(String config, Map<String, String> arguments) {
        Main main = new Main();
        Map<String, String> sources = new LinkedHashMap<>();
        arguments.forEach((k, v) -> {
            main.addOverrideProperty(k, v);
            sources.put(k, "-D" + k + " after the jar");
        });
        main.configure().addConfiguration(new ProvisioningBeans(sources));
        main.setPropertyPlaceholderLocations(locations(config));
        main.configure().setAutoStartup(false);
        return main;
    }

    static int runRoutes(boolean once, String config, Map<String, String> arguments) throws Exception {
        warnFileNameEncoding(System.getProperty("sun.jnu.encoding"), System.getProperty("file.encoding"));
        Main main = newMain(config, arguments);
        if (once) {
            main.addOverrideProperty("provisioning.once", "true");
        }
        CamelContext context;
        RunStats stats;
        try {
            main.start();
            context = main.getCamelContext();
            context.getRouteController().startRoute("zoho-oauth-token");
            ZohoTokenProvider tokens = context.getRegistry().lookupByNameAndType("zohoTokens", ZohoTokenProvider.class);
            tokens.verify();
            Settings settings = Settings.of(context);
            LOG.info(RunTarget.describe(settings, tokens.apiBase(), context.getRegistry().lookupByName("zohoSandbox") != null,
                    RunTarget.live(settings) ? tokenUser(context, settings) : null));
            context.getRouteController().startAllRoutes();
            stats = context.getRegistry().lookupByNameAndType("runStats", RunStats.class);
        } catch (Exception | Error e) {
            stopQuietly(main);
            throw e;
        }
        if (once) {
            return runOnce(main, context, stats);
        }
        LOG.info("zoho-provisioning is running: drop files into {}/inbox/<feed>/ (Ctrl-C to stop)",
                Settings.of(context).text("work.dir"));
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.ScheduledExecutorService misplacedCheck = misplacedCheck(context);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            misplacedCheck.shutdownNow();
            try {
                stopService(main, context);
            } finally {
                stopped.countDown();
            }
        }, "zoho-provisioning-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * {@code --once}: through the inboxes, then stopped. SIGTERM or Ctrl-C before the end stops it as the service
     * stops ({@link #stopService}: both lines, within camel.main.shutdown-timeout), and it exits 1: not everything
     * was done (a file cut short stays in the inbox and resumes from its journal on the next run).
     */
    private static int runOnce(Main main, CamelContext context, RunStats stats) throws Exception {
        AtomicInteger ended = new AtomicInteger(-1); // the run's own exit code, once it has one
        Thread onSignal = new Thread(() -> {
            try {
                stopService(main, context);
            } finally {
                int code = ended.get();
                Runtime.getRuntime().halt(code >= 0 ? code : 1); // a signal's exit code (143) is none of ours
            }
        }, "zoho-provisioning-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        Settings settings = Settings.of(context);
        Path workDir = Path.of(settings.text("work.dir"));
        List<String> feeds = settings.list("provisioning.feeds");
        List<String> remote = feeds.stream().flatMap(f -> java.util.stream.Stream.of(f + "-sftp", f + "-download"))
                .filter(id -> context.getRoute(id) != null).toList();
        int code = 1;
        try {
            code = new OnceRunner(workDir, feeds, stats, remote,
                    context.getRegistry().lookupByNameAndType("remotePolls", com.zohoprovisioning.ops.RemotePolls.class),
                    context.getRegistry().lookupByNameAndType("unreadableNames",
                            com.zohoprovisioning.pipeline.UnreadableNames.class))
                    .await();
            printWhere(workDir);
            return code;
        } finally {
            ended.set(code);
            if (endedBeforeSignal(onSignal)) {
                try {
                    main.stop();
                } finally {
                    LOG.info("zoho-provisioning stopped");
                }
            }
        }
    }

    /** True when the run ended by itself (its hook removed); false when a signal's hook is stopping it already. */
    private static boolean endedBeforeSignal(Thread onSignal) {
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }

    /** Live mode: the token's user e-mail (or why not), asked through Zoho's own routes before any other starts. */
    static String tokenUser(CamelContext context, Settings settings) throws Exception {
        for (org.apache.camel.Route r : context.getRoutes()) {
            if (r.getRouteId().startsWith("zoho-")) {
                context.getRouteController().startRoute(r.getRouteId());
            }
        }
        return TokenUser.email(context, CredentialsCheck.feeds(context, settings));
    }

    /**
     * SIGTERM (or Ctrl-C; in service mode and during {@code --once}): Camel stops the consumers (no new file, no new remote poll), then waits for the
     * exchanges in flight, each a whole file: the files being processed are finished (results, summary, archive),
     * for at most camel.main.shutdown-timeout; a file not finished by then stays in the inbox and resumes from its
     * journal on the next start. The last line says the process is done.
     */
    private static void stopService(Main main, CamelContext context) {
        LOG.info("Stopping: no new file is taken; the files being processed are finished first (at most {} s, "
                + "camel.main.shutdown-timeout; a file not finished by then stays in the inbox and resumes from its journal "
                + "on the next start or run)",
                context.getShutdownStrategy().getTimeUnit().toSeconds(context.getShutdownStrategy().getTimeout()));
        try {
            main.stop();
        } finally {
            LOG.info("zoho-provisioning stopped");
        }
    }

    /**
     * {@code check}: the credentials alone (a token, then each feed's first lookup), no file taken; the context
     * starts as for a run, but only Zoho's own routes are started. 0 all passed, 1 the token or a lookup failed.
     */
    static int runCheck(String config, Map<String, String> arguments) throws Exception {
        Main main = newMain(config, arguments);
        try {
            main.start();
            return new CredentialsCheck(main.getCamelContext(), System.out).run();
        } finally {
            stopQuietly(main);
        }
    }

    /** Service mode: every poll, a warning for each file newly misplaced in the inbox (once per file). */
    private static java.util.concurrent.ScheduledExecutorService misplacedCheck(CamelContext context) {
        Settings settings = Settings.of(context);
        MisplacedFiles misplaced = new MisplacedFiles(Path.of(settings.text("work.dir")),
                settings.list("provisioning.feeds"));
        java.util.concurrent.ScheduledExecutorService s = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "misplaced-files");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, settings.longNumber("provisioning.poll-delay-ms"));
        s.scheduleWithFixedDelay(() -> {
            try {
                misplaced.warnNew();
            } catch (RuntimeException e) {
                LOG.debug("misplaced-file check failed", e);
            }
        }, 0, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        return s;
    }

    private static void stopQuietly(Main main) {
        try {
            main.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping after a failed start", e);
        }
    }

    /**
     * File names are decoded with sun.jnu.encoding, set from the locale at JVM start: under LANG=C (cron's default)
     * a non-ASCII name in an inbox names no file the JVM can open. Such files are rejected (UnreadableNames); this says so at startup, and how to fix it. Returns the warning, or null when the encoding is UTF-8.
     */
    static String warnFileNameEncoding(String jnu, String fileEncoding) {
        String encoding = jnu != null ? jnu : fileEncoding;
        if (encoding == null || encoding.replace("-", "").equalsIgnoreCase("UTF8")) {
            return null;
        }
        String warning = "File names are decoded as " + encoding + " (sun.jnu.encoding, from the locale), not UTF-8: "
                + "files whose names have non-ASCII characters cannot be opened and are moved to rejected/<feed>/ "
                + "unread. Start the program under a UTF-8 locale, e.g. LANG=C.UTF-8 (in cron: "
                + "LANG=C.UTF-8 at the top of the crontab, or in the systemd unit: Environment=LANG=C.UTF-8)";
        LOG.warn(warning);
        return warning;
    }

    private static void printWhere(Path workDir) {
        Path w = workDir.toAbsolutePath().normalize();
        LOG.info("Results: {}/success, {}/error, reports in {}/reports, inputs in {}/archive, unreadable files in {}/rejected,"
                + " dry runs in {}/dry-run", w, w, w, w, w, w);
    }

    /**
     * Where settings come from. Camel takes a key from the first location that has it, so the most specific comes
     * first: --config FILE, the secrets file, ./config/application.properties, then the built-in defaults.
     * (-D system properties and environment variables override all of them.)
     */
    static String locations(String config) {
        Path secrets = secretsFile();
        StringBuilder sb = new StringBuilder();
        if (config != null) {
            sb.append("file:").append(config).append(",");
        }
        sb.append("file:").append(secrets).append(";optional=true");
        sb.append(",file:config/application.properties;optional=true");
        sb.append(",classpath:config/application.properties");
        return sb.toString();
    }

    /** The secrets file: zoho.secrets-file, ZOHO_SECRETS_FILE, or ~/.zoho-provisioning/secrets.properties. */
    static Path secretsFile() {
        String secrets = System.getProperty("zoho.secrets-file", System.getenv("ZOHO_SECRETS_FILE"));
        if (secrets == null) {
            secrets = System.getProperty("user.home") + "/.zoho-provisioning/secrets.properties";
        }
        return Path.of(secrets);
    }
}
