package com.zohoprovisioning.zoho;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code retryWhile} predicates of {@code routes/error-handling.yaml}. {@link #again}: a call that reached Zoho
 * and failed (429, 5xx, reset, timeout) is tried again up to {@code zoho.retry.max-redeliveries} times.
 * {@link #whilePaused}: a call the circuit breaker did not let through (Zoho down) waits and is tried again for up
 * to {@code zoho.breaker.max-pause-ms}, without using up its retries. Counters live in the exchange's
 * {@code zpRetry*} properties, reset by {@link #reset} at the start of each Zoho call.
 */
public class ZohoRetryBudget {

    private static final Logger LOG = LoggerFactory.getLogger(ZohoRetryBudget.class);
    static final String FAILURES = "zpRetryFailures";
    static final String LAST = "zpRetryLast";
    static final String PAUSED_SINCE = "zpRetryPausedSince";
    /** Attempts whose answer never came (reset, timeout): a later DUPLICATE_DATA on an add means the first one worked. */
    public static final String IO_FAILURES = "zpRetryIoFailures";

    private final int maxRetries;
    private final long maxPauseNanos;
    private volatile long lastWarnNanos = System.nanoTime() - 60_000_000_000L;

    public ZohoRetryBudget(int maxRetries, long maxPauseMs) {
        this.maxRetries = maxRetries;
        this.maxPauseNanos = maxPauseMs * 1_000_000L;
    }

    /** At the start of one Zoho call (all its attempts): a fresh budget. */
    public void reset(Exchange exchange) {
        exchange.removeProperty(FAILURES);
        exchange.removeProperty(LAST);
        exchange.removeProperty(PAUSED_SINCE);
        exchange.removeProperty(IO_FAILURES);
    }

    public boolean again(Exchange exchange) {
        Exception e = failure(exchange);
        int failures = exchange.getProperty(FAILURES, 0, Integer.class);
        if (e != null && e != exchange.getProperty(LAST)) {
            exchange.setProperty(LAST, e);
            exchange.setProperty(FAILURES, ++failures);
            if (e instanceof java.io.IOException || e.getCause() instanceof java.io.IOException) {
                exchange.setProperty(IO_FAILURES, exchange.getProperty(IO_FAILURES, 0, Integer.class) + 1);
            }
        }
        return failures <= maxRetries;
    }

    public boolean whilePaused(Exchange exchange) {
        long now = System.nanoTime();
        Long since = exchange.getProperty(PAUSED_SINCE, Long.class);
        if (since == null) {
            exchange.setProperty(PAUSED_SINCE, now);
            since = now;
        }
        if (now - lastWarnNanos > 30_000_000_000L) {
            lastWarnNanos = now;
            LOG.warn("Zoho {} is failing (circuit breaker open): calls are paused and tried again until it answers",
                    exchange.getProperty("zpApi", "bigin", String.class));
        }
        return now - since < maxPauseNanos;
    }

    private static Exception failure(Exchange exchange) {
        Exception e = exchange.getException();
        return e != null ? e : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }
}
