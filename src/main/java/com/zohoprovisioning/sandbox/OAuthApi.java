package com.zohoprovisioning.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Zoho Accounts' token endpoint, refresh-token grant only. Errors come as HTTP 200 with an {@code error} key,
 * as the real one does ({@code invalid_client}, {@code invalid_code}, {@code Access Denied}).
 */
public final class OAuthApi implements SandboxApi {

    private final SandboxSettings settings;
    private final TokenStore tokens;
    private final Supplier<String> apiDomain;

    public OAuthApi(SandboxSettings settings, TokenStore tokens, Supplier<String> apiDomain) {
        this.settings = settings;
        this.tokens = tokens;
        this.apiDomain = apiDomain;
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new OAuthApi(c.settings(), c.tokens(), c.baseUrl());
        }
    }

    @Override
    public void register(SandboxRouter router) {
        router.open("POST", "/oauth/v2/token", this::token);
    }

    private SandboxResponse token(SandboxRequest request) {
        Map<String, String> p = request.formAndQuery();
        if (!"refresh_token".equals(p.get("grant_type"))) {
            return SandboxResponse.of(200, Map.of("error", "unsupported_grant_type"));
        }
        if (!settings.clientId().equals(p.get("client_id")) || !settings.clientSecret().equals(p.get("client_secret"))) {
            return SandboxResponse.of(200, Map.of("error", "invalid_client"));
        }
        if (!settings.refreshToken().equals(p.get("refresh_token"))) {
            return SandboxResponse.of(200, Map.of("error", "invalid_code"));
        }
        String token = tokens.issue();
        if (token == null) {
            Map<String, Object> denied = new LinkedHashMap<>();
            denied.put("error_description", "You have made too many requests continuously. Please try again after some time.");
            denied.put("error", "Access Denied");
            denied.put("status", "failure");
            return SandboxResponse.of(200, denied);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token);
        body.put("expires_in", tokens.ttlSeconds());
        body.put("api_domain", apiDomain.get());
        body.put("token_type", "Bearer");
        return SandboxResponse.of(200, body);
    }
}
