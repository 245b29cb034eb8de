package com.zohoprovisioning;

import com.zohoprovisioning.config.ConfigurationException;
import com.zohoprovisioning.zoho.ZohoAuthException;
import com.zohoprovisioning.zoho.ZohoUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The command line: parses the arguments, hands the work to the command (RouteRuns: a service, --once, check;
 * SandboxCommand; ApproveCommand) and turns what happened into the exit code.
 * {@code [--once] [--config FILE]} runs the routes (as a service, or once through the inboxes);
 * {@code sandbox [--port N] [--state FILE]} runs only the Zoho sandbox; {@code sandbox --reset} deletes the embedded
 * sandbox's org ({@code sandbox.state-file}) so that the next run starts from the seed. Exit codes: 0 ok, 3 some records failed or files were
 * rejected, 2 configuration or usage error, 1 could not run (or {@code --once} stopped by SIGTERM/Ctrl-C before its end).
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
              --once         process every file in the inboxes, then exit (0 ok, 3 some records failed or files misplaced, 2 config,
                             1 could not run or stopped by a signal before the end)
              --dry-run      validate and send nothing that writes to Zoho: results, summary and the file go to dry-run/<feed>/
              --config FILE  an extra properties file (overrides ./config/application.properties and the defaults)
              -Dkey=value    one setting (before or after the jar); an unknown key stops the start (exit 2)
              sandbox        run only the Zoho sandbox until stopped; it keeps its org only with --state FILE
              check          get a token and read what each feed's lookups read (no file taken): OK or Zoho's answer
                             per feed; exit 0 all passed, 1 the token or a lookup failed, 2 configuration
              sandbox --reset  forget the org the embedded sandbox kept (work/.sandbox/state.json): start from the seed
              approve <feed> <file>  release held/<feed>/<file> into the inbox (a repeat once; a roster: its plan)
            Target: zoho.mode=sandbox (the default) starts a Zoho look-alike inside the process: nothing reaches
              Zoho. zoho.mode=live with zoho.dc and the credentials (ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET,
              ZOHO_REFRESH_TOKEN, or the secrets file) writes to your real Zoho org. The first log line says which.
            Work folder (work.dir, default ./work): drop files into inbox/<feed>/; results in success/, error/,
              reports/; inputs in archive/; unreadable files in rejected/; files stopped before finishing in held/.
            Rosters (provisioning.<feed>.mode=roster) and two instances (cluster.enabled): docs/roster-sync.md, operations.md
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
            boolean onlyNames = false;
            for (int i = 0; i < list.size(); i++) {
                String a = list.get(i);
                if (approve && (onlyNames || a.equals("--"))) {
                    // after --, approve's words are names, even one that starts with a dash
                    if (onlyNames) {
                        positional.add(a);
                    }
                    onlyNames = true;
                    continue;
                }
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
                throw new IllegalArgumentException("--config " + config + (Files.isDirectory(Path.of(config))
                        ? ": a folder, not a properties file" : ": no such file"));
            }
        } catch (RuntimeException e) {
            System.err.println("zoho-provisioning: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try {
            if (approve) {
                return ApproveCommand.approve(positional.get(0), positional.get(1), config, settings);
            }
            if (check && !sandbox) {
                return RouteRuns.runCheck(config, settings);
            }
            return sandbox ? SandboxCommand.run(port, state, reset, config, settings)
                    : RouteRuns.runRoutes(once, config, settings);
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

    /** The accounts server could not be reached: one line, the stack trace only at DEBUG. */
    private static int unreachable(ZohoUnreachableException e) {
        LOG.error(e.getMessage());
        LOG.debug("the accounts server could not be reached", e.getCause());
        return 1;
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
