package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the Bigin and CRM user APIs (and CRM user groups) share: the e-mail syntax they accept, a stored user's
 * status, a look-up by id, the whole-list answer of roles and the per-record errors of {@code {"users":[…]}}.
 */
final class ZohoUsers {

    static final String USERS = "users";
    static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>,;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    private ZohoUsers() {
    }

    /** A stored user's status; a user without one is active. */
    static String status(JsonNode u) {
        return u.path("status").asText("active");
    }

    /** The item of a list whose {@code id} is {@code id}; null when none is. */
    static JsonNode byId(ArrayNode list, String id) {
        for (JsonNode n : list) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** A list in one answer, without paging or info block; 204 when it is empty. Call under the state lock. */
    static SandboxResponse whole(String name, ArrayNode list) {
        ArrayNode items = list.deepCopy();
        return items.isEmpty() ? SandboxResponse.noContent() : SandboxResponse.of(200, Map.of(name, items));
    }

    /** An item-level refusal of {@code {"users":[…]}}: HTTP 400. */
    static SandboxResponse item(String code, String message, Map<String, ?> details) {
        return SandboxResponse.record(400, USERS, code, message, details, false);
    }

    /** An item-level refusal of one field of the body's one user. */
    static SandboxResponse fieldError(String code, String message, String field) {
        return item(code, message, details("api_name", field, "json_path", "$.users[0]." + field));
    }

    /** Two details in this order. */
    static Map<String, Object> details(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(k1, v1);
        d.put(k2, v2);
        return d;
    }
}
