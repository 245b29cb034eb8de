package com.zohoprovisioning.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's endpoint table: method + path pattern ("/bigin/v1/users/{id}") to handler. A request goes to the
 * most specific pattern that fits, whatever the order the APIs registered theirs.
 */
public final class SandboxRouter {

    /** One registered endpoint; {@code key} ("PUT /bigin/v1/users/{id}") names it in the request counters. */
    public record Endpoint(String method, String pattern, String[] parts, boolean authenticated, SandboxHandler handler) {
        public String key() {
            return method + " " + pattern;
        }
    }

    public record Match(Endpoint endpoint, Map<String, String> pathParams) {
    }

    private final List<Endpoint> endpoints = new ArrayList<>();

    /** An API endpoint: needs a valid {@code Zoho-oauthtoken}. */
    public void api(String method, String pattern, SandboxHandler handler) {
        add(method, pattern, true, handler);
    }

    /** An endpoint without OAuth (the token endpoint, the test hooks). */
    public void open(String method, String pattern, SandboxHandler handler) {
        add(method, pattern, false, handler);
    }

    private void add(String method, String pattern, boolean authenticated, SandboxHandler handler) {
        endpoints.add(new Endpoint(method, pattern, split(pattern), authenticated, handler));
    }

    /** The endpoint this request is for: of those whose pattern fits, the one with most literal parts. */
    public Match match(String method, String path) {
        String[] parts = split(path);
        Match best = null;
        int bestLiterals = -1;
        for (Endpoint e : endpoints) {
            if (!e.method().equals(method) || e.parts().length != parts.length) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < parts.length && ok; i++) {
                String p = e.parts()[i];
                if (p.startsWith("{") && p.endsWith("}")) {
                    params.put(p.substring(1, p.length() - 1), parts[i]);
                } else {
                    ok = p.equals(parts[i]);
                }
            }
            int literals = parts.length - params.size();
            if (ok && literals > bestLiterals) {
                best = new Match(e, params);
                bestLiterals = literals;
            }
        }
        return best;
    }

    /** True when some endpoint has this path with another method (405 rather than 404). */
    public boolean knowsPath(String path) {
        for (Endpoint e : endpoints) {
            if (match(e.method(), path) != null) {
                return true;
            }
        }
        return false;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/");
    }
}
