package com.zohoprovisioning.feeds.mailusers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Turns what HR exports write for gender into Zoho Mail's MALE, FEMALE, NON_BINARY or NOT_SPECIFIED. */
public final class MailGender {

    public static final String ALLOWED = "MALE, FEMALE, NON_BINARY, NOT_SPECIFIED";
    private static final Map<String, String> WORDS = new HashMap<>();

    static {
        words("MALE", "male", "m", "man", "masculine");
        words("FEMALE", "female", "f", "woman", "feminine");
        words("NON_BINARY", "non_binary", "nonbinary", "non binary", "non-binary", "nb", "enby", "genderqueer");
        words("NOT_SPECIFIED", "not_specified", "not specified", "unspecified", "not-specified", "prefer not to say",
                "prefer not to disclose", "undisclosed", "unknown", "n/a", "na", "none");
    }

    private MailGender() {
    }

    private static void words(String value, String... words) {
        for (String w : words) {
            WORDS.put(w, value);
        }
    }

    /** Zoho's value for a written gender, or null when it is none of them. */
    public static String normalise(String written) {
        if (written == null) {
            return null;
        }
        String w = written.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return WORDS.get(w);
    }
}
