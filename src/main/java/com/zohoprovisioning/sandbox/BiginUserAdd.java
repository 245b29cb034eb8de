package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static com.zohoprovisioning.sandbox.ZohoUsers.fieldError;
import static com.zohoprovisioning.sandbox.ZohoUsers.item;

/**
 * {@code POST /bigin/v1/users}: the add rules of {@link BiginUsersApi} — last name, e-mail, role and profile
 * mandatory, the field checks, no id, no second user with the e-mail, and a free licence.
 */
final class BiginUserAdd {

    private final BiginUserStore store;

    BiginUserAdd(BiginUserStore store) {
        this.store = store;
    }

    SandboxResponse add(SandboxRequest req) {
        JsonNode in = BiginUserBody.single(req);
        if (in == null) {
            return BiginUserBody.badBody(req);
        }
        synchronized (store.state().lock()) {
            for (String f : List.of("last_name", "email", "role", "profile")) {
                if (in.path(f).asText("").isBlank()) {
                    return fieldError("MANDATORY_NOT_FOUND", "required field not found", f);
                }
            }
            SandboxResponse invalid = BiginUserFields.check(store, in);
            if (invalid != null) {
                return invalid;
            }
            if (in.has("id")) {
                return fieldError("INVALID_DATA", "invalid data", "id");
            }
            ObjectNode existing = store.findByEmail(in.path("email").asText());
            if (existing != null) {
                return item("DUPLICATE_DATA", "Failed to add user since same email id is already present",
                        Map.of("api_name", "email", "id", existing.path("id").asText()));
            }
            if (store.licencesFull()) {
                return item("LICENSE_LIMIT_EXCEEDED",
                        "Request exceeds your license limit. Need to upgrade in order to add.", Map.of());
            }
            ObjectNode u = ((ObjectNode) in).deepCopy();
            String id = store.state().newId("554023");
            u.put("id", id);
            if (!u.has("status")) {
                u.put("status", "active");
            }
            u.put("confirm", false);
            store.add(u);
            return SandboxResponse.record(201, "users", "SUCCESS", "User added", Map.of("id", id), true);
        }
    }
}
