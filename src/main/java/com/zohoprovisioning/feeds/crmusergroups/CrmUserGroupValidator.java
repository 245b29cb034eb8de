package com.zohoprovisioning.feeds.crmusergroups;

import com.zohoprovisioning.pipeline.HiddenCharacters;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a membership record before any lookup or call, per the update-user-group page, and names every bad
 * field: {@code group} and {@code member} present, {@code member_type} one of users, roles, groups, territories,
 * {@code action} add or remove, {@code subordinates} true or false and only for roles and territories.
 */
public class CrmUserGroupValidator {

    static final Set<String> TYPES = Set.of("users", "roles", "groups", "territories");
    static final Set<String> ACTIONS = Set.of("add", "remove");

    public void validate(InputRecord r) {
        List<String> problems = new ArrayList<>();
        if (r.get("group") == null) {
            problems.add("group: missing");
        }
        if (r.get("member") == null) {
            problems.add("member: missing");
        }
        String type = memberType(r);
        if (type.equals("users") && HiddenCharacters.problem("member", r.get("member")) != null) {
            problems.add(HiddenCharacters.problem("member", r.get("member")));
        }
        if (!TYPES.contains(type)) {
            problems.add("member_type: '" + r.get("member_type") + "' is not one of users, roles, groups, territories");
        }
        if (!ACTIONS.contains(action(r))) {
            problems.add("action: '" + r.get("action") + "' is not add or remove");
        }
        String sub = r.get("subordinates");
        if (sub != null) {
            if (subordinates(r) == null) {
                problems.add("subordinates: '" + sub + "' is not true or false");
            } else if (TYPES.contains(type) && !type.equals("roles") && !type.equals("territories")) {
                problems.add("subordinates: only for member_type roles or territories, not " + type);
            }
        }
        if (!problems.isEmpty()) {
            throw new RecordException("VALIDATION_FAILED", String.join("; ", problems));
        }
    }

    /** users (default), roles, groups or territories; singular forms are read as plural. */
    static String memberType(InputRecord r) {
        String t = r.get("member_type");
        if (t == null) {
            return "users";
        }
        t = t.toLowerCase(Locale.ROOT);
        return Set.of("user", "role", "group", "territory").contains(t)
                ? (t.equals("territory") ? "territories" : t + "s") : t;
    }

    static String action(InputRecord r) {
        String a = r.get("action");
        return a == null ? "add" : a.toLowerCase(Locale.ROOT);
    }

    /** The subordinates flag: null when absent or not a boolean. */
    static Boolean subordinates(InputRecord r) {
        String s = r.get("subordinates");
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "no", "n", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
