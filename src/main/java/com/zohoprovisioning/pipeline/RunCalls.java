package com.zohoprovisioning.pipeline;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Zoho calls of one file, for its summary: by endpoint and API, the API credits Zoho reported left after the
 * file's first call and after its last, and in a dry run the writes a real run would send (its credit estimate).
 */
public final class RunCalls {

    private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    private final Set<String> apis = new ConcurrentSkipListSet<>();
    private final Map<String, long[]> credits = new ConcurrentHashMap<>();
    private final LongAdder dryRunWrites = new LongAdder();

    /** One HTTP attempt (retries included) to {@code endpoint} of {@code api}. */
    public void count(String api, String endpoint) {
        byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        apis.add(api);
    }

    public long total() {
        return byEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The calls by endpoint, sorted. */
    Map<String, Long> byEndpoint() {
        return RunCounts.sums(byEndpoint);
    }

    /** The Zoho APIs this file called (bigin, crm, mail). */
    public Set<String> apis() {
        return apis;
    }

    void creditsReported(String api, long left) {
        credits.compute(api, (k, v) -> v == null ? new long[] {left, left} : new long[] {v[0], left});
    }

    /** Per API: the credits left after the file's first call, and after its last. */
    Map<String, long[]> credits() {
        return credits;
    }

    /** A dry run: this many writes a real run would send. */
    void dryRunWrites(long n) {
        dryRunWrites.add(n);
    }

    long dryRunWrites() {
        return dryRunWrites.sum();
    }
}
