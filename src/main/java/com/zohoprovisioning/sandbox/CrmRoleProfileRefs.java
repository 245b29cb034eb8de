package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A CRM user's {@code role} and {@code profile}: sent as an id string, a number, {@code {"id":…}} or
 * {@code {"name":…,"id":…}}; stored and shown as {@code {name,id}}, shown with today's name.
 */
final class CrmRoleProfileRefs {

    static final List<String> REFS = List.of("role", "profile");

    private CrmRoleProfileRefs() {
    }

    static boolean isRef(String field) {
        return field.equals("role") || field.equals("profile");
    }

    /** The id of a role or profile sent as "id", a number, {"id":…} or {"name":…,"id":…}; "" when none. */
    static String refId(JsonNode ref) {
        JsonNode id = ref != null && ref.isObject() ? ref.get("id") : ref;
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id.asText().trim() : "";
    }

    /** The role or profile a body's reference names; null when there is none such. */
    static ObjectNode target(CrmUserStore store, String ref, JsonNode value) {
        return store.byId(ref + "s", refId(value));
    }

    /** Stores a body's valid reference as {name,id}. */
    static void store(CrmUserStore store, ObjectNode u, String ref, JsonNode value) {
        JsonNode target = target(store, ref, value);
        ObjectNode o = u.putObject(ref);
        o.put("name", target.path("name").asText());
        o.put("id", target.path("id").asText());
    }

    /** Shows the stored references of {@code stored} in {@code u} as {name,id} with today's names. */
    static void render(CrmUserStore store, ObjectNode u, JsonNode stored) {
        for (String ref : REFS) {
            if (stored.has(ref)) {
                String id = stored.path(ref).path("id").asText();
                JsonNode target = store.byId(ref + "s", id);
                ObjectNode o = u.putObject(ref);
                o.put("name", target == null ? stored.path(ref).path("name").asText(null) : target.path("name").asText());
                o.put("id", id);
            }
        }
    }
}
