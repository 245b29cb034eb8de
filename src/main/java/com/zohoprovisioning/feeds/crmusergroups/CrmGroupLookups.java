package com.zohoprovisioning.feeds.crmusergroups;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CRM user groups, users, roles and territories of one file's run, loaded once: names, e-mails and IDs to
 * {@link Named} entries. Each group keeps a view of its members, read on first use and kept up to date after every
 * successful PUT of this run (records of one group run one after another, so a group's view is never shared).
 */
public final class CrmGroupLookups {

    /** A user, role, territory or group: its id and the name the PUT's {@code source.name} carries. */
    public record Named(String id, String name) {
    }

    /** One member of a group as the group's sources list shows it. */
    public record Member(String type, String id, String name, Boolean subordinates) {
    }

    /** A user group with its current name, description and (once loaded) members keyed by "type:id". */
    public static final class Group {
        private final String id;
        private volatile String name;
        private volatile String description;
        private volatile Map<String, Member> members;
        private volatile boolean readBack;

        Group(String id, String name, String description) {
            this.id = id;
            this.name = name;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String name() {
            return name;
        }

        public String description() {
            return description;
        }

        void description(String d) {
            this.description = d;
        }

        public boolean membersLoaded() {
            return members != null;
        }

        void startMembers() {
            members = new HashMap<>();
        }

        void forgetMembers() {
            members = null;
        }

        public Member member(String type, String memberId) {
            return members == null ? null : members.get(key(type, memberId));
        }

        void put(Member m) {
            members.put(key(m.type(), m.id()), m);
        }

        void remove(String type, String memberId) {
            members.remove(key(type, memberId));
        }

        /** A copy of the run's view of the members, keyed by "type:id". */
        Map<String, Member> members() {
            return new LinkedHashMap<>(members);
        }

        /** True once this run has read the group's members back after a change (at most once per file). */
        boolean readBack() {
            return readBack;
        }

        void readBackDone() {
            readBack = true;
        }

        static String key(String type, String memberId) {
            return type + ":" + memberId;
        }
    }

    private final Map<String, Group> groups = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Named>> byType = new HashMap<>();
    private final Map<String, List<String>> names = new HashMap<>();

    public CrmGroupLookups() {
        for (String t : List.of("users", "roles", "territories")) {
            byType.put(t, new HashMap<>());
            names.put(t, new ArrayList<>());
        }
        names.put("groups", new ArrayList<>());
    }

    void addGroups(JsonNode list) {
        for (JsonNode g : iterable(list)) {
            Group group = new Group(g.path("id").asText(), g.path("name").asText(), g.path("description").asText(null));
            groups.put(group.id(), group);
            groups.putIfAbsent(key(group.name()), group);
            names.get("groups").add(group.name());
        }
    }

    void addUsers(JsonNode list) {
        Map<String, Named> users = byType.get("users");
        for (JsonNode u : iterable(list)) {
            String full = u.path("full_name").asText("");
            if (full.isEmpty()) {
                full = (u.path("first_name").asText("") + " " + u.path("last_name").asText("")).trim();
            }
            Named n = new Named(u.path("id").asText(), full);
            users.put(n.id(), n);
            String email = u.path("email").asText("");
            if (!email.isEmpty()) {
                users.put(key(email), n);
                names.get("users").add(email);
            }
        }
    }

    void addRoles(JsonNode list) {
        Map<String, Named> roles = byType.get("roles");
        for (JsonNode r : iterable(list)) {
            Named n = new Named(r.path("id").asText(), r.path("name").asText());
            roles.put(n.id(), n);
            roles.putIfAbsent(key(n.name()), n);
            String label = r.path("display_label").asText("");
            if (!label.isEmpty()) {
                roles.putIfAbsent(key(label), n);
            }
            names.get("roles").add(n.name());
        }
    }

    void addTerritories(JsonNode list) {
        Map<String, Named> territories = byType.get("territories");
        for (JsonNode t : iterable(list)) {
            Named n = new Named(t.path("id").asText(), t.path("name").asText());
            territories.put(n.id(), n);
            territories.putIfAbsent(key(n.name()), n);
            names.get("territories").add(n.name());
        }
    }

    /** The group named or numbered by {@code value}; null when unknown. */
    public Group group(String value) {
        Group g = groups.get(value.trim());
        return g != null ? g : groups.get(key(value));
    }

    /** A member of the given type ({@code users} by e-mail or id; others by name or id); null when unknown. */
    public Named member(String type, String value) {
        if (type.equals("groups")) {
            Group g = group(value);
            return g == null ? null : new Named(g.id(), g.name());
        }
        Map<String, Named> index = byType.get(type);
        Named n = index.get(value.trim());
        return n != null ? n : index.get(key(value));
    }

    /** The valid names of a type, for an error message (at most 20 of them). */
    public String validNames(String type) {
        List<String> all = names.get(type);
        String shown = String.join(", ", all.subList(0, Math.min(20, all.size())));
        return all.size() > 20 ? shown + ", … (" + all.size() + " in all)" : shown;
    }

    private static Iterable<JsonNode> iterable(JsonNode list) {
        return list == null || !list.isArray() ? List.of() : list;
    }

    private static String key(String s) {
        return "name:" + s.trim().toLowerCase(Locale.ROOT);
    }
}
