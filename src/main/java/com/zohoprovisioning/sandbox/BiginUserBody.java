package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** The one user of a Bigin {@code POST}/{@code PUT} body {"users":[{…}]}, and the refusal of a body that is not that. */
final class BiginUserBody {

    private BiginUserBody() {
    }

    /**
     * The one user of {"users":[{…}]}, or null when the body is not that shape. A {@code role} or {@code profile}
     * sent as an object, {@code {"id":…}} or {@code {"name":…,"id":…}} as Zoho's SDKs send them, is taken as its id
     * (an object without an id stays, and is refused as invalid data).
     */
    static JsonNode single(SandboxRequest req) {
        JsonNode body = req.json();
        JsonNode users = body == null ? null : body.get("users");
        if (users == null || !users.isArray() || users.size() != 1 || !users.get(0).isObject()) {
            return null;
        }
        ObjectNode user = (ObjectNode) users.get(0);
        for (String ref : CrmRoleProfileRefs.REFS) {
            JsonNode v = user.get(ref);
            if (v != null && v.isObject() && !CrmRoleProfileRefs.refId(v).isEmpty()) {
                user.put(ref, CrmRoleProfileRefs.refId(v));
            }
        }
        return user;
    }

    /** The request-level refusal of a body {@link #single} found no user in. */
    static SandboxResponse badBody(SandboxRequest req) {
        JsonNode body = req.json();
        JsonNode users = body == null ? null : body.get("users");
        if (users != null && users.isArray() && users.size() > 1) {
            return SandboxResponse.error(400, "LIMIT_EXCEEDED", "Only one user can be added or updated per request",
                    Map.of("limit", 1));
        }
        if (body == null) {
            return SandboxResponse.error(400, "INVALID_DATA", "body is not valid JSON", null);
        }
        return SandboxResponse.error(400, "MANDATORY_NOT_FOUND", "required field not found", Map.of("api_name", "users"));
    }
}
