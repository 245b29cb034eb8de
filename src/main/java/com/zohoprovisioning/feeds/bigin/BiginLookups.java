package com.zohoprovisioning.feeds.bigin;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Bigin roles, profiles and users of one file's run, loaded once: names and e-mails to IDs. */
public final class BiginLookups {

    /** A role or profile: its id and the names it answers to. */
    record Named(String id, String name, String label) {
    }

    /** What the users list says of a user, for update and unchanged detection. */
    record User(String id, String status, Map<String, String> fields) {
    }

    private final Map<String, Named> roles = new HashMap<>();
    private final Map<String, Named> profiles = new HashMap<>();
    private final List<String> roleNames = new ArrayList<>();
    private final List<String> profileNames = new ArrayList<>();
    private final Map<String, User> usersByEmail = new HashMap<>();

    void addRoles(JsonNode list) {
        add(list, roles, roleNames);
    }

    void addProfiles(JsonNode list) {
        add(list, profiles, profileNames);
    }

    private static void add(JsonNode list, Map<String, Named> index, List<String> names) {
        if (list == null) {
            return;
        }
        for (JsonNode n : list) {
            Named named = new Named(n.path("id").asText(), n.path("name").asText(), n.path("display_label").asText(""));
            index.put(named.id(), named);
            index.putIfAbsent(key(named.name()), named);
            if (!named.label().isEmpty()) {
                index.putIfAbsent(key(named.label()), named);
            }
            names.add(named.label().isEmpty() || named.label().equals(named.name()) ? named.name()
                    : named.label() + " (" + named.name() + ")");
        }
    }

    void addUsers(JsonNode list) {
        if (list == null) {
            return;
        }
        for (JsonNode u : list) {
            Map<String, String> fields = new LinkedHashMap<>();
            u.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isObject()) {
                    fields.put(e.getKey(), v.path("id").asText(""));
                } else if (!v.isNull() && !v.isArray()) {
                    fields.put(e.getKey(), v.asText());
                }
            });
            String email = u.path("email").asText("").toLowerCase(Locale.ROOT);
            if (!email.isEmpty()) {
                usersByEmail.put(email, new User(u.path("id").asText(), u.path("status").asText("active"), fields));
            }
        }
    }

    /** The role's id for a name, display label or id; null when unknown. */
    String roleId(String value) {
        Named n = roles.get(value);
        n = n != null ? n : roles.get(key(value));
        return n == null ? null : n.id();
    }

    String profileId(String value) {
        Named n = profiles.get(value);
        n = n != null ? n : profiles.get(key(value));
        return n == null ? null : n.id();
    }

    List<String> roleNames() {
        return roleNames;
    }

    List<String> profileNames() {
        return profileNames;
    }

    User user(String email) {
        return email == null ? null : usersByEmail.get(email.toLowerCase(Locale.ROOT));
    }

    int userCount() {
        return usersByEmail.size();
    }

    private static String key(String s) {
        return "name:" + s.trim().toLowerCase(Locale.ROOT);
    }
}
