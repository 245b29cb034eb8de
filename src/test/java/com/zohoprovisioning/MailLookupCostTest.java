package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the account lookups cost against a larger org (the seed plus generated accounts): the paged list once per
 * file ({@code mail.account-lookup=list}) against one GET per record (email, the default). The suite checks the call
 * counts; {@code -Dmail.bench=true} (with {@code -Dmail.bench.lookup}, {@code .org}, {@code .latency-ms}) prints the
 * measurement behind docs/mail-users.md (the lookup strategy).
 */
class MailLookupCostTest extends PipelineTestSupport {

    private static final int ORG = Integer.getInteger("mail.bench.org", 230);

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("sandbox.seed", bigSeed(ORG).toString());
        p.put("mail.page-size", "50");
        p.put("mail.account-lookup", System.getProperty("mail.bench.lookup", "list"));
        p.put("sandbox.latency-ms", System.getProperty("mail.bench.latency-ms", "0"));
        return p;
    }

    @Test
    void theListCostsOneCallPerPageOncePerFile() {
        drop("mail-users", "twenty.csv", records(20, 7));
        awaitDone("mail-users", "twenty.csv");
        JsonNode calls = summary("mail-users", "twenty.csv").path("api_calls").path("by_endpoint");
        // 6 seed accounts + 230 generated = 236: pages of 50, 50, 50, 50, 36
        assertThat(calls.path("GET /api/organization/{zoid}/accounts").asLong()).isEqualTo(5);
        assertThat(calls.path("GET /api/organization/{zoid}/accounts/{email}").asLong()).isZero();
        assertThat(calls.path("PUT /api/organization/{zoid}/accounts/{accountId}").asLong()).isEqualTo(20);
        assertThat(csv("success/mail-users/twenty.csv")).hasSize(20);
    }

    @Test
    @EnabledIfSystemProperty(named = "mail.bench", matches = "true")
    void measure() {
        for (int n : new int[]{1, 10, 100, 1000}) {
            if (n > ORG) {
                continue;
            }
            String name = "bench-" + n + ".csv";
            drop("mail-users", name, records(n, 1));
            awaitDone("mail-users", name);
            JsonNode s = summary("mail-users", name);
            System.out.printf("MAIL-BENCH lookup=%s org=%d latency=%sms records=%d calls=%d lookups=%d duration_ms=%d ok=%d%n",
                    System.getProperty("mail.bench.lookup", "list"), ORG + 6,
                    System.getProperty("mail.bench.latency-ms", "0"), n, s.path("api_calls").path("total").asLong(),
                    s.path("api_calls").path("total").asLong() - n, s.path("duration_ms").asLong(),
                    s.path("succeeded").asLong());
        }
    }

    private static String records(int n, int step) {
        StringBuilder sb = new StringBuilder("email,display_name\n");
        for (int i = 0; i < n; i++) {
            int k = (i * step) % ORG;
            sb.append("user").append(k).append("@zylker.com,User ").append(k).append(" Renamed\n");
        }
        return sb.toString();
    }

    /** The classpath seed with {@code extra} generated Mail accounts, written to a temp file. */
    private Path bigSeed(int extra) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("config/sandbox-seed.json")) {
            ObjectNode seed = (ObjectNode) JSON.readTree(in);
            ArrayNode accounts = (ArrayNode) seed.path("mail").path("accounts");
            for (int i = 0; i < extra; i++) {
                ObjectNode a = accounts.addObject();
                a.put("accountId", String.valueOf(2560637000000000000L + i));
                a.put("zuid", String.valueOf(200000000L + i));
                a.put("emailAddress", "user" + i + "@zylker.com");
                a.put("firstName", "User");
                a.put("lastName", String.valueOf(i));
                a.put("displayName", "User " + i);
                a.putObject("address");
            }
            Path p = workDir().resolve("mail-seed.json");
            Files.write(p, JSON.writeValueAsBytes(seed));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
