package com.zohoprovisioning.pipeline;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one file's run ({@code zpRun.counts}): records read, their outcomes by action and code, those
 * replayed from the journal or left by a stop, and what the runaway guard watches. Written by the record threads.
 */
final class RunCounts {

    final AtomicLong read = new AtomicLong();
    final LongAdder succeeded = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Map<String, LongAdder> byAction = new ConcurrentHashMap<>();
    final Map<String, LongAdder> byCode = new ConcurrentHashMap<>();
    final LongAdder resumed = new LongAdder();
    /** Records not started because the run stopped (no outcome: they stay for the next run). */
    final LongAdder held = new LongAdder();
    final AtomicInteger consecutiveZohoFailures = new AtomicInteger();
    final AtomicBoolean percentChecked = new AtomicBoolean();
    volatile long lastProgressNanos = System.nanoTime();
    /** After a stop: the records not read (nor sent) when it came, or -1 when they were not counted. */
    volatile long unread = -1;

    /**
     * A held file's records without an outcome: those skipped once the run stopped and those not read then, or -1
     * when unknown (held before its records were read).
     */
    long waiting() {
        return unread < 0 ? -1 : held.sum() + unread;
    }

    /** Counters as plain numbers, sorted by key (for summaries and notices). */
    static Map<String, Long> sums(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
