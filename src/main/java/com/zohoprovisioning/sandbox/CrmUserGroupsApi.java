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
 * {@code {type, source:{id,name}, subordinates?, sub_territories?, _delete?}} and adds (or, with {@code _delete},
 * removes) those members, keeping the others. Errors in the group's body come item-level, as Zoho's OpenAPI file
 * shows them ({@code {"user_groups":[{"code":"INVALID_DATA",…,"status":"error"}]}}, HTTP 400): INVALID_DATA for an
 * unknown role, territory, user or group id or a nested-group cycle, MANDATORY_NOT_FOUND when {@code name} or
 * {@code sources} is missing, DUPLICATE_DATA for a name another group has. Request-level (a bare object): a body that
 * is not one group, an unknown group id in the URL (INVALID_DATA), NO_PERMISSION (403) when the acting user lacks
 * "Manage Groups". Members are read back with GET {@code /user_groups/{id}} and {@code /user_groups/{id}/sources},
 * each source carrying {@code subordinates} and {@code sub_territories} (null where they do not apply) as Zoho's SDKs
 * model it; a group's {@code sources_count} is Zoho's object, users counted by status
 * ({@code {"active","inactive","deleted"}}). The fault {@link SandboxFaults#groupPutReplaces} makes the PUT replace
 * the member list instead (what a live org must not do, and what the feed checks for). The acting user is {@code crm.current_user_id}, switched by the test hook
 * {@code PUT /__sandbox/crm/current-user} ({@code {"id":…}} or {@code {"email":…}}). The users and roles lists
 * themselves are {@link CrmUsersApi}'s; territories are listed here.
 */
public final class CrmUserGroupsApi implements SandboxApi {

    static final Set<String> TYPES = Set.of("users", "roles", "groups", "territories");
    private static final String CRM = "crm";

    private final SandboxState state;
    private final SandboxFaults faults;

    public CrmUserGroupsApi(SandboxState state, SandboxFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** Found by {@link java.util.ServiceLoader}, listed in {@code META-INF/services}. */
    public static final class Factory implements SandboxApi.Factory {
        @Override
        public SandboxApi create(SandboxContext c) {
            return new CrmUserGroupsApi(c.state(), c.faults());
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
                items.add(name.equals("user_groups") ? summary(n, state) : n.deepCopy());
            }
            return ZohoPages.page(name, items, req);
        }
    }

    /**
     * A group as the list shows it: id, name, description and {@code sources_count}, Zoho's object: roles, groups
     * and territories as numbers, users as {@code {"active","inactive","deleted"}} by the users' status.
     */
    private static ObjectNode summary(JsonNode g, SandboxState state) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", g.path("id").asText());
        out.put("name", g.path("name").asText());
        out.put("description", g.path("description").asText(""));
        ObjectNode counts = out.putObject("sources_count");
        ObjectNode users = counts.putObject("users");
        for (String status : List.of("active", "inactive", "deleted")) {
            users.put(status, 0);
        }
        for (String t : List.of("roles", "groups", "territories")) {
            counts.put(t, 0);
        }
        for (JsonNode s : g.path("sources")) {
            String t = s.path("type").asText();
            if (t.equals("users")) {
                JsonNode u = ZohoUsers.byId(state.list(CRM, "users"), s.path("source").path("id").asText());
                String status = u == null ? "deleted" : status(u).equals("active") ? "active"
                        : status(u).equals("deleted") ? "deleted" : "inactive";
                users.put(status, users.path(status).asInt() + 1);
            } else {
                counts.put(t, counts.path(t).asInt() + 1);
            }
        }
        return out;
    }

    /**
     * A member as the read-back shows it: {@code subordinates} and {@code sub_territories} both present, as Zoho's
     * SDKs model the sources (null where they do not apply; a territory carries its value in both).
     */
    private static ObjectNode shown(JsonNode stored) {
        ObjectNode m = stored.deepCopy();
        String type = m.path("type").asText();
        boolean scoped = type.equals("roles") || type.equals("territories");
        JsonNode sub = stored.get("subordinates");
        if (!scoped || sub == null) {
            m.putNull("subordinates");
        }
        if (type.equals("territories") && sub != null && !sub.isNull()) {
            m.put("sub_territories", sub.asBoolean());
        } else {
            m.putNull("sub_territories");
        }
        return m;
    }

    private SandboxResponse group(SandboxRequest req) {
        synchronized (state.lock()) {
            ObjectNode g = byId("user_groups", req.pathParam("id"));
            if (g == null) {
                return invalidGroupId();
            }
            ObjectNode out = summary(g, state);
            ArrayNode sources = out.putArray("sources");
            g.path("sources").forEach(s -> sources.add(shown(s)));
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
            g.path("sources").forEach(s -> items.add(shown(s)));
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
                return itemError("MANDATORY_NOT_FOUND", "required field not found", "name", "$.user_groups[0].name");
            }
            for (JsonNode other : state.list(CRM, "user_groups")) {
                if (other != g && other.path("name").asText().equalsIgnoreCase(name)) {
                    return itemError("DUPLICATE_DATA", "duplicate data", "name", "$.user_groups[0].name");
                }
            }
            JsonNode sources = in.get("sources");
            if (sources == null || !sources.isArray() || sources.isEmpty()) {
                return itemError("MANDATORY_NOT_FOUND", "required field not found", "sources", "$.user_groups[0].sources");
            }
            // Zoho adds the members sent (the fault: the list sent replaces the group's members)
            ArrayNode members = !faults.groupPutReplaces() && g.path("sources") instanceof ArrayNode a ? a.deepCopy()
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
            return itemError("MANDATORY_NOT_FOUND", "required field not found", "type", path + ".type");
        }
        if (!TYPES.contains(type)) {
            return itemError("INVALID_DATA", "invalid data", "type", path + ".type");
        }
        String id = entry.path("source").path("id").asText("");
        if (id.isEmpty()) {
            return itemError("MANDATORY_NOT_FOUND", "required field not found", "id", path + ".source.id");
        }
        // Zoho's SDKs send a territory's child territories as sub_territories, the update page as subordinates
        JsonNode subordinates = entry.get("subordinates");
        String subField = "subordinates";
        JsonNode subTerritories = entry.get("sub_territories");
        if (subTerritories != null && !subTerritories.isNull()) {
            if (!type.equals("territories")) {
                return itemError("INVALID_DATA", "sub_territories is only for territories", "sub_territories",
                        path + ".sub_territories");
            }
            if (subordinates == null || subordinates.isNull()) {
                subordinates = subTerritories;
                subField = "sub_territories";
            }
        }
        boolean hasSubordinates = subordinates != null && !subordinates.isNull();
        if (hasSubordinates && !(type.equals("roles") || type.equals("territories"))) {
            return itemError("INVALID_DATA", "subordinates is only for roles and territories", "subordinates",
                    path + ".subordinates");
        }
        if (hasSubordinates && !subordinates.isBoolean()) {
            return itemError("INVALID_DATA", "invalid data", subField, path + "." + subField);
        }
        JsonNode target = byId(type.equals("groups") ? "user_groups" : type, id);
        if (target == null || (type.equals("users") && status(target).equals("deleted"))) {
            return itemError("INVALID_DATA", "the " + type.substring(0, type.length() - 1) + " id given seems to be invalid",
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
            return itemError("INVALID_DATA", "a user group cannot contain itself", "id", path + ".source.id");
        }
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        ObjectNode src = m.putObject("source");
        src.put("name", type.equals("users") ? target.path("full_name").asText() : target.path("name").asText());
        src.put("id", id);
        m.put("type", type);
        if (type.equals("roles") || type.equals("territories")) {
            m.put("subordinates", hasSubordinates && subordinates.asBoolean());
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

    /** Request-level: the group id of the URL. */
    private static SandboxResponse invalidGroupId() {
        return SandboxResponse.error(400, "INVALID_DATA", "the user group id given seems to be invalid",
                details("id", "$.id"));
    }

    /** An error in the group's body: item-level, {"user_groups":[{code, details, message, status:"error"}]}. */
    private static SandboxResponse itemError(String code, String message, String apiName, String jsonPath) {
        return SandboxResponse.record(400, "user_groups", code, message, details(apiName, jsonPath), false);
    }

    private static Map<String, Object> details(String apiName, String jsonPath) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("api_name", apiName);
        details.put("json_path", jsonPath);
        return details;
    }

    private ObjectNode byId(String list, String id) {
        return (ObjectNode) ZohoUsers.byId(state.list(CRM, list), id);
    }

    private static String status(JsonNode u) {
        return ZohoUsers.status(u);
    }
}
