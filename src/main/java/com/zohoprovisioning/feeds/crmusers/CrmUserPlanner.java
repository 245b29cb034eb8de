package com.zohoprovisioning.feeds.crmusers;

import com.zohoprovisioning.feeds.users.UserLookups;
import com.zohoprovisioning.feeds.users.UserRequests;
import com.zohoprovisioning.feeds.users.UserValidator;
import com.zohoprovisioning.pipeline.FileRun;
import com.zohoprovisioning.pipeline.RunProperties;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;
import com.zohoprovisioning.pipeline.RecordOutcomes;
import org.apache.camel.Exchange;

import java.util.List;
import java.util.Map;

/**
 * Decides what a CRM user record becomes: {@code add} (POST /crm/v6/users), {@code update} (PUT
 * /crm/v6/users/{id}: fields, and {@code status} inactive/active to deactivate or reactivate) or no call. Zoho CRM
 * refuses a status it already has (ID_ALREADY_ACTIVE / ID_ALREADY_DEACTIVATED) and any change to a deactivated user,
 * so both are compared with the users list first: a status already held is {@code unchanged}, and changes to a
 * deactivated user that the row does not reactivate are this row's error (USER_DEACTIVATED), not a call Zoho refuses.
 * A reactivation and the row's other changes go in one PUT. Only fields that differ from what Zoho holds are sent;
 * defaults (feed settings, mapping profiles) only when adding. In roster mode a row without a status for a deactivated
 * user reactivates it ({@code activated}): the file is everyone who should be active.
 */
public class CrmUserPlanner {

    /** Writable on add and update for another user. */
    static final List<String> SENT_FIELDS = List.of("first_name", "last_name", "email", "role", "profile", "phone",
            "mobile", "fax", "dob", "alias", "street", "city", "state", "zip", "country", "website", "locale",
            "country_locale", "date_format", "time_format", "decimal_separator", "number_separator", "signature",
            "status");
    static final List<String> ADD_REQUIRED = List.of("first_name", "last_name", "email", "role", "profile");
    /** Only the user may change these (Zoho: INVALID_DATA / NOT_ALLOWED for another user): never sent, but said. */
    static final List<String> SELF_ONLY = List.of("time_zone", "language");

    public void plan(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        UserLookups lookups = run.lookups(UserLookups.class);
        Map<String, Object> user = UserRequests.fields(r, lookups, SENT_FIELDS, "CRM");
        String action = UserValidator.action(r);
        UserLookups.User existing = r.get("id") != null ? lookups.userById(r.get("id")) : lookups.user(r.get("email"));
        String id = r.get("id") != null ? r.get("id") : existing == null ? null : existing.id();
        String noCall = run.dryRun() ? "validated" : "unchanged";
        noteSelfOnly(exchange, r, existing);

        if (UserRequests.reconciled(exchange, r, existing, run.dryRun())) {
            return;
        }
        boolean add = action.equals("add") || (action.equals("upsert") && id == null);
        if (!add && id == null) {
            throw new RecordException("USER_NOT_FOUND", "no CRM user has the e-mail '" + r.get("email")
                    + "' (action " + action + " needs an existing user; use upsert or add to create one)");
        }
        if (add) {
            if (!UserRequests.inactiveNewcomer(exchange, r, user, "CRM", run.dryRun())) {
                UserRequests.requireForAdd(user, ADD_REQUIRED);
                UserRequests.request(exchange, "add", user, "created", null, r);
            }
            return;
        }
        user.keySet().removeIf(r::isDefault);
        boolean rehire = UserRequests.rosterReactivates(run, action, user, existing);
        Object written = rehire ? "active" : user.remove("status");
        String wanted = action.equals("activate") ? "active" : action.equals("deactivate") ? "inactive"
                : written == null ? null : written.toString();
        boolean inactive = existing != null && existing.inactive();
        boolean statusChange = wanted != null && (existing == null || wanted.equals("active") == inactive);
        if (existing != null) {
            UserRequests.dropUnchanged(user, existing);
        }
        if (user.isEmpty() && !statusChange) {
            RecordOutcomes.noCall(exchange, noCall, id, wanted == null ? "Zoho already holds these values: no call made"
                    : "the CRM user is already " + (inactive ? "deactivated" : "active") + " and holds these values: no call made");
            return;
        }
        if (inactive && !"active".equals(wanted)) {
            throw new RecordException("USER_DEACTIVATED", "the CRM user '" + r.get("email") + "' is deactivated and Zoho "
                    + "refuses changes to a deactivated user (" + String.join(", ", user.keySet()) + "); reactivate it in "
                    + "the same row (status active or action activate), or leave the row out");
        }
        if (statusChange) {
            user.put("status", wanted);
        }
        String verb = !statusChange ? "updated" : wanted.equals("active") ? "activated" : "deactivated";
        user.put("id", id);
        UserRequests.request(exchange, "update", user, verb, id, r);
    }

    /** A row's time_zone or language that differs from Zoho's is not sent: its result says so instead of dropping it. */
    private static void noteSelfOnly(Exchange exchange, InputRecord r, UserLookups.User existing) {
        List<String> unsent = SELF_ONLY.stream().filter(f -> r.get(f) != null && !r.isDefault(f))
                .filter(f -> existing == null || !r.get(f).equals(existing.fields().get(f))).toList();
        if (!unsent.isEmpty()) {
            exchange.setVariable(RecordOutcomes.NOTE, String.join(" and ", unsent) + " not sent: Zoho lets only the user"
                    + " change their own (in their CRM settings)");
        }
    }
}
