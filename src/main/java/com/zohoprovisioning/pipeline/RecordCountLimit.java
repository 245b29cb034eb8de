package com.zohoprovisioning.pipeline;

import java.io.IOException;

/**
 * A file with more records than {@code provisioning.max-records} is rejected before any record is sent, so a
 * runaway export never reaches Zoho half-applied. Only files big enough to hold that many records (two bytes each
 * at least) are counted, in a first pass that stops one record past the limit.
 */
final class RecordCountLimit {

    /** Opens the file's records for the counting pass. */
    @FunctionalInterface
    interface Opener {
        RecordSource open() throws IOException;
    }

    private RecordCountLimit() {
    }

    static void check(FileHead head, ReaderSettings settings, Opener records) throws IOException {
        if (head.size() / 2 < settings.maxRecords()) {
            return;
        }
        try (RecordSource counting = records.open()) {
            long n = 0;
            while (counting.hasNext()) {
                counting.next();
                if (++n > settings.maxRecords()) {
                    throw new FileRejectedException("the file holds more than " + settings.maxRecords()
                            + " records, over the limit (provisioning.max-records): split it into smaller files");
                }
            }
        }
    }
}
