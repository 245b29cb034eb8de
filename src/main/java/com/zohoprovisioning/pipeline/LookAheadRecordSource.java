package com.zohoprovisioning.pipeline;

import java.util.NoSuchElementException;

/**
 * A record source that reads one record ahead: {@link #advance} puts the next record in {@link #pending} (or null
 * at the end), so that a read error becomes that record's problem and the stream still ends cleanly.
 */
public abstract class LookAheadRecordSource implements RecordSource {

    /** The next record to hand out, or null when there is none. */
    protected InputRecord pending;

    /** Reads the next record into {@link #pending}; leaves it null at the end. */
    protected abstract void advance();

    @Override
    public final boolean hasNext() {
        return pending != null;
    }

    @Override
    public final InputRecord next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        InputRecord r = pending;
        advance();
        return r;
    }
}
