package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRM users, roles and profiles as {@link SandboxState} keeps them under {@code crm}, with the look-ups the
 * CRM user API's reads, add and update share. Call everything but the constructor under the state lock.
 */
final class CrmUserStore {

    static final String CRM = "crm";

    private final SandboxState state;
    private final UserLicences licences;

    CrmUserStore(SandboxState state, long licences) {
        this.state = state;
        this.licences = new UserLicences(licences);
    }

    SandboxState state() {
        return state;
    }

    ArrayNode users() {
        return state.list(CRM, ZohoUsers.USERS);
    }

    /** The item of {@code crm.<list>} (users, roles, profiles) with this id; null when none. */
    ObjectNode byId(String list, String id) {
        return (ObjectNode) ZohoUsers.byId(state.list(CRM, list), id);
    }

    /** The user, not deleted, with this e-mail in any case; null when none. */
    ObjectNode byEmail(String email) {
        for (JsonNode u : users()) {
            if (!deleted(u) && u.path("email").asText().equalsIgnoreCase(email)) {
                return (ObjectNode) u;
            }
        }
        return null;
    }

    /** The token's own user. */
    String currentUserId() {
        return state.section(CRM).path("current_user_id").asText();
    }

    String primaryContactId() {
        return state.section(CRM).path("primary_contact_id").asText();
    }

    /** True when one more active user would pass {@code sandbox.licences}. */
    boolean licencesFull() {
        return licences.full(users());
    }

    static boolean deleted(JsonNode u) {
        return ZohoUsers.status(u).equals("deleted");
    }

    static boolean deactivated(JsonNode u) {
        String status = ZohoUsers.status(u);
        return status.equals("inactive") || status.equals("disabled");
    }
}
