package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a sandbox handler sees of one HTTP request. */
public record SandboxRequest(String method, String path, Map<String, String> pathParams,
                             Map<String, String> query, Map<String, List<String>> headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String query(String name, String fallback) {
        String v = query.get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Form-encoded body parameters merged over the query string (the OAuth endpoint takes both). */
    public Map<String, String> formAndQuery() {
        Map<String, String> all = new LinkedHashMap<>(query);
        String type = header("Content-Type");
        if (body.length > 0 && (type == null || type.contains("form"))) {
            all.putAll(parseQuery(bodyText()));
        }
        return all;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }
}
