package com.zohoprovisioning.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Roster mode: an active Zoho user absent from the file, as the leavers' result files show them ({@link #COLUMNS}).
 * {@code profile} is the profile's name.
 */
public record Leaver(String id, String email, String firstName, String lastName, String profile) {

    /** The columns of {@code <stem>.leavers.<ext>}, before the {@code result_*} fields. */
    public static final List<String> COLUMNS = List.of("email", "id", "first_name", "last_name", "profile");

    /** As a record of the leavers' result file, numbered {@code n} (its {@code result_row}). */
    InputRecord asRecord(long n) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", email);
        values.put("id", id);
        values.put("first_name", firstName);
        values.put("last_name", lastName);
        values.put("profile", profile);
        Map<String, String> fields = new LinkedHashMap<>();
        values.forEach((k, v) -> fields.put(k, v == null ? "" : v.toString()));
        return new InputRecord(n, values, fields, null);
    }
}
