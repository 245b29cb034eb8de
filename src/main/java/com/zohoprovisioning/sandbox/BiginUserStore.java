package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Bigin users, roles and profiles as {@link SandboxState} keeps them under {@code bigin}, with the id and
 * e-mail indexes of the users (rebuilt when the state's generation moves). Call everything but the constructor
 * under the state lock.
 */
final class BiginUserStore {

    static final String BIGIN = "bigin";

    private final SandboxState state;
    private final UserLicences licences;
    private final Map<String, ObjectNode> usersById = new HashMap<>();
    private final Map<String, ObjectNode> usersByEmail = new HashMap<>();
    private long indexedGeneration = -1;

    BiginUserStore(SandboxState state, long licences) {
        this.state = state;
        this.licences = new UserLicences(licences);
    }

    SandboxState state() {
        return state;
    }

    ArrayNode users() {
        return state.list(BIGIN, ZohoUsers.USERS);
    }

    /** The id of the primary user (the primary contact, whom Zoho never deactivates). */
    String primaryUserId() {
        return state.section(BIGIN).path("primary_user_id").asText();
    }

    /** The token's own user: {@code bigin.current_user_id}, the primary user when the state names none (the seed). */
    String currentUserId() {
        return state.section(BIGIN).path("current_user_id").asText(primaryUserId());
    }

    /** The role or profile ({@code list} "roles" or "profiles") with this id; null when none. */
    JsonNode byId(String list, String id) {
        return ZohoUsers.byId(state.list(BIGIN, list), id);
    }

    ObjectNode find(String id) {
        index();
        return usersById.get(id);
    }

    /** The user, not deleted, with this e-mail in any case; null when none. */
    ObjectNode findByEmail(String email) {
        index();
        return usersByEmail.get(email.toLowerCase(Locale.ROOT));
    }

    /** Stores a new user and indexes it. */
    void add(ObjectNode u) {
        users().add(u);
        indexUser(u);
    }

    /** Indexes a user again after its fields changed from a user that had {@code oldEmail}. */
    void reindex(ObjectNode u, String oldEmail) {
        usersByEmail.remove(oldEmail.toLowerCase(Locale.ROOT));
        indexUser(u);
    }

    /** True when one more active user would pass {@code sandbox.licences}. */
    boolean licencesFull() {
        return licences.full(users());
    }

    /** Keeps the id and e-mail indexes in step with the state. */
    private void index() {
        if (indexedGeneration == state.generation()) {
            return;
        }
        usersById.clear();
        usersByEmail.clear();
        for (JsonNode u : users()) {
            indexUser((ObjectNode) u);
        }
        indexedGeneration = state.generation();
    }

    private void indexUser(ObjectNode u) {
        usersById.put(u.path("id").asText(), u);
        if (!ZohoUsers.status(u).equals("deleted")) {
            usersByEmail.put(u.path("email").asText().toLowerCase(Locale.ROOT), u);
        }
    }
}
