package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

import static com.zohoprovisioning.sandbox.ZohoUsers.USERS;
import static com.zohoprovisioning.sandbox.ZohoUsers.details;
import static com.zohoprovisioning.sandbox.ZohoUsers.fieldError;
import static com.zohoprovisioning.sandbox.ZohoUsers.item;

/**
 * {@code PUT /crm/v6/users} and {@code PUT /crm/v6/users/{id}}: the update and status rules of {@link CrmUsersApi}.
 * All checks run before anything changes, so a refused body changes nothing.
 */
final class CrmUserUpdate {

    private final CrmUserStore store;

    CrmUserUpdate(CrmUserStore store) {
        this.store = store;
    }

    SandboxResponse update(SandboxRequest req) {
        CrmUserBody one = CrmUserBody.of(req);
        if (one.refusal() != null) {
            return one.refusal();
        }
        JsonNode in = one.user();
        String pathId = req.pathParam("id");
        String bodyId = in.hasNonNull("id") ? in.get("id").asText() : "";
        if (pathId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
            return fieldError("INVALID_DATA", "the id in the URL and the id in the body differ", "id");
        }
        if (pathId == null && bodyId.isBlank()) {
            return fieldError("MANDATORY_NOT_FOUND", "required field not found", "id");
        }
        String id = pathId != null ? pathId : bodyId;
        synchronized (store.state().lock()) {
            ObjectNode u = store.byId(USERS, id);
            if (u == null) {
                return pathId != null
                        ? SandboxResponse.error(400, "INVALID_DATA", "the id given seems to be invalid",
                                Map.of("resource_path_index", 1))
                        : fieldError("INVALID_DATA", "the id given seems to be invalid", "id");
            }
            if (CrmUserStore.deleted(u)) {
                return item("CANNOT_UPDATE_DELETED_USER", "Deleted user cannot be updated", Map.of("id", id));
            }
            SandboxResponse refused = checkStatus(u, in);
            if (refused != null) {
                return refused;
            }
            SandboxResponse bad = CrmUserFields.check(store, in);
            if (bad != null) {
                return bad;
            }
            if (in.has("last_name") && CrmUserFields.blank(in.get("last_name"))) {
                return fieldError("MANDATORY_NOT_FOUND", "Last Name is required", "last_name");
            }
            bad = checkEmailChange(u, in);
            if (bad != null) {
                return bad;
            }
            CrmUserFields.apply(store, u, in);
            if (in.has("status")) {
                u.put("status", in.get("status").asText());
            }
            return SandboxResponse.record(200, USERS, "SUCCESS", "User updated", Map.of("id", id), true);
        }
    }

    /** The refusals of a status change, and of an edit of a deactivated user; null when the body may go on. */
    private SandboxResponse checkStatus(ObjectNode u, JsonNode in) {
        String id = u.path("id").asText();
        if (!in.has("status")) {
            return CrmUserStore.deactivated(u)
                    ? item("NOT_ALLOWED", "Deactivated user cannot be updated", Map.of("id", id))
                    : null;
        }
        String wanted = in.get("status").isTextual() ? in.get("status").asText() : "";
        if (!wanted.equals("active") && !wanted.equals("inactive")) {
            return fieldError("INVALID_DATA", "invalid data", "status");
        }
        if (wanted.equals("inactive") && CrmUserStore.deactivated(u)) {
            return item("ID_ALREADY_DEACTIVATED", "User is already deactivated", Map.of("id", id));
        }
        if (wanted.equals("active") && ZohoUsers.status(u).equals("active")) {
            return item("ID_ALREADY_ACTIVE", "User is already active", Map.of("id", id));
        }
        if (id.equals(store.currentUserId())) {
            return item("INVALID_REQUEST", "You can't perform this action over logged in user", Map.of("id", id));
        }
        if (wanted.equals("inactive") && id.equals(store.primaryContactId())) {
            return item("INVALID_REQUEST", "Primary Contact cannot be deactivated", Map.of("id", id));
        }
        if (wanted.equals("active") && store.licencesFull()) {
            return item("LICENSE_LIMIT_EXCEEDED", "License Limit is Exceeded", Map.of("id", id));
        }
        return null;
    }

    /** The refusals of a changed e-mail: not of a confirmed user, not one another user has. */
    private SandboxResponse checkEmailChange(ObjectNode u, JsonNode in) {
        if (!in.has("email") || in.get("email").asText().equalsIgnoreCase(u.path("email").asText())) {
            return null;
        }
        String id = u.path("id").asText();
        if (u.path("confirm").asBoolean()) {
            return item("EMAIL_UPDATE_NOT_ALLOWED", "Cannot update email of a confirmed CRM User",
                    details("api_name", "email", "id", id));
        }
        ObjectNode other = store.byEmail(in.get("email").asText());
        if (other != null) {
            return item("DUPLICATE_DATA", "Email already exists", details("api_name", "email", "id", other.path("id").asText()));
        }
        return null;
    }
}
