package com.zohoprovisioning.feeds.mailusers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ISO 3166 country codes: accepts an alpha-2 or alpha-3 code in any case (and the common {@code UK} for GB) or the
 * English country name, and gives the lower-case alpha-2 code that Zoho Mail's samples send ({@code "us"}).
 */
public final class CountryCodes {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale l = new Locale("", alpha2);
            String code = alpha2.toLowerCase(Locale.ROOT);
            CODES.put(code, code);
            try {
                CODES.put(l.getISO3Country().toLowerCase(Locale.ROOT), code);
            } catch (java.util.MissingResourceException ignored) {
                // no alpha-3 code known for this one: the alpha-2 code still works
            }
            CODES.putIfAbsent(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        CODES.put("uk", "gb");
        CODES.put("usa", "us");
        CODES.put("united states of america", "us");
    }

    private CountryCodes() {
    }

    /** The lower-case ISO 3166 alpha-2 code, or null when the value names no country. */
    public static String normalise(String written) {
        return written == null ? null : CODES.get(written.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }
}
