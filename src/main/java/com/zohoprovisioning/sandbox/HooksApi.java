package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Test hooks: {@code /__sandbox/state}, {@code /reset}, {@code /requests}, {@code /faults}, {@code /expire-tokens}. */
public final class HooksApi implements SandboxApi {

    private final SandboxState state;
    private final RequestLog log;
    private final SandboxFaults faults;
    private final TokenStore tokens;

    public HooksApi(SandboxState state, RequestLog log, SandboxFaults faults, TokenStore tokens) {
        this.state = state;
        this.log = log;
        this.faults = faults;
        this.tokens = tokens;
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new HooksApi(c.state(), c.requests(), c.faults(), c.tokens());
        }
    }

    @Override
    public void register(SandboxRouter r) {
        r.open("GET", "/__sandbox/state", req -> SandboxResponse.of(200, state.root()));
        r.open("POST", "/__sandbox/reset", req -> {
            state.reset();
            log.clear();
            faults.resetCounters();
            faults.groupPutReplaces(false);
            tokens.resetThrottle();
            return SandboxResponse.of(200, Map.of("status", "reset"));
        });
        r.open("GET", "/__sandbox/requests", req -> SandboxResponse.of(200, requests()));
        r.open("DELETE", "/__sandbox/requests", req -> {
            log.clear();
            faults.resetCounters();
            return SandboxResponse.of(200, Map.of("status", "cleared"));
        });
        r.open("GET", "/__sandbox/faults", req -> SandboxResponse.of(200, faults.settings()));
        r.open("POST", "/__sandbox/faults", this::setFaults);
        r.open("POST", "/__sandbox/expire-tokens", req -> {
            tokens.expireAll();
            return SandboxResponse.of(200, Map.of("status", "expired"));
        });
    }

    private Map<String, Object> requests() {
        Map<String, Object> out = new LinkedHashMap<>(log.toJson());
        out.put("peak_in_flight", faults.peakInFlight());
        out.put("rejected_429", faults.rejected());
        out.put("tokens_issued", tokens.issuedCount());
        if (faults.creditsLeft() >= 0) {
            out.put("credits_remaining", faults.creditsLeft());
        }
        return out;
    }

    /**
     * Body: any of latencyMs, maxConcurrent, maxPerMinute, retryAfterSeconds, errorRate, resetRate, dropRate, down,
     * tokenRefreshLimit, tokenTtl, groupPutReplaces,
     * creditsPerDay, creditsWindowSeconds; others stay. {@code refillCredits: true} forgets the credits spent.
     */
    private SandboxResponse setFaults(SandboxRequest req) {
        JsonNode j = req.json();
        if (j == null || !j.isObject()) {
            return SandboxResponse.error(400, "INVALID_DATA", "body must be a JSON object", null);
        }
        SandboxFaults.Settings s = faults.settings();
        faults.update(new SandboxFaults.Settings(
                j.path("latencyMs").asLong(s.latencyMs()),
                j.path("maxConcurrent").asInt(s.maxConcurrent()),
                j.path("maxPerMinute").asInt(s.maxPerMinute()),
                j.path("retryAfterSeconds").asInt(s.retryAfterSeconds()),
                j.path("errorRate").asDouble(s.errorRate()),
                j.path("resetRate").asDouble(s.resetRate()),
                j.path("dropRate").asDouble(s.dropRate()),
                j.path("down").asBoolean(s.down()),
                j.path("creditsPerDay").asLong(s.creditsPerDay()),
                j.path("creditsWindowSeconds").asLong(s.creditsWindowSeconds())));
        if (j.path("refillCredits").asBoolean(false)) {
            faults.refillCredits();
        }
        if (j.has("tokenRefreshLimit")) {
            tokens.refreshLimit(j.get("tokenRefreshLimit").asInt());
            tokens.resetThrottle();
        }
        if (j.has("groupPutReplaces")) {
            faults.groupPutReplaces(j.get("groupPutReplaces").asBoolean());
        }
        if (j.has("tokenTtl")) {
            tokens.ttlSeconds(j.get("tokenTtl").asLong());
        }
        return SandboxResponse.of(200, faults.settings());
    }
}
