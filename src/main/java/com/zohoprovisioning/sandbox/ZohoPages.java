package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The paging of Zoho's Bigin and CRM list answers: {@code page} and {@code per_page} (at most 200) in the query,
 * {@code {"<name>": [...], "info": {"per_page", "count", "page", "more_records"}}} back, 204 past the last page.
 */
final class ZohoPages {

    private ZohoPages() {
    }

    static SandboxResponse page(String name, List<JsonNode> items, SandboxRequest req) {
        return page(name, items, req, UnaryOperator.identity());
    }

    /** One page of items, each rendered (only the page's items are) as the answer shows it. */
    static SandboxResponse page(String name, List<JsonNode> items, SandboxRequest req, UnaryOperator<JsonNode> render) {
        int page;
        int perPage;
        try {
            page = Math.max(1, Integer.parseInt(req.query("page", "1")));
            perPage = Math.min(200, Math.max(1, Integer.parseInt(req.query("per_page", "200"))));
        } catch (NumberFormatException e) {
            return SandboxResponse.error(400, "INVALID_DATA", "invalid data", Map.of("param_name", "page"));
        }
        int from = (page - 1) * perPage;
        if (from >= items.size()) {
            return SandboxResponse.noContent();
        }
        int to = Math.min(items.size(), from + perPage);
        List<JsonNode> out = new ArrayList<>(to - from);
        for (JsonNode item : items.subList(from, to)) {
            out.add(render.apply(item));
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("per_page", perPage);
        info.put("count", out.size());
        info.put("page", page);
        info.put("more_records", to < items.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, out);
        body.put("info", info);
        return SandboxResponse.of(200, body);
    }
}
