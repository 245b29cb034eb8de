package com.zohoprovisioning.pipeline;

/**
 * Lookups that know the key of a record that names its object by Zoho id instead of by its key field (a user row
 * with {@code id} and no {@code email}), so that two rows for the same object are one key for the file's order.
 */
public interface KeysById {

    /** The key of the object the record's id names (its e-mail, as the lookups know it), or null. */
    String keyOf(InputRecord r);
}
