package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that behaves like the Zoho APIs the routes call: OAuth, Bigin users, roles
 * and profiles, CRM users and user groups, Mail accounts, plus test hooks. Each API is one {@link SandboxApi},
 * discovered by a classpath scan of this package: adding one is adding its class, nothing else.
 *
 * <p>With {@code sandbox.state-file} set, the org is kept in that file across runs ({@link SandboxState}): each
 * request other than GET marks it changed (a volatile write, nothing more, so the request rate is not bound to the
 * disk), a background thread writes it at most once every {@link #SAVE_INTERVAL_MS} ms while it changes, and
 * {@link #close()} writes it a last time; {@code POST /__sandbox/reset} writes the seed at once.
 */
public final class ZohoSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoSandbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often, at most, a changing org is written to the state file. */
    static final long SAVE_INTERVAL_MS = 1000;

    private final SandboxSettings settings;
    private final SandboxState state;
    private final RequestLog requestLog = new RequestLog();
    private final SandboxFaults faults;
    private final TokenStore tokens;
    private final SandboxRouter router = new SandboxRouter();
    private HttpServer server;
    private ExecutorService executor;
    private ScheduledExecutorService saver;

    public ZohoSandbox(SandboxSettings settings) {
        this.settings = settings;
        this.state = new SandboxState(settings.seed(), settings.stateFilePath());
        this.faults = new SandboxFaults(settings.faults());
        this.tokens = new TokenStore(settings.tokenTtlSeconds(), settings.tokenRefreshLimit());
        for (SandboxApi api : apis()) {
            api.register(router);
        }
    }

    /** Every API of this package: each {@link SandboxApi.Factory} class, found by Camel's classpath scan. */
    private List<SandboxApi> apis() {
        SandboxContext context = new SandboxContext(settings, state, requestLog, faults, tokens, this::baseUrl);
        List<SandboxApi> apis = new ArrayList<>();
        for (Class<?> type : factories()) {
            try {
                apis.add(((SandboxApi.Factory) type.getDeclaredConstructor().newInstance()).create(context));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sandbox API " + type.getName() + " needs a public no-argument factory", e);
            }
        }
        if (apis.isEmpty()) {
            throw new IllegalStateException("no sandbox API found under " + ZohoSandbox.class.getPackageName());
        }
        return apis;
    }

    /** The factories of the sandbox's APIs, by name (the router picks the most specific endpoint, not the first). */
    static List<Class<?>> factories() {
        org.apache.camel.support.scan.DefaultPackageScanClassResolver scan =
                new org.apache.camel.support.scan.DefaultPackageScanClassResolver();
        scan.addClassLoader(ZohoSandbox.class.getClassLoader());
        return scan.findImplementations(SandboxApi.Factory.class, ZohoSandbox.class.getPackageName()).stream()
                .filter(t -> !t.isInterface() && !java.lang.reflect.Modifier.isAbstract(t.getModifiers()))
                .sorted(java.util.Comparator.comparing(Class::getName)).toList();
    }

    public ZohoSandbox start() throws IOException {
        // without TCP_NODELAY, a small body written after the headers waits for the peer's delayed ACK (~40 ms)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 200);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "zoho-sandbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        if (state.stateFile() != null) {
            saver = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "zoho-sandbox-save");
                t.setDaemon(true);
                return t;
            });
            saver.scheduleWithFixedDelay(this::saveQuietly, SAVE_INTERVAL_MS, SAVE_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }
        LOG.info("Zoho sandbox listening on {}{}", baseUrl(),
                state.stateFile() == null ? "" : " (org kept in " + state.stateFile().toAbsolutePath().normalize() + ")");
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public SandboxState state() {
        return state;
    }

    public RequestLog requests() {
        return requestLog;
    }

    public SandboxFaults faults() {
        return faults;
    }

    public TokenStore tokens() {
        return tokens;
    }

    /** Stops the server and writes the org to the state file, if there is one. */
    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            if (saver != null) {
                saver.shutdown();
                try {
                    saver.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                saver = null;
                try {
                    state.save();
                } catch (RuntimeException e) {
                    LOG.warn("Could not save the sandbox org: {}", e.getMessage());
                }
            }
        }
    }

    private void saveQuietly() {
        try {
            state.saveIfChanged();
        } catch (RuntimeException e) {
            LOG.warn("Could not save the sandbox org (tried again in {} ms): {}", SAVE_INTERVAL_MS, e.getMessage());
        }
    }

    private void serve(HttpExchange http) throws IOException {
        String method = http.getRequestMethod();
        String path = http.getRequestURI().getPath();
        String rawQuery = http.getRequestURI().getRawQuery();
        byte[] body;
        try (InputStream in = http.getRequestBody()) {
            body = in.readAllBytes();
        }
        SandboxRouter.Match match = router.match(method, path);
        SandboxResponse response;
        String endpoint = match == null ? method + " " + path : match.endpoint().key();
        try {
            if (match == null) {
                response = router.knowsPath(path)
                        ? SandboxResponse.error(400, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one", null)
                        : SandboxResponse.error(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one", null);
            } else {
                SandboxRequest request = new SandboxRequest(method, path, match.pathParams(),
                        SandboxRequest.parseQuery(rawQuery), http.getRequestHeaders(), body);
                response = match.endpoint().authenticated()
                        ? authorised(request) ? faults.around(match.endpoint().handler(), request) : invalidToken()
                        : match.endpoint().handler().handle(request);
                if (saver != null && !"GET".equals(method)) {
                    state.changed();
                }
            }
        } catch (Exception e) {
            LOG.warn("sandbox handler failed for {} {}", method, path, e);
            response = SandboxResponse.error(500, "INTERNAL_ERROR", "Internal Server Error", null);
        }
        requestLog.add(new RequestLog.Entry(method, path, rawQuery, endpoint, response.status(),
                path.startsWith("/oauth") ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8)));
        write(http, response);
    }

    private boolean authorised(SandboxRequest request) {
        String auth = request.header("Authorization");
        String prefix = "Zoho-oauthtoken ";
        return auth != null && auth.startsWith(prefix) && tokens.valid(auth.substring(prefix.length()).trim());
    }

    private static SandboxResponse invalidToken() {
        return SandboxResponse.error(401, "INVALID_TOKEN", "invalid oauth token", null);
    }

    private static void write(HttpExchange http, SandboxResponse response) throws IOException {
        if (response.status() < 0) {
            http.close();
            return;
        }
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            http.getResponseHeaders().add(h.getKey(), h.getValue());
        }
        if (response.body() == null || response.status() == 204) {
            http.sendResponseHeaders(response.status(), -1);
            http.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(response.body());
        http.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        http.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }
}
