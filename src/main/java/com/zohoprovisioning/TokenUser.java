package com.zohoprovisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.zoho.ZohoResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import com.zohoprovisioning.pipeline.Feed;

import java.util.List;

/**
 * The Zoho user the token acts as, for the LIVE start-up line: the e-mail the first feed's
 * {@link Feed#currentUser()} read answers ({@code GET <users>?type=CurrentUser}: the users scope the user feeds'
 * lookups already need), through the same zoho: component as every call. Never fails the start: when no read
 * answers it, the line says why.
 */
final class TokenUser {

    private TokenUser() {
    }

    /**
     * The token's user e-mail, or {@code (unknown: <why>)}: never an exception. Tries the feeds' current-user reads
     * in {@code feeds}' order, each once, whose API's zoho: route exists; the zoho-* routes must be started.
     */
    static String email(CamelContext context, List<Feed> feeds) {
        List<Feed.Probe> reads = feeds.stream().map(Feed::currentUser).filter(java.util.Objects::nonNull).distinct()
                .filter(p -> context.getRoute("zoho-attempts-" + p.api()) != null).toList();
        if (reads.isEmpty()) {
            return "(unknown: no feed here reads the token's own user: Bigin and CRM feeds do, Zoho Mail has no such"
                    + " call in the scopes used)";
        }
        List<String> why = new java.util.ArrayList<>();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (Feed.Probe read : reads) {
                String call = read.call();
                Exchange answer;
                try {
                    answer = template.request("zoho:" + read.api() + "?method=GET&path=RAW(" + read.path()
                            + ")&query=RAW(" + read.query() + ")", e -> { });
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
