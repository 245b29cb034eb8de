package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    static final String CRM = "crm";

    private final SandboxState state;
    private final SandboxFaults faults;

    public CrmUserGroupsApi(SandboxState state, SandboxFaults faults) {
        this.state = state;
        this.faults = faults;
    }

    /** Found by the sandbox's classpath scan of its package ({@link ZohoSandbox}). */
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
        r.api("PUT", "/crm/v6/settings/user_groups/{id}", new CrmUserGroupUpdate(state, faults)::update);
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
    static SandboxResponse invalidGroupId() {
        return SandboxResponse.error(400, "INVALID_DATA", "the user group id given seems to be invalid",
                details("id", "$.id"));
    }

    static Map<String, Object> details(String apiName, String jsonPath) {
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
