package com.zohoprovisioning.feeds.mailusers;

import com.zohoprovisioning.pipeline.EmailSyntax;
import com.zohoprovisioning.pipeline.HiddenCharacters;
import com.zohoprovisioning.pipeline.InputRecord;
import com.zohoprovisioning.pipeline.RecordException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a mail-users record before any call and names every bad field: an e-mail address (or account_id and
 * zuid, both numbers), gender (MALE, FEMALE, NON_BINARY, NOT_SPECIFIED or a common word for one), country (an ISO
 * 3166 code), plausible phone numbers, and at least one personal-info field to update.
 */
public class MailUserValidator {

    /** Our field names of the personal info the PUT can change. */
    static final List<String> INFO_FIELDS = List.of("first_name", "last_name", "display_name", "gender", "country",
            "phone_number", "mobile_number", "street", "city", "postal_code", "state");
    private static final Pattern DIGITS = Pattern.compile("^\\d{1,19}$");
    private static final Pattern PHONE = Pattern.compile(
            "^\\+?[0-9()\\-. /]+(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,6})?$", Pattern.CASE_INSENSITIVE);

    public void validate(InputRecord r) {
        List<String> problems = new ArrayList<>();
        String email = r.get("email");
        if (email == null && !(r.has("account_id") && r.has("zuid"))) {
            problems.add(r.has("account_id") || r.has("zuid")
                    ? "zuid, account_id: both are needed when there is no email" : "email: missing");
        } else if (email != null && HiddenCharacters.problem("email", email) != null) {
            problems.add(HiddenCharacters.problem("email", email));
        } else if (email != null && EmailSyntax.problem("email", email) != null) {
            problems.add(EmailSyntax.problem("email", email));
        }
        for (String id : List.of("account_id", "zuid")) {
            String v = r.get(id);
            if (v != null && !DIGITS.matcher(v).matches()) {
                problems.add(id + ": '" + v + "' is not a Zoho id (digits only)");
            }
        }
        String gender = r.get("gender");
        if (gender != null && MailGender.normalise(gender) == null) {
            problems.add("gender: '" + gender + "' is not one of " + MailGender.ALLOWED);
        }
        String country = r.get("country");
        if (country != null && CountryCodes.normalise(country) == null) {
            problems.add("country: '" + country + "' is not an ISO 3166 country code (such as us, gb, de)");
        }
        for (String phone : List.of("phone_number", "mobile_number")) {
            String v = r.get(phone);
            if (v != null && !plausiblePhone(v)) {
                problems.add(phone + ": '" + v + "' is not a plausible phone number");
            }
        }
        if (INFO_FIELDS.stream().noneMatch(r::has)) {
            problems.add("nothing to update: none of " + String.join(", ", INFO_FIELDS) + " has a value");
        }
        if (!problems.isEmpty()) {
            throw new RecordException("VALIDATION_FAILED", String.join("; ", problems));
        }
    }

    /** Digits with the usual separators, an optional leading + and extension; 5 to 17 digits before any extension. */
    static boolean plausiblePhone(String v) {
        String s = v.trim();
        if (!PHONE.matcher(s).matches()) {
            return false;
        }
        String main = s.split("(?i)\\s*(x|ext\\.?|extension)\\s*")[0];
        long digits = main.chars().filter(Character::isDigit).count();
        return digits >= 5 && digits <= 17;
    }
}
