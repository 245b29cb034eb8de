package com.zohoprovisioning.feeds.bigin;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import com.zohoprovisioning.pipeline.RunProperties;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides what a Bigin user record becomes, and builds that one request: POST /bigin/v1/users to add, PUT
 * /bigin/v1/users/{id} to update, activate or deactivate, with role and profile names turned into IDs. An update
 * sends only present, non-empty fields that differ from what Zoho holds; when none differ, no call is made
 * ({@code unchanged}). A value that came from a default (a feed setting or a mapping profile) is sent only when
 * adding a user, never to change an existing one; an upsert of an unknown user whose status is inactive (disabled in
 * the source export) creates nobody ({@code unchanged}). In a dry run nothing is sent ({@code validated}), and the
 * message shows the mapped fields that would be.
 */
public class BiginUserRequestBuilder {

    static final List<String> SENT_FIELDS = List.of("first_name", "last_name", "email", "role", "profile", "phone",
            "mobile", "fax", "dob", "country_locale", "time_format", "time_zone", "locale", "language", "alias",
            "website", "street", "city", "state", "zip", "country", "date_format", "signature", "name_format",
            "decimal_separator", "status");
    public static final String CALL = "zpCall";

    public void plan(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        BiginLookups lookups = run.lookups(BiginLookups.class);
        Map<String, Object> user = fields(r, lookups);
        String action = BiginUserValidator.action(r);
        BiginLookups.User existing = r.get("id") != null ? null : lookups.user(r.get("email"));
        String id = r.get("id") != null ? r.get("id") : existing == null ? null : existing.id();

        if ("POST".equals(r.inDoubt()) && existing != null && !run.dryRun()) {
            RecordOutcomes.noCall(exchange, "created", existing.id(), "reconciled: an earlier run sent this add and was "
                    + "interrupted before the answer; the user exists (found by e-mail), so it was not sent again");
            exchange.setProperty(CALL, false);
            return;
        }
        boolean add = action.equals("add") || (action.equals("upsert") && id == null);
        if (!add && id == null) {
            throw new RecordException("USER_NOT_FOUND", "no Bigin user has the e-mail '" + r.get("email")
                    + "' (action " + action + " needs an existing user; use upsert or add to create one)");
        }
        if (add && action.equals("upsert") && "inactive".equals(user.get("status"))) {
            RecordOutcomes.noCall(exchange, run.dryRun() ? "validated" : "unchanged", null, (run.dryRun() ? "dry run: " : "")
                    + "no Bigin user has the e-mail '" + r.get("email") + "' and the record is inactive: nobody is created");
            exchange.setProperty(CALL, false);
            return;
        }
        if (add) {
            List<String> missing = new ArrayList<>();
            for (String f : BiginUserValidator.ADD_REQUIRED) {
                if (!user.containsKey(f)) {
                    missing.add(f + ": missing (required to add a user)");
                }
            }
            if (!missing.isEmpty()) {
                throw new RecordException("VALIDATION_FAILED", String.join("; ", missing));
            }
            user.remove("status");
            request(exchange, "POST", "/bigin/v1/users", "POST /bigin/v1/users", user, "created", null);
        } else {
            user.keySet().removeIf(r::isDefault);
            if (action.equals("activate")) {
                user.put("status", "active");
            } else if (action.equals("deactivate")) {
                user.put("status", "inactive");
            } else if (existing != null) {
                dropUnchanged(user, existing);
                if (user.isEmpty()) {
                    RecordOutcomes.noCall(exchange, run.dryRun() ? "validated" : "unchanged", id,
                            "Zoho already holds these values: no call made");
                    exchange.setProperty(CALL, false);
                    return;
                }
            }
            Object status = user.get("status");
            String verb = "active".equals(status) ? "activated" : "inactive".equals(status) ? "deactivated" : "updated";
            user.put("id", id);
            request(exchange, "PUT", "/bigin/v1/users/" + id, "PUT /bigin/v1/users/{id}", user, verb, id);
        }
        if (run.dryRun()) {
            RecordOutcomes.noCall(exchange, "validated", id, "dry run: would " + exchange.getProperty("zpMethod")
                    + " " + exchange.getProperty("zpPath") + " " + describe(user, r));
            exchange.setProperty(CALL, false);
        }
    }

    private static Map<String, Object> fields(InputRecord r, BiginLookups lookups) {
        Map<String, Object> user = new LinkedHashMap<>();
        for (String f : SENT_FIELDS) {
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
                throw new RecordException("UNKNOWN_ROLE", "role '" + r.get("role") + "' is not a Bigin role; valid roles: "
                        + String.join(", ", lookups.roleNames()));
            }
            user.put("role", id);
        }
        if (user.containsKey("profile")) {
            String id = lookups.profileId(r.get("profile"));
            if (id == null) {
                throw new RecordException("UNKNOWN_PROFILE", "profile '" + r.get("profile")
                        + "' is not a Bigin profile; valid profiles: " + String.join(", ", lookups.profileNames()));
            }
            user.put("profile", id);
        }
        return user;
    }

    /** The fields as sent, with role and profile names beside their IDs and defaulted fields marked. */
    static String describe(Map<String, Object> user, InputRecord r) {
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

    private static void dropUnchanged(Map<String, Object> user, BiginLookups.User existing) {
        user.entrySet().removeIf(e -> {
            String current = existing.fields().get(e.getKey());
            if (current == null) {
                return false;
            }
            return e.getKey().equals("email") ? current.equalsIgnoreCase(e.getValue().toString())
                    : current.equals(e.getValue().toString());
        });
    }

    private static void request(Exchange exchange, String method, String path, String endpoint,
                                Map<String, Object> user, String action, String knownId) {
        exchange.setProperty("zpApi", "bigin");
        exchange.setProperty("zpMethod", method);
        exchange.setProperty("zpPath", path);
        exchange.setProperty("zpQuery", null);
        exchange.setProperty("zpEndpoint", endpoint);
        exchange.setProperty(RecordOutcomes.ACTION, action);
        exchange.setProperty(RecordOutcomes.KNOWN_ID, knownId);
        exchange.setProperty(CALL, true);
        exchange.getMessage().setBody(Map.of("users", List.of(user)));
    }
}
