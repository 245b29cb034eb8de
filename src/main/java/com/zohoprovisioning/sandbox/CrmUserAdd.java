package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

import static com.zohoprovisioning.sandbox.ZohoUsers.USERS;
import static com.zohoprovisioning.sandbox.ZohoUsers.details;
import static com.zohoprovisioning.sandbox.ZohoUsers.fieldError;
import static com.zohoprovisioning.sandbox.ZohoUsers.item;

/**
 * {@code POST /crm/v6/users}: the add rules of {@link CrmUsersApi} — last name, e-mail, role and profile
 * mandatory, the field checks, no second user with the e-mail, and a free licence. A new user is active and
 * unconfirmed.
 */
final class CrmUserAdd {

    private final CrmUserStore store;

    CrmUserAdd(CrmUserStore store) {
        this.store = store;
    }

    SandboxResponse add(SandboxRequest req) {
        CrmUserBody one = CrmUserBody.of(req);
        if (one.refusal() != null) {
            return one.refusal();
        }
        JsonNode in = one.user();
        synchronized (store.state().lock()) {
            if (CrmUserFields.blank(in.get("last_name"))) {
                return fieldError("MANDATORY_NOT_FOUND", "Last Name is required", "last_name");
            }
            for (String f : List.of("email", "role", "profile")) {
                if (CrmUserFields.blank(in.get(f))) {
                    return fieldError("MANDATORY_NOT_FOUND", "required field not found", f);
                }
            }
            SandboxResponse bad = CrmUserFields.check(store, in);
            if (bad != null) {
                return bad;
            }
            ObjectNode existing = store.byEmail(in.get("email").asText());
            if (existing != null) {
                return item("DUPLICATE_DATA", "Failed to add user since same email id is already present",
                        details("api_name", "email", "id", existing.path("id").asText()));
            }
            if (store.licencesFull()) {
                return item("LICENSE_LIMIT_EXCEEDED", "Request exceeds your license limit. Need to upgrade in order to add a user",
                        Map.of());
            }
            ObjectNode u = store.users().addObject();
            String id = store.state().newId("3652397");
            u.put("id", id);
            CrmUserFields.apply(store, u, in);
            u.put("status", "active");
            u.put("confirm", false);
            u.putNull("zuid");
            return SandboxResponse.record(201, USERS, "SUCCESS", "User added", Map.of("id", id), true);
        }
    }
}
