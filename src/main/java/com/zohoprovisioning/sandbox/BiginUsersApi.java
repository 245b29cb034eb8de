package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static com.zohoprovisioning.sandbox.BiginUserStore.BIGIN;
import static com.zohoprovisioning.sandbox.ZohoUsers.status;

/**
 * Bigin v1 users, roles and profiles, with the documented errors of the add-user and update-user pages.
 * Users are stored with role and profile as IDs (taken from an id string, or from {@code {"id":…}} as Zoho's SDKs
 * send them); {@code status} is active, inactive or deleted.
 *
 * <p>This class registers the endpoints and answers the reads; {@link BiginUserAdd} and {@link BiginUserUpdate} hold
 * the add and update rules, {@link BiginUserFields} the field checks they share, {@link BiginUserStore} the
 * look-ups and {@link UserLicences} the licence count.
 */
public final class BiginUsersApi implements SandboxApi {

    private static final Set<String> TYPES = Set.of("AllUsers", "ActiveUsers", "DeactiveUsers", "ConfirmedUsers",
            "NotConfirmedUsers", "DeletedUsers", "ActiveConfirmedUsers", "AdminUsers", "ActiveConfirmedAdmins", "CurrentUser");

    private final SandboxState state;
    private final BiginUserStore store;
    private final BiginUserAdd add;
    private final BiginUserUpdate update;

    public BiginUsersApi(SandboxState state, SandboxSettings settings) {
        this.state = state;
        this.store = new BiginUserStore(state, settings.licences());
        this.add = new BiginUserAdd(store);
        this.update = new BiginUserUpdate(store);
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new BiginUsersApi(c.state(), c.settings());
        }
    }

    @Override
    public void register(SandboxRouter r) {
        r.api("GET", "/bigin/v1/settings/roles", req -> list("roles"));
        r.api("GET", "/bigin/v1/settings/profiles", req -> list("profiles"));
        r.api("GET", "/bigin/v1/users", this::users);
        r.api("GET", "/bigin/v1/users/{id}", this::user);
        r.api("POST", "/bigin/v1/users", add::add);
        r.api("PUT", "/bigin/v1/users", update::update);
        r.api("PUT", "/bigin/v1/users/{id}", update::update);
    }

    /** Roles and profiles come in one answer: no paging, no info block. */
    private SandboxResponse list(String name) {
        synchronized (state.lock()) {
            return ZohoUsers.whole(name, state.list(BIGIN, name));
        }
    }

    private SandboxResponse users(SandboxRequest req) {
        String type = req.query("type", "AllUsers");
        if (!TYPES.contains(type)) {
            return SandboxResponse.error(400, "INVALID_DATA", "invalid data", Map.of("param_name", "type"));
        }
        synchronized (state.lock()) {
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode u : store.users()) {
                if (filter(type).test(u)) {
                    matching.add(u);
                }
            }
            return ZohoPages.page("users", matching, req, this::render);
        }
    }

    private SandboxResponse user(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode u = store.find(req.pathParam("id"));
            return u == null ? SandboxResponse.noContent()
                    : SandboxResponse.of(200, Map.of("users", List.of(render(u))));
        }
    }

    private Predicate<JsonNode> filter(String type) {
        String current = store.currentUserId();
        return switch (type) {
            case "ActiveUsers" -> u -> status(u).equals("active");
            case "DeactiveUsers" -> u -> status(u).equals("inactive");
            case "ConfirmedUsers" -> u -> !status(u).equals("deleted") && u.path("confirm").asBoolean();
            case "NotConfirmedUsers" -> u -> !status(u).equals("deleted") && !u.path("confirm").asBoolean();
            case "DeletedUsers" -> u -> status(u).equals("deleted");
            case "ActiveConfirmedUsers" -> u -> status(u).equals("active") && u.path("confirm").asBoolean();
            case "AdminUsers" -> u -> !status(u).equals("deleted") && isAdmin(u);
            case "ActiveConfirmedAdmins" -> u -> status(u).equals("active") && u.path("confirm").asBoolean() && isAdmin(u);
            case "CurrentUser" -> u -> u.path("id").asText().equals(current);
            default -> u -> !status(u).equals("deleted");
        };
    }

    private boolean isAdmin(JsonNode u) {
        JsonNode p = store.byId("profiles", u.path("profile").asText());
        return p != null && "Administrator".equals(p.path("name").asText());
    }

    /** A user as GET shows it: role and profile as {name,id} with today's names. */
    private ObjectNode render(JsonNode stored) {
        ObjectNode u = stored.deepCopy();
        u.put("full_name", (u.path("first_name").asText("") + " " + u.path("last_name").asText("")).trim());
        for (String ref : List.of("role", "profile")) {
            JsonNode target = store.byId(ref + "s", stored.path(ref).asText());
            ObjectNode o = u.putObject(ref);
            o.put("name", target == null ? null : target.path("name").asText());
            o.put("id", stored.path(ref).asText());
        }
        return u;
    }
}
