package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

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
 */
public final class CrmUsersApi implements SandboxApi {

    private static final String CRM = "crm";
    private static final String USERS = "users";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>,;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
    /** Sent by a client but never written: the server keeps its own. */
    private static final Set<String> IGNORED = Set.of("id", "full_name", "confirm", "zuid", "status", "manage_groups",
            "created_time", "Modified_Time");
    /** Documented as read-only: NOT_SUPPORTED when sent (§3). */
    private static final Set<String> READ_ONLY = Set.of("type__s", "created_by", "Modified_By");

    private final SandboxState state;
    private final long licences;

    public CrmUsersApi(SandboxState state, SandboxSettings settings) {
        this.state = state;
        this.licences = settings.licences();
    }

    /** Found by {@link java.util.ServiceLoader}, listed in {@code META-INF/services}. */
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
        r.api("POST", "/crm/v6/users", this::add);
        r.api("PUT", "/crm/v6/users", this::update);
        r.api("PUT", "/crm/v6/users/{id}", this::update);
        r.api("GET", "/crm/v6/settings/roles", req -> roles());
        r.api("GET", "/crm/v6/settings/profiles", this::profiles);
    }

    // ---- reads

    private SandboxResponse users(SandboxRequest req) {
        Predicate<JsonNode> filter = filter(req.query("type", "AllUsers"));
        if (filter == null) {
            return SandboxResponse.error(400, "INVALID_DATA", "invalid data", Map.of("param_name", "type"));
        }
        synchronized (state.lock()) {
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode u : state.list(CRM, USERS)) {
                if (filter.test(u)) {
                    matching.add(u);
                }
            }
            return ZohoPages.page(USERS, matching, req, this::render);
        }
    }

    private SandboxResponse user(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode u = byId(USERS, req.pathParam("id"));
            return u == null ? SandboxResponse.noContent() : SandboxResponse.of(200, Map.of(USERS, List.of(render(u))));
        }
    }

    /** The documented {@code type} values; null for any other. */
    private Predicate<JsonNode> filter(String type) {
        String current = state.section(CRM).path("current_user_id").asText();
        return switch (type) {
            case "AllUsers" -> u -> !deleted(u);
            case "ActiveUsers" -> u -> status(u).equals("active");
            case "DeactiveUsers" -> CrmUsersApi::deactivated;
            case "ConfirmedUsers" -> u -> !deleted(u) && u.path("confirm").asBoolean();
            case "NotConfirmedUsers" -> u -> !deleted(u) && !u.path("confirm").asBoolean();
            case "DeletedUsers" -> CrmUsersApi::deleted;
            case "ActiveConfirmedUsers" -> u -> status(u).equals("active") && u.path("confirm").asBoolean();
            case "AdminUsers" -> u -> !deleted(u) && admin(u);
            case "ActiveConfirmedAdmins" -> u -> status(u).equals("active") && u.path("confirm").asBoolean() && admin(u);
            case "CurrentUser" -> u -> u.path("id").asText().equals(current);
            default -> null;
        };
    }

    private boolean admin(JsonNode u) {
        JsonNode p = byId("profiles", u.path("profile").path("id").asText());
        return p != null && "Administrator".equals(p.path("name").asText());
    }

    /** A user as GET shows it: role and profile as {name,id} with today's names, no sandbox-only fields. */
    private JsonNode render(JsonNode stored) {
        ObjectNode u = stored.deepCopy();
        u.remove("manage_groups");
        u.put("full_name", fullName(stored));
        for (String ref : List.of("role", "profile")) {
            if (stored.has(ref)) {
                String id = stored.path(ref).path("id").asText();
                JsonNode target = byId(ref + "s", id);
                ObjectNode o = u.putObject(ref);
                o.put("name", target == null ? stored.path(ref).path("name").asText(null) : target.path("name").asText());
                o.put("id", id);
            }
        }
        return u;
    }

    /** Roles come in one answer: no paging, no info block (§4). */
    private SandboxResponse roles() {
        synchronized (state.lock()) {
            List<JsonNode> items = new ArrayList<>();
            state.list(CRM, "roles").forEach(n -> items.add(n.deepCopy()));
            return items.isEmpty() ? SandboxResponse.noContent() : SandboxResponse.of(200, Map.of("roles", items));
        }
    }

    private SandboxResponse profiles(SandboxRequest req) {
        synchronized (state.lock()) {
            List<JsonNode> items = new ArrayList<>();
            state.list(CRM, "profiles").forEach(n -> items.add(n.deepCopy()));
            return ZohoPages.page("profiles", items, req);
        }
    }

    // ---- add

    private SandboxResponse add(SandboxRequest req) {
        Single one = single(req);
        if (one.refusal() != null) {
            return one.refusal();
        }
        JsonNode in = one.user();
        synchronized (state.lock()) {
            if (blank(in.get("last_name"))) {
                return itemError("MANDATORY_NOT_FOUND", "Last Name is required", "last_name");
            }
            for (String f : List.of("email", "role", "profile")) {
                if (blank(in.get(f))) {
                    return itemError("MANDATORY_NOT_FOUND", "required field not found", f);
                }
            }
            SandboxResponse bad = checkFields(in);
            if (bad != null) {
                return bad;
            }
            ObjectNode existing = byEmail(in.get("email").asText());
            if (existing != null) {
                return item("DUPLICATE_DATA", "Failed to add user since same email id is already present",
                        details("api_name", "email", "id", existing.path("id").asText()));
            }
            if (licencesFull()) {
                return item("LICENSE_LIMIT_EXCEEDED", "Request exceeds your license limit. Need to upgrade in order to add a user",
                        Map.of());
            }
            ObjectNode u = state.list(CRM, USERS).addObject();
            String id = state.newId("3652397");
            u.put("id", id);
            apply(u, in);
            u.put("status", "active");
            u.put("confirm", false);
            u.putNull("zuid");
            return SandboxResponse.record(201, USERS, "SUCCESS", "User added", Map.of("id", id), true);
        }
    }

    // ---- update

    private SandboxResponse update(SandboxRequest req) {
        Single one = single(req);
        if (one.refusal() != null) {
            return one.refusal();
        }
        JsonNode in = one.user();
        String pathId = req.pathParam("id");
        String bodyId = in.hasNonNull("id") ? in.get("id").asText() : "";
        if (pathId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
            return itemError("INVALID_DATA", "the id in the URL and the id in the body differ", "id");
        }
        if (pathId == null && bodyId.isBlank()) {
            return itemError("MANDATORY_NOT_FOUND", "required field not found", "id");
        }
        String id = pathId != null ? pathId : bodyId;
        synchronized (state.lock()) {
            ObjectNode u = byId(USERS, id);
            if (u == null) {
                return pathId != null
                        ? SandboxResponse.error(400, "INVALID_DATA", "the id given seems to be invalid",
                                Map.of("resource_path_index", 1))
                        : itemError("INVALID_DATA", "the id given seems to be invalid", "id");
            }
            if (deleted(u)) {
                return item("CANNOT_UPDATE_DELETED_USER", "Deleted user cannot be updated", Map.of("id", id));
            }
            SandboxResponse refused = checkStatus(u, in);
            if (refused != null) {
                return refused;
            }
            SandboxResponse bad = checkFields(in);
            if (bad != null) {
                return bad;
            }
            if (in.has("last_name") && blank(in.get("last_name"))) {
                return itemError("MANDATORY_NOT_FOUND", "Last Name is required", "last_name");
            }
            bad = checkEmailChange(u, in);
            if (bad != null) {
                return bad;
            }
            apply(u, in);
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
            return deactivated(u)
                    ? item("NOT_ALLOWED", "Deactivated user cannot be updated", Map.of("id", id))
                    : null;
        }
        String wanted = in.get("status").isTextual() ? in.get("status").asText() : "";
        if (!wanted.equals("active") && !wanted.equals("inactive")) {
            return itemError("INVALID_DATA", "invalid data", "status");
        }
        if (wanted.equals("inactive") && deactivated(u)) {
            return item("ID_ALREADY_DEACTIVATED", "User is already deactivated", Map.of("id", id));
        }
        if (wanted.equals("active") && status(u).equals("active")) {
            return item("ID_ALREADY_ACTIVE", "User is already active", Map.of("id", id));
        }
        if (id.equals(state.section(CRM).path("current_user_id").asText())) {
            return item("INVALID_REQUEST", "You can't perform this action over logged in user", Map.of("id", id));
        }
        if (wanted.equals("inactive") && id.equals(state.section(CRM).path("primary_contact_id").asText())) {
            return item("INVALID_REQUEST", "Primary Contact cannot be deactivated", Map.of("id", id));
        }
        if (wanted.equals("active") && licencesFull()) {
            return item("LICENSE_LIMIT_EXCEEDED", "License Limit is Exceeded", Map.of("id", id));
        }
        return null;
    }

    private SandboxResponse checkEmailChange(ObjectNode u, JsonNode in) {
        if (!in.has("email") || in.get("email").asText().equalsIgnoreCase(u.path("email").asText())) {
            return null;
        }
        String id = u.path("id").asText();
        if (u.path("confirm").asBoolean()) {
            return item("EMAIL_UPDATE_NOT_ALLOWED", "Cannot update email of a confirmed CRM User",
                    details("api_name", "email", "id", id));
        }
        ObjectNode other = byEmail(in.get("email").asText());
        if (other != null) {
            return item("DUPLICATE_DATA", "Email already exists", details("api_name", "email", "id", other.path("id").asText()));
        }
        return null;
    }

    // ---- shared by add and update

    /** The checks of the fields a body may carry (add and update alike); null when they are all valid. */
    private SandboxResponse checkFields(JsonNode in) {
        for (String f : READ_ONLY) {
            if (in.has(f)) {
                return itemError("NOT_SUPPORTED", "the field " + f + " is read-only", f);
            }
        }
        for (String f : List.of("first_name", "last_name")) {
            if (in.hasNonNull(f) && in.get(f).asText().length() > 50) {
                return itemError("INVALID_DATA", "the " + f + " is longer than 50 characters", f);
            }
        }
        if (in.has("email")) {
            String email = in.get("email").asText("");
            if (!in.get("email").isTextual() || email.length() > 100 || !EMAIL.matcher(email).matches()) {
                return itemError("INVALID_DATA", "Invalid Email Id. Please choose a different email id", "email");
            }
            if (email.toLowerCase(Locale.ROOT).endsWith("@zoho.com")) {
                return itemError("INVALID_DATA", "Email Id with @zoho.com cannot be added", "email");
            }
        }
        for (String ref : List.of("role", "profile")) {
            if (in.has(ref) && byId(ref + "s", refId(in.get(ref))) == null) {
                return itemError("INVALID_DATA", "invalid data", ref);
            }
        }
        return null;
    }

    /** Writes the body's fields into the stored user: role and profile as {name,id}, the server's own fields kept. */
    private void apply(ObjectNode u, JsonNode in) {
        Iterator<Map.Entry<String, JsonNode>> it = in.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (IGNORED.contains(name)) {
                continue;
            }
            if (name.equals("role") || name.equals("profile")) {
                JsonNode target = byId(name + "s", refId(f.getValue()));
                ObjectNode o = u.putObject(name);
                o.put("name", target.path("name").asText());
                o.put("id", target.path("id").asText());
            } else {
                u.set(name, f.getValue().deepCopy());
            }
        }
        u.put("full_name", fullName(u));
    }

    /** The id of a role or profile sent as "id", a number, {"id":…} or {"name":…,"id":…}; "" when none. */
    private static String refId(JsonNode ref) {
        JsonNode id = ref != null && ref.isObject() ? ref.get("id") : ref;
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id.asText().trim() : "";
    }

    /** The one user of {"users":[{…}]}, or the request-level refusal of a body that is not that. */
    private record Single(JsonNode user, SandboxResponse refusal) {
    }

    private static Single single(SandboxRequest req) {
        JsonNode body = req.json();
        if (body == null || !body.isObject()) {
            return new Single(null, SandboxResponse.error(400, "INVALID_DATA", "body is not valid JSON", null));
        }
        JsonNode users = body.get(USERS);
        if (users == null || !users.isArray() || users.isEmpty()) {
            return new Single(null, SandboxResponse.error(400, "MANDATORY_NOT_FOUND", "required field not found",
                    details("api_name", USERS, "json_path", "$.users")));
        }
        if (users.size() > 1) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("maximum_length", 1);
            d.put("api_name", USERS);
            d.put("json_path", "$.users");
            return new Single(null, SandboxResponse.error(400, "INVALID_DATA", "invalid data", d));
        }
        if (!users.get(0).isObject()) {
            return new Single(null, SandboxResponse.error(400, "INVALID_DATA", "invalid data",
                    details("api_name", USERS, "json_path", "$.users[0]")));
        }
        return new Single(users.get(0), null);
    }

    /** True when one more active user would pass {@code sandbox.licences}. */
    private boolean licencesFull() {
        if (state.list(CRM, USERS).size() < licences) {
            return false;
        }
        long active = 0;
        for (JsonNode u : state.list(CRM, USERS)) {
            if (status(u).equals("active")) {
                active++;
            }
        }
        return active >= licences;
    }

    private ObjectNode byEmail(String email) {
        for (JsonNode u : state.list(CRM, USERS)) {
            if (!deleted(u) && u.path("email").asText().equalsIgnoreCase(email)) {
                return (ObjectNode) u;
            }
        }
        return null;
    }

    private ObjectNode byId(String list, String id) {
        for (JsonNode n : state.list(CRM, list)) {
            if (n.path("id").asText().equals(id)) {
                return (ObjectNode) n;
            }
        }
        return null;
    }

    private static SandboxResponse item(String code, String message, Map<String, ?> details) {
        return SandboxResponse.record(400, USERS, code, message, details, false);
    }

    private static SandboxResponse itemError(String code, String message, String field) {
        return item(code, message, details("api_name", field, "json_path", "$.users[0]." + field));
    }

    private static Map<String, Object> details(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(k1, v1);
        d.put(k2, v2);
        return d;
    }

    private static boolean blank(JsonNode n) {
        return n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())
                || (n.isObject() && n.isEmpty()) || (n.isArray() && n.isEmpty());
    }

    private static String fullName(JsonNode u) {
        String first = u.path("first_name").isTextual() ? u.path("first_name").asText() : "";
        String last = u.path("last_name").isTextual() ? u.path("last_name").asText() : "";
        return (first + " " + last).trim();
    }

    private static String status(JsonNode u) {
        return u.path("status").asText("active");
    }

    private static boolean deleted(JsonNode u) {
        return status(u).equals("deleted");
    }

    private static boolean deactivated(JsonNode u) {
        return status(u).equals("inactive") || status(u).equals("disabled");
    }
}
