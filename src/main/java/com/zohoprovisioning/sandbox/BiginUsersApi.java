package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Bigin v1 users, roles and profiles, with the documented errors of the add-user and update-user pages.
 * Users are stored with role and profile as IDs; {@code status} is active, inactive or deleted.
 */
public final class BiginUsersApi implements SandboxApi {

    static final Set<String> FIELDS = Set.of("id", "first_name", "last_name", "full_name", "email", "role", "profile",
            "phone", "mobile", "fax", "dob", "country_locale", "time_format", "time_zone", "locale", "language",
            "status", "alias", "website", "street", "city", "state", "zip", "country", "date_format", "signature",
            "name_format", "decimal_separator");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>,;]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}_[A-Z]{2}$");
    private static final Set<String> TIME_FORMATS = Set.of("HH:mm", "hh:mm a");
    private static final Set<String> TYPES = Set.of("AllUsers", "ActiveUsers", "DeactiveUsers", "ConfirmedUsers",
            "NotConfirmedUsers", "DeletedUsers", "ActiveConfirmedUsers", "AdminUsers", "ActiveConfirmedAdmins", "CurrentUser");

    private final SandboxState state;
    private final long licences;
    private final Map<String, ObjectNode> usersById = new java.util.HashMap<>();
    private final Map<String, ObjectNode> usersByEmail = new java.util.HashMap<>();
    private long indexedGeneration = -1;

    public BiginUsersApi(SandboxState state, SandboxSettings settings) {
        this.state = state;
        this.licences = settings.licences();
    }

    /** Found by {@link java.util.ServiceLoader}, listed in {@code META-INF/services}. */
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
        r.api("POST", "/bigin/v1/users", this::add);
        r.api("PUT", "/bigin/v1/users", this::update);
        r.api("PUT", "/bigin/v1/users/{id}", this::update);
    }

    private SandboxResponse list(String name) {
        synchronized (state.lock()) {
            ArrayNode items = state.list("bigin", name).deepCopy();
            return items.isEmpty() ? SandboxResponse.noContent() : SandboxResponse.of(200, Map.of(name, items));
        }
    }

    private SandboxResponse users(SandboxRequest req) {
        String type = req.query("type", "AllUsers");
        if (!TYPES.contains(type)) {
            return SandboxResponse.error(400, "INVALID_DATA", "invalid data", Map.of("param_name", "type"));
        }
        synchronized (state.lock()) {
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode u : state.list("bigin", "users")) {
                if (filter(type).test(u)) {
                    matching.add(u);
                }
            }
            return ZohoPages.page("users", matching, req, this::render);
        }
    }

    private SandboxResponse user(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode u = find(req.pathParam("id"));
            return u == null ? SandboxResponse.noContent()
                    : SandboxResponse.of(200, Map.of("users", List.of(render(u))));
        }
    }

    private Predicate<JsonNode> filter(String type) {
        String primary = state.section("bigin").path("primary_user_id").asText();
        return switch (type) {
            case "ActiveUsers" -> u -> status(u).equals("active");
            case "DeactiveUsers" -> u -> status(u).equals("inactive");
            case "ConfirmedUsers" -> u -> !status(u).equals("deleted") && u.path("confirm").asBoolean();
            case "NotConfirmedUsers" -> u -> !status(u).equals("deleted") && !u.path("confirm").asBoolean();
            case "DeletedUsers" -> u -> status(u).equals("deleted");
            case "ActiveConfirmedUsers" -> u -> status(u).equals("active") && u.path("confirm").asBoolean();
            case "AdminUsers" -> u -> !status(u).equals("deleted") && isAdmin(u);
            case "ActiveConfirmedAdmins" -> u -> status(u).equals("active") && u.path("confirm").asBoolean() && isAdmin(u);
            case "CurrentUser" -> u -> u.path("id").asText().equals(primary);
            default -> u -> !status(u).equals("deleted");
        };
    }

    private boolean isAdmin(JsonNode u) {
        JsonNode p = byId("profiles", u.path("profile").asText());
        return p != null && "Administrator".equals(p.path("name").asText());
    }

    private ObjectNode render(JsonNode stored) {
        ObjectNode u = stored.deepCopy();
        u.put("full_name", (u.path("first_name").asText("") + " " + u.path("last_name").asText("")).trim());
        for (String ref : List.of("role", "profile")) {
            JsonNode target = byId(ref + "s", stored.path(ref).asText());
            ObjectNode o = u.putObject(ref);
            o.put("name", target == null ? null : target.path("name").asText());
            o.put("id", stored.path(ref).asText());
        }
        return u;
    }

    private SandboxResponse add(SandboxRequest req) {
        JsonNode in = single(req);
        if (in == null) {
            return badBody(req);
        }
        synchronized (state.lock()) {
            for (String f : List.of("last_name", "email", "role", "profile")) {
                if (in.path(f).asText("").isBlank()) {
                    return recordError(400, "MANDATORY_NOT_FOUND", "required field not found", f);
                }
            }
            SandboxResponse invalid = validateFields(in);
            if (invalid != null) {
                return invalid;
            }
            if (in.has("id")) {
                return recordError(400, "INVALID_DATA", "invalid data", "id");
            }
            ObjectNode existing = findByEmail(in.path("email").asText());
            if (existing != null) {
                return SandboxResponse.record(400, "users", "DUPLICATE_DATA",
                        "Failed to add user since same email id is already present",
                        Map.of("api_name", "email", "id", existing.path("id").asText()), false);
            }
            if (activeCount() >= licences) {
                return SandboxResponse.record(400, "users", "LICENSE_LIMIT_EXCEEDED",
                        "Request exceeds your license limit. Need to upgrade in order to add.", Map.of(), false);
            }
            ObjectNode u = ((ObjectNode) in).deepCopy();
            String id = state.newId("554023");
            u.put("id", id);
            if (!u.has("status")) {
                u.put("status", "active");
            }
            u.put("confirm", false);
            state.list("bigin", "users").add(u);
            indexUser(u);
            return SandboxResponse.record(201, "users", "SUCCESS", "User added", Map.of("id", id), true);
        }
    }

    private SandboxResponse update(SandboxRequest req) {
        JsonNode in = single(req);
        if (in == null) {
            return badBody(req);
        }
        String pathId = req.pathParam("id");
        String bodyId = in.path("id").asText("");
        if (pathId != null && !bodyId.isEmpty() && !bodyId.equals(pathId)) {
            return recordError(400, "INVALID_DATA", "the id given in the URL and in the body differ", "id");
        }
        String id = pathId != null ? pathId : bodyId;
        if (id.isBlank()) {
            return recordError(400, "MANDATORY_NOT_FOUND", "required field not found", "id");
        }
        synchronized (state.lock()) {
            ObjectNode u = find(id);
            if (u == null) {
                return SandboxResponse.record(200, "users", "INVALID_DATA", "the id given seems to be invalid",
                        Map.of("api_name", "id", "id", id), false);
            }
            if (status(u).equals("deleted")) {
                return SandboxResponse.record(400, "users", "CANNOT_UPDATE_DELETED_USER", "Deleted user cannot be updated",
                        Map.of("id", id), false);
            }
            SandboxResponse invalid = validateFields(in);
            if (invalid != null) {
                return invalid;
            }
            boolean primary = id.equals(state.section("bigin").path("primary_user_id").asText());
            String newStatus = in.path("status").asText("");
            if (newStatus.equals("inactive")) {
                if (primary) {
                    return SandboxResponse.record(400, "users", "INVALID_REQUEST", "Primary Contact cannot be deactivated",
                            Map.of("id", id), false);
                }
                if (status(u).equals("inactive")) {
                    return SandboxResponse.record(400, "users", "ID_ALREADY_DEACTIVATED", "User is already deactivated",
                            Map.of("id", id), false);
                }
            } else if (newStatus.equals("active")) {
                if (status(u).equals("active")) {
                    return SandboxResponse.record(400, "users", "ID_ALREADY_ACTIVE", "User is already active",
                            Map.of("id", id), false);
                }
                if (activeCount() >= licences) {
                    return SandboxResponse.record(400, "users", "LICENSE_LIMIT_EXCEEDED",
                            "Request exceeds your license limit. Need to upgrade in order to add.", Map.of(), false);
                }
            } else if (status(u).equals("inactive")) {
                return SandboxResponse.record(400, "users", "INVALID_REQUEST", "Deactivated user cannot be updated",
                        Map.of("id", id), false);
            }
            if (in.has("time_zone") && !primary) {
                return SandboxResponse.record(200, "users", "INVALID_DATA", "Cannot update the time_zone of another user",
                        Map.of("api_name", "time_zone", "id", id), false);
            }
            if (in.has("email") && !in.get("email").asText().equalsIgnoreCase(u.path("email").asText())) {
                if (u.path("confirm").asBoolean()) {
                    return SandboxResponse.record(400, "users", "EMAIL_UPDATE_NOT_ALLOWED",
                            "Cannot update email of a confirmed Bigin User", Map.of("api_name", "email", "id", id), false);
                }
                ObjectNode other = findByEmail(in.get("email").asText());
                if (other != null) {
                    return SandboxResponse.record(400, "users", "DUPLICATE_DATA", "User with same email id exists",
                            Map.of("api_name", "email", "id", other.path("id").asText()), false);
                }
            }
            String oldEmail = u.path("email").asText().toLowerCase(java.util.Locale.ROOT);
            Iterator<Map.Entry<String, JsonNode>> it = in.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!f.getKey().equals("id")) {
                    u.set(f.getKey(), f.getValue());
                }
            }
            usersByEmail.remove(oldEmail);
            indexUser(u);
            return SandboxResponse.record(200, "users", "SUCCESS", "User updated", Map.of("id", id), true);
        }
    }

    /** The one user of {"users":[{…}]}, or null when the body is not that shape. */
    private static JsonNode single(SandboxRequest req) {
        JsonNode body = req.json();
        JsonNode users = body == null ? null : body.get("users");
        if (users == null || !users.isArray() || users.size() != 1 || !users.get(0).isObject()) {
            return null;
        }
        return users.get(0);
    }

    private static SandboxResponse badBody(SandboxRequest req) {
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

    private SandboxResponse validateFields(JsonNode in) {
        Iterator<String> names = in.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                return recordError(400, "INVALID_DATA", "invalid data", f);
            }
            if (!in.get(f).isTextual() && !in.get(f).isNumber()) {
                return recordError(400, "INVALID_DATA", "invalid data", f);
            }
        }
        if (in.has("email")) {
            String email = in.get("email").asText();
            if (email.toLowerCase().endsWith("@skydesk.jp")) {
                return recordError(400, "INVALID_DATA", "Email Id should not contain @skydesk.jp. Please choose a different email id", "email");
            }
            if (!EMAIL.matcher(email).matches()) {
                return recordError(400, "INVALID_DATA", "Invalid Email Id. Please choose a different email id", "email");
            }
        }
        if (in.has("role") && byId("roles", in.get("role").asText()) == null) {
            return recordError(400, "INVALID_DATA", "invalid data", "role");
        }
        if (in.has("profile") && byId("profiles", in.get("profile").asText()) == null) {
            return recordError(400, "INVALID_DATA", "invalid data", "profile");
        }
        if (in.has("dob")) {
            try {
                LocalDate.parse(in.get("dob").asText());
            } catch (DateTimeParseException e) {
                return recordError(400, "INVALID_DATA", "invalid data", "dob");
            }
        }
        if (in.has("status") && !Set.of("active", "inactive").contains(in.get("status").asText())) {
            return recordError(400, "INVALID_DATA", "invalid data", "status");
        }
        if (in.has("time_format") && !TIME_FORMATS.contains(in.get("time_format").asText())) {
            return recordError(400, "INVALID_DATA", "invalid data", "time_format");
        }
        if (in.has("country_locale") && !LOCALE.matcher(in.get("country_locale").asText()).matches()) {
            return recordError(400, "INVALID_DATA", "invalid data", "country_locale");
        }
        return null;
    }

    private static SandboxResponse recordError(int http, String code, String message, String field) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("api_name", field);
        details.put("json_path", "$.users[0]." + field);
        return SandboxResponse.record(http, "users", code, message, details, false);
    }

    /** Keeps the id and e-mail indexes in step with the state; call under the state lock. */
    private void index() {
        if (indexedGeneration == state.generation()) {
            return;
        }
        usersById.clear();
        usersByEmail.clear();
        for (JsonNode u : state.list("bigin", "users")) {
            indexUser((ObjectNode) u);
        }
        indexedGeneration = state.generation();
    }

    private void indexUser(ObjectNode u) {
        usersById.put(u.path("id").asText(), u);
        if (!status(u).equals("deleted")) {
            usersByEmail.put(u.path("email").asText().toLowerCase(java.util.Locale.ROOT), u);
        }
    }

    private long activeCount() {
        if (state.list("bigin", "users").size() < licences) {
            return 0;
        }
        long n = 0;
        for (JsonNode u : state.list("bigin", "users")) {
            if (status(u).equals("active")) {
                n++;
            }
        }
        return n;
    }

    private ObjectNode find(String id) {
        index();
        return usersById.get(id);
    }

    private ObjectNode findByEmail(String email) {
        index();
        return usersByEmail.get(email.toLowerCase(java.util.Locale.ROOT));
    }

    private JsonNode byId(String list, String id) {
        for (JsonNode n : state.list("bigin", list)) {
            if (n.path("id").asText().equals(id)) {
                return n;
            }
        }
        return null;
    }

    private static String status(JsonNode u) {
        return u.path("status").asText("active");
    }
}
