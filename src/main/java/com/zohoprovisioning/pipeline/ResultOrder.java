package com.zohoprovisioning.pipeline;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Result lines in input order, with memory bounded: records run concurrently and finish in any order, so each
 * record read gets the next sequence number ({@link #take}, in read order: blank and skipped rows have none, so the
 * numbers have no gaps), and its outcome waits here ({@link #put}) until every earlier record's line is written or
 * known to have none ({@link #skip}: a record held when its file stopped). At most {@code capacity} records are
 * between the oldest not yet written and the newest read: {@link #take} waits when there are more, so a slow record
 * (retries, a pause of the circuit breaker) holds back the reading of its file, never the memory. The journal is
 * written when a record finishes, not here: a crash loses nothing that waits here (the result files are rebuilt
 * from the journal).
 * <p>
 * No deadlock: the oldest record not written was handed to the record pool before every later one, whose queue is
 * first in, first out; later records finished, so it runs on a thread of its own, never on the one waiting here.
 */
final class ResultOrder {

    /** Writes one result line; an {@link UncheckedIOException} means the output cannot be written. */
    interface Sink {
        void write(InputRecord record, RecordOutcome outcome);
    }

    private record Waiting(InputRecord record, RecordOutcome outcome) {
    }

    /** Marks a sequence number whose record has no result line. */
    private static final Waiting NONE = new Waiting(null, null);

    private final int capacity;
    private final Sink sink;
    private final Map<Long, Waiting> waiting = new HashMap<>();
    /** Every sequence number below this one is written or skipped. */
    private long released;
    private long next;
    private boolean broken;
    private boolean stopped;

    ResultOrder(int capacity, Sink sink) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.sink = sink;
    }

    /** The records the buffer holds at most, for a record pool of this many threads (and a queue twice as long). */
    static int capacityFor(int threads) {
        return 8 * threads + 64;
    }

    /** The next record's sequence number; waits while {@code capacity} records are read and not yet written. */
    synchronized long take() {
        while (!stopped && next - released >= capacity) {
            try {
                wait();
            } catch (InterruptedException e) {
                // stopping: read on; the result files are rebuilt from the journal on the next run
                Thread.currentThread().interrupt();
                break;
            }
        }
        return next++;
    }

    /** The outcome of record {@code seq}; written now, with those after it that wait, when every earlier one is. */
    synchronized void put(long seq, InputRecord record, RecordOutcome outcome) {
        waiting.put(seq, new Waiting(record, outcome));
        release();
    }

    /** Record {@code seq} has no result line (held: it stays for a later run). */
    synchronized void skip(long seq) {
        waiting.put(seq, NONE);
        release();
    }

    /** The file stopped (runaway guard, output unwritable): {@link #take} waits no more. */
    synchronized void stopWaiting() {
        stopped = true;
        notifyAll();
    }

    /** How many outcomes wait for an earlier record. */
    synchronized int waiting() {
        return waiting.size();
    }

    /**
     * After the last record: writes what still waits, in order (nothing, when every record taken has an outcome or
     * was skipped).
     */
    synchronized void flush() {
        waiting.keySet().stream().sorted().toList().forEach(seq -> {
            Waiting w = waiting.remove(seq);
            if (w != NONE && !broken) {
                write(w);
            }
        });
        released = next;
        notifyAll();
    }

    private void release() {
        UncheckedIOException failure = null;
        Waiting w;
        while ((w = waiting.remove(released)) != null) {
            released++;
            if (w == NONE || broken) {
                continue;
            }
            try {
                sink.write(w.record(), w.outcome());
            } catch (UncheckedIOException e) {
                // the file stops (it stays in the inbox and resumes from its journal): nothing more is written
                broken = true;
                failure = e;
            }
        }
        notifyAll();
        if (failure != null) {
            throw failure;
        }
    }

    private void write(Waiting w) {
        try {
            sink.write(w.record(), w.outcome());
        } catch (UncheckedIOException e) {
            broken = true;
            throw e;
        }
    }
}
