package com.zohoprovisioning.pipeline;

import java.util.List;

/**
 * What the generic pipeline needs to know of a feed: its name (the inbox subfolder), the columns a file must
 * have (each entry may list alternatives: {@code email|account_id}), the field that keys a record, and what
 * happens to a second record with the same key: {@code REJECT} (DUPLICATE_IN_FILE) or {@code SERIALIZE}
 * (applied in file order, never concurrently).
 */
public record FeedDefinition(String name, List<String> requiredColumns, String keyField, SameKey sameKey,
                             FieldMapping mapping, ReaderSettings reader) {

    public enum SameKey { REJECT, SERIALIZE }
}
