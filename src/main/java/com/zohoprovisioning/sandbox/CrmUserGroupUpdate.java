package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code PUT /crm/v6/settings/user_groups/{id}} of {@link CrmUserGroupsApi}: the group's name and description, and the
 * {@code sources} it adds (or, with {@code _delete}, removes), keeping the other members; every entry is checked
 * (type, id, subordinates or sub_territories, a nested group that would contain itself) before anything changes, and
 * an error in the body comes item-level. The fault {@link SandboxFaults#groupPutReplaces} makes the list sent replace
 * the members instead.
 */
final class CrmUserGroupUpdate {

    static final Set<String> TYPES = Set.of("users", "roles", "groups", "territories");
    private static final String CRM = CrmUserGroupsApi.CRM;

    private final SandboxState state;
    private final SandboxFaults faults;

    CrmUserGroupUpdate(SandboxState state, SandboxFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    SandboxResponse update(SandboxRequest req) {
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
                return CrmUserGroupsApi.invalidGroupId();
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

    /** An error in the group's body: item-level, {"user_groups":[{code, details, message, status:"error"}]}. */
    private static SandboxResponse itemError(String code, String message, String apiName, String jsonPath) {
        return SandboxResponse.record(400, "user_groups", code, message, CrmUserGroupsApi.details(apiName, jsonPath), false);
    }

    private ObjectNode byId(String list, String id) {
        return (ObjectNode) ZohoUsers.byId(state.list(CRM, list), id);
    }

    private static String status(JsonNode u) {
        return ZohoUsers.status(u);
    }
}
