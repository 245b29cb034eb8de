package com.zohoprovisioning.feeds.users;

import com.zohoprovisioning.pipeline.EmailSyntax;
import com.zohoprovisioning.pipeline.HiddenCharacters;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a user record (Bigin, CRM) before any call, per the products' add-user and update-user pages, and names
 * every bad field: {@code action}, e-mail syntax and no address at a domain the product refuses, {@code dob} as
 * yyyy-MM-dd, {@code status} active/inactive, {@code time_format}, {@code country_locale}; for {@code add}, the
 * product's mandatory fields.
 */
public class UserValidator {

    public static final Set<String> ACTIONS = Set.of("upsert", "add", "update", "activate", "deactivate");
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}_[A-Z]{2}$");
    private static final Set<String> TIME_FORMATS = Set.of("HH:mm", "hh:mm a");

    private final List<String> addRequired;
    private final Set<String> refusedDomains;

    /** {@code addRequired}: the fields an add needs; {@code refusedDomains}: e-mail domains the product refuses. */
    public UserValidator(List<String> addRequired, Set<String> refusedDomains) {
        this.addRequired = List.copyOf(addRequired);
        this.refusedDomains = Set.copyOf(refusedDomains);
    }

    public List<String> addRequired() {
        return addRequired;
    }

    public void validate(InputRecord r) {
        List<String> problems = new ArrayList<>();
        String action = action(r);
        if (!ACTIONS.contains(action)) {
            problems.add("action: '" + r.get("action") + "' is not one of upsert, add, update, activate, deactivate");
        }
        String email = r.get("email");
        if (email == null && r.get("id") == null) {
            problems.add("email: missing");
        } else if (email != null && HiddenCharacters.problem("email", email) != null) {
            problems.add(HiddenCharacters.problem("email", email));
        } else if (email != null) {
            String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (refusedDomains.contains(domain)) {
                problems.add("email: addresses at @" + domain + " are not allowed by Zoho");
            } else if (EmailSyntax.problem("email", email) != null) {
                problems.add(EmailSyntax.problem("email", email));
            }
        }
        String id = r.get("id");
        if (id != null && !id.trim().matches("[0-9]+")) {
            // Zoho ids are long whole numbers: Excel shows 554023000000691003 as 5.54023E+17, and keeps it so
            problems.add("id: '" + id + "' is not a Zoho id (digits only)" + (id.matches("(?i)\\s*[0-9.,]+e\\+?[0-9]+\\s*")
                    ? ": Excel turned it into a rounded number; format the id column as Text and export again" : ""));
        }
        if (action.equals("add")) {
            for (String f : addRequired) {
                if (!f.equals("email") && r.get(f) == null) {
                    problems.add(f + ": missing (required to add a user)");
                }
            }
        }
        String dob = r.get("dob");
        if (dob != null) {
            try {
                LocalDate.parse(dob);
            } catch (DateTimeParseException e) {
                problems.add("dob: '" + dob + "' is not a date as yyyy-MM-dd");
            }
        }
        String status = r.get("status");
        if (status != null && !Set.of("active", "inactive").contains(status.toLowerCase(Locale.ROOT))) {
            problems.add("status: '" + status + "' is not active or inactive");
        }
        String tf = r.get("time_format");
        if (tf != null && !TIME_FORMATS.contains(tf)) {
            problems.add("time_format: '" + tf + "' is not HH:mm or hh:mm a");
        }
        String locale = r.get("country_locale");
        if (locale != null && !LOCALE.matcher(locale).matches()) {
            problems.add("country_locale: '" + locale + "' is not a locale such as en_US");
        }
        if ((action.equals("activate") && "inactive".equalsIgnoreCase(status))
                || (action.equals("deactivate") && "active".equalsIgnoreCase(status))) {
            problems.add("status: '" + status + "' contradicts action " + action);
        }
        if (!problems.isEmpty()) {
            throw new RecordException("VALIDATION_FAILED", String.join("; ", problems));
        }
    }

    public static String action(InputRecord r) {
        String a = r.get("action");
        return a == null ? "upsert" : a.toLowerCase(Locale.ROOT);
    }
}
