package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.zohoprovisioning.sandbox.ZohoUsers.fieldError;

/** The fields of a CRM user's body, as add and update alike check them and write them into the stored user. */
final class CrmUserFields {

    /** Sent by a client but never written: the server keeps its own. */
    private static final Set<String> IGNORED = Set.of("id", "full_name", "confirm", "zuid", "status", "manage_groups",
            "created_time", "Modified_Time");
    /** Documented as read-only: NOT_SUPPORTED when sent (§3). */
    private static final Set<String> READ_ONLY = Set.of("type__s", "created_by", "Modified_By");

    private CrmUserFields() {
    }

    /** The checks of the fields a body may carry (add and update alike); null when they are all valid. */
    static SandboxResponse check(CrmUserStore store, JsonNode in) {
        for (String f : READ_ONLY) {
            if (in.has(f)) {
                return fieldError("NOT_SUPPORTED", "the field " + f + " is read-only", f);
            }
        }
        for (String f : List.of("first_name", "last_name")) {
            if (in.hasNonNull(f) && in.get(f).asText().length() > 50) {
                return fieldError("INVALID_DATA", "the " + f + " is longer than 50 characters", f);
            }
        }
        if (in.has("email")) {
            String email = in.get("email").asText("");
            if (!in.get("email").isTextual() || email.length() > 100 || !ZohoUsers.EMAIL.matcher(email).matches()) {
                return fieldError("INVALID_DATA", "Invalid Email Id. Please choose a different email id", "email");
            }
            if (email.toLowerCase(Locale.ROOT).endsWith("@zoho.com")) {
                return fieldError("INVALID_DATA", "Email Id with @zoho.com cannot be added", "email");
            }
        }
        for (String ref : CrmRoleProfileRefs.REFS) {
            if (in.has(ref) && CrmRoleProfileRefs.target(store, ref, in.get(ref)) == null) {
                return fieldError("INVALID_DATA", "invalid data", ref);
            }
        }
        return null;
    }

    /** Writes the body's fields into the stored user: role and profile as {name,id}, the server's own fields kept. */
    static void apply(CrmUserStore store, ObjectNode u, JsonNode in) {
        Iterator<Map.Entry<String, JsonNode>> it = in.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (IGNORED.contains(name)) {
                continue;
            }
            if (CrmRoleProfileRefs.isRef(name)) {
                CrmRoleProfileRefs.store(store, u, name, f.getValue());
            } else {
                u.set(name, f.getValue().deepCopy());
            }
        }
        u.put("full_name", fullName(u));
    }

    static boolean blank(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())
                || (n.isObject() && n.isEmpty()) || (n.isArray() && n.isEmpty());
    }

    static String fullName(JsonNode u) {
        String first = u.path("first_name").isTextual() ? u.path("first_name").asText() : "";
        String last = u.path("last_name").isTextual() ? u.path("last_name").asText() : "";
        return (first + " " + last).trim();
    }
}
