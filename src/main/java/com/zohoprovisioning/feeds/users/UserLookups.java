package com.zohoprovisioning.feeds.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.zohoprovisioning.pipeline.RosterDirectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The roles, profiles and users of one file's run of a user feed (Bigin, CRM), loaded once: names and e-mails to
 * IDs, and what Zoho holds of each user (for updates and unchanged detection).
 */
public final class UserLookups implements RosterDirectory, com.zohoprovisioning.pipeline.KeysById {

    /** A role or profile: its id and the names it answers to. */
    public record Named(String id, String name, String label) {
    }

    /** What the users list says of a user, for update and unchanged detection. */
    public record User(String id, String status, Map<String, String> fields) {

        /** Deactivated: {@code inactive}, or {@code disabled} as CRM's lists may show it. */
        public boolean inactive() {
            return "inactive".equals(status) || "disabled".equals(status);
        }
    }

    private final Map<String, Named> roles = new HashMap<>();
    private final Map<String, Named> profiles = new HashMap<>();
    private final List<String> roleNames = new ArrayList<>();
    private final List<String> profileNames = new ArrayList<>();
    private final Map<String, User> usersByEmail = new HashMap<>();
    private final Map<String, User> usersById = new HashMap<>();
    private final List<DirectoryUser> directory = new ArrayList<>();
    private String ownUserId;
    private String primaryZuid;
    private String primaryEmail;

    public void addRoles(JsonNode list) {
        add(list, roles, roleNames);
    }

    public void addProfiles(JsonNode list) {
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

    public void addUsers(JsonNode list) {
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
            User user = new User(u.path("id").asText(), u.path("status").asText("active"), fields);
            usersById.put(user.id(), user);
            directory.add(new DirectoryUser(user.id(), email, user.status(), u.path("first_name").asText(""),
                    u.path("last_name").asText(""), fields.get("profile")));
            if (!email.isEmpty()) {
                usersByEmail.put(email, user);
            }
        }
    }

    /** The token's own user, from the users list's CurrentUser answer (roster mode protects it). */
    public void addCurrentUser(JsonNode list) {
        if (list != null && list.size() > 0) {
            ownUserId = list.get(0).path("id").asText(null);
        }
    }

    /** The org's primary contact, from the org lookup's answer ({@code primary_zuid}, {@code primary_email}). */
    public void addOrg(JsonNode list) {
        JsonNode org = list == null ? null : list.isArray() ? list.path(0) : list;
        if (org != null) {
            primaryZuid = text(org.path("primary_zuid"));
            String email = text(org.path("primary_email"));
            primaryEmail = email == null ? null : email.toLowerCase(Locale.ROOT);
        }
    }

    private static String text(JsonNode n) {
        return n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText().trim() : null;
    }

    @Override
    public Iterable<DirectoryUser> directoryUsers() {
        return directory;
    }

    @Override
    public Map<String, String> userFields(String id) {
        User u = userById(id);
        return u == null ? Map.of() : u.fields();
    }

    @Override
    public String profileName(String profileId) {
        Named n = profileId == null ? null : profiles.get(profileId);
        return n == null ? null : n.name();
    }

    @Override
    public String ownUserId() {
        return ownUserId;
    }

    /** The user whose zuid is the org's {@code primary_zuid}, else whose e-mail is its {@code primary_email}. */
    @Override
    public String primaryContactId() {
        if (primaryZuid != null) {
            for (User u : usersById.values()) {
                if (primaryZuid.equals(u.fields().get("zuid"))) {
                    return u.id();
                }
            }
        }
        User u = primaryEmail == null ? null : usersByEmail.get(primaryEmail);
        return u == null ? null : u.id();
    }

    /** The role's id for a name, display label or id; null when unknown. */
    public String roleId(String value) {
        Named n = roles.get(value);
        n = n != null ? n : roles.get(key(value));
        return n == null ? null : n.id();
    }

    public String profileId(String value) {
        Named n = profiles.get(value);
        n = n != null ? n : profiles.get(key(value));
        return n == null ? null : n.id();
    }

    public List<String> roleNames() {
        return roleNames;
    }

    public List<String> profileNames() {
        return profileNames;
    }

    public User user(String email) {
        return email == null ? null : usersByEmail.get(email.toLowerCase(Locale.ROOT));
    }

    /** The user with this Zoho id, or null. */
    public User userById(String id) {
        return id == null ? null : usersById.get(id.trim());
    }

    /** A row naming a user by id is keyed by the user's e-mail, so a row naming the same user by e-mail is a duplicate. */
    @Override
    public String keyOf(com.zohoprovisioning.pipeline.InputRecord r) {
        String id = r.get("id");
        if (id == null) {
            return null;
        }
        User u = userById(id);
        String email = u == null ? null : u.fields().get("email");
        return email != null ? email : "id " + id.trim();
    }

    public int userCount() {
        return usersByEmail.size();
    }

    private static String key(String s) {
        return "name:" + s.trim().toLowerCase(Locale.ROOT);
    }
}
