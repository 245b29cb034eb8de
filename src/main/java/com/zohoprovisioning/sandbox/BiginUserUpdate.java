package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

import static com.zohoprovisioning.sandbox.ZohoUsers.fieldError;
import static com.zohoprovisioning.sandbox.ZohoUsers.item;
import static com.zohoprovisioning.sandbox.ZohoUsers.status;

/**
 * {@code PUT /bigin/v1/users} and {@code PUT /bigin/v1/users/{id}}: the update and status rules of
 * {@link BiginUsersApi}, with the errors of the update-user page.
 */
final class BiginUserUpdate {

    private final BiginUserStore store;

    BiginUserUpdate(BiginUserStore store) {
        this.store = store;
    }

    SandboxResponse update(SandboxRequest req) {
        JsonNode in = BiginUserBody.single(req);
        if (in == null) {
            return BiginUserBody.badBody(req);
        }
        String pathId = req.pathParam("id");
        String bodyId = in.path("id").asText("");
        if (pathId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
            return fieldError("INVALID_DATA", "the id given in the URL and in the body differ", "id");
        }
        String id = pathId != null ? pathId : bodyId;
        if (id.isBlank()) {
            return fieldError("MANDATORY_NOT_FOUND", "required field not found", "id");
        }
        synchronized (store.state().lock()) {
            ObjectNode u = store.find(id);
            if (u == null) {
                return SandboxResponse.record(200, "users", "INVALID_DATA", "the id given seems to be invalid",
                        Map.of("api_name", "id", "id", id), false);
            }
            if (status(u).equals("deleted")) {
                return item("CANNOT_UPDATE_DELETED_USER", "Deleted user cannot be updated", Map.of("id", id));
            }
            SandboxResponse invalid = BiginUserFields.check(store, in);
            if (invalid != null) {
                return invalid;
            }
            boolean primary = id.equals(store.primaryUserId());
            SandboxResponse refused = checkStatus(u, in, primary);
            if (refused != null) {
                return refused;
            }
            if (in.has("time_zone") && !id.equals(store.currentUserId())) {
                return SandboxResponse.record(200, "users", "INVALID_DATA", "Cannot update the time_zone of another user",
                        Map.of("api_name", "time_zone", "id", id), false);
            }
            refused = checkEmailChange(u, in);
            if (refused != null) {
                return refused;
            }
            String oldEmail = u.path("email").asText();
            Iterator<Map.Entry<String, JsonNode>> it = in.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("id")) {
                    u.set(f.getKey(), f.getValue());
                }
            }
            store.reindex(u, oldEmail);
            return SandboxResponse.record(200, "users", "SUCCESS", "User updated", Map.of("id", id), true);
        }
    }

    /** The refusals of a status change, and of an edit of a deactivated user; null when the body may go on. */
    private SandboxResponse checkStatus(ObjectNode u, JsonNode in, boolean primary) {
        String id = u.path("id").asText();
        String newStatus = in.path("status").asText("");
        if (newStatus.equals("inactive")) {
            if (primary) {
                return item("INVALID_REQUEST", "Primary Contact cannot be deactivated", Map.of("id", id));
            }
            if (status(u).equals("inactive")) {
                return item("ID_ALREADY_DEACTIVATED", "User is already deactivated", Map.of("id", id));
            }
        } else if (newStatus.equals("active")) {
            if (status(u).equals("active")) {
                return item("ID_ALREADY_ACTIVE", "User is already active", Map.of("id", id));
            }
            if (store.licencesFull()) {
                return item("LICENSE_LIMIT_EXCEEDED",
                        "Request exceeds your license limit. Need to upgrade in order to add.", Map.of());
            }
        } else if (status(u).equals("inactive")) {
            return item("INVALID_REQUEST", "Deactivated user cannot be updated", Map.of("id", id));
        }
        return null;
    }

    /** The refusals of a changed e-mail: not of a confirmed user, not one another user has. */
    private SandboxResponse checkEmailChange(ObjectNode u, JsonNode in) {
        if (!in.has("email") || in.get("email").asText().equalsIgnoreCase(u.path("email").asText())) {
            return null;
        }
        if (u.path("confirm").asBoolean()) {
            return item("EMAIL_UPDATE_NOT_ALLOWED", "Cannot update email of a confirmed Bigin User",
                    Map.of("api_name", "email", "id", u.path("id").asText()));
        }
        ObjectNode other = store.findByEmail(in.get("email").asText());
        if (other != null) {
            return item("DUPLICATE_DATA", "User with same email id exists",
                    Map.of("api_name", "email", "id", other.path("id").asText()));
        }
        return null;
    }
}
