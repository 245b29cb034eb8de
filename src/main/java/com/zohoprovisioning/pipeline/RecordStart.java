package com.zohoprovisioning.pipeline;

import org.apache.camel.Exchange;

/**
 * The first step of a record route, and its counterpart when the record is not started: a record waits for its
 * turn (a feed that serializes a key), and one that could not be read or repeats a key fails here, before any call.
 */
public final class RecordStart {

    /**
     * The warning every row refused on purpose carries: a row refused for what else is in its file (a second record
     * for a key, DUPLICATE_IN_FILE), not for what is wrong with it. Its error file holds it without the row that came
     * first, so the same row dropped back would be sent. Other row errors come back the same when dropped back as
     * they are.
     */
    public static final String APPLIES_IF_DROPPED_BACK = "Warning: dropping this file back as it is will apply this"
            + " row; delete the row (or fix it) first if the first row was right";

    /** Keeps the record in {@code zpRecord}, waits for its turn, checks it was read and is not a duplicate. */
    public void start(Exchange exchange) {
        InputRecord r = exchange.getMessage().getBody(InputRecord.class);
        exchange.setProperty(RunProperties.RECORD, r);
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        String stopped = run.stopReason();
        if (stopped != null) {
            throw new RecordHeldException(stopped);
        }
        r.awaitTurn();
        // the record before it (same key) may have stopped the file while this one waited
        stopped = run.stopReason();
        if (stopped != null) {
            throw new RecordHeldException(stopped);
        }
        if (r.problem() != null) {
            throw new RecordException("INVALID_RECORD", r.problem());
        }
        if (r.duplicateOf() != null) {
            FeedDefinition feed = run.feed();
            throw new RecordException("DUPLICATE_IN_FILE", "another record for " + feed.keyField() + " '"
                    + r.key() + "' comes first, in row " + r.duplicateOf() + "; this one was not sent. "
                    + APPLIES_IF_DROPPED_BACK);
        }
    }

    /** A record not started because its file stopped: no outcome, it stays for the next run. */
    public void held(Exchange exchange) {
        FileRun run = exchange.getProperty(RunProperties.RUN, FileRun.class);
        InputRecord r = exchange.getProperty(RunProperties.RECORD, InputRecord.class);
        if (r == null) {
            r = exchange.getMessage().getBody(InputRecord.class);
        }
        r.endTurn();
        run.results().skip(r);
        run.counts.held.increment();
    }
}
