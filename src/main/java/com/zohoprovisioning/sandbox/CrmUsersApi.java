package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static com.zohoprovisioning.sandbox.CrmUserStore.CRM;
import static com.zohoprovisioning.sandbox.CrmUserStore.deleted;
import static com.zohoprovisioning.sandbox.ZohoUsers.USERS;
import static com.zohoprovisioning.sandbox.ZohoUsers.status;

/**
 * CRM v6 users, roles and profiles, after {@code /work/shared/zoho-api/crm-users.md} (§1–§3, §6), so that the CRM
 * user feed meets the documented refusals before it meets a real org. Users are stored with {@code role} and
 * {@code profile} as {@code {name,id}}, a {@code status} (active, inactive, disabled, deleted) and {@code confirm};
 * {@code crm.current_user_id} is the token's own user and {@code crm.primary_contact_id} the primary contact.
 *
 * <p>Decisions where the docs are unconfirmed (§7):
 * <ul>
 *   <li>Editing an inactive or disabled user without {@code "status":"active"} in the same body is refused with
 *       item-level {@code NOT_ALLOWED} "Deactivated user cannot be updated": §2.3 says a deactivated user cannot be
 *       updated without naming a code, and NOT_ALLOWED is §3's code for updates refused because of the user's state
 *       (closed/deleted user).</li>
 *   <li>{@code "status":"active"} with other fields on an inactive user reactivates it and applies the fields in one
 *       call (§7.4); {@code "status":"inactive"} with other fields on an active user likewise deactivates and applies.
 *       All checks run before anything changes, so a refused body changes nothing.</li>
 *   <li>A deactivated user is stored as {@code inactive} (§7.1); {@code type=DeactiveUsers} lists inactive and
 *       disabled users. Deactivation frees a licence at once (§7.8); the licence count is {@code sandbox.licences}
 *       against the active users (unconfirmed ones included).</li>
 *   <li>E-mails match case-insensitively (§7.8), against every user that is not deleted.</li>
 *   <li>{@code last_name} is mandatory on add (v7 "Last Name is required", §2.1/§7.2).</li>
 *   <li>The status checks run in this order: already active / already deactivated, then the token's own user,
 *       then the primary contact, then the licence count.</li>
 *   <li>An unknown id in the URL is a request-level error (§3's example); an unknown id in the body of
 *       {@code PUT /users} is item-level. Item-level errors are HTTP 400 (OASn, §7.6).</li>
 *   <li>{@code PUT} takes one user, like {@code POST} (the doc pages; §7.3).</li>
 *   <li>{@code GET /users/{id}} of an unknown id answers 204, like the list when nothing matches.</li>
 * </ul>
 *
 * <p>This class registers the endpoints and answers the reads; {@link CrmUserAdd} and {@link CrmUserUpdate} hold the
 * add and update rules, {@link CrmUserFields} the field checks they share, {@link CrmRoleProfileRefs} the role and
 * profile references, {@link CrmUserStore} the look-ups and {@link UserLicences} the licence count.
 */
public final class CrmUsersApi implements SandboxApi {

    private final SandboxState state;
    private final CrmUserStore store;
    private final CrmUserAdd add;
    private final CrmUserUpdate update;

    public CrmUsersApi(SandboxState state, SandboxSettings settings) {
        this.state = state;
        this.store = new CrmUserStore(state, settings.licences());
        this.add = new CrmUserAdd(store);
        this.update = new CrmUserUpdate(store);
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new CrmUsersApi(c.state(), c.settings());
        }
    }

    @Override
    public void register(SandboxRouter r) {
        r.api("GET", "/crm/v6/users", this::users);
        r.api("GET", "/crm/v6/users/{id}", this::user);
        r.api("POST", "/crm/v6/users", add::add);
        r.api("PUT", "/crm/v6/users", update::update);
        r.api("PUT", "/crm/v6/users/{id}", update::update);
        r.api("GET", "/crm/v6/settings/roles", req -> roles());
        r.api("GET", "/crm/v6/settings/profiles", this::profiles);
    }

    private SandboxResponse users(SandboxRequest req) {
        Predicate<JsonNode> filter = filter(req.query("type", "AllUsers"));
        if (filter == null) {
            return SandboxResponse.error(400, "INVALID_DATA", "invalid data", Map.of("param_name", "type"));
        }
        synchronized (state.lock()) {
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode u : store.users()) {
                if (filter.test(u)) {
                    matching.add(u);
                }
            }
            return ZohoPages.page(USERS, matching, req, this::render);
        }
    }

    private SandboxResponse user(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode u = store.byId(USERS, req.pathParam("id"));
            return u == null ? SandboxResponse.noContent() : SandboxResponse.of(200, Map.of(USERS, List.of(render(u))));
        }
    }

    /** The documented {@code type} values; null for any other. */
    private Predicate<JsonNode> filter(String type) {
        String current = store.currentUserId();
        return switch (type) {
            case "AllUsers" -> u -> !deleted(u);
            case "ActiveUsers" -> u -> status(u).equals("active");
            case "DeactiveUsers" -> CrmUserStore::deactivated;
            case "ConfirmedUsers" -> u -> !deleted(u) && u.path("confirm").asBoolean();
            case "NotConfirmedUsers" -> u -> !deleted(u) && !u.path("confirm").asBoolean();
            case "DeletedUsers" -> CrmUserStore::deleted;
            case "ActiveConfirmedUsers" -> u -> status(u).equals("active") && u.path("confirm").asBoolean();
            case "AdminUsers" -> u -> !deleted(u) && admin(u);
            case "ActiveConfirmedAdmins" -> u -> status(u).equals("active") && u.path("confirm").asBoolean() && admin(u);
            case "CurrentUser" -> u -> u.path("id").asText().equals(current);
            default -> null;
        };
    }

    private boolean admin(JsonNode u) {
        JsonNode p = store.byId("profiles", u.path("profile").path("id").asText());
        return p != null && "Administrator".equals(p.path("name").asText());
    }

    /** A user as GET shows it: role and profile as {name,id} with today's names, no sandbox-only fields. */
    private JsonNode render(JsonNode stored) {
        ObjectNode u = stored.deepCopy();
        u.remove("manage_groups");
        u.put("full_name", CrmUserFields.fullName(stored));
        CrmRoleProfileRefs.render(store, u, stored);
        return u;
    }

    /** Roles come in one answer: no paging, no info block (§4). */
    private SandboxResponse roles() {
        synchronized (state.lock()) {
            return ZohoUsers.whole("roles", state.list(CRM, "roles"));
        }
    }

    private SandboxResponse profiles(SandboxRequest req) {
        synchronized (state.lock()) {
            List<JsonNode> items = new ArrayList<>();
            state.list(CRM, "profiles").forEach(n -> items.add(n.deepCopy()));
            return ZohoPages.page("profiles", items, req);
        }
    }
}
