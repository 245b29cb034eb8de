package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.List;
import java.util.Map;

/**
 * The Zoho user the token acts as, for the LIVE start-up line: the e-mail of {@code GET <users>?type=CurrentUser}
 * of the first user API the feeds call (CRM, then Bigin: the users scope both feeds' lookups already need), through
 * the same zoho: component as every call. Never fails the start: when no API answers it, the line says why.
 */
final class TokenUser {

    /** The users list of each API that has one, keyed by the API's name in zoho: steps. */
    static final Map<String, String> USERS = Map.of("crm", "/crm/v6/users", "bigin", "/bigin/v1/users");

    private TokenUser() {
    }

    /**
     * The token's user e-mail, or {@code (unknown: <why>)}: never an exception. Tries each user API in
     * {@code feeds}' order (the API is the feed's name before its first dash) whose zoho: route exists; the zoho-*
     * routes must be started.
     */
    static String email(CamelContext context, List<String> feeds) {
        List<String> apis = feeds.stream().map(f -> f.contains("-") ? f.substring(0, f.indexOf('-')) : f).distinct()
                .filter(USERS::containsKey).filter(api -> context.getRoute("zoho-attempts-" + api) != null).toList();
        if (apis.isEmpty()) {
            return "(unknown: no Bigin or CRM feed, and Zoho Mail has no call for the token's own user in the scopes used)";
        }
        List<String> why = new java.util.ArrayList<>();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (String api : apis) {
                String call = "GET " + USERS.get(api) + "?type=CurrentUser";
                Exchange answer;
                try {
                    answer = template.request("zoho:" + api + "?method=GET&path=RAW(" + USERS.get(api)
                            + ")&query=RAW(type=CurrentUser)", e -> { });
                } catch (RuntimeException e) {
                    why.add(e.getMessage() + " (" + call + ")");
                    continue;
                }
                ZohoResponse r = answer.getException() == null ? answer.getMessage().getBody(ZohoResponse.class) : null;
                String email = r != null && r.success() && r.body() != null ? email(r.body()) : null;
                if (email != null) {
                    return email;
                }
                why.add((r == null ? String.valueOf(answer.getException() == null ? "no answer" : answer.getException().getMessage())
                        : r.success() ? "no user in the answer" : "HTTP " + r.httpStatus() + " " + r.code() + ": " + r.message())
                        + " (" + call + ")");
            }
        } catch (java.io.IOException e) {
            why.add(e.toString());
        }
        return "(unknown: " + String.join("; ", why) + ")";
    }

    private static String email(JsonNode body) {
        JsonNode users = body.path("users");
        String email = users.isArray() && !users.isEmpty() ? users.get(0).path("email").asText("") : "";
        return email.isBlank() ? null : email;
    }
}
