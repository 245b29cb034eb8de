package com.zohoprovisioning.zoho;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many calls one Zoho API may have in flight, and the gate that keeps to it. Pinned ({@code
 * zoho.<api>.max-concurrent = 8}) it is a plain limit. {@code auto} finds the org's limit while the calls run (AIMD, as
 * TCP does): start at {@link #START}; while no 429 was met, one more per call answered (slow start); after a 429, one
 * more per window of {@code limit} calls answered, but near the level a 429 was met only after
 * {@link #PROBE_ROUNDS} windows (a probe: rare, so few calls are answered 429); a 429 takes the limit down to
 * {@link #DECREASE} of the calls then in flight (at least 1). Never above {@code zoho.max-concurrent-ceiling}. A 429
 * of a call sent before the last decrease changes nothing more (it was sent at the old level).
 */
public final class AdaptiveLimit {

    public static final int START = 2;
    static final double DECREASE = 0.75;
    static final int PROBE_ROUNDS = 20;
    /** The limit counts as settled after this many windows without a change. */
    static final int SETTLED_ROUNDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(AdaptiveLimit.class);

    /** What an answer says about the limit: room to grow, too many (429), or nothing (5xx, no answer). */
    public enum Signal { ANSWERED, RATE_LIMITED, NONE }

    /** One place among the calls in flight, held from before the call goes out until its answer. */
    public final class Permit {
        private final int inFlight;
        private final long epoch;
        private boolean released;

        private Permit(int inFlight, long epoch) {
            this.inFlight = inFlight;
            this.epoch = epoch;
        }

        /** The calls in flight when this one went out, itself included. */
        public int inFlight() {
            return inFlight;
        }

        /** Gives the place back (once; later calls do nothing), telling what the answer said. */
        public void release(Signal signal) {
            AdaptiveLimit.this.release(this, signal);
        }
    }

    private final String api;
    private final boolean auto;
    private final int ceiling;
    private int limit;
    private int inFlight;
    private boolean slowStart = true;
    private int failedAt;
    private int successes;
    private int unchanged;
    private long epoch;
    private int settledLogged;

    private AdaptiveLimit(String api, boolean auto, int limit, int ceiling) {
        this.api = api;
        this.auto = auto;
        this.limit = limit;
        this.ceiling = ceiling;
    }

    public static AdaptiveLimit pinned(String api, int limit) {
        return new AdaptiveLimit(api, false, Math.max(1, limit), Math.max(1, limit));
    }

    public static AdaptiveLimit auto(String api, int ceiling) {
        return new AdaptiveLimit(api, true, Math.min(START, ceiling), Math.max(1, ceiling));
    }

    public String api() {
        return api;
    }

    public boolean isAuto() {
        return auto;
    }

    /** The most this limit can be: the ceiling ({@code auto}) or the pinned value. */
    public int ceiling() {
        return ceiling;
    }

    public synchronized int limit() {
        return limit;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** Waits for a place among the calls in flight. */
    public synchronized Permit acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
        return new Permit(inFlight, epoch);
    }

    private synchronized void release(Permit p, Signal signal) {
        if (p.released) {
            return;
        }
        p.released = true;
        inFlight--;
        if (auto) {
            adapt(p, signal);
        }
        notifyAll();
    }

    private void adapt(Permit p, Signal signal) {
        if (signal == Signal.RATE_LIMITED) {
            if (p.epoch == epoch) {
                // the calls in flight when Zoho refused this one: at least those when it went out, and those still
                // out now (the order they reached Zoho in is not the order they went out in)
                int level = Math.min(limit, Math.max(p.inFlight, inFlight + 1));
                slowStart = false;
                failedAt = level;
                change(Math.max(1, (int) (level * DECREASE)));
                LOG.debug("Zoho {}: 429 with {} calls in flight; limit now {}", api, level, limit);
            }
            return;
        }
        if (signal != Signal.ANSWERED) {
            return;
        }
        successes++;
        unchanged++;
        boolean probe = failedAt > 0 && limit + 1 >= failedAt;
        int window = slowStart ? 1 : probe ? limit * PROBE_ROUNDS : limit;
        if (limit < ceiling && successes >= window) {
            change(limit + 1);
            if (failedAt > 0 && limit > failedAt) {
                failedAt = 0; // the level that met a 429 is passed now: Zoho allows more than it did
            }
        } else if (unchanged >= SETTLED_ROUNDS * limit && settledLogged != limit) {
            settledLogged = limit;
            LOG.info("Zoho {}: calls in flight settled at {} (auto, ceiling {})", api, limit, ceiling);
        }
    }

    private void change(int newLimit) {
        if (newLimit < limit) {
            epoch++;
        }
        limit = newLimit;
        successes = 0;
        unchanged = 0;
    }
}
