package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CRM v6 user groups with the lists they draw members from (users, roles, territories), after the
 * update-user-group page: the PUT needs the group's {@code name}, takes a {@code sources} array of
 * {@code {type, source:{id,name}, subordinates?, _delete?}}, answers INVALID_DATA (400) for an unknown group, role,
 * territory, user or group id, NO_PERMISSION (403) when the acting user lacks "Manage Groups", MANDATORY_NOT_FOUND
 * when {@code name} or {@code sources} is missing. Members are read back with GET {@code /user_groups/{id}} and
 * {@code /user_groups/{id}/sources}. The acting user is {@code crm.current_user_id}, switched by the test hook
 * {@code PUT /__sandbox/crm/current-user} ({@code {"id":…}} or {@code {"email":…}}). The users and roles lists
 * themselves are {@link CrmUsersApi}'s; territories are listed here.
 */
public final class CrmUserGroupsApi implements SandboxApi {

    static final Set<String> TYPES = Set.of("users", "roles", "groups", "territories");
    private static final String CRM = "crm";

    private final SandboxState state;

    public CrmUserGroupsApi(SandboxState state) {
        this.state = state;
    }

    /** Found by {@link java.util.ServiceLoader}, listed in {@code META-INF/services}. */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new CrmUserGroupsApi(c.state());
        }
    }

    @Override
    public void register(SandboxRouter r) {
        r.api("GET", "/crm/v6/settings/territories", req -> list("territories", req));
        r.api("GET", "/crm/v6/settings/user_groups", req -> list("user_groups", req));
        r.api("GET", "/crm/v6/settings/user_groups/{id}", this::group);
        r.api("GET", "/crm/v6/settings/user_groups/{id}/sources", this::sources);
        r.api("PUT", "/crm/v6/settings/user_groups/{id}", this::update);
        r.open("PUT", "/__sandbox/crm/current-user", this::actAs);
    }

    /** A settings list, paged ({@code page}, {@code per_page}, {@code info.more_records}). */
    private SandboxResponse list(String name, SandboxRequest req) {
        synchronized (state.lock()) {
            List<JsonNode> items = new ArrayList<>();
            for (JsonNode n : state.list(CRM, name)) {
                items.add(name.equals("user_groups") ? summary(n) : n.deepCopy());
            }
            return ZohoPages.page(name, items, req);
        }
    }

    /** A group as the list shows it: id, name, description and member counts by type. */
    private static ObjectNode summary(JsonNode g) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", g.path("id").asText());
        out.put("name", g.path("name").asText());
        out.put("description", g.path("description").asText(""));
        ObjectNode counts = out.putObject("sources_count");
        for (String t : List.of("users", "roles", "groups", "territories")) {
            counts.put(t, 0);
        }
        for (JsonNode s : g.path("sources")) {
            String t = s.path("type").asText();
            counts.put(t, counts.path(t).asInt() + 1);
        }
        return out;
    }

    private SandboxResponse group(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode g = byId("user_groups", req.pathParam("id"));
            if (g == null) {
                return invalidGroupId();
            }
            ObjectNode out = summary(g);
            out.set("sources", g.path("sources").deepCopy());
            return SandboxResponse.of(200, Map.of("user_groups", List.of(out)));
        }
    }

    private SandboxResponse sources(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode g = byId("user_groups", req.pathParam("id"));
            if (g == null) {
                return invalidGroupId();
            }
            List<JsonNode> items = new ArrayList<>();
            g.path("sources").forEach(s -> items.add(s.deepCopy()));
            return ZohoPages.page("sources", items, req);
        }
    }

    private SandboxResponse update(SandboxRequest req) {
        JsonNode body = req.json();
        JsonNode list = body == null ? null : body.get("user_groups");
        if (list == null || !list.isArray() || list.size() != 1 || !list.get(0).isObject()) {
            return SandboxResponse.error(400, body == null ? "INVALID_DATA" : "MANDATORY_NOT_FOUND",
                    body == null ? "body is not valid JSON" : "required field not found",
                    Map.of("api_name", "user_groups"));
        }
        JsonNode in = list.get(0);
        synchronized (state.lock()) {
            SandboxResponse denied = permission();
            if (denied != null) {
                return denied;
            }
            ObjectNode g = byId("user_groups", req.pathParam("id"));
            if (g == null) {
                return invalidGroupId();
            }
            String name = in.path("name").asText("").trim();
            if (name.isEmpty()) {
                return error("MANDATORY_NOT_FOUND", "required field not found", "name", "$.user_groups[0].name");
            }
            for (JsonNode other : state.list(CRM, "user_groups")) {
                if (other != g && other.path("name").asText().equalsIgnoreCase(name)) {
                    return error("DUPLICATE_DATA", "duplicate data", "name", "$.user_groups[0].name");
                }
            }
            JsonNode sources = in.get("sources");
            if (sources == null || !sources.isArray() || sources.isEmpty()) {
                return error("MANDATORY_NOT_FOUND", "required field not found", "sources", "$.user_groups[0].sources");
            }
            ArrayNode members = g.path("sources") instanceof ArrayNode a ? a.deepCopy()
                    : JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < sources.size(); i++) {
                SandboxResponse bad = apply(g, members, sources.get(i), "$.user_groups[0].sources[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
            g.put("name", name);
            if (in.has("description")) {
                g.put("description", in.path("description").asText(""));
            }
            g.set("sources", members);
            return SandboxResponse.record(200, "user_groups", "SUCCESS", "User Group Updated successfully",
                    Map.of("id", g.path("id").asText()), true);
        }
    }

    /** Applies one source entry to {@code members}; an error answer when it is not valid. */
    private SandboxResponse apply(ObjectNode group, ArrayNode members, JsonNode entry, String path) {
        String type = entry.path("type").asText("");
        if (type.isEmpty()) {
            return error("MANDATORY_NOT_FOUND", "required field not found", "type", path + ".type");
        }
        if (!TYPES.contains(type)) {
            return error("INVALID_DATA", "invalid data", "type", path + ".type");
        }
        String id = entry.path("source").path("id").asText("");
        if (id.isEmpty()) {
            return error("MANDATORY_NOT_FOUND", "required field not found", "id", path + ".source.id");
        }
        boolean hasSubordinates = entry.has("subordinates") && !entry.get("subordinates").isNull();
        if (hasSubordinates && !(type.equals("roles") || type.equals("territories"))) {
            return error("INVALID_DATA", "subordinates is only for roles and territories", "subordinates",
                    path + ".subordinates");
        }
        if (hasSubordinates && !entry.get("subordinates").isBoolean()) {
            return error("INVALID_DATA", "invalid data", "subordinates", path + ".subordinates");
        }
        JsonNode target = byId(type.equals("groups") ? "user_groups" : type, id);
        if (target == null || (type.equals("users") && status(target).equals("deleted"))) {
            return error("INVALID_DATA", "the " + type.substring(0, type.length() - 1) + " id given seems to be invalid",
                    "id", path + ".source.id");
        }
        boolean delete = entry.path("_delete").asBoolean(false);
        int at = indexOf(members, type, id);
        if (delete) {
            if (at >= 0) {
                members.remove(at);
            }
            return null;
        }
        if (type.equals("groups") && contains(id, group.path("id").asText(), new HashSet<>())) {
            return error("INVALID_DATA", "a user group cannot contain itself", "id", path + ".source.id");
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        ObjectNode src = m.putObject("source");
        src.put("name", type.equals("users") ? target.path("full_name").asText() : target.path("name").asText());
        src.put("id", id);
        m.put("type", type);
        if (type.equals("roles") || type.equals("territories")) {
            m.put("subordinates", hasSubordinates && entry.get("subordinates").asBoolean());
        }
        if (at >= 0) {
            members.set(at, m);
        } else {
            members.add(m);
        }
        return null;
    }

    /** True when group {@code candidate} is, or contains (through nested groups), group {@code target}. */
    private boolean contains(String candidate, String target, Set<String> seen) {
        if (candidate.equals(target)) {
            return true;
        }
        if (!seen.add(candidate)) {
            return false;
        }
        ObjectNode g = byId("user_groups", candidate);
        if (g == null) {
            return false;
        }
        for (JsonNode s : g.path("sources")) {
            if (s.path("type").asText().equals("groups") && contains(s.path("source").path("id").asText(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(ArrayNode members, String type, String id) {
        for (int i = 0; i < members.size(); i++) {
            JsonNode m = members.get(i);
            if (m.path("type").asText().equals(type) && m.path("source").path("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** NO_PERMISSION unless the acting user ({@code crm.current_user_id}) may manage groups. */
    private SandboxResponse permission() {
        String current = state.section(CRM).path("current_user_id").asText();
        JsonNode u = byId("users", current);
        if (u != null && u.path("manage_groups").asBoolean(true) && status(u).equals("active")) {
            return null;
        }
        return SandboxResponse.error(403, "NO_PERMISSION", "permission denied",
                Map.of("permissions", List.of("Crm_Implied_Manage_Groups")));
    }

    private SandboxResponse actAs(SandboxRequest req) {
        JsonNode j = req.json();
        if (j == null || !j.isObject()) {
            return SandboxResponse.error(400, "INVALID_DATA", "body must be {\"id\":…} or {\"email\":…}", null);
        }
        synchronized (state.lock()) {
            for (JsonNode u : state.list(CRM, "users")) {
                if (u.path("id").asText().equals(j.path("id").asText())
                        || u.path("email").asText().equalsIgnoreCase(j.path("email").asText("-"))) {
                    state.section(CRM).put("current_user_id", u.path("id").asText());
                    return SandboxResponse.of(200, Map.of("current_user_id", u.path("id").asText()));
                }
            }
        }
        return SandboxResponse.error(400, "INVALID_DATA", "no such CRM user", null);
    }

    private static SandboxResponse invalidGroupId() {
        return error("INVALID_DATA", "the user group id given seems to be invalid", "id", "$.id");
    }

    private static SandboxResponse error(String code, String message, String apiName, String jsonPath) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("api_name", apiName);
        details.put("json_path", jsonPath);
        return SandboxResponse.error(400, code, message, details);
    }

    private ObjectNode byId(String list, String id) {
        return (ObjectNode) ZohoUsers.byId(state.list(CRM, list), id);
    }

    private static String status(JsonNode u) {
        return ZohoUsers.status(u);
    }
}
