package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zohoprovisioning.pipeline.RunStats;
import com.zohoprovisioning.sandbox.ZohoSandbox;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Boots the real routes and config through Camel Main with {@code work.dir} in a fresh temp folder and the
 * embedded sandbox on loopback; helpers drop files into an inbox, wait for them to be done, and read results
 * and the sandbox's state over HTTP.
 */
public abstract class PipelineTestSupport extends CamelMainTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Path workDir;

    /** This test's work folder (created on first use: the Camel test base asks for settings in its constructor). */
    protected Path workDir() {
        if (workDir == null) {
            try {
                workDir = Files.createTempDirectory("zp-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workDir;
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "classpath:config/application.properties";
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(ProvisioningBeans.class);
        configuration.withRoutesIncludePattern("classpath:routes/*.yaml");
        configuration.withBasePackageScanEnabled(false);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.put("work.dir", workDir().toString());
        p.put("provisioning.poll-delay-ms", "100");
        p.put("provisioning.read-lock-check-ms", "100");
        p.put("zoho.retry.initial-delay-ms", "50");
        p.put("zoho.retry.max-delay-ms", "500");
        p.putAll(extraProperties());
        return p;
    }

    /** Settings a test class adds or overrides. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected ZohoSandbox sandbox() {
        return context.getRegistry().lookupByNameAndType("zohoSandbox", ZohoSandbox.class);
    }

    /** Writes a file into inbox/&lt;feed&gt;/ (via a hidden temp name and a rename, as a careful uploader would). */
    protected Path drop(String feed, String name, String content) {
        return drop(feed, name, content.getBytes(StandardCharsets.UTF_8));
    }

    protected Path drop(String feed, String name, byte[] content) {
        try {
            Path inbox = Files.createDirectories(workDir().resolve("inbox").resolve(feed));
            Path tmp = inbox.resolve("." + name + ".part");
            Files.write(tmp, content);
            return Files.move(tmp, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the dropped file has left the inbox and its summary (or rejection reason) is written. */
    protected void awaitDone(String feed, String name) {
        Path inbox = workDir().resolve("inbox").resolve(feed).resolve(name);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> !Files.exists(inbox)
                && (hasFile("reports/" + feed, name, ".summary.json") || hasFile("rejected/" + feed, name, ".reason.txt")
                || hasFile("dry-run/" + feed, name, ".summary.json")));
    }

    private boolean hasFile(String dir, String name, String suffix) throws IOException {
        Path d = workDir().resolve(dir);
        if (!Files.isDirectory(d)) {
            return false;
        }
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).anyMatch(f -> f.startsWith(stem) && f.endsWith(suffix));
        }
    }

    protected Path path(String relative) {
        return workDir().resolve(relative);
    }

    /** The records of a result CSV as maps (header → value), or an empty list when the file does not exist. */
    protected List<Map<String, String>> csv(String relative) {
        Path p = workDir().resolve(relative);
        if (!Files.exists(p)) {
            return List.of();
        }
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            List<Map<String, String>> out = new ArrayList<>();
            java.io.PushbackReader rest = new java.io.PushbackReader(r, 1);
            int c = rest.read();
            if (c != '\uFEFF' && c != -1) {
                rest.unread(c);
            }
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(rest)) {
                out.add(new LinkedHashMap<>(rec.toMap()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected JsonNode json(String relative) {
        try {
            return JSON.readTree(workDir().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected JsonNode summary(String feed, String name) {
        return json("reports/" + feed + "/" + name + ".summary.json");
    }

    /** A dry run's summary: {@code dry-run/<feed>/<file>.summary.json}. */
    protected JsonNode dryRunSummary(String feed, String name) {
        return json("dry-run/" + feed + "/" + name + ".summary.json");
    }

    /** GET on the sandbox (a hook such as /__sandbox/state), parsed as JSON. */
    protected JsonNode sandboxGet(String path) {
        return sandboxCall("GET", path, null);
    }

    protected JsonNode sandboxCall(String method, String path, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox().baseUrl() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json");
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Bigin user with this e-mail in the sandbox's state, or null. */
    protected JsonNode biginUser(String email) {
        for (JsonNode u : sandboxGet("/__sandbox/state").path("bigin").path("users")) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return u;
            }
        }
        return null;
    }

    /** How many requests the sandbox received for an endpoint key such as "POST /bigin/v1/users". */
    protected long calls(String endpoint) {
        return sandboxGet("/__sandbox/requests").path("counts").path(endpoint).asLong(0);
    }

    /** A CRM user's status in the sandbox's org, by e-mail (case-insensitive); null when no such user. */
    protected String crmStatus(String email) {
        for (com.fasterxml.jackson.databind.JsonNode u : sandboxGet("/__sandbox/state").path("crm").path("users")) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return u.path("status").asText();
            }
        }
        return null;
    }

    /** The CRM writes (POST and PUT) the sandbox received. */
    protected long crmWrites() {
        long n = 0;
        var counts = sandboxGet("/__sandbox/requests").path("counts").fields();
        while (counts.hasNext()) {
            var e = counts.next();
            if (e.getKey().startsWith("POST /crm") || e.getKey().startsWith("PUT /crm")) {
                n += e.getValue().asLong();
            }
        }
        return n;
    }

    /** Waits until the run reports a fatal error (a file that cannot be processed now, or output that cannot be written). */
    protected RunStats awaitFatalError() {
        RunStats stats = context.getRegistry().lookupByNameAndType("runStats", RunStats.class);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !stats.fatalErrors().isEmpty());
        return stats;
    }
}
