package com.zohoprovisioning.feeds.users;

import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The request of one user record (Bigin, CRM): its fields, what differs from Zoho, and the planned call. */
public final class UserRequests {

    private UserRequests() {
    }

    /**
     * The record's fields a user call sends ({@code sent}, those present), status lower-cased, role and profile
     * names turned into IDs (UNKNOWN_ROLE / UNKNOWN_PROFILE list the valid names; {@code product} names them).
     */
    public static Map<String, Object> fields(InputRecord r, UserLookups lookups, List<String> sent, String product) {
        Map<String, Object> user = new LinkedHashMap<>();
        for (String f : sent) {
            String v = r.get(f);
            if (v != null) {
                user.put(f, v);
            }
        }
        if (user.containsKey("status")) {
            user.put("status", user.get("status").toString().toLowerCase(Locale.ROOT));
        }
        if (user.containsKey("role")) {
            String id = lookups.roleId(r.get("role"));
            if (id == null) {
                throw new RecordException("UNKNOWN_ROLE", "role '" + r.get("role") + "' is not a " + product + " role; valid roles: "
                        + String.join(", ", lookups.roleNames()));
            }
            user.put("role", id);
        }
        if (user.containsKey("profile")) {
            String id = lookups.profileId(r.get("profile"));
            if (id == null) {
                throw new RecordException("UNKNOWN_PROFILE", "profile '" + r.get("profile")
                        + "' is not a " + product + " profile; valid profiles: " + String.join(", ", lookups.profileNames()));
            }
            user.put("profile", id);
        }
        return user;
    }

    /** The fields as sent, with role and profile names beside their IDs and defaulted fields marked. */
    public static String describe(Map<String, Object> user, InputRecord r) {
        StringBuilder sb = new StringBuilder("{");
        user.forEach((k, v) -> {
            sb.append(sb.length() == 1 ? "" : ", ").append(k).append('=').append(v);
            String written = r.get(k);
            if ((k.equals("role") || k.equals("profile")) && written != null && !written.equals(String.valueOf(v))) {
                sb.append(" (").append(written).append(')');
            }
            if (r.isDefault(k)) {
                sb.append(" [default]");
            }
        });
        return sb.append('}').toString();
    }

    /** Drops the fields Zoho already holds with the same value (e-mail compared case-insensitively). */
    public static void dropUnchanged(Map<String, Object> user, UserLookups.User existing) {
        user.entrySet().removeIf(e -> {
            String current = existing.fields().get(e.getKey());
            if (current == null) {
                return false;
            }
            return e.getKey().equals("email") ? current.equalsIgnoreCase(e.getValue().toString())
                    : current.equals(e.getValue().toString());
        });
    }

    /** The call the route makes ({@code add}: POST, {@code update}: PUT …/{id}), its body and, for a dry run, its summary. */
    public static void request(Exchange exchange, String call, Map<String, Object> user, String action, String id,
                                InputRecord r) {
        RecordOutcomes.plan(exchange, call, action, id);
        exchange.setVariable(com.zohoprovisioning.zoho.ZohoProducer.REQUEST_SUMMARY, describe(user, r));
        exchange.getMessage().setBody(Map.of("users", List.of(user)));
    }
}
