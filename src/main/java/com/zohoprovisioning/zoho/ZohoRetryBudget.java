package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code retryWhile} predicates of {@code routes/error-handling.yaml}. {@link #again}: a call that reached Zoho
 * and failed (429, 5xx, reset, timeout), or whose connection was refused or timed out, is tried again up to
 * {@code zoho.retry.max-redeliveries} times; one whose address names nothing reachable (unknown host, no route) is
 * not: it fails at once, naming the host ({@link ZohoUnreachableException#apiMessage}).
 * {@link #whilePaused}: a call the circuit breaker did not let through (Zoho down) waits and is tried again for up
 * to {@code zoho.breaker.max-pause-ms}, without using up its retries. The counters belong to the call
 * ({@link ZohoCall}): each Zoho call starts with a fresh budget.
 */
public class ZohoRetryBudget {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoRetryBudget.class);

    private final int maxRetries;
    private final long maxPauseNanos;
    private volatile long lastWarnNanos = System.nanoTime() - 60_000_000_000L;

    public ZohoRetryBudget(int maxRetries, long maxPauseMs) {
        this.maxRetries = maxRetries;
        this.maxPauseNanos = maxPauseMs * 1_000_000L;
    }

    public boolean again(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        if (call == null) {
            return false;
        }
        Exception e = failure(exchange);
        if (e != null && ZohoUnreachableException.refusedAtOnce(e)) {
            return false; // never reached Zoho, and would not in a second: the one line says what to check
        }
        if (e != null) {
            call.failed(e, e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException);
        }
        return call.failures() <= maxRetries;
    }

    public boolean whilePaused(Exchange exchange) {
        ZohoCall call = ZohoCall.of(exchange);
        if (call == null) {
            return false;
        }
        long now = System.nanoTime();
        long since = call.pausedSince(now);
        if (now - lastWarnNanos > 30_000_000_000L) {
            lastWarnNanos = now;
            LOG.warn("Zoho {} is failing (circuit breaker open): calls are paused and tried again until it answers",
                    call.api());
        }
        return now - since < maxPauseNanos;
    }

    private static Exception failure(Exchange exchange) {
        Exception e = exchange.getException();
        return e != null ? e : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
