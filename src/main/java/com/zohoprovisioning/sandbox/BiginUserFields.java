package com.zohoprovisioning.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import static com.zohoprovisioning.sandbox.ZohoUsers.fieldError;

/** The fields a Bigin user's body may carry, and their checks (add and update alike). */
final class BiginUserFields {

    static final Set<String> FIELDS = Set.of("id", "first_name", "last_name", "full_name", "email", "role", "profile",
            "phone", "mobile", "fax", "dob", "country_locale", "time_format", "time_zone", "locale", "language",
            "status", "alias", "website", "street", "city", "state", "zip", "country", "date_format", "signature",
            "name_format", "decimal_separator");
    private static final Pattern LOCALE = Pattern.compile("^[a-z]{2}_[A-Z]{2}$");
    private static final Set<String> TIME_FORMATS = Set.of("HH:mm", "hh:mm a");

    private BiginUserFields() {
    }

    /** The first refused field of the body; null when they are all valid. */
    static SandboxResponse check(BiginUserStore store, JsonNode in) {
        Iterator<String> names = in.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!FIELDS.contains(f)) {
                return fieldError("INVALID_DATA", "invalid data", f);
            }
            if (!in.get(f).isTextual() && !in.get(f).isNumber()) {
                return fieldError("INVALID_DATA", "invalid data", f);
            }
        }
        if (in.has("email")) {
            String email = in.get("email").asText();
            if (email.toLowerCase().endsWith("@skydesk.jp")) {
                return fieldError("INVALID_DATA", "Email Id should not contain @skydesk.jp. Please choose a different email id", "email");
            }
            if (!ZohoUsers.EMAIL.matcher(email).matches()) {
                return fieldError("INVALID_DATA", "Invalid Email Id. Please choose a different email id", "email");
            }
        }
        if (in.has("role") && store.byId("roles", in.get("role").asText()) == null) {
            return fieldError("INVALID_DATA", "invalid data", "role");
        }
        if (in.has("profile") && store.byId("profiles", in.get("profile").asText()) == null) {
            return fieldError("INVALID_DATA", "invalid data", "profile");
        }
        if (in.has("dob")) {
            try {
                LocalDate.parse(in.get("dob").asText());
            } catch (DateTimeParseException e) {
                return fieldError("INVALID_DATA", "invalid data", "dob");
            }
        }
        if (in.has("status") && !Set.of("active", "inactive").contains(in.get("status").asText())) {
            return fieldError("INVALID_DATA", "invalid data", "status");
        }
        if (in.has("time_format") && !TIME_FORMATS.contains(in.get("time_format").asText())) {
            return fieldError("INVALID_DATA", "invalid data", "time_format");
        }
        if (in.has("country_locale") && !LOCALE.matcher(in.get("country_locale").asText()).matches()) {
            return fieldError("INVALID_DATA", "invalid data", "country_locale");
        }
        return null;
    }
}
