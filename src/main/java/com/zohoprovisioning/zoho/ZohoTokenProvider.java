package com.zohoprovisioning.zoho;

import com.zohoprovisioning.config.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * OAuth 2.0 refresh-token grant with a cached access token. One refresh at a time for all threads: a caller
 * that saw a token fail refreshes only if nobody has replaced it meanwhile. Uses the token answer's
 * {@code api_domain} unless {@code zoho.api-url} is set. Secrets are never logged.
 */
public class ZohoTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoTokenProvider.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, long refreshAtNanos, String apiDomain) {
    }

    private final CamelContext context;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final String configuredApiUrl;
    private volatile Token current;
    private volatile String lastApiDomain;
    private ProducerTemplate template;
    /** zoho.token.denied-cooldown-ms, set by {@link #deniedCooldownMs}. */
    private volatile long deniedCooldownNanos;
    private volatile long deniedUntilNanos;
    private volatile String deniedMessage;
    private volatile String accountsUrl;

    public ZohoTokenProvider(CamelContext context, String clientId, String clientSecret, String refreshToken,
                             String configuredApiUrl) {
        this.context = context;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.configuredApiUrl = blankToNull(configuredApiUrl);
    }

    /**
     * After Zoho refused a refresh ("Access Denied": too many refreshes; or invalid_client / invalid_code), no other
     * refresh is tried for this long: every call in the meantime fails at once with the same error instead of
     * hammering the token endpoint (which would soon answer "Access Denied" too).
     */
    public void deniedCooldownMs(long ms) {
        this.deniedCooldownNanos = ms * 1_000_000L;
    }

    /** Sets {@code Authorization: Zoho-oauthtoken …} on the message; the exchange's {@link ZohoCall} remembers it. */
    public void authorize(Exchange exchange) {
        Token t = token();
        exchange.getMessage().setHeader("Authorization", "Zoho-oauthtoken " + t.value());
        ZohoCall call = ZohoCall.of(exchange);
        if (call != null) {
            call.tokenUsed(t.value());
        }
    }

    /** Marks the token this exchange sent as bad (after a 401), so the next {@link #authorize} refreshes once. */
    public void invalidate(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        String used = call == null ? null : call.tokenUsed();
        synchronized (this) {
            if (current != null && current.value().equals(used)) {
                LOG.info("Zoho answered INVALID_TOKEN: the access token will be refreshed");
                current = null;
            }
        }
    }

    /** The base URL of the Bigin and CRM APIs. */
    public String apiBase() {
        if (configuredApiUrl != null) {
            return configuredApiUrl;
        }
        String domain = token().apiDomain();
        return domain != null ? domain : lastApiDomain;
    }

    /** The accounts server the token route calls (named when it cannot be reached). */
    public void accountsUrl(String url) {
        this.accountsUrl = url;
    }

    /**
     * Obtains a token now: the start-up check that the credentials work. An accounts server that cannot be reached
     * (DNS, connection refused, timeout) is a {@link ZohoUnreachableException} naming it.
     */
    public void verify() {
        try {
            token();
        } catch (ZohoAuthException | ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            ZohoUnreachableException unreachable = ZohoUnreachableException.of(accountsUrl, e);
            throw unreachable != null ? unreachable : e;
        }
    }

    private Token token() {
        Token t = current;
        if (t != null && System.nanoTime() < t.refreshAtNanos()) {
            return t;
        }
        synchronized (this) {
            t = current;
            if (t != null && System.nanoTime() < t.refreshAtNanos()) {
                return t;
            }
            if (deniedMessage != null && System.nanoTime() < deniedUntilNanos) {
                throw new ZohoAuthException(deniedMessage);
            }
            try {
                current = refresh();
            } catch (ZohoAuthException e) {
                deniedMessage = e.getMessage();
                deniedUntilNanos = System.nanoTime() + deniedCooldownNanos;
                throw e;
            }
            deniedMessage = null;
            return current;
        }
    }

    private Token refresh() {
        if (clientId == null || clientSecret == null || refreshToken == null) {
            java.util.List<String> missing = new java.util.ArrayList<>();
            if (clientId == null) {
                missing.add("ZOHO_CLIENT_ID (zoho.client-id)");
            }
            if (clientSecret == null) {
                missing.add("ZOHO_CLIENT_SECRET (zoho.client-secret)");
            }
            if (refreshToken == null) {
                missing.add("ZOHO_REFRESH_TOKEN (zoho.refresh-token)");
            }
            throw new ConfigurationException("Zoho credentials are missing: " + String.join(", ", missing) + ". Set them"
                    + " as environment variables, or as the keys in brackets in the secrets file (zoho.secrets-file,"
                    + " default ~/.zoho-provisioning/secrets.properties; docs/going-live.md)");
        }
        String form = "grant_type=refresh_token&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                + "&refresh_token=" + enc(refreshToken);
        if (template == null) {
            template = context.createProducerTemplate();
        }
        String answer = template.requestBody("direct:zoho-oauth-token", form, String.class);
        JsonNode json;
        try {
            json = JSON.readTree(answer == null ? "" : answer);
        } catch (IOException e) {
            throw new ZohoAuthException("the Zoho token endpoint answered something that is not JSON");
        }
        if (json == null || json.has("error") || !json.hasNonNull("access_token")) {
            String error = json == null ? "empty answer" : json.path("error").asText("no access_token in the answer");
            throw new ZohoAuthException("Zoho refused the token refresh: " + error + hint(error));
        }
        long seconds = json.has("expires_in_sec") ? json.get("expires_in_sec").asLong()
                : json.path("expires_in").asLong(3600);
        if (seconds > 86_400) {
            seconds = seconds / 1000;
        }
        long margin = Math.min(300, seconds / 10);
        String domain = blankToNull(json.path("api_domain").asText(null));
        if (domain != null) {
            lastApiDomain = domain;
        }
        LOG.info("Obtained a Zoho access token, valid for {} s", seconds);
        return new Token(json.get("access_token").asText(), System.nanoTime() + (seconds - margin) * 1_000_000_000L,
                domain != null ? domain : lastApiDomain);
    }

    private static String hint(String error) {
        return switch (error) {
            case "invalid_client" -> " (wrong client id or secret, or the wrong data centre: check zoho.dc)";
            case "invalid_code" -> " (the refresh token is wrong or revoked: make a new one)";
            case "Access Denied" -> " (too many token refreshes: wait a few minutes)";
            default -> "";
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
