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
     * An add that an interrupted run sent without getting the answer, when the user now exists (found by e-mail):
     * reconciled as {@code created}, not sent again. True when so.
     */
    public static boolean reconciled(Exchange exchange, InputRecord r, UserLookups.User existing, boolean dryRun) {
        if (!"POST".equals(r.inDoubt()) || existing == null || dryRun) {
            return false;
        }
        RecordOutcomes.noCall(exchange, "created", existing.id(), "reconciled: an earlier run sent this add and was "
                + "interrupted before the answer; the user exists (found by e-mail), so it was not sent again");
        return true;
    }

    /** An upsert of an unknown user whose status is inactive (disabled in the export) creates nobody. True when so. */
    public static boolean inactiveNewcomer(Exchange exchange, InputRecord r, Map<String, Object> user, String product,
                                           boolean dryRun) {
        if (!"upsert".equals(UserValidator.action(r)) || !"inactive".equals(user.get("status"))) {
            return false;
        }
        RecordOutcomes.noCall(exchange, dryRun ? "validated" : "unchanged", null, (dryRun ? "dry run: " : "")
                + "no " + product + " user has the e-mail '" + r.get("email") + "' and the record is inactive: nobody is created");
        return true;
    }

    /**
     * Roster mode: the file lists everyone who should be active, so an upsert or update row that names no status (a
     * default is never sent on update) for a user deactivated in Zoho reactivates that user (a rehire). True when so.
     * An explicit {@code status=inactive} or {@code action=deactivate} is the row's word and stays.
     */
    public static boolean rosterReactivates(com.zohoprovisioning.pipeline.FileRun run, String action,
                                            Map<String, Object> user, UserLookups.User existing) {
        return run.roster() != null && (action.equals("upsert") || action.equals("update")) && !user.containsKey("status")
                && existing != null && existing.inactive();
    }

    /** The fields an add needs that the record lacks, each named (VALIDATION_FAILED); the status is not sent on add. */
    public static void requireForAdd(Map<String, Object> user, List<String> required) {
        List<String> missing = new java.util.ArrayList<>();
        for (String f : required) {
            if (!user.containsKey(f)) {
                missing.add(f + ": missing (required to add a user)");
            }
        }
        if (!missing.isEmpty()) {
            throw new RecordException("VALIDATION_FAILED", String.join("; ", missing));
        }
        user.remove("status");
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
