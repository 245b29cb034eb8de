package com.zohoprovisioning.feeds.biginusers;

import com.zohoprovisioning.feeds.users.UserLookups;
import com.zohoprovisioning.feeds.users.UserRequests;
import com.zohoprovisioning.feeds.users.UserValidator;

import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import org.apache.camel.Exchange;

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
 * the source export) creates nobody ({@code unchanged}). In roster mode a row without a status for a deactivated user
 * reactivates it ({@code activated}): the file is everyone who should be active. In a dry run nothing is sent
 * ({@code validated}), and the message shows the mapped fields that would be.
 */
public class BiginUserRequestBuilder {

    static final List<String> SENT_FIELDS = List.of("first_name", "last_name", "email", "role", "profile", "phone",
            "mobile", "fax", "dob", "country_locale", "time_format", "time_zone", "locale", "language", "alias",
            "website", "street", "city", "state", "zip", "country", "date_format", "signature", "name_format",
            "decimal_separator", "status");
    /** What a Bigin add needs (the add-user page). */
    static final List<String> ADD_REQUIRED = List.of("last_name", "email", "role", "profile");

    public void plan(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        UserLookups lookups = run.lookups(UserLookups.class);
        Map<String, Object> user = UserRequests.fields(r, lookups, SENT_FIELDS, "Bigin");
        String action = UserValidator.action(r);
        UserLookups.User existing = r.get("id") != null ? null : lookups.user(r.get("email"));
        String id = r.get("id") != null ? r.get("id") : existing == null ? null : existing.id();

        if (UserRequests.reconciled(exchange, r, existing, run.dryRun())) {
            return;
        }
        boolean add = action.equals("add") || (action.equals("upsert") && id == null);
        if (!add && id == null) {
            throw new RecordException("USER_NOT_FOUND", "no Bigin user has the e-mail '" + r.get("email")
                    + "' (action " + action + " needs an existing user; use upsert or add to create one)");
        }
        if (add && UserRequests.inactiveNewcomer(exchange, r, user, "Bigin", run.dryRun())) {
            return;
        }
        if (add) {
            UserRequests.requireForAdd(user, ADD_REQUIRED);
            UserRequests.request(exchange, "add", user, "created", null, r);
        } else {
            user.keySet().removeIf(r::isDefault);
            if (action.equals("activate")) {
                user.put("status", "active");
            } else if (action.equals("deactivate")) {
                user.put("status", "inactive");
            } else if (UserRequests.rosterReactivates(run, action, user, existing != null ? existing
                    : lookups.userById(r.get("id")))) {
                if (existing != null) {
                    UserRequests.dropUnchanged(user, existing);
                }
                user.put("status", "active");
            } else if (existing != null) {
                UserRequests.dropUnchanged(user, existing);
                if (user.isEmpty()) {
                    RecordOutcomes.noCall(exchange, run.dryRun() ? "validated" : "unchanged", id,
                            "Zoho already holds these values: no call made");
                            return;
                }
            }
            Object status = user.get("status");
            String verb = "active".equals(status) ? "activated" : "inactive".equals(status) ? "deactivated" : "updated";
            user.put("id", id);
            UserRequests.request(exchange, "update", user, verb, id, r);
        }
    }
}
