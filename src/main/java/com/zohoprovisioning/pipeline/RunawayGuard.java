package com.zohoprovisioning.pipeline;

import java.util.Set;

/**
 * Decides when a file must stop calling Zoho: {@code max-consecutive} records in a row failed on Zoho's side
 * (unreachable, rate-limited, authentication: a bad token or a wrong data centre), or more than
 * {@code max-error-percent} % of the first {@code first-records} records failed for any reason. 0 switches a rule off.
 */
public final class RunawayGuard {

    static final Set<String> ZOHO_SIDE = Set.of("ZOHO_UNAVAILABLE", "TOO_MANY_REQUESTS", "AUTH_FAILED", "INVALID_TOKEN",
            "INVALID_OAUTHTOKEN", "AUTHENTICATION_FAILURE", "OAUTH_SCOPE_MISMATCH", "INVALID_URL_PATTERN", "NO_PERMISSION");

    private final int maxConsecutive;
    private final int firstRecords;
    private final int maxErrorPercent;

    public RunawayGuard(int maxConsecutive, int firstRecords, int maxErrorPercent) {
        this.maxConsecutive = maxConsecutive;
        this.firstRecords = firstRecords;
        this.maxErrorPercent = maxErrorPercent;
    }

    public static RunawayGuard off() {
        return new RunawayGuard(0, 0, 0);
    }

    /** Called after each outcome of the run: the reason to stop, or null to go on. */
    String check(FileRun run, RecordOutcome o) {
        if (!o.success() && ZOHO_SIDE.contains(o.code())) {
            int c = run.counts.consecutiveZohoFailures.incrementAndGet();
            if (maxConsecutive > 0 && c >= maxConsecutive) {
                return c + " records in a row failed on Zoho's side (last: " + o.code() + ": " + o.message() + ")";
            }
        } else {
            run.counts.consecutiveZohoFailures.set(0);
        }
        if (maxErrorPercent > 0 && firstRecords > 0) {
            long failed = run.counts.failed.sum();
            long done = run.counts.succeeded.sum() + failed;
            if (done >= firstRecords && run.counts.percentChecked.compareAndSet(false, true) && failed * 100 > (long) maxErrorPercent * done) {
                return failed + " of the first " + done + " records failed (more than " + maxErrorPercent + " %)";
            }
        }
        return null;
    }
}
