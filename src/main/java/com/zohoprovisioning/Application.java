package com.zohoprovisioning;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.config.Settings;
import com.zohoprovisioning.pipeline.RunStats;
import com.zohoprovisioning.sandbox.SandboxSettings;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import com.zohoprovisioning.zoho.ZohoAuthException;
import com.zohoprovisioning.zoho.ZohoTokenProvider;
import com.zohoprovisioning.zoho.ZohoUnreachableException;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The command line: {@code [--once] [--config FILE]} runs the routes (as a service, or once through the inboxes);
 * {@code sandbox [--port N] [--state FILE]} runs only the Zoho sandbox; {@code sandbox --reset} deletes the embedded
 * sandbox's org ({@code sandbox.state-file}) so that the next run starts from the seed. Exit codes: 0 ok, 3 some records failed or files were
 * rejected, 2 configuration or usage error, 1 could not run.
 */
public final class Application {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    static final String USAGE = """
            usage: java [-Dkey=value …] -jar zoho-provisioning.jar [--once] [--dry-run] [--config FILE] [-Dkey=value …]
                   java -jar zoho-provisioning.jar sandbox [--port N] [--state FILE] [--config FILE]
                   java -jar zoho-provisioning.jar sandbox --reset [--config FILE]
                   java -jar zoho-provisioning.jar check [--config FILE] [-Dkey=value …]
                   java -jar zoho-provisioning.jar approve <feed> <file> [--config FILE]
                   java -jar zoho-provisioning.jar --version | --help
              --once         process every file in the inboxes, then exit (0 ok, 3 some records failed or files misplaced, 2 config, 1 could not run)
              --dry-run      validate and write result files (result_action=validated), send nothing that writes to Zoho
              --config FILE  an extra properties file (overrides ./config/application.properties and the defaults)
              -Dkey=value    one setting (before or after the jar); an unknown key stops the start (exit 2)
              sandbox        run only the Zoho sandbox until stopped; it keeps its org only with --state FILE
              check          get a token and make each feed's first lookup (no file taken): OK or Zoho's answer
                             per feed; exit 0 all passed, 1 the token or a lookup failed, 2 configuration
              sandbox --reset  forget the org the embedded sandbox kept (work/.sandbox/state.json): start from the seed
              approve <feed> <file>  release held/<feed>/<file> into the inbox, once past the repeat check
            Target: zoho.mode=sandbox (the default) starts a Zoho look-alike inside the process: nothing reaches
              Zoho. zoho.mode=live with zoho.dc and the credentials (ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET,
              ZOHO_REFRESH_TOKEN, or the secrets file) writes to your real Zoho org. The first log line says which.
            Work folder (work.dir, default ./work): drop files into inbox/<feed>/; results in success/, error/,
              reports/; inputs in archive/; unreadable files in rejected/.
            Settings: -Dkey=value, environment variables (WORK_DIR, ZOHO_MODE, …), ./config/application.properties,
              --config FILE; secrets in ~/.zoho-provisioning/secrets.properties. Every key: docs/configuration.md""";

    private Application() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        boolean once = false;
        boolean sandbox = false;
        boolean reset = false;
        boolean check = false;
        String state = null;
        String config = null;
        Integer port = null;
        boolean approve = false;
        List<String> positional = new java.util.ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> list = Arrays.asList(args);
        try {
            for (int i = 0; i < list.size(); i++) {
                String a = list.get(i);
                switch (a) {
                    case "--once" -> once = true;
                    case "--dry-run" -> settings.put("provisioning.dry-run", "true");
                    case "sandbox" -> sandbox = true;
                    case "approve" -> {
                        if (i == 0) {
                            approve = true;
                        } else if (approve) {
                            positional.add(a);
                        } else {
                            throw new IllegalArgumentException("approve goes first: approve <feed> <file>");
                        }
                    }
                    case "--config" -> config = list.get(++i);
                    case "--port" -> port = Integer.parseInt(list.get(++i));
                    case "--state" -> state = list.get(++i);
                    case "--reset" -> reset = true;
                    case "check" -> check = true;
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return 0;
                    }
                    case "--version" -> {
                        System.out.println("zoho-provisioning " + version());
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("--config=")) {
                            config = a.substring(9);
                        } else if (a.startsWith("--port=")) {
                            port = Integer.parseInt(a.substring(7));
                        } else if (a.startsWith("-D") && a.indexOf('=') > 2) {
                            settings.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                        } else if (a.startsWith("--state=")) {
                            state = a.substring(8);
                        } else if (approve && !a.startsWith("-")) {
                            positional.add(a);
                        } else {
                            throw new IllegalArgumentException("unknown argument: " + a);
                        }
                    }
                }
            }
            if (approve && (sandbox || once || positional.size() != 2)) {
                throw new IllegalArgumentException("approve takes a feed and the name of a file in held/<feed>/");
            }
            if (!sandbox && (reset || state != null)) {
                throw new IllegalArgumentException("--state and --reset go with the sandbox command");
            }
            if (config != null && !Files.isRegularFile(Path.of(config))) {
                throw new IllegalArgumentException("--config " + config + ": no such file");
            }
        } catch (RuntimeException e) {
            System.err.println("zoho-provisioning: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try {
            if (approve) {
                return approve(positional.get(0), positional.get(1), config, settings);
            }
            if (sandbox && reset) {
                return resetSandbox(state, config, settings);
            }
            if (check && !sandbox) {
                return runCheck(config, settings);
            }
            return sandbox ? runSandbox(port, state, config, settings) : runRoutes(once, config, settings);
        } catch (ConfigurationException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            return 2;
        } catch (ZohoAuthException e) {
            LOG.error("Zoho authentication failed: {}", e.getMessage());
            return 1;
        } catch (ZohoUnreachableException e) {
            return unreachable(e);
        } catch (Exception e) {
            Throwable root = rootCause(e);
            if (root instanceof ConfigurationException) {
                LOG.error("Configuration error: {}", root.getMessage());
                return 2;
            }
            if (root instanceof ZohoAuthException) {
                LOG.error("Zoho authentication failed: {}", root.getMessage());
                return 1;
            }
            if (root instanceof IllegalArgumentException && String.valueOf(root.getMessage()).contains("property")) {
                LOG.error("Configuration error: {}", root.getMessage());
                return 2;
            }
            LOG.error("Could not run: {}", root.toString(), e);
            return 1;
        }
    }

    private static int runRoutes(boolean once, String config, Map<String, String> arguments) throws Exception {
        warnFileNameEncoding(System.getProperty("sun.jnu.encoding"), System.getProperty("file.encoding"));
        Main main = new Main();
        Map<String, String> sources = new LinkedHashMap<>();
        arguments.forEach((k, v) -> {
            main.addOverrideProperty(k, v);
            sources.put(k, "-D" + k + " after the jar");
        });
        main.configure().addConfiguration(new ProvisioningBeans(sources));
        main.setPropertyPlaceholderLocations(locations(config));
        // routes start only once a Zoho token was obtained: a bad credential never touches a file
        main.configure().setAutoStartup(false);
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
            LOG.info(RunTarget.describe(Settings.of(context), tokens.apiBase(),
                    context.getRegistry().lookupByName("zohoSandbox") != null));
            context.getRouteController().startAllRoutes();
            stats = context.getRegistry().lookupByNameAndType("runStats", RunStats.class);
        } catch (Exception | Error e) {
            stopQuietly(main);
            throw e;
        }
        if (once) {
            try {
                Settings settings = Settings.of(context);
                Path workDir = Path.of(settings.text("work.dir"));
                List<String> feeds = settings.list("provisioning.feeds");
                List<String> remote = feeds.stream().flatMap(f -> java.util.stream.Stream.of(f + "-sftp", f + "-download"))
                        .filter(id -> context.getRoute(id) != null).toList();
                int code = new OnceRunner(workDir, feeds, stats, remote,
                        context.getRegistry().lookupByNameAndType("remotePolls", com.zohoprovisioning.ops.RemotePolls.class))
                        .await();
                printWhere(workDir);
                return code;
            } finally {
                main.stop();
                LOG.info("zoho-provisioning stopped");
            }
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
     * SIGTERM in service mode: Camel stops the consumers (no new file, no new remote poll), then waits for the
     * exchanges in flight, each a whole file: the files being processed are finished (results, summary, archive),
     * for at most camel.main.shutdown-timeout; a file not finished by then stays in the inbox and resumes from its
     * journal on the next start. The last line says the process is done.
     */
    private static void stopService(Main main, CamelContext context) {
        LOG.info("Stopping: no new file is taken; the files being processed are finished first (at most {} s, "
                + "camel.main.shutdown-timeout; a file not finished by then stays in the inbox and resumes on the next start)",
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
    private static int runCheck(String config, Map<String, String> arguments) throws Exception {
        Main main = new Main();
        Map<String, String> sources = new LinkedHashMap<>();
        arguments.forEach((k, v) -> {
            main.addOverrideProperty(k, v);
            sources.put(k, "-D" + k + " after the jar");
        });
        main.configure().addConfiguration(new ProvisioningBeans(sources));
        main.setPropertyPlaceholderLocations(locations(config));
        main.configure().setAutoStartup(false);
        try {
            main.start();
            return new CredentialsCheck(main.getCamelContext(), System.out).run();
        } finally {
            stopQuietly(main);
        }
    }

    /** The accounts server could not be reached: one line, the stack trace only at DEBUG. */
    private static int unreachable(ZohoUnreachableException e) {
        LOG.error(e.getMessage());
        LOG.debug("the accounts server could not be reached", e.getCause());
        return 1;
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
     * a non-ASCII name in an inbox names no file the JVM can open. Such files are skipped and warned about (not
     * taken); this says so at startup, and how to fix it. Returns the warning, or null when the encoding is UTF-8.
     */
    static String warnFileNameEncoding(String jnu, String fileEncoding) {
        String encoding = jnu != null ? jnu : fileEncoding;
        if (encoding == null || encoding.replace("-", "").equalsIgnoreCase("UTF8")) {
            return null;
        }
        String warning = "File names are decoded as " + encoding + " (sun.jnu.encoding, from the locale), not UTF-8: "
                + "files whose names have non-ASCII characters cannot be opened and are left in the inbox (warned "
                + "about as not taken). Start the program under a UTF-8 locale, e.g. LANG=C.UTF-8 (in cron: "
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

    /**
     * The standalone sandbox keeps its org only with {@code --state FILE}: {@code sandbox.state-file} (by default in
     * the work folder) belongs to the sandbox the application embeds, while a standalone one serves other processes
     * (the benchmark, a service pointed at it with {@code zoho.api-url}) that reset it through its hooks, and two
     * processes must not write the same file.
     */
    private static int runSandbox(Integer port, String state, String config, Map<String, String> arguments)
            throws IOException, InterruptedException {
        SandboxSettings settings = SandboxSettings.from(sandboxProperties(config, arguments)).withStateFile(state);
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
    private static int resetSandbox(String state, String config, Map<String, String> arguments) throws IOException {
        java.util.function.Function<String, String> props = sandboxProperties(config, arguments);
        String file = state != null ? state : resolve(props, props.apply("sandbox.state-file"), 0);
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

    /**
     * {@code approve <feed> <file>}: releases {@code held/<feed>/<file>} into {@code inbox/<feed>/}, approved once
     * past the repeat check ({@link com.zohoprovisioning.pipeline.HeldFiles}). Exit 0 and what was done; 2 when the
     * feed or the held file does not exist.
     */
    private static int approve(String feed, String file, String config, Map<String, String> arguments)
            throws IOException {
        java.util.function.Function<String, String> props = sandboxProperties(config, arguments);
        String dir = resolve(props, props.apply("work.dir"), 0);
        Path workDir = Path.of(dir == null || dir.isBlank() ? "work" : dir.trim()).toAbsolutePath().normalize();
        try {
            System.out.println(com.zohoprovisioning.pipeline.HeldFiles.approve(workDir, feedNames(), feed, file));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("zoho-provisioning approve: " + e.getMessage());
            return 2;
        }
    }

    /** The feeds this build has (every Feed class under com.zohoprovisioning.feeds). */
    private static List<String> feedNames() throws IOException {
        try (org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            return com.zohoprovisioning.pipeline.Feeds.discover(context).stream()
                    .map(com.zohoprovisioning.pipeline.Feed::name).sorted().toList();
        }
    }

    /** {@code {{key}}} in a value replaced by the key's value (nested up to 10 deep). */
    private static String resolve(java.util.function.Function<String, String> props, String value, int depth) {
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

    /** The sandbox's settings without Camel: -D, then environment (WORK_DIR for work.dir), then the properties files. */
    private static java.util.function.Function<String, String> sandboxProperties(String config,
                                                                               Map<String, String> arguments)
            throws IOException {
        Properties p = new Properties();
        load(p, Application.class.getClassLoader().getResourceAsStream("config/application.properties"));
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

    /** The version: the jar manifest's, else the pom.properties Maven puts into the jar. */
    static String version() {
        String v = Application.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = Application.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/com.zohoprovisioning/zoho-provisioning/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                if (p.getProperty("version") != null) {
                    return p.getProperty("version");
                }
            }
        } catch (IOException e) {
            LOG.debug("no pom.properties", e);
        }
        return "(version unknown: not run from the jar)";
    }

    private static void load(Properties p, InputStream in) throws IOException {
        if (in == null) {
            return;
        }
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof ConfigurationException || t instanceof ZohoAuthException) {
                return t;
            }
            t = t.getCause();
        }
        return t;
    }
}
