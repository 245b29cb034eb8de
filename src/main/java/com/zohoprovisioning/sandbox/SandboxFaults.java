package com.zohoprovisioning.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Injected misbehaviour of the sandbox: latency, a concurrency and a per-minute limit (HTTP 429
 * {@code TOO_MANY_REQUESTS}, optionally with {@code Retry-After}), and a random 5xx rate. Settable at start
 * ({@code sandbox.*}) and at runtime through {@code /__sandbox/faults}. Also: connection resets before an answer,
 * answers lost after the call was carried out, a "down" switch (every API call 503), and a CRM user-group PUT that
 * replaces the member list instead of adding to it ({@link #groupPutReplaces}). The random faults follow a
 * fixed sequence from each change of settings (a seeded generator), so the n-th call after a change always meets the
 * same fault: a test or a benchmark with injected faults is repeatable.
 */
public final class SandboxFaults {

    /**
     * @param resetRate   share of calls whose connection is closed before any answer (the client sees a reset)
     * @param dropRate    share of calls that are carried out, but whose answer is lost (connection closed after)
     * @param down        every API call answers 503 (Zoho down), until switched off
     * @param creditsPerDay the org's API credits per rolling window (each call answered costs one; 0: no budget)
     * @param creditsWindowSeconds the rolling window of the credits (Zoho's: 24 h)
     */
    public record Settings(long latencyMs, int maxConcurrent, int maxPerMinute, int retryAfterSeconds, double errorRate,
                           double resetRate, double dropRate, boolean down, long creditsPerDay,
                           long creditsWindowSeconds) {
        public Settings(long latencyMs, int maxConcurrent, int maxPerMinute, int retryAfterSeconds, double errorRate) {
            this(latencyMs, maxConcurrent, maxPerMinute, retryAfterSeconds, errorRate, 0, 0, false, 0, 86400);
        }
    }

    /** The header Zoho answers with the credits left in the window. */
    public static final String CREDITS_REMAINING = "X-API-CREDITS-REMAINING";

    static final long SEED = 20261123L;

    private volatile Settings settings;
    private volatile boolean groupPutReplaces;
    private volatile Random random = new Random(SEED);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Deque<Long> lastMinute = new ArrayDeque<>();
    /** When each credit of the window was spent (nanoTime), oldest first. */
    private final Deque<Long> creditsSpent = new ArrayDeque<>();

    public SandboxFaults(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    public void update(Settings s) {
        this.random = new Random(SEED);
        this.settings = s;
    }

    /**
     * A behaviour Zoho's documents rule out but no live org has confirmed: the CRM user-group PUT replaces the
     * group's whole member list with the sources sent, instead of adding them (set through {@code /__sandbox/faults}
     * {@code {"groupPutReplaces":true}}; {@code /__sandbox/reset} switches it off).
     */
    public boolean groupPutReplaces() {
        return groupPutReplaces;
    }

    public void groupPutReplaces(boolean replaces) {
        this.groupPutReplaces = replaces;
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    public int rejected() {
        return rejected.get();
    }

    public void resetCounters() {
        peakInFlight.set(0);
        rejected.set(0);
        synchronized (lastMinute) {
            lastMinute.clear();
        }
        synchronized (creditsSpent) {
            creditsSpent.clear();
        }
    }

    /** Runs an API call under the limits; answers 429 or 503 instead when a fault applies. */
    public SandboxResponse around(SandboxHandler handler, SandboxRequest request) throws Exception {
        Settings s = settings;
        int now = inFlight.incrementAndGet();
        try {
            peakInFlight.accumulateAndGet(now, Math::max);
            if (s.maxConcurrent() > 0 && now > s.maxConcurrent()) {
                return tooMany(s, "concurrency limit exceeded", -1);
            }
            if (s.maxPerMinute() > 0 && !takeMinuteSlot(s.maxPerMinute())) {
                return tooMany(s, "API call limit per minute exceeded", -1);
            }
            long credits = takeCredit(s);
            if (credits < 0) {
                return tooMany(s, "the API credits of the 24-hour period are used up", 0);
            }
            if (s.latencyMs() > 0) {
                Thread.sleep(s.latencyMs());
            }
            if (s.down()) {
                return SandboxResponse.error(503, "INTERNAL_ERROR", "Service unavailable (injected outage)", null);
            }
            if (s.resetRate() > 0 && random.nextDouble() < s.resetRate()) {
                return SandboxResponse.RESET;
            }
            if (s.errorRate() > 0 && random.nextDouble() < s.errorRate()) {
                return SandboxResponse.error(503, "INTERNAL_ERROR", "Service temporarily unavailable (injected)", null);
            }
            SandboxResponse answer = handler.handle(request);
            if (s.dropRate() > 0 && random.nextDouble() < s.dropRate()) {
                return SandboxResponse.RESET;
            }
            return credits == Long.MAX_VALUE ? answer : answer.withHeader(CREDITS_REMAINING, String.valueOf(credits));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private boolean takeMinuteSlot(int max) {
        long now = System.nanoTime();
        synchronized (lastMinute) {
            while (!lastMinute.isEmpty() && now - lastMinute.peekFirst() > 60_000_000_000L) {
                lastMinute.pollFirst();
            }
            if (lastMinute.size() >= max) {
                return false;
            }
            lastMinute.addLast(now);
            return true;
        }
    }

    /**
     * Spends one credit of the rolling window: the credits left after it, -1 when none was left, or
     * {@link Long#MAX_VALUE} when the org has no budget ({@code sandbox.credits-per-day} 0).
     */
    private long takeCredit(Settings s) {
        if (s.creditsPerDay() <= 0) {
            return Long.MAX_VALUE;
        }
        long now = System.nanoTime();
        synchronized (creditsSpent) {
            while (!creditsSpent.isEmpty() && now - creditsSpent.peekFirst() > s.creditsWindowSeconds() * 1_000_000_000L) {
                creditsSpent.pollFirst();
            }
            if (creditsSpent.size() >= s.creditsPerDay()) {
                return -1;
            }
            creditsSpent.addLast(now);
            return s.creditsPerDay() - creditsSpent.size();
        }
    }

    /** The credits left in the window now (a test hook), or -1 when the org has no budget. */
    public long creditsLeft() {
        Settings s = settings;
        if (s.creditsPerDay() <= 0) {
            return -1;
        }
        long now = System.nanoTime();
        synchronized (creditsSpent) {
            while (!creditsSpent.isEmpty() && now - creditsSpent.peekFirst() > s.creditsWindowSeconds() * 1_000_000_000L) {
                creditsSpent.pollFirst();
            }
            return Math.max(0, s.creditsPerDay() - creditsSpent.size());
        }
    }

    /** Forgets the credits spent: the window starts afresh (a test hook). */
    public void refillCredits() {
        synchronized (creditsSpent) {
            creditsSpent.clear();
        }
    }

    private SandboxResponse tooMany(Settings s, String message, long credits) {
        rejected.incrementAndGet();
        SandboxResponse r = SandboxResponse.error(429, "TOO_MANY_REQUESTS", message, null);
        if (credits >= 0) {
            return r.withHeader(CREDITS_REMAINING, String.valueOf(credits));
        }
        return s.retryAfterSeconds() > 0 ? r.withHeader("Retry-After", String.valueOf(s.retryAfterSeconds())) : r;
    }
}
